using System.CommandLine;
using System.Globalization;
using MentorBot.Host.Features.Digests;
using MentorBot.Host.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MentorBot.Host.Cli;

/// <summary>The <c>jobs list</c> and <c>jobs run JOB [--now ISO-8601] [--dry-run]</c> verbs.</summary>
public static class JobsCommand
{
    /// <summary>Builds the <c>jobs</c> verb.</summary>
    public static Command Create() => new("jobs", "Background jobs.") { CreateList(), CreateRun() };

    private static Command CreateList()
    {
        var list = new Command("list", "Show every recurring job (per-organisation digests too) with its next run in UTC and in its zone, from Hangfire's storage.");
        list.SetAction(async (parse, ct) =>
        {
            var options = HostCommands.LoadOptions(requireDatabase: true);
            await HostCommands.MigrateAsync(options, TextWriter.Null, quiet: true, ct);
            await using var services = new ServiceCollection().AddLogging().AddMentorBotCore(options).BuildServiceProvider();
            var jobs = services.GetRequiredService<RecurringJobs>();
            // What a starting server does first: the list then shows organisations created since the last sync.
            await jobs.SyncAsync(ct);
            var organisations = (await services.GetRequiredService<DigestService>().AllAsync(ct)).ToDictionary(o => RecurringJobs.DigestId(o.Id), o => o.Name);
            Print(parse.InvocationConfiguration.Output, jobs.List(), organisations);
            return 0;
        });
        return list;
    }

    /// <summary>Writes one line per job: id, next run (UTC), next run in the job's zone, cron, what it does.</summary>
    public static void Print(TextWriter output, IReadOnlyList<RecurringJobInfo> jobs, IReadOnlyDictionary<string, string> organisationNames)
    {
        var rows = jobs.Select(j => new[]
        {
            j.Id,
            j.NextRun?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "never",
            j.NextRun is { } next && j.Zone != TimeZoneInfo.Utc
                ? $"{TimeZoneInfo.ConvertTime(next, j.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {j.Zone.Id}"
                : "UTC",
            j.Cron,
            j.Error is not null ? $"ERROR: {j.Error}"
                : ScheduledJobs.Find(j.Id)?.Description
                ?? (organisationNames.TryGetValue(j.Id, out var name) ? $"Weekly digest of «{name}»" : "(not a MentorBot job)"),
        }).ToList();
        string[] header = ["JOB", "NEXT RUN (UTC)", "NEXT RUN (LOCAL)", "CRON", "WHAT"];
        var widths = Enumerable.Range(0, header.Length - 1).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i < widths.Length ? cell.PadRight(widths[i]) : cell)));
    }

    private static Command CreateRun()
    {
        var name = new Argument<string>("job") { Description = "The job's name, as jobs list shows it." };
        var nowOption = new Option<string?>("--now") { Description = "The moment to run as, ISO-8601 (default: now)." };
        var dryRunOption = new Option<bool>("--dry-run") { Description = "Print every message the run would queue (to whom, when, what) and write nothing; required when --now is in the future." };
        var run = new Command("run", "Run one job once, as of --now, without a server, and print what it did.") { name, nowOption, dryRunOption };
        run.SetAction(async (parse, ct) =>
        {
            var definition = ScheduledJobs.Find(parse.GetRequiredValue(name))
                ?? throw new CliInputException($"unknown job '{parse.GetValue(name)}'; jobs list shows the names.");
            var dryRun = parse.GetValue(dryRunOption);
            var wallClock = DateTimeOffset.UtcNow;
            var now = ParseNow(parse.GetValue(nowOption), wallClock, dryRun);

            var options = HostCommands.LoadOptions(requireDatabase: true);
            await HostCommands.MigrateAsync(options, TextWriter.Null, quiet: true, ct);
            await using var services = new ServiceCollection().AddLogging().AddMentorBotCore(options).BuildServiceProvider();
            await RunAsync(services, definition, now, dryRun, parse.InvocationConfiguration.Output, ct);
            return 0;
        });
        return run;
    }

    /// <summary>The earliest and latest <c>--now</c> accepted: the production calendar and the schedules work within these years.</summary>
    public const int FirstYear = 2000, LastYear = 2099;

    /// <summary>
    /// Reads <c>--now</c> (default: <paramref name="wallClock"/>). An instant later than <paramref name="wallClock"/> needs
    /// <paramref name="dryRun"/> (issue 17 item 4): a real run then would change live data ahead of time — end pairs today,
    /// queue next year's reminders.
    /// </summary>
    /// <exception cref="CliInputException">Not ISO-8601, outside <see cref="FirstYear"/>–<see cref="LastYear"/>, or in the future without a dry run.</exception>
    public static DateTimeOffset ParseNow(string? text, DateTimeOffset wallClock, bool dryRun)
    {
        if (text is null) return wallClock;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var now))
            throw new CliInputException($"--now '{text}' is not an ISO-8601 moment such as 2026-09-01T09:00:00+06:00.");
        if (now.UtcDateTime.Year is < FirstYear or > LastYear)
            throw new CliInputException($"--now '{text}' is outside the years {FirstYear}–{LastYear} the schedules work in.");
        // A minute of slack: "now" typed by hand is a little behind or ahead of this machine's clock.
        if (now > wallClock.AddMinutes(1) && !dryRun)
            throw new CliInputException($"--now '{text}' is in the future: a real run would change live data ahead of time (end pairs, queue messages); add --dry-run to see what it would send without writing anything.");
        return now;
    }

    /// <summary>
    /// Runs <paramref name="definition"/> once as of <paramref name="now"/> with <paramref name="services"/> (a dry run rolls
    /// back every transaction of the job) and prints what it did (<see cref="JobReport"/>). What <c>jobs run</c> does after
    /// reading its arguments; tests call it at an instant.
    /// </summary>
    public static async Task RunAsync(IServiceProvider services, JobDefinition definition, DateTimeOffset now, bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        var job = (IScheduledJob)services.GetRequiredService(definition.JobType);
        var run = await JobRun.RecordAsync(dryRun, () => job.RunAsync(now, cancellationToken));
        await JobReport.PrintAsync(output, services.GetRequiredService<NpgsqlDataSource>(), definition.Name, now, run, cancellationToken);
    }
}
