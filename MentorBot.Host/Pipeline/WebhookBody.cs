using Microsoft.AspNetCore.Http;

namespace MentorBot.Host.Pipeline;

/// <summary>Reads a webhook call's body with a cap (issue 12 item 9: Kestrel's default would take 30 MB).</summary>
public static class WebhookBody
{
    /// <summary>The body's bytes, or null when it is longer than <paramref name="maxBytes"/> (the caller answers 413).</summary>
    public static async Task<ArraySegment<byte>?> ReadAsync(HttpRequest request, int maxBytes)
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
