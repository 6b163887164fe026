using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Host.Max;

/// <summary>
/// MAX's webhook endpoint: checks <c>X-Max-Bot-Api-Secret</c> on every call in fixed time (401 and nothing recorded
/// otherwise), records the update in the inbox and only then answers 200 (MAX retries an unanswered call for 8 hours;
/// the derived id records a redelivery once). A body over <see cref="MaxBodyBytes"/> gets 413, one that is not an update 400.
/// </summary>
public static class MaxWebhook
{
    /// <summary>The path MAX posts to (the path of <c>MENTORBOT_MAX_WEBHOOK_URL</c> must end here).</summary>
    public const string Path = "/max/webhook";

    /// <summary>The largest body accepted (413 above).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Maps the endpoint, accepting only <paramref name="secret"/>.</summary>
    public static IEndpointConventionBuilder MapMaxWebhook(this IEndpointRouteBuilder endpoints, string secret)
    {
        var recorder = WebhookInbox.For(endpoints, typeof(MaxWebhook).FullName!, "MAX webhook");
        return endpoints.MapPost(Path, async (HttpContext http) =>
        {
            var given = http.Request.Headers[MaxBotClient.WebhookSecretHeader].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret)))
                return Results.Unauthorized();
            if (await WebhookBody.ReadAsync(http.Request, MaxBodyBytes) is not { } bytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            Update update;
            try
            {
                update = MaxJson.ReadUpdate(Encoding.UTF8.GetString(bytes));
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            return await recorder.RecordAsync(MaxUpdates.Source, MaxUpdates.ToInbound(update), http.RequestAborted);
        });
    }
}

/// <summary>
/// Subscribes the bot's webhook at start (<c>POST /subscriptions</c> with <see cref="MaxOptions.WebhookUrl"/>, the
/// handled update types and the secret), retrying with a growing pause and one log line per failure until MAX accepts.
/// </summary>
public sealed class MaxWebhookSubscription(MaxBotClient client, MaxOptions options, MaxHealth health, TimeProvider time, ILogger<MaxWebhookSubscription> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var failures = 1; !stoppingToken.IsCancellationRequested; failures++)
        {
            try
            {
                await client.Subscribe(new SubscriptionRequestBody { Url = options.WebhookUrl, UpdateTypes = UpdateTypes.Handled, Secret = options.WebhookSecret }, stoppingToken);
                health.Healthy();
                logger.LogInformation("MAX webhook subscribed");
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(60, 1 << Math.Min(failures, 6)));
                var problem = MaxHealth.Describe(e);
                health.Unhealthy("MAX webhook subscription failed: " + problem);
                logger.LogWarning("MAX webhook subscription failed: {Problem}; retrying in {Delay:g}", problem, delay);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }
}
