using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace MentorBot.Host.Max;

/// <summary>Registers the MAX Bot API client (for the wiring, docs/max.md; the host does not call it yet).</summary>
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
}
