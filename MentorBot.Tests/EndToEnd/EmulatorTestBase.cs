using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.EndToEnd;

/// <summary>
/// The set-up and tear-down every end-to-end class shares: a fresh database (with the harness's shortcuts for set-up
/// rows), <see cref="SeedAsync"/> before the bot starts, then the bot as a real host against a fresh emulator
/// (<see cref="EmulatorBot"/>); stopped in the reverse order, the database dropped even when the bot fails to stop.
/// </summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    /// <summary>The bot token the emulator accepts.</summary>
    protected const string Token = EmulatorBot.Token;

    /// <summary>How long a test waits for the bot's replies (<see cref="EmulatorBot.Deadline"/>).</summary>
    protected static readonly TimeSpan Deadline = EmulatorBot.Deadline;

    private EmulatorBot? bot;

    /// <summary>The harness on the bot's database: its shortcuts put people and programmes in before or while the bot runs.</summary>
    protected PipelineHarness Setup { get; } = new();

    /// <summary>The bot's database.</summary>
    protected TestDatabase Database => Setup.Database;

    /// <summary>The running bot (its clock and services).</summary>
    protected EmulatorBot Bot => bot ?? throw new InvalidOperationException("The bot starts in InitializeAsync.");

    /// <summary>The emulator people write through.</summary>
    protected TelegramEmulator Emulator => Bot.Emulator;

    /// <summary>Where the bot's clock starts; null = <see cref="EmulatorBot.DefaultStart"/>.</summary>
    protected virtual DateTimeOffset? Start => null;

    /// <summary>Adds test services to the bot's host.</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    /// <summary>Rows the bot must find when it starts.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Setup.InitializeAsync();
        await SeedAsync();
        bot = await EmulatorBot.StartAsync(Database.ConnectionString, Configure, Start);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        try
        {
            if (bot is not null) await bot.DisposeAsync();
        }
        finally
        {
            await Setup.DisposeAsync();
        }
    }
}
