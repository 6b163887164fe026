using System.CommandLine;
using System.Globalization;
using MentorBot.Host.Configuration;
using MentorBot.Host.Persistence;
using MentorBot.Host.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Host.Cli;

/// <summary>The verbs that run the bot or touch its database: <c>run</c>, <c>migrate</c>, <c>jobs</c>.</summary>
public static class HostCommands
{
    /// <summary>Runs the bot (the default verb): validates options, applies migrations, starts receivers and workers.</summary>
    public static async Task<int> RunBotAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = LoadValidOptions();
        await MigrateAsync(options, parse.InvocationConfiguration.Output, quiet: true, cancellationToken);
        using var host = BotHost.Build(options, Console.In, parse.InvocationConfiguration.Output);
        await host.RunAsync(cancellationToken);
        return 0;
    }

    /// <summary>The <c>run</c> verb.</summary>
    public static Command CreateRun()
    {
        var command = new Command("run", "Run the bot and its workers (console chat when no bot token is set).");
        command.SetAction(RunBotAsync);
        return command;
    }

    /// <summary>The <c>migrate</c> verb.</summary>
    public static Command CreateMigrate()
    {
        var command = new Command("migrate", "Apply migrations/ to the database.");
        command.SetAction(async (parse, ct) =>
        {
            await MigrateAsync(LoadOptions(requireDatabase: true), parse.InvocationConfiguration.Output, quiet: false, ct);
            return 0;
        });
        return command;
    }

    /// <summary>The <c>jobs list</c> and <c>jobs run JOB [--now ISO-8601]</c> verbs.</summary>
    public static Command CreateJobs()
    {
        var list = new Command("list", "Show background jobs and their next fire times (UTC).");
        list.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var now = DateTimeOffset.UtcNow;
            var width = ScheduledJobs.All.Max(j => j.Name.Length);
            foreach (var job in ScheduledJobs.All)
            {
                var next = SchedulingSetup.NextFireTime(job.Cron, now);
                output.WriteLine($"{job.Name.PadRight(width)} {next?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "never",-22} {job.Cron,-18} {job.Description}");
            }

            return 0;
        });

        var name = new Argument<string>("job") { Description = "The job's name, as jobs list shows it." };
        var nowOption = new Option<string?>("--now") { Description = "The moment to run as, ISO-8601 (default: now)." };
        var run = new Command("run", "Run one job once, as of --now.") { name, nowOption };
        run.SetAction(async (parse, ct) =>
        {
            var definition = ScheduledJobs.Find(parse.GetRequiredValue(name))
                ?? throw new CliInputException($"unknown job '{parse.GetValue(name)}'; jobs list shows the names.");
            var nowText = parse.GetValue(nowOption);
            DateTimeOffset now;
            if (nowText is null) now = DateTimeOffset.UtcNow;
            else if (!DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out now))
                throw new CliInputException($"--now '{nowText}' is not an ISO-8601 moment such as 2026-09-01T09:00:00+06:00.");

            var options = LoadOptions(requireDatabase: true);
            await MigrateAsync(options, TextWriter.Null, quiet: true, ct);
            var services = new ServiceCollection().AddLogging().AddMentorBotCore(options).BuildServiceProvider();
            await using (services)
            {
                var job = (IScheduledJob)services.GetRequiredService(definition.JobType);
                await job.RunAsync(now, ct);
            }

            parse.InvocationConfiguration.Output.WriteLine($"{definition.Name} ran as of {now:O}");
            return 0;
        });

        return new Command("jobs", "Background jobs.") { list, run };
    }

    /// <summary>Reads the options, failing with a one-line reason when they cannot be used to run the bot.</summary>
    /// <exception cref="CliInputException">Invalid configuration.</exception>
    public static MentorBotOptions LoadValidOptions()
    {
        var options = LoadOptions(requireDatabase: true);
        var problems = options.Validate();
        return problems.Count == 0 ? options : throw new CliInputException(string.Join(" ", problems));
    }

    /// <summary>Reads the options; with <paramref name="requireDatabase"/>, a missing connection string is an error.</summary>
    /// <exception cref="CliInputException">Unreadable configuration or no connection string.</exception>
    public static MentorBotOptions LoadOptions(bool requireDatabase)
    {
        MentorBotOptions options;
        try { options = HostConfiguration.LoadOptions(); }
        catch (OptionsException e) { throw new CliInputException(e.Message); }
        if (requireDatabase && string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new CliInputException("MENTORBOT_CONNECTION_STRING is not set (./scripts/run starts a private PostgreSQL and sets it).");
        return options;
    }

    /// <summary>Applies the embedded migrations; prints what was applied unless <paramref name="quiet"/>.</summary>
    /// <exception cref="CliInputException">A changed applied migration or an unreachable database.</exception>
    internal static async Task MigrateAsync(MentorBotOptions options, TextWriter output, bool quiet, CancellationToken cancellationToken)
    {
        await using var dataSource = Database.CreateDataSource(options.ConnectionString);
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);
        IReadOnlyList<string> applied;
        try
        {
            applied = await runner.ApplyAsync(Migration.LoadEmbedded(), cancellationToken);
        }
        catch (MigrationChecksumException e)
        {
            throw new CliInputException(e.Message);
        }
        catch (Npgsql.NpgsqlException e)
        {
            throw new CliInputException($"cannot reach the database: {e.Message}");
        }

        if (quiet) return;
        foreach (var name in applied) output.WriteLine($"applied {name}");
        output.WriteLine(applied.Count == 0 ? "database is up to date" : $"{applied.Count} migration(s) applied");
    }
}
