using MentorBot.Host.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

/// <summary>
/// Records a webhook call's update in the inbox and answers: 200 once it is recorded, 503 while PostgreSQL is away (the
/// messenger delivers it again later), with one log line when the outage starts and one when it ends — not a stack
/// trace per call (issue 12 item 10).
/// </summary>
/// <param name="inbox">The inbox.</param>
/// <param name="signal">Wakes the update processor.</param>
/// <param name="outage">The endpoint's outage log (one per endpoint).</param>
public sealed class WebhookInbox(UpdateInbox inbox, InboxSignal signal, DatabaseOutage outage)
{
    /// <summary>Records <paramref name="update"/> from <paramref name="source"/>; the result to answer with.</summary>
    public async Task<IResult> RecordAsync(string source, InboundUpdate update, CancellationToken cancellationToken)
    {
        try
        {
            await inbox.RecordAsync(source, [update], cancellationToken);
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e))
        {
            outage.Failed(e);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        outage.Succeeded();
        signal.Notify();
        return Results.Ok();
    }

    /// <summary>The recorder of one endpoint, logging as <paramref name="component"/> under <paramref name="category"/>.</summary>
    public static WebhookInbox For(IEndpointRouteBuilder endpoints, string category, string component)
    {
        var services = endpoints.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(category);
        return new WebhookInbox(services.GetRequiredService<UpdateInbox>(), services.GetRequiredService<InboxSignal>(), new DatabaseOutage(logger, component));
    }
}
