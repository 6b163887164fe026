using MentorBot.Host.Configuration;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace MentorBot.Host.Telegram;

/// <summary>
/// At start: publishes the command menu (setMyCommands; tolerated when the server does not support it,
/// as the emulator does not) and sets or deletes the webhook to match the receive mode.
/// </summary>
public sealed class TelegramStartup(ITelegramBotClient client, ChatRoutes routes, MentorBotOptions options, ILogger<TelegramStartup> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.SetMyCommands(routes.Menu.Select(c => new BotCommand { Command = c.Command, Description = c.Description }), cancellationToken: cancellationToken);
        }
        catch (RequestException e)
        {
            logger.LogWarning("setMyCommands is not available ({Error}); the command menu stays as it was", TelegramSecrets.Scrub(e.Message));
        }

        if (options.Mode == ReceiveMode.Webhook)
        {
            await client.SetWebhook(options.WebhookUrl, secretToken: options.WebhookSecret, cancellationToken: cancellationToken);
            logger.LogInformation("Webhook set; listening on {ListenUrl}{Path}", options.ListenUrl, TelegramWebhook.Path);
        }
        else
        {
            // getUpdates answers 409 while a webhook is set (Bot API).
            await client.DeleteWebhook(cancellationToken: cancellationToken);
            logger.LogInformation("Polling for updates");
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
