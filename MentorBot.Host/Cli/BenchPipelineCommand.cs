using System.CommandLine;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Dapper;
using MentorBot.Host.Configuration;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using MentorBot.Host.Telegram;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>bench pipeline [--updates 20000] [--users 2000] [--rate 100] [--seconds 10] [--transactions 5000]</c>:
/// figures of the update pipeline (inbox → flow → state → outbox) on the server of
/// <c>MENTORBOT_CONNECTION_STRING</c>, in a scratch database <c>mentorbot_bench_…</c> created, migrated
/// and dropped by the run (the connection's user needs CREATEDB). Prints throughput, latency at a paced
/// rate, and the same machine's bare one-transaction round trip, so the ratio shows how close the
/// pipeline is to the database's own limit. Figures to watch, not assertions.
/// </summary>
public static class BenchPipelineCommand
{
    /// <summary>Builds the <c>pipeline</c> subcommand of <c>bench</c>.</summary>
    public static Command Create()
    {
        var updates = new Option<int>("--updates") { Description = "updates for the throughput run", DefaultValueFactory = _ => 20_000 };
        var users = new Option<int>("--users") { Description = "distinct people (chats) sending them", DefaultValueFactory = _ => 2_000 };
        var rate = new Option<int>("--rate") { Description = "updates per second of the latency run", DefaultValueFactory = _ => 100 };
        var seconds = new Option<int>("--seconds") { Description = "length of the latency run, seconds", DefaultValueFactory = _ => 10 };
        var transactions = new Option<int>("--transactions") { Description = "sequential transactions of the bare round-trip run", DefaultValueFactory = _ => 5_000 };
        var command = new Command("pipeline", "Measure the update pipeline against PostgreSQL (MENTORBOT_CONNECTION_STRING; a scratch database is created and dropped).")
        {
            updates, users, rate, seconds, transactions,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new Settings(parse.GetValue(updates), parse.GetValue(users), parse.GetValue(rate), parse.GetValue(seconds), parse.GetValue(transactions));
            if (settings.Updates < 1 || settings.Users < 1 || settings.Rate < 1 || settings.Seconds < 1 || settings.Transactions < 1)
                throw new CliInputException("--updates, --users, --rate, --seconds and --transactions must be ≥ 1");
            var options = HostCommands.LoadOptions(requireDatabase: true);
            await RunAsync(options.ConnectionString, settings, parse.InvocationConfiguration.Output, cancellationToken);
            return 0;
        });
        return command;
    }

    private sealed record Settings(int Updates, int Users, int Rate, int Seconds, int Transactions);

    private sealed record Latency(int Count, double P50, double P99, double Max, double RecordP50, double RecordP99);

    private static async Task RunAsync(string connectionString, Settings settings, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(connectionString, cancellationToken);
        var scratchConnection = scratch.ConnectionString;
        output.WriteLine(Invariant($"bench pipeline: PostgreSQL {await scratch.ServerVersionAsync(cancellationToken)} at {scratch.Server.Host}:{scratch.Server.Port}, scratch database {scratch.Name}, {Environment.ProcessorCount} cores"));
        var rows = new List<(string What, string Figure)>();

        var bare = await BareTransactionsAsync(scratchConnection, settings.Transactions, cancellationToken);
        rows.Add(("bare transaction (BEGIN; INSERT; COMMIT), sequential", Invariant($"{bare.PerSecond,8:0} tx/s      p50 {bare.P50,6:0.00} ms  p99 {bare.P99,6:0.00} ms")));

        BenchPipelineMix mix;
        await using (var services = Services(scratchConnection))
            mix = await BenchPipelineMix.SetUpAsync(services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<UpdateInbox>(),
                services.GetRequiredService<UpdateProcessor>(), settings.Users, cancellationToken);
        output.WriteLine(Invariant($"mix: {settings.Users} members of 4 organisations — mentees answering the intake questionnaire (an answer, then /back), mentors logging meetings (a message, then «Сохранить»), curators sending /help"));

        var throughput = await ThroughputAsync(scratchConnection, settings, mix, cancellationToken);
        rows.Add(("inbox record, batches of 100", Invariant($"{throughput.RecordPerSecond,8:0} updates/s")));
        rows.Add(($"pipeline, {settings.Updates} updates / {settings.Users} chats, 2 workers", Invariant($"{throughput.HandlePerSecond,8:0} updates/s  ({throughput.HandlePerSecond / bare.PerSecond:0.00} × bare tx/s)")));
        rows.Add(("  commands sent to PostgreSQL per update", Invariant($"{throughput.CommandsPerUpdate,8:0.00}           (round trips, whatever the load; BEGIN/SAVEPOINT/COMMIT not counted)")));

        var latency = await LatencyAsync(scratchConnection, settings, mix, cancellationToken);
        rows.Add(($"latency at {settings.Rate}/s for {settings.Seconds} s (record → committed)", Invariant($"{latency.Count,8} updates   p50 {latency.P50,6:0.00} ms  p99 {latency.P99,6:0.00} ms  max {latency.Max:0.00} ms")));
        rows.Add(("  of which recording it in the inbox", Invariant($"{"",8}           p50 {latency.RecordP50,6:0.00} ms  p99 {latency.RecordP99,6:0.00} ms")));

        var width = rows.Max(r => r.What.Length);
        output.WriteLine();
        foreach (var (what, figure) in rows)
            output.WriteLine($"{what.PadRight(width)}  {figure}");
    }

    private static async Task<(double PerSecond, double P50, double P99)> BareTransactionsAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("CREATE TABLE bench_scratch (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, value integer NOT NULL)");
        await using var insert = new NpgsqlCommand("INSERT INTO bench_scratch (value) VALUES ($1)", connection) { Parameters = { new() { Value = 0 } } };
        var times = new double[count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            insert.Transaction = transaction;
            insert.Parameters[0].Value = i;
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        var perSecond = count / total.Elapsed.TotalSeconds;
        await connection.ExecuteAsync("DROP TABLE bench_scratch");
        Array.Sort(times);
        return (perSecond, Percentile(times, 0.50), Percentile(times, 0.99));
    }

    /// <summary>Records all updates first, then lets two workers drain the inbox.</summary>
    private static async Task<(double RecordPerSecond, double HandlePerSecond, double CommandsPerUpdate)> ThroughputAsync(string connectionString, Settings settings, BenchPipelineMix mix, CancellationToken cancellationToken)
    {
        await using var services = Services(connectionString);
        var inbox = services.GetRequiredService<UpdateInbox>();
        var processor = services.GetRequiredService<UpdateProcessor>();

        var record = Stopwatch.StartNew();
        for (var start = 0; start < settings.Updates; start += UpdateProcessor.BatchSize)
        {
            var batch = Enumerable.Range(start, Math.Min(UpdateProcessor.BatchSize, settings.Updates - start))
                .Select(i => mix.Next(i + 1, i % settings.Users))
                .ToList();
            await inbox.RecordAsync(BenchPipelineMix.TelegramSource, batch, cancellationToken);
        }

        var recordPerSecond = settings.Updates / record.Elapsed.TotalSeconds;

        var handled = 0;
        async Task WorkerAsync()
        {
            while (Volatile.Read(ref handled) < settings.Updates)
            {
                var n = await processor.ProcessPendingAsync(UpdateProcessor.BatchSize, cancellationToken);
                // Nothing claimable now: the other worker holds the rest (or the next of their chats).
                if (Interlocked.Add(ref handled, n) < settings.Updates && n == 0) await Task.Delay(1, cancellationToken);
            }
        }

        using var commands = new CommandCounter();
        var handle = Stopwatch.StartNew();
        await Task.WhenAll(Task.Run(WorkerAsync, cancellationToken), Task.Run(WorkerAsync, cancellationToken));
        var handlePerSecond = settings.Updates / handle.Elapsed.TotalSeconds;
        var commandsPerUpdate = (double)commands.Count / settings.Updates;

        await CheckHandledAsync(connectionString, settings.Updates, mix, cancellationToken);
        return (recordPerSecond, handlePerSecond, commandsPerUpdate);
    }

    /// <summary>
    /// Every update of the run was handled without an error, each got a reply, and each meeting save logged a meeting:
    /// figures of a pipeline that answered with apologies would be worthless.
    /// </summary>
    private static async Task CheckHandledAsync(string connectionString, int updates, BenchPipelineMix mix, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        const string sql = """
            SELECT (SELECT count(*) FROM inbound_updates WHERE handled_at IS NULL OR error IS NOT NULL) AS failed,
                   (SELECT min(error) FROM inbound_updates WHERE error IS NOT NULL) AS error,
                   (SELECT count(*) FROM outbox WHERE kind = 'message') AS replies,
                   (SELECT count(*) FROM meetings) AS meetings
            """;
        var check = await connection.QuerySingleAsync<(long Failed, string? Error, long Replies, long Meetings)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        if (check.Failed > 0)
            throw new InvalidOperationException($"{check.Failed} updates of the run failed or were not handled; the first error: {check.Error}");
        if (check.Replies < updates || check.Meetings != mix.MeetingSaves)
            throw new InvalidOperationException($"The mix did not run as meant: {check.Replies} replies to {updates} updates, {check.Meetings} meetings logged for {mix.MeetingSaves} saves.");
    }

    /// <summary>
    /// Records one update every 1/rate seconds (as polling or the webhook would) while the processor runs
    /// its production loop (<see cref="UpdateProcessor"/> woken by <see cref="InboxSignal"/>); the latency of
    /// an update runs from the start of its recording to the commit of the transaction that handled it.
    /// </summary>
    private static async Task<Latency> LatencyAsync(string connectionString, Settings settings, BenchPipelineMix mix, CancellationToken cancellationToken)
    {
        var watcher = new WatchingAdapter(new TelegramAdapter());
        await using var services = Services(connectionString, s => s.AddSingleton<IMessengerAdapter>(watcher));
        var inbox = services.GetRequiredService<UpdateInbox>();
        var signal = services.GetRequiredService<InboxSignal>();
        var processor = services.GetRequiredService<UpdateProcessor>();
        var count = settings.Rate * settings.Seconds;
        var recordedAt = new long[count];
        var committedAt = new long[count];
        var recordedIn = new double[count];
        const long firstId = 10_000_000;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The loop of UpdateProcessor.ExecuteAsync, with the moment each batch committed noted for its updates.
        var loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                watcher.BatchStarted();
                int n;
                try { n = await processor.ProcessPendingAsync(UpdateProcessor.BatchSize, stop.Token); }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
                var now = Stopwatch.GetTimestamp();
                foreach (var id in watcher.BatchIds())
                    committedAt[id - firstId] = now;
                if (n > 0) continue;
                await signal.WaitAsync(TimeSpan.FromMilliseconds(500), stop.Token);
            }
        }, CancellationToken.None);

        // Warm-up outside the figures: JIT, pool connections.
        for (var i = 0; i < 20; i++)
        {
            await inbox.RecordAsync(BenchPipelineMix.TelegramSource, [mix.Next(firstId - 100 + i, i % settings.Users)], cancellationToken);
            signal.Notify();
            await Task.Delay(10, cancellationToken);
        }

        await Task.Delay(200, cancellationToken);
        var interval = Stopwatch.Frequency / settings.Rate;
        var origin = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = origin + (i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
            recordedAt[i] = Stopwatch.GetTimestamp();
            var update = mix.Next(firstId + i, (i + 20) % settings.Users);
            await inbox.RecordAsync(BenchPipelineMix.TelegramSource, [update], cancellationToken);
            recordedIn[i] = Stopwatch.GetElapsedTime(recordedAt[i]).TotalMilliseconds;
            signal.Notify();
        }

        var deadline = Stopwatch.StartNew();
        while (committedAt.Any(t => t == 0) && deadline.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(50, cancellationToken);
        await stop.CancelAsync();
        await loop;
        if (committedAt.Any(t => t == 0))
            throw new InvalidOperationException($"{committedAt.Count(t => t == 0)} updates of the latency run were not handled within 30 s.");

        var latencies = recordedAt.Zip(committedAt, (r, c) => Stopwatch.GetElapsedTime(r, c).TotalMilliseconds).Order().ToArray();
        Array.Sort(recordedIn);
        return new Latency(count, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1], Percentile(recordedIn, 0.50), Percentile(recordedIn, 0.99));
    }

    private static ServiceProvider Services(string connectionString, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging().AddMentorBotCore(new MentorBotOptions { ConnectionString = connectionString });
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Counts the commands Npgsql sends while alive: its <c>db.client.operation.duration</c> measurements (meter
    /// <c>Npgsql</c>, one per command or statement batch, so one per round trip). Transaction control is not a command.
    /// </summary>
    private sealed class CommandCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private long count;

        public CommandCounter()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration") l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref count));
            listener.Start();
        }

        public long Count => Interlocked.Read(ref count);

        public void Dispose() => listener.Dispose();
    }

    private static double Percentile(double[] sorted, double p) => ScratchDatabase.Percentile(sorted, p);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The Telegram adapter, noting which updates the current batch read (the processor reads each claimed row once).</summary>
    private sealed class WatchingAdapter(IMessengerAdapter inner) : IMessengerAdapter
    {
        private readonly List<long> batch = [];

        public void BatchStarted()
        {
            lock (batch) batch.Clear();
        }

        public long[] BatchIds()
        {
            lock (batch) return batch.Where(id => id >= 10_000_000).ToArray();
        }

        public IncomingUpdate? Read(string source, long updateId, string payloadJson)
        {
            lock (batch) batch.Add(updateId);
            return inner.Read(source, updateId, payloadJson);
        }

        public OutboxMessage RenderDocument(string fileName, byte[] content, string? caption, long chatId, bool isGroup, string key, DateTimeOffset dueAt) =>
            inner.RenderDocument(fileName, content, caption, chatId, isGroup, key, dueAt);

        public OutboxMessage RenderPhoto(byte[] content, string? caption, long chatId, bool isGroup, string key, DateTimeOffset dueAt) =>
            inner.RenderPhoto(content, caption, chatId, isGroup, key, dueAt);

        public IReadOnlyList<OutboxMessage> Render(Domain.Conversations.Reply reply, long chatId, bool isGroup, string keyPrefix, DateTimeOffset dueAt) =>
            inner.Render(reply, chatId, isGroup, keyPrefix, dueAt);

        public OutboxMessage AnswerChoice(string callbackQueryId, long chatId, string? text, string key, DateTimeOffset dueAt) =>
            inner.AnswerChoice(callbackQueryId, chatId, text, key, dueAt);
    }
}
