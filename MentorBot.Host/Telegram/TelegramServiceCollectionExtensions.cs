using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace MentorBot.Host.Telegram;

/// <summary>Registers the Bot API client.</summary>
public static class TelegramServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the client uses; tests reconfigure it to reach a fake Bot API.</summary>
    public const string HttpClientName = "MentorBot.Telegram";

    /// <summary>
    /// Registers <see cref="ITelegramBotClient"/> as a singleton over a named HttpClient without the
    /// factory's request loggers: they log "POST https://api.telegram.org/bot{token}/…", token included.
    /// </summary>
    public static IServiceCollection AddTelegramBotClient(this IServiceCollection services, Func<IServiceProvider, TelegramBotClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers()
            // Time limits are per request (TelegramBotClient); HttpClient.Timeout would cut long polls short.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The singleton keeps one HttpClient for the process; recycling pooled connections keeps DNS changes visible.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<ITelegramBotClient>(provider => new TelegramBotClient(
            options(provider),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetService<ILogger<TelegramBotClient>>()));
        return services;
    }
}
