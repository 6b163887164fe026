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
/// update in the inbox and only then answers 200; a wrong or missing secret gets 401 and nothing is recorded; a body
/// over <see cref="MaxBodyBytes"/> gets 413, one that is not a readable update 400.
/// </summary>
public static class TelegramWebhook
{
    /// <summary>The path Telegram posts to.</summary>
    public const string Path = "/telegram/webhook";

    /// <summary>The largest body accepted (413 above): far above any update Telegram sends.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The header carrying the secret (Bot API).</summary>
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Maps the endpoint, accepting only <paramref name="secret"/>.</summary>
    public static IEndpointConventionBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints, string secret)
    {
        var recorder = WebhookInbox.For(endpoints, typeof(TelegramWebhook).FullName!, "Telegram webhook");
        return endpoints.MapPost(Path, async (HttpContext http) =>
        {
            var given = http.Request.Headers[SecretHeader].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret)))
                return Results.Unauthorized();

            // Telegram's updates are a few kilobytes; Kestrel's default would take 30 MB (issue 12 item 9).
            if (await WebhookBody.ReadAsync(http.Request, MaxBodyBytes) is not { } bytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

            JsonElement body;
            try
            {
                body = JsonSerializer.Deserialize<JsonElement>(bytes, JsonBotAPI.Options);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            // Unreadable (no update_id, an out-of-range date): 400, nothing recorded.
            if (TelegramUpdates.ToInbound(body) is not { Error: null } update) return Results.BadRequest();
            return await recorder.RecordAsync(TelegramPolling.Source, update, http.RequestAborted);
        });
    }
}
