using MentorBot.Host;
using MentorBot.Host.Configuration;
using MentorBot.Host.Telegram;
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

    private EmulatorBot(TelegramEmulator emulator, IHost host)
    {
        Emulator = emulator;
        this.host = host;
    }

    /// <summary>The emulator: people's messages and presses go in here, the bot's replies are read back.</summary>
    public TelegramEmulator Emulator { get; }

    /// <summary>The running host's services (e.g. the routes, to compute what /help should say).</summary>
    public IServiceProvider Services => host.Services;

    /// <summary>Starts an emulator and the bot on <paramref name="connectionString"/>; <paramref name="configure"/> adds test services.</summary>
    public static async Task<EmulatorBot> StartAsync(string connectionString, Action<IServiceCollection>? configure = null)
    {
        var emulator = await TelegramEmulator.StartAsync();
        // Port 0: the host listens for /healthz and /jobs in polling mode too, and test classes run in parallel.
        var options = new MentorBotOptions { ConnectionString = connectionString, BotToken = Token, ApiBaseUrl = emulator.BaseUrl, ListenUrl = "http://127.0.0.1:0" };
        var host = BotHost.Build(options, TextReader.Null, TextWriter.Null, services =>
        {
            services.AddSingleton(new PollingOptions { MinInterval = TimeSpan.FromMilliseconds(100) });
            services.AddHttpClient(TelegramServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new EmulatorQuirksHandler());
            configure?.Invoke(services);
        });
        await host.StartAsync();
        return new EmulatorBot(emulator, host);
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
