using MentorBot.Host;
using MentorBot.Host.Configuration;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Tests.EndToEnd;

/// <summary>
/// The whole bot as a real host (polling, inbox, features, outbox, sender) against a fresh telegram-test-api
/// emulator over real HTTP, on a database the test class owns. Every end-to-end class starts one.
/// </summary>
public sealed class EmulatorBot : IAsyncDisposable
{
    /// <summary>The bot token the emulator accepts (any well-formed token will do).</summary>
    public const string Token = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";

    /// <summary>Generous: the sender spaces a chat's messages a second apart, and a loaded CI machine is slow to start a host.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly IHost host;

    /// <summary>
    /// Where the bot's clock starts unless a test gives its own: Tuesday 1 September 2026, 09:00 UTC — within working
    /// hours in every zone the tests use, so background messages go out at once.
    /// </summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);

    private EmulatorBot(TelegramEmulator emulator, IHost host, RunningClock clock)
    {
        Emulator = emulator;
        this.host = host;
        Clock = clock;
    }

    /// <summary>
    /// The bot's clock (and the emulator's message dates): a fixed start moving on with real elapsed time, so what the
    /// bot does never depends on the day or hour the test runs. Set-up rows take their times from it too.
    /// </summary>
    public RunningClock Clock { get; }

    /// <summary>The emulator: people's messages and presses go in here, the bot's replies are read back.</summary>
    public TelegramEmulator Emulator { get; }

    /// <summary>The running host's services (e.g. the routes, to compute what /help should say).</summary>
    public IServiceProvider Services => host.Services;

    /// <summary>Starts an emulator and the bot on <paramref name="connectionString"/>; <paramref name="configure"/> adds test services; the clock starts at <paramref name="start"/> (default <see cref="DefaultStart"/>).</summary>
    public static async Task<EmulatorBot> StartAsync(string connectionString, Action<IServiceCollection>? configure = null, DateTimeOffset? start = null)
    {
        var clock = new RunningClock(start ?? DefaultStart);
        var emulator = await TelegramEmulator.StartAsync(clock);
        // Port 0: the host listens for /healthz and /jobs in polling mode too, and test classes run in parallel.
        var options = new MentorBotOptions { ConnectionString = connectionString, BotToken = Token, ApiBaseUrl = emulator.BaseUrl, ListenUrl = "http://127.0.0.1:0" };
        var host = BotHost.Build(options, TextReader.Null, TextWriter.Null, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(new PollingOptions { MinInterval = TimeSpan.FromMilliseconds(100) });
            services.AddHttpClient(TelegramServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new EmulatorQuirksHandler());
            configure?.Invoke(services);
        });
        await host.StartAsync();
        return new EmulatorBot(emulator, host, clock);
    }

    /// <summary>Stops the bot, then the emulator.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
            host.Dispose();
        }
        finally
        {
            await Emulator.DisposeAsync();
        }
    }
}
