using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telegram.Bot;

namespace MentorBot.Host.Telegram;

/// <summary>Registers Telegram.Bot's client, configured for a bot whose sending goes through the outbox.</summary>
public static class TelegramServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the client uses; tests reconfigure its handler to reach a fake Bot API or the emulator.</summary>
    public const string HttpClientName = "MentorBot.Telegram";

    /// <summary>The Bot API root of Telegram itself.</summary>
    public const string TelegramApiUrl = "https://api.telegram.org";

    /// <summary>
    /// The HTTP time limit of every call: above the long-poll timeout (<see cref="PollingOptions.TimeoutSeconds"/>,
    /// during which Telegram holds getUpdates open) plus a round trip. Sends get their own shorter limit from the sender.
    /// </summary>
    public static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(PollingOptions.DefaultTimeoutSeconds + 15);

    /// <summary>
    /// Registers <see cref="ITelegramBotClient"/> (<see cref="TelegramBotClient"/>) as a singleton over a named
    /// HttpClient without the factory's request loggers — they write "POST https://api.telegram.org/bot{token}/…",
    /// token included — with <see cref="HttpTimeout"/>, and with the library's own 429 retries off
    /// (<see cref="ClientOptions"/>). The options are never logged: they hold the token.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="token">The bot token (<c>123456:ABC…</c>); the library refuses other shapes with <see cref="ArgumentException"/>.</param>
    /// <param name="baseUrl">The API root: <see cref="TelegramApiUrl"/>, a local Bot API server or an emulator.</param>
    public static IServiceCollection AddTelegramBotClient(this IServiceCollection services, string token, string baseUrl)
    {
        services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers()
            .ConfigureHttpClient(client => client.Timeout = HttpTimeout)
            // The singleton keeps one HttpClient for the process; recycling pooled connections keeps DNS changes visible.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<ITelegramBotClient>(provider => new TelegramBotClient(
            ClientOptions(token, baseUrl),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        return services;
    }

    /// <summary>
    /// The client's options: <see cref="TelegramBotClientOptions.RetryCount"/> 1, because the library's retries
    /// sleep out a 429 inside the call while our sender pauses every instance (Bot API: the pause applies to the bot).
    /// </summary>
    public static TelegramBotClientOptions ClientOptions(string token, string baseUrl) =>
        new(token, string.Equals(baseUrl.TrimEnd('/'), TelegramApiUrl, StringComparison.OrdinalIgnoreCase) ? null : baseUrl) { RetryCount = 1 };
}
