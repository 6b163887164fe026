using System.Text.Json;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Telegram.Bot;

namespace MentorBot.Host.Telegram;

/// <summary>
/// The webhook endpoint (Bot API setWebhook) on <see cref="WebhookEndpoint"/>: the secret in
/// <c>X-Telegram-Bot-Api-Secret-Token</c>, an update that is not readable or storable (no update_id, an out-of-range
/// date) refused with 400.
/// </summary>
public static class TelegramWebhook
{
    /// <summary>The path Telegram posts to.</summary>
    public const string Path = "/telegram/webhook";

    /// <summary>The header carrying the secret (Bot API).</summary>
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Maps the endpoint, accepting only <paramref name="secret"/>.</summary>
    public static IEndpointConventionBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints, string secret) =>
        endpoints.MapWebhook(Path, SecretHeader, secret, TelegramPolling.Source, Read);

    private static InboundUpdate? Read(ArraySegment<byte> body)
    {
        try
        {
            return TelegramUpdates.ToInbound(JsonSerializer.Deserialize<JsonElement>(body, JsonBotAPI.Options)) is { Error: null } update ? update : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
