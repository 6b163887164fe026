using MentorBot.Host;
using MentorBot.Host.Configuration;
using MentorBot.Host.Outbox;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Integration;
using MentorBot.Tests.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace MentorBot.Tests.Faults;

/// <summary>
/// Issue 12 item 10: the whole host, polling a fake Bot API while people write, loses its PostgreSQL for a while (a
/// relay in front of it cuts every connection). The log the operator reads — at the host's configured levels — says
/// so in one «database unavailable» and one «database back» line per component, with no stack trace.
/// </summary>
public sealed class DatabaseOutageFaultTests : IAsyncLifetime
{
    private static readonly string[] Components = ["Update processing", "Outbox sender", "Polling"];
    private readonly FaultBot bot = new();
    private readonly CapturingLoggerProvider logs = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 9, 1, 6, 0, 0, TimeSpan.Zero));
    private DatabaseProxy proxy = null!;
    private IHost host = null!;

    public async Task InitializeAsync()
    {
        await bot.InitializeAsync();
        var database = new NpgsqlConnectionStringBuilder(bot.Harness.Database.ConnectionString);
        proxy = new DatabaseProxy(database.Host!, database.Port);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Hangfire's scheduler may still wait for a lock whose release the outage broke (Hangfire.PostgreSql keeps
            // it until it expires, and the wait does not end at a stop); the database is dropped under it anyway.
        }

        host.Dispose();
        await proxy.DisposeAsync();
        await bot.DisposeAsync();
    }

    /// <summary>Steps the clock (the host's waits run on it) until <paramref name="done"/> holds; fails after 400 steps.</summary>
    private async Task UntilAsync(Func<bool> done, string what)
    {
        for (var i = 0; i < 400 && !done(); i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(25);
        }

        done().Should().BeTrue($"{what}; logged: {string.Join(" | ", logs.Lines.TakeLast(12))}");
    }

    [Fact]
    public async Task An_outage_is_one_line_down_and_one_line_back_per_component_without_stack_traces()
    {
        var updateId = 0;
        // A new person writes /help before every poll: polling records updates (and needs the database) all the time, and
        // no chat waits behind a message the outage left in flight (its lease holds that chat for two minutes).
        bot.Api.Handler = request => request.Method == "getUpdates"
            ? FakeBotApi.Responses.Ok("[" + FaultBot.Message(Interlocked.Increment(ref updateId), 900 + updateId, "\"/help\"") + "]")
            : null;
        var options = new MentorBotOptions
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(bot.Harness.Database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString,
            BotToken = FakeBotApi.DefaultToken, ApiBaseUrl = FakeBotApi.BaseUrl, ListenUrl = "http://127.0.0.1:0",
        };
        host = BotHost.Build(options, TextReader.Null, TextWriter.Null, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            // The clock moves in steps of 250 ms: a send that wakes a step after its slot still goes (this is no rate test).
            services.AddSingleton(new OutboxSenderOptions { MaxLateStart = TimeSpan.FromSeconds(5), ChatInterval = TimeSpan.Zero });
            services.AddSingleton(new PollingOptions { TimeoutSeconds = 0, MinInterval = TimeSpan.FromMilliseconds(100) });
            services.AddHttpClient(TelegramServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => bot.Api.CreateHandler());
            services.AddLogging(b => b.AddProvider(logs));
        });
        await host.StartAsync();
        await UntilAsync(() => bot.Api.RequestsTo("sendMessage").Count >= 3, "the bot answers before the outage");

        var before = logs.Lines.Count;
        proxy.Cut();
        await UntilAsync(() => Components.All(c => Outage(before).Any(l => l.Contains($"{c}: database unavailable"))), "every component notices the outage");
        // The outage goes on for a while: rounds keep failing without a word.
        for (var i = 0; i < 40; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(25);
        }

        proxy.Restore();
        await UntilAsync(() => Components.All(c => Outage(before).Any(l => l.Contains($"{c}: database back"))), "every component is back");
        var answered = bot.Api.RequestsTo("sendMessage").Count;
        await UntilAsync(() => bot.Api.RequestsTo("sendMessage").Count > answered, "the bot answers again");

        var lines = Outage(before);
        foreach (var component in Components)
        {
            lines.Count(l => l.Contains($"{component}: database unavailable, retrying")).Should().Be(1, component);
            lines.Count(l => l.Contains($"{component}: database back")).Should().Be(1, component);
        }

        var all = string.Join(" | ", lines);
        lines.Should().NotContain(l => l.Contains(" at Npgsql.") || l.Contains("   at "), "no stack trace: " + all);
        var ours = lines.Where(l => l.StartsWith("MentorBot.", StringComparison.Ordinal)).ToList();
        // Others that touched the database meanwhile (the recurring jobs' sync at start) follow the same rule.
        ours.Should().OnlyContain(l => l.Contains(": database unavailable, retrying (") || l.Contains(": database back"), "our loops say nothing else: " + all);
        ours.GroupBy(l => l[..l.IndexOf(": database", StringComparison.Ordinal)] + (l.Contains(": database back") ? " back" : " down"))
            .Should().OnlyContain(g => g.Count() == 1, "one line down and one back per component: " + all);
        lines.Should().HaveCountLessThanOrEqualTo(2 * Components.Length + 6, "beyond our lines, a few of Hangfire's (its heartbeat, its locks): " + all);
    }

    /// <summary>The lines logged since <paramref name="from"/>, apart from the level Debug and below (not the operator's log).</summary>
    private List<string> Outage(int from) => logs.Lines.Skip(from).Where(l => !l.Contains(" Debug ") && !l.Contains(" Trace ")).ToList();
}
