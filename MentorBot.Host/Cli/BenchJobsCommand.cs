using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using Hangfire;
using MentorBot.Host.Configuration;
using MentorBot.Host.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>bench jobs [--jobs 300] [--organisations 1000]</c>: Hangfire on PostgreSQL with our settings
/// (<see cref="HangfireSetup"/>), in a scratch database. (1) Enqueue → start latency of jobs enqueued by one instance
/// (no server) and run by another (a server), one every 20 ms. (2) The per-organisation digest of N organisations due
/// at the same moment: the time to schedule N <c>digest-&lt;org&gt;</c> jobs (<see cref="RecurringJobs.SyncAsync"/>),
/// then for two servers to fire and finish them all. Figures to watch, not assertions.
/// </summary>
public static class BenchJobsCommand
{
    /// <summary>Builds the <c>jobs</c> subcommand of <c>bench</c>.</summary>
    public static Command Create()
    {
        var jobs = new Option<int>("--jobs") { Description = "jobs of the latency run", DefaultValueFactory = _ => 300 };
        var organisations = new Option<int>("--organisations") { Description = "organisations whose digests fall due together", DefaultValueFactory = _ => 1_000 };
        var command = new Command("jobs", "Measure Hangfire: enqueue → start latency across two instances, and the per-organisation digests of many organisations (MENTORBOT_CONNECTION_STRING; a scratch database is created and dropped).")
        {
            jobs, organisations,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            int count = parse.GetValue(jobs), orgs = parse.GetValue(organisations);
            if (count < 1 || orgs < 1) throw new CliInputException("--jobs and --organisations must be ≥ 1");
            var options = HostCommands.LoadOptions(requireDatabase: true);
            await RunAsync(options.ConnectionString, count, orgs, parse.InvocationConfiguration.Output, cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(string connectionString, int jobs, int organisations, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(connectionString, cancellationToken);
        output.WriteLine(Invariant($"bench jobs: PostgreSQL {await scratch.ServerVersionAsync(cancellationToken)} at {scratch.Server.Host}:{scratch.Server.Port}, scratch database {scratch.Name}, {Environment.ProcessorCount} cores; Hangfire.PostgreSql, schedule poll {HangfireSetup.SchedulePollingInterval.TotalSeconds:0} s, queue poll {HangfireSetup.QueuePollInterval.TotalSeconds:0} s + LISTEN/NOTIFY, {HangfireSetup.WorkerCount} workers per server"));
        output.WriteLine();

        // Instance A enqueues and schedules; its clock stands on Monday 5 January 2026, so every job it schedules is already due.
        await using var a = Instance(scratch.ConnectionString, new FixedClock(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero)));
        await using var b = Instance(scratch.ConnectionString, TimeProvider.System);
        await using var c = Instance(scratch.ConnectionString, TimeProvider.System);

        var latency = await LatencyAsync(a, b, jobs, cancellationToken);
        output.WriteLine(Invariant($"enqueue (instance A) → start (instance B), {jobs} jobs 20 ms apart:  p50 {latency.P50,7:0.0} ms  p99 {latency.P99,7:0.0} ms  max {latency.Max,7:0.0} ms"));

        var digests = await DigestsAsync(scratch.ConnectionString, a, b, c, organisations, cancellationToken);
        output.WriteLine(Invariant($"schedule {organisations} digest-<org> jobs (sync on instance A):          {digests.Schedule.TotalSeconds,7:0.00} s"));
        output.WriteLine(Invariant($"fire them all, two servers (B, C): first started {digests.FirstStarted.TotalSeconds,5:0.00} s, all succeeded {digests.AllDone.TotalSeconds,7:0.00} s ({organisations / digests.AllDone.TotalSeconds:0} jobs/s)"));
    }

    private static async Task<(double P50, double P99, double Max)> LatencyAsync(ServiceProvider enqueuer, ServiceProvider runner, int jobs, CancellationToken cancellationToken)
    {
        var client = enqueuer.GetRequiredService<IBackgroundJobClient>();
        using var server = new BackgroundJobServer(HangfireSetup.Server(runner), runner.GetRequiredService<JobStorage>());
        Probe.Reset();
        // Warm-up: connections, the first job's type loading.
        for (var i = 0; i < 5; i++) client.Enqueue(() => Probe.Started(Stopwatch.GetTimestamp()));
        await Probe.WaitForAsync(5, cancellationToken);
        Probe.Reset();
        for (var i = 0; i < jobs; i++)
        {
            var enqueuedAt = Stopwatch.GetTimestamp();
            client.Enqueue(() => Probe.Started(enqueuedAt));
            await Task.Delay(20, cancellationToken);
        }

        await Probe.WaitForAsync(jobs, cancellationToken);
        var sorted = Probe.Latencies.OrderBy(x => x).ToArray();
        return (ScratchDatabase.Percentile(sorted, 0.50), ScratchDatabase.Percentile(sorted, 0.99), sorted[^1]);
    }

    private static async Task<(TimeSpan Schedule, TimeSpan FirstStarted, TimeSpan AllDone)> DigestsAsync(string connectionString, ServiceProvider scheduler, ServiceProvider one, ServiceProvider two, int organisations, CancellationToken cancellationToken)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO organisations (id, name, time_zone, created_at)
                SELECT gen_random_uuid(), 'Школа № ' || n, 'Asia/Omsk', now() - interval '8 days' FROM generate_series(1, @organisations) n
                """, new { organisations }, cancellationToken: cancellationToken));

        var watch = Stopwatch.StartNew();
        await scheduler.GetRequiredService<RecurringJobs>().SyncAsync(cancellationToken);
        var schedule = watch.Elapsed;

        watch.Restart();
        TimeSpan? firstStarted = null;
        using var serverOne = new BackgroundJobServer(HangfireSetup.Server(one), one.GetRequiredService<JobStorage>());
        using var serverTwo = new BackgroundJobServer(HangfireSetup.Server(two), two.GetRequiredService<JobStorage>());
        await using var counter = new NpgsqlConnection(connectionString);
        await counter.OpenAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        while (true)
        {
            var (started, succeeded) = await counter.QuerySingleAsync<(long, long)>(new CommandDefinition($"""
                SELECT count(*) FILTER (WHERE statename IN ('Processing', 'Succeeded')), count(*) FILTER (WHERE statename = 'Succeeded')
                  FROM {HangfireSetup.Schema}.job WHERE invocationdata::text LIKE '%DigestAsync%'
                """, cancellationToken: timeout.Token));
            if (started > 0) firstStarted ??= watch.Elapsed;
            if (succeeded >= organisations) break;
            await Task.Delay(50, timeout.Token);
        }

        return (schedule, firstStarted ?? watch.Elapsed, watch.Elapsed);
    }

    private static ServiceProvider Instance(string connectionString, TimeProvider clock)
    {
        var services = new ServiceCollection().AddLogging().AddMentorBotCore(new MentorBotOptions { ConnectionString = connectionString });
        services.AddSingleton(clock);
        return services.BuildServiceProvider();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>The job the latency run enqueues: records how long after its enqueue it started.</summary>
    public static class Probe
    {
        private static ConcurrentQueue<double> latencies = new();

        /// <summary>Milliseconds from enqueue to start of every run so far.</summary>
        public static IReadOnlyCollection<double> Latencies => latencies;

        /// <summary>Called by Hangfire: records the time since <paramref name="enqueuedAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
        public static void Started(long enqueuedAt) => latencies.Enqueue(Stopwatch.GetElapsedTime(enqueuedAt).TotalMilliseconds);

        internal static void Reset() => latencies = new ConcurrentQueue<double>();

        internal static async Task WaitForAsync(int count, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(5));
            while (latencies.Count < count) await Task.Delay(10, timeout.Token);
        }
    }
}
