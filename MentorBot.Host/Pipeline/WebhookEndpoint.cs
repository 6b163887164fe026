using System.Security.Cryptography;
using System.Text;
using MentorBot.Host.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MentorBot.Host.Pipeline;

/// <summary>
/// A messenger's webhook endpoint, the same for each: the secret header checked in fixed time on every call (401 and
/// nothing recorded otherwise), the body capped (413 above; issue 12 item 9: Kestrel's default would take 30 MB), a body
/// that is not an update refused (400, nothing recorded), and 200 only after the update is in the inbox
/// (DESIGN.md decision 4: the messenger redelivers whatever was not answered).
/// </summary>
public static class WebhookEndpoint
{
    /// <summary>The largest body accepted (413 above): far above any update Telegram or MAX sends.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Maps <c>POST <paramref name="path"/></c>.</summary>
    /// <param name="endpoints">The host's routes.</param>
    /// <param name="path">The path the messenger posts to.</param>
    /// <param name="secretHeader">The header the messenger puts the secret in.</param>
    /// <param name="secret">The secret given to the messenger when subscribing.</param>
    /// <param name="source">The inbox source the updates are recorded under.</param>
    /// <param name="read">The update in a body, or null when the body is not a storable update (the caller answers 400); must not throw.</param>
    public static IEndpointConventionBuilder MapWebhook(this IEndpointRouteBuilder endpoints, string path, string secretHeader, string secret, string source,
        Func<ArraySegment<byte>, InboundUpdate?> read) =>
        endpoints.MapPost(path, async (HttpContext http, UpdateInbox inbox, InboxSignal signal) =>
        {
            var given = http.Request.Headers[secretHeader].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret)))
                return Results.Unauthorized();
            if (await ReadBodyAsync(http.Request, MaxBodyBytes) is not { } bytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            if (read(bytes) is not { } update) return Results.BadRequest();
            await inbox.RecordAsync(source, [update], http.RequestAborted);
            signal.Notify();
            return Results.Ok();
        });

    /// <summary>The body's bytes, or null when it is longer than <paramref name="maxBytes"/> (the caller answers 413).</summary>
    private static async Task<ArraySegment<byte>?> ReadBodyAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
