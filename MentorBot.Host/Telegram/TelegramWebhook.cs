using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace MentorBot.Host.Telegram;

/// <summary>
/// The webhook endpoint (Bot API setWebhook): checks <c>X-Telegram-Bot-Api-Secret-Token</c>, records the
/// update in the inbox and only then answers 200; a wrong or missing secret gets 401 and nothing is recorded.
/// </summary>
public static class TelegramWebhook
{
    /// <summary>The path Telegram posts to.</summary>
    public const string Path = "/telegram/webhook";

    /// <summary>The header carrying the secret (Bot API).</summary>
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Maps the endpoint, accepting only <paramref name="secret"/>.</summary>
    public static IEndpointConventionBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints, string secret) =>
        endpoints.MapPost(Path, async (HttpContext http, UpdateInbox inbox, InboxSignal signal) =>
        {
            var given = http.Request.Headers[SecretHeader].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret)))
                return Results.Unauthorized();

            Update? update;
            try
            {
                update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            if (update is null) return Results.BadRequest();
            await inbox.RecordAsync(TelegramPolling.Source, [TelegramPolling.ToInbound(update)], http.RequestAborted);
            signal.Notify();
            return Results.Ok();
        });
}
