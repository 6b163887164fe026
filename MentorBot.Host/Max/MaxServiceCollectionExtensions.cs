using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace MentorBot.Host.Max;

/// <summary>Registers the MAX Bot API client and, in the running bot, MAX's receiver and sender.</summary>
public static class MaxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MaxBotClient"/> as a singleton over the named HttpClient <see cref="MaxBotClient.HttpClientName"/>
    /// without the factory's request loggers (they would log upload and download URLs, which carry MAX's signatures),
    /// with no HttpClient timeout of its own (the client times each request), and with pooled connections recycled
    /// every 5 minutes so DNS changes are seen. The options are never logged.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="options">Token, API root, time limits; <see cref="MaxOptions.IsConfigured"/> must be true.</param>
    public static IServiceCollection AddMaxBotClient(this IServiceCollection services, MaxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddHttpClient(MaxBotClient.HttpClientName)
            .RemoveAllLoggers()
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(provider => new MaxBotClient(
            options,
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(MaxBotClient.HttpClientName),
            provider.GetService<ILogger<MaxBotClient>>()));
        return services;
    }

    /// <summary>
    /// Serves MAX in the running bot (issue 16): the client, the receiver (long polling, or the webhook subscription when
    /// <see cref="MaxOptions.IsWebhook"/>; the endpoint is mapped by the host) and MAX's own outbox sender — its rate
    /// (<see cref="SenderRate"/> per second: MAX allows 30 requests a second and a file takes two), its 429 pause and its
    /// per-chat pacing, apart from Telegram's.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="options">MAX's settings; <see cref="MaxOptions.IsConfigured"/> must be true.</param>
    /// <param name="retryWindow">How long transient failures are retried (the bot's <c>MENTORBOT_SENDER_RETRY_HOURS</c>).</param>
    public static IServiceCollection AddMaxMessenger(this IServiceCollection services, MaxOptions options, TimeSpan retryWindow)
    {
        services.AddMaxBotClient(options);
        services.AddSingleton(options);
        services.AddSingleton<MaxHealth>();
        if (options.IsWebhook) services.AddHostedService<MaxWebhookSubscription>();
        else services.AddHostedService<MaxPolling>();
        var senderOptions = new OutboxSenderOptions { Messenger = Messengers.Max, RateKey = Messengers.Max, GlobalRatePerSecond = SenderRate, RetryWindow = retryWindow };
        services.AddHostedService(p => new OutboxSender(p.GetRequiredService<OutboxStore>(), new MaxDelivery(p.GetRequiredService<MaxBotClient>(), p.GetRequiredService<TimeProvider>()),
            p.GetRequiredService<OutboxSignal>(), p.GetRequiredService<TimeProvider>(), senderOptions, p.GetRequiredService<ILogger<OutboxSender>>()));
        return services;
    }

    /// <summary>Messages a second MAX's sender claims, all instances together (MAX: 30 requests a second per bot).</summary>
    public const int SenderRate = 20;
}
