using System.Text;
using System.Text.Json;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Host.Max;

/// <summary>
/// MAX's webhook endpoint on <see cref="WebhookEndpoint"/>: the secret in <c>X-Max-Bot-Api-Secret</c> (MAX retries an
/// unanswered call for 8 hours; the derived id records a redelivery once), a body that is not an update refused with 400.
/// </summary>
public static class MaxWebhook
{
    /// <summary>The path MAX posts to (the path of <c>MENTORBOT_MAX_WEBHOOK_URL</c> must end here).</summary>
    public const string Path = "/max/webhook";

    /// <summary>Maps the endpoint, accepting only <paramref name="secret"/>.</summary>
    public static IEndpointConventionBuilder MapMaxWebhook(this IEndpointRouteBuilder endpoints, string secret) =>
        endpoints.MapWebhook(Path, MaxBotClient.WebhookSecretHeader, secret, MaxUpdates.Source, Read);

    private static InboundUpdate? Read(ArraySegment<byte> body)
    {
        try
        {
            return MaxUpdates.ToInbound(MaxJson.ReadUpdate(Encoding.UTF8.GetString(body)));
        }
        catch (JsonException)
        {
            return null;
        }
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
