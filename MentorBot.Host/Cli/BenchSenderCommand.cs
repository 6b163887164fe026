using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using MentorBot.Host.Telegram;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>bench sender [--messages 3000] [--chats 1000] [--instances 2] [--rate R]</c> (issue 18): the outbox sender against
/// a fake Bot API on a local port (<see cref="LocalBotApi"/>, which answers 429 above Telegram's 30 messages in any
/// sliding second), in a scratch database. The messages are queued at once, due now, spread evenly over the chats; the
/// instances (each an <see cref="OutboxSender"/> with its own connection pool and HTTP client, as separate processes
/// would be) drain them. Prints messages/s, the most accepted in any sliding second, the least gap between two messages
/// to one chat, the 429s answered and the rows that failed. Figures to watch, not assertions.
/// </summary>
public static class BenchSenderCommand
{
    /// <summary>Builds the <c>sender</c> subcommand of <c>bench</c>.</summary>
    public static Command Create()
    {
        var messages = new Option<int>("--messages") { Description = "messages to send", DefaultValueFactory = _ => 3_000 };
        var chats = new Option<int>("--chats") { Description = "chats they go to (round robin)", DefaultValueFactory = _ => 1_000 };
        var instances = new Option<int>("--instances") { Description = "sender instances sharing the database", DefaultValueFactory = _ => 2 };
        var rate = new Option<int>("--rate") { Description = "the configured rate (MENTORBOT_SENDER_RATE)", DefaultValueFactory = _ => new OutboxSenderOptions().GlobalRatePerSecond };
        var command = new Command("sender", "Measure the outbox sender against a fake Bot API on a local port (MENTORBOT_CONNECTION_STRING; a scratch database is created and dropped).")
        {
            messages, chats, instances, rate,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new Settings(parse.GetValue(messages), parse.GetValue(chats), parse.GetValue(instances), parse.GetValue(rate));
            if (settings.Messages < 1 || settings.Chats < 1 || settings.Instances < 1)
                throw new CliInputException("--messages, --chats and --instances must be ≥ 1");
            if (settings.Rate is < 1 or > 30)
                throw new CliInputException($"--rate {settings.Rate}: 1–30 messages per second is expected (MENTORBOT_SENDER_RATE).");
            var options = HostCommands.LoadOptions(requireDatabase: true);
            await RunAsync(options.ConnectionString, settings, parse.InvocationConfiguration.Output, cancellationToken);
            return 0;
        });
        return command;
    }

    private sealed record Settings(int Messages, int Chats, int Instances, int Rate);

    private static async Task RunAsync(string connectionString, Settings settings, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(connectionString, cancellationToken);
        await using var api = await LocalBotApi.StartAsync(cancellationToken: cancellationToken);
        output.WriteLine(Invariant($"bench sender: PostgreSQL {await scratch.ServerVersionAsync(cancellationToken)} at {scratch.Server.Host}:{scratch.Server.Port}, {Environment.ProcessorCount} cores; fake Bot API at {api.BaseUrl} (429 above {api.GlobalLimitPerSecond} messages in any sliding second)"));
        output.WriteLine(Invariant($"{settings.Messages} messages to {settings.Chats} chats, {settings.Instances} sender instance(s), configured rate {settings.Rate}/s"));

        var adapter = new TelegramAdapter();
        var due = DateTimeOffset.UtcNow.AddSeconds(-1);
        var rows = Enumerable.Range(0, settings.Messages).SelectMany(i => adapter.Render(Reply.Plain(Invariant($"Сообщение {i}")),
            5_000_000 + (i % settings.Chats), isGroup: false, Invariant($"bench:{i}"), due)).ToList();
        await using (var dataSource = Database.CreateDataSource(scratch.ConnectionString))
            await new OutboxStore(dataSource).EnqueueAsync(rows, cancellationToken);

        var senders = new List<(OutboxSender Sender, IAsyncDisposable DataSource, HttpClient Http)>();
        for (var i = 0; i < settings.Instances; i++)
        {
            var dataSource = Database.CreateDataSource(scratch.ConnectionString);
            var http = new HttpClient { Timeout = TelegramServiceCollectionExtensions.HttpTimeout };
            var client = new TelegramBotClient(TelegramServiceCollectionExtensions.ClientOptions(LocalBotApi.Token, api.BaseUrl), http);
            var sender = new OutboxSender(new OutboxStore(dataSource), new TelegramDelivery(client), new OutboxSignal(), TimeProvider.System,
                new OutboxSenderOptions { GlobalRatePerSecond = settings.Rate }, NullLogger<OutboxSender>.Instance);
            senders.Add((sender, dataSource, http));
        }

        var started = Stopwatch.GetTimestamp();
        foreach (var (sender, _, _) in senders) await sender.StartAsync(cancellationToken);
        var limit = TimeSpan.FromSeconds(60 + 3.0 * settings.Messages / settings.Rate);
        var (open, failed, error) = await WaitAsync(scratch.ConnectionString, limit, cancellationToken);
        var givenBack = senders.Sum(s => s.Sender.SlotsGivenBack);
        foreach (var (sender, dataSource, http) in senders)
        {
            await sender.StopAsync(CancellationToken.None);
            sender.Dispose();
            http.Dispose();
            await dataSource.DisposeAsync();
        }

        var accepted = api.Accepted;
        var figures = Measure(accepted, started);
        var maxCalls = MaxInAnySecond(api.MessageCalls.Order().ToArray());
        output.WriteLine();
        if (open > 0) output.WriteLine(Invariant($"NOT FINISHED: {open} rows still pending after {limit.TotalSeconds:0} s"));
        if (error is not null) output.WriteLine($"an error the sender recorded: {error}");
        output.WriteLine(Invariant($"accepted {accepted.Count} messages ({accepted.Count - rows.Count + open + failed:+0;-0;0} against the rows queued), {failed} rows failed, 429s answered: {api.TooManyRequests}"));
        output.WriteLine(Invariant($"messages/s, first to last accepted:      {figures.Rate,8:0.0}  ({figures.Rate / settings.Rate:0.00} × the configured {settings.Rate}/s; target ≥ 0.97 ×)"));
        output.WriteLine(Invariant($"messages/s, from the start:              {figures.RateFromStart,8:0.0}  (drained in {figures.Elapsed.TotalSeconds:0.0} s)"));
        output.WriteLine(Invariant($"most accepted in any sliding 1-s window: {figures.MaxWindow,8}  (the fake refuses more than {api.GlobalLimitPerSecond})"));
        output.WriteLine(Invariant($"most sent in any sliding 1-s window:     {maxCalls,8}  (429s included; target ≤ 30, across instances)"));
        output.WriteLine(Invariant($"least gap between two messages to a chat: {figures.MinChatGap.TotalMilliseconds,7:0} ms (target ≥ 1000; {figures.ChatsUnderOneSecond} chats had a gap under 1 s)"));
        output.WriteLine(Invariant($"send slots given back (the send woke > {new OutboxSenderOptions { GlobalRatePerSecond = settings.Rate }.Rate.Late.TotalMilliseconds:0} ms late): {givenBack}"));
    }

    private sealed record Figures(double Rate, double RateFromStart, TimeSpan Elapsed, int MaxWindow, TimeSpan MinChatGap, int ChatsUnderOneSecond);

    private static Figures Measure(IReadOnlyList<AcceptedSend> accepted, long started)
    {
        if (accepted.Count == 0) return new Figures(0, 0, TimeSpan.Zero, 0, TimeSpan.Zero, 0);
        var times = accepted.Select(a => a.At).Order().ToArray();
        var span = Stopwatch.GetElapsedTime(times[0], times[^1]);
        var elapsed = Stopwatch.GetElapsedTime(started, times[^1]);
        var second = Stopwatch.Frequency;
        var maxWindow = MaxInAnySecond(times);

        var minGap = long.MaxValue;
        var underOneSecond = 0;
        foreach (var chat in accepted.GroupBy(a => a.ChatId))
        {
            var at = chat.Select(a => a.At).Order().ToArray();
            var chatMin = long.MaxValue;
            for (var i = 1; i < at.Length; i++) chatMin = Math.Min(chatMin, at[i] - at[i - 1]);
            minGap = Math.Min(minGap, chatMin);
            if (chatMin < second) underOneSecond++;
        }

        return new Figures(span > TimeSpan.Zero ? (times.Length - 1) / span.TotalSeconds : 0, times.Length / elapsed.TotalSeconds, elapsed, maxWindow,
            minGap == long.MaxValue ? TimeSpan.Zero : TimeSpan.FromSeconds((double)minGap / second), underOneSecond);
    }

    // The most of the sorted Stopwatch times that fall in one sliding second.
    private static int MaxInAnySecond(long[] times)
    {
        int most = 0, first = 0;
        for (var last = 0; last < times.Length; last++)
        {
            while (times[last] - times[first] >= Stopwatch.Frequency) first++;
            most = Math.Max(most, last - first + 1);
        }

        return most;
    }

    // Until no row is pending or being sent, or the limit passes; returns the rows still open, the rows failed and an error recorded.
    private static async Task<(long Open, long Failed, string? Error)> WaitAsync(string connectionString, TimeSpan limit, CancellationToken cancellationToken)
    {
        await using var dataSource = Database.CreateDataSource(connectionString);
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var (open, failed, error) = await connection.QuerySingleAsync<(long, long, string?)>(
                "SELECT count(*) FILTER (WHERE status IN ('pending', 'sending')), count(*) FILTER (WHERE status = 'failed'), max(last_error) FROM outbox");
            if (open == 0 || Stopwatch.GetTimestamp() > deadline) return (open, failed, error);
            await Task.Delay(200, cancellationToken);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
