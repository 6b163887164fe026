using MentorBot.Host.Configuration;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace MentorBot.Host.Telegram;

/// <summary>
/// Connects to the Bot API in the background (issue 12 item 6): sets or deletes the webhook to match the receive mode,
/// then publishes the command menu (setMyCommands; tolerated when the server does not support it, as the emulator does
/// not). The host starts whatever the Bot API does: while it is unreachable or refuses the token, one line per attempt
/// says why, <see cref="TelegramHealth"/> reports it on <c>/healthz</c>, and the attempt is repeated with backoff
/// (1 s doubling to <see cref="MaxRetryDelay"/>).
/// </summary>
public sealed class TelegramStartup(ITelegramBotClient client, ChatRoutes routes, MentorBotOptions options, TelegramHealth health, TimeProvider time, ILogger<TelegramStartup> logger) : BackgroundService
{
    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>The wait after <paramref name="failures"/> failed attempts in a row: 1 s doubling, capped at <see cref="MaxRetryDelay"/>.</summary>
    public static TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetryDelay.TotalSeconds, 1 << Math.Min(Math.Max(failures - 1, 0), 10)));

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var failures = 1; !stoppingToken.IsCancellationRequested; failures++)
        {
            try
            {
                await ConnectAsync(stoppingToken);
                health.Healthy();
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                var problem = TelegramHealth.Describe(e);
                health.Unhealthy(problem);
                var delay = RetryDelay(failures);
                logger.LogWarning("{Problem}; retrying in {Delay:g}", problem, delay);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
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

        try
        {
            await client.SetMyCommands(routes.Menu.Select(c => new BotCommand { Command = c.Command, Description = c.Description }), cancellationToken: cancellationToken);
        }
        catch (RequestException e) when (e is not ApiRequestException { ErrorCode: 401 })
        {
            logger.LogWarning("setMyCommands is not available ({Error}); the command menu stays as it was", TelegramSecrets.Scrub(e.Message));
        }
    }
}
