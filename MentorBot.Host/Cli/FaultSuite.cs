using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Dapper;
using MentorBot.Host.Outbox;
using MentorBot.Host.Telegram;
using Npgsql;

namespace MentorBot.Host.Cli;

/// <summary>
/// The counts of one fault scenario. <see cref="Lost"/>: chats whose reply never arrived; <see cref="Duplicated"/>:
/// replies accepted more than once; <see cref="AllowedDuplicates"/>: the at-least-once window (the sends in flight
/// when an instance died or lost its database, at most <see cref="OutboxSenderOptions.Parallelism"/> each time).
/// </summary>
public sealed record FaultResult(string Scenario, int Updates, long Received, long Handled, long OutboxSent, long OutboxFailed, long OutboxOpen,
    int Accepted, int Lost, int Duplicated, int AllowedDuplicates, int TooManyRequests, bool Settled)
{
    /// <summary>True when every update was received and handled, every reply arrived, and duplicates stayed in the window.</summary>
    public bool Passed => Settled && Received == Updates && Handled == Updates && OutboxFailed == 0 && Lost == 0 && Duplicated <= AllowedDuplicates;
}

/// <summary>
/// The process-level fault scenarios of issue 12, each on a fresh database and a fresh <see cref="LocalBotApi"/>, with
/// the bot run as child processes of this executable. Every update is a <c>/help</c> from a new person, so each chat
/// must get exactly one reply: a chat without one is a loss, a second one a duplicate.
/// <list type="bullet">
/// <item><c>kill</c>: a burst of updates by long polling; the bot is killed (SIGKILL) in the middle and started again;
/// the updates not yet confirmed, and the last 100 it had handled, are delivered again.</item>
/// <item><c>outage</c>: updates arrive steadily while PostgreSQL is stopped for 20 s.</item>
/// <item><c>instances</c>: two bots in webhook mode behind a round-robin "load balancer" that, like Telegram, delivers an
/// update again to the other bot when one does not answer 200; one bot is killed (SIGKILL) in the middle.</item>
/// </list>
/// </summary>
public sealed class FaultSuite(string serverConnection, string workFolder, string pgStop, string pgStart, TextWriter output)
{
    // No pool: the outage scenario restarts the server, which ends every pooled connection.
    private readonly string serverConnectionString = new NpgsqlConnectionStringBuilder(serverConnection) { Pooling = false }.ConnectionString;

    /// <summary>The scenario names, in the order they run.</summary>
    public static readonly string[] Scenarios = ["kill", "outage", "instances"];

    private const string WebhookSecret = "faults_webhook_secret";
    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(6);
    private static readonly int InFlightPerInstance = new OutboxSenderOptions().Parallelism;

    /// <summary>Runs the scenario <paramref name="name"/> (one of <see cref="Scenarios"/>) and prints its progress.</summary>
    public async Task<FaultResult> RunAsync(string name, CancellationToken cancellationToken)
    {
        var database = "mentorbot_faults_" + name;
        await using (var admin = new NpgsqlConnection(serverConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            await admin.ExecuteAsync($"CREATE DATABASE {database}");
        }

        var bots = new List<Bot>();
        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database, Timeout = 5 }.ConnectionString;
        var botConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = true }.ConnectionString;
        await using var api = await LocalBotApi.StartAsync(cancellationToken: cancellationToken);
        Say($"{name}: fake Bot API at {api.BaseUrl}, database {database}");
        try
        {
            var (updates, disruptions) = name switch
            {
                "kill" => await KillAsync(botConnectionString, api, bots, cancellationToken),
                "outage" => await OutageAsync(botConnectionString, api, bots, cancellationToken),
                "instances" => await InstancesAsync(botConnectionString, api, bots, cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown scenario"),
            };
            var result = await SettleAsync(name, connectionString, api, updates, disruptions * InFlightPerInstance, cancellationToken);
            Say($"{name}: {(result.Passed ? "held" : "FAILED")}: {updates} updates, {result.Received} received, {result.Handled} handled; outbox {result.OutboxSent} sent, "
                + $"{result.OutboxFailed} failed, {result.OutboxOpen} open; {result.Accepted} replies accepted, {result.Lost} lost, {result.Duplicated} duplicated "
                + $"(allowed {result.AllowedDuplicates}); {result.TooManyRequests} 429s; getUpdates served {api.UpdatesServed} updates, repeats included");
            if (!result.Passed)
                foreach (var bot in bots) Say($"{name}: last lines of {bot.Log}:\n{string.Join('\n', File.ReadLines(bot.Log).TakeLast(15))}");
            return result;
        }
        finally
        {
            foreach (var bot in bots) bot.Stop();
        }
    }

    private async Task<(int Updates, int Disruptions)> KillAsync(string connectionString, LocalBotApi api, List<Bot> bots, CancellationToken cancellationToken)
    {
        const int updates = 400;
        var first = await StartBotAsync("kill-1", connectionString, api, webhook: false, bots, cancellationToken);
        var ids = Enumerable.Range(0, updates).Select(i => api.AddMessage(User(i), "/help")).ToList();
        // In the middle of both: updates still being handled and replies being sent.
        var received = await WaitForAsync(connectionString, "SELECT count(*) FROM inbound_updates WHERE handled_at IS NOT NULL", updates / 4, cancellationToken);
        while (api.Accepted.Count < 20 && !first.HasExited) await Task.Delay(20, cancellationToken);
        first.Kill();
        // The bot starts without an offset: the updates it took last are delivered again (as after a lost confirmation).
        var again = api.Redeliver(ids.Take(received > 0 ? (int)received : 0).TakeLast(100));
        Say($"kill: SIGKILL after {received} updates handled, {api.Accepted.Count} replies accepted, {api.UpdatesServed} updates served; {again} handled ones to be delivered again; starting again");
        await StartBotAsync("kill-2", connectionString, api, webhook: false, bots, cancellationToken);
        return (updates, 1);
    }

    private async Task<(int Updates, int Disruptions)> OutageAsync(string connectionString, LocalBotApi api, List<Bot> bots, CancellationToken cancellationToken)
    {
        const int updates = 600, perSecond = 15;
        var bot = await StartBotAsync("outage", connectionString, api, webhook: false, bots, cancellationToken);
        var feeding = Task.Run(async () =>
        {
            for (var i = 0; i < updates; i++)
            {
                api.AddMessage(User(i), "/help");
                await Task.Delay(1000 / perSecond, cancellationToken);
            }
        }, cancellationToken);
        // Under load: once replies are going out (or after 30 s on a machine too slow for that).
        for (var waited = 0; waited < 300 && api.Accepted.Count < 20; waited++) await Task.Delay(100, cancellationToken);
        var linesBefore = bot.LogLines();
        Say($"outage: stopping PostgreSQL for 20 s ({api.Accepted.Count} replies accepted so far)");
        await ShellAsync(pgStop, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(20), cancellationToken);
        await ShellAsync(pgStart, cancellationToken);
        Say($"outage: PostgreSQL started again; the bot wrote {bot.LogLines() - linesBefore} log lines meanwhile and is {(bot.HasExited ? "DEAD" : "alive")}");
        await feeding;
        return (updates, 1);
    }

    private async Task<(int Updates, int Disruptions)> InstancesAsync(string connectionString, LocalBotApi api, List<Bot> bots, CancellationToken cancellationToken)
    {
        const int updates = 600, perSecond = 20;
        var a = await StartBotAsync("instances-a", connectionString, api, webhook: true, bots, cancellationToken);
        var b = await StartBotAsync("instances-b", connectionString, api, webhook: true, bots, cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var redelivered = 0;
        var posts = new List<Task>();
        for (var i = 0; i < updates; i++)
        {
            // Once instance a is sending (or two thirds in, on a machine too slow for that).
            if (!a.HasExited && (api.Accepted.Count >= 50 || i == 2 * updates / 3))
            {
                a.Kill();
                Say($"instances: SIGKILL to instance a after {i} updates posted, {api.Accepted.Count} replies accepted");
            }

            var update = LocalBotApi.Update(10_000 + i, User(i), "/help");
            var target = i % 2;
            posts.Add(Task.Run(async () =>
            {
                // Telegram delivers a webhook update again until it gets 200; the load balancer moves on to the other bot.
                for (var attempt = 0; ; attempt++)
                {
                    var bot = (target + attempt) % 2 == 0 ? a : b;
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, $"{bot.Url}{TelegramWebhook.Path}") { Content = JsonContent.Create(update) };
                        request.Headers.Add(TelegramWebhook.SecretHeader, WebhookSecret);
                        using var response = await http.SendAsync(request, cancellationToken);
                        if (response.IsSuccessStatusCode) return;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                    {
                    }

                    Interlocked.Increment(ref redelivered);
                    await Task.Delay(attempt < 5 ? 200 : 2_000, cancellationToken);
                }
            }, cancellationToken));
            await Task.Delay(1000 / perSecond, cancellationToken);
        }

        await Task.WhenAll(posts);
        Say($"instances: every update answered 200; {redelivered} deliveries were repeated");
        return (updates, 1);
    }

    // Waits until every update is handled and no outbox row is open (a dead instance's claims come back after their
    // lease), then counts. Duplicates and losses are read from what the fake Bot API accepted per chat.
    private async Task<FaultResult> SettleAsync(string scenario, string connectionString, LocalBotApi api, int updates, int allowedDuplicates, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(SettleLimit.TotalSeconds * Stopwatch.Frequency);
        (long Received, long Handled, long Sent, long Failed, long Open) counts = default;
        var settled = false;
        var quietRounds = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                counts = await connection.QuerySingleAsync<(long, long, long, long, long)>("""
                    SELECT (SELECT count(*) FROM inbound_updates), (SELECT count(*) FROM inbound_updates WHERE handled_at IS NOT NULL),
                           count(*) FILTER (WHERE status = 'sent'), count(*) FILTER (WHERE status = 'failed'),
                           count(*) FILTER (WHERE status IN ('pending', 'sending'))
                    FROM outbox
                    """);
            }
            catch (NpgsqlException)
            {
                quietRounds = 0;
            }

            quietRounds = counts.Handled >= updates && counts.Open == 0 ? quietRounds + 1 : 0;
            if (quietRounds >= 3)
            {
                settled = true;
                break;
            }

            await Task.Delay(1_000, cancellationToken);
        }

        if (!settled) Say($"{scenario}: NOT SETTLED after {SettleLimit.TotalMinutes:0} minutes");
        var perChat = api.Accepted.GroupBy(s => s.ChatId).ToDictionary(g => g.Key, g => g.Count());
        var lost = Enumerable.Range(0, updates).Count(i => !perChat.ContainsKey(User(i)));
        var duplicated = perChat.Values.Sum(n => n - 1);
        return new FaultResult(scenario, updates, counts.Received, counts.Handled, counts.Sent, counts.Failed, counts.Open,
            api.Accepted.Count, lost, duplicated, allowedDuplicates, api.TooManyRequests, settled);
    }

    private async Task<long> WaitForAsync(string connectionString, string countSql, long atLeast, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + 300 * Stopwatch.Frequency;
        while (true)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            var count = await connection.ExecuteScalarAsync<long>(countSql);
            if (count >= atLeast || Stopwatch.GetTimestamp() > deadline) return count;
            await Task.Delay(50, cancellationToken);
        }
    }

    private async Task<Bot> StartBotAsync(string name, string connectionString, LocalBotApi api, bool webhook, List<Bot> bots, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(typeof(FaultSuite).Assembly.Location);
        start.ArgumentList.Add("run");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MENTORBOT_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["MENTORBOT_CONNECTION_STRING"] = connectionString;
        start.Environment["MENTORBOT_BOT_TOKEN"] = LocalBotApi.Token;
        start.Environment["MENTORBOT_API_BASE_URL"] = api.BaseUrl;
        start.Environment["MENTORBOT_LISTEN_URL"] = $"http://127.0.0.1:{port}";
        start.Environment["MENTORBOT_MODE"] = webhook ? "webhook" : "polling";
        if (webhook)
        {
            start.Environment["MENTORBOT_WEBHOOK_URL"] = "https://faults.invalid/telegram/webhook";
            start.Environment["MENTORBOT_WEBHOOK_SECRET"] = WebhookSecret;
        }

        var log = Path.Combine(workFolder, name + ".log");
        var bot = new Bot(Process.Start(start)!, $"http://127.0.0.1:{port}", log);
        bots.Add(bot);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (bot.HasExited) throw new InvalidOperationException($"the bot {name} exited at start; see {log}");
            try
            {
                using var response = await http.GetAsync($"{bot.Url}/healthz", cancellationToken);
                if (response.IsSuccessStatusCode) break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }

            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(3)) throw new TimeoutException($"the bot {name} did not answer /healthz in 3 minutes; see {log}");
            await Task.Delay(250, cancellationToken);
        }

        Say($"{name}: bot started (pid {bot.Process.Id}, {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s)");
        return bot;
    }

    private static async Task ShellAsync(string command, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo("bash") { ArgumentList = { "-c", command } })!;
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"'{command}' exited with {process.ExitCode}");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static long User(int i) => 700_000_000 + i;

    private void Say(string line) => output.WriteLine($"{DateTime.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {line}");

    /// <summary>A bot process, its address and log file (stdout and stderr, copied as they come).</summary>
    private sealed class Bot
    {
        private readonly StreamWriter writer;
        private int lines;
        private bool closed;

        public Bot(Process process, string url, string log)
        {
            Process = process;
            Url = url;
            Log = log;
            writer = new StreamWriter(log) { AutoFlush = true };
            process.OutputDataReceived += (_, e) => Write(e.Data);
            process.ErrorDataReceived += (_, e) => Write(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Url { get; }

        public string Log { get; }

        public bool HasExited => Process.HasExited;

        public int LogLines() => Volatile.Read(ref lines);

        /// <summary>SIGKILL: no shutdown, no flush, as a crash or the OOM killer.</summary>
        public void Kill()
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        public void Stop()
        {
            if (!Process.HasExited) Kill();
            lock (writer)
            {
                closed = true;
                writer.Dispose();
            }
        }

        private void Write(string? line)
        {
            if (line is null) return;
            Interlocked.Increment(ref lines);
            lock (writer)
                if (!closed) writer.WriteLine(line);
        }
    }
}
