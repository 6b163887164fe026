using System.CommandLine;
using System.Globalization;
using MentorBot.Host.Features.Digests;
using MentorBot.Host.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Host.Cli;

/// <summary>The <c>jobs list</c> and <c>jobs run JOB [--now ISO-8601]</c> verbs.</summary>
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
        var run = new Command("run", "Run one job once, as of --now, without a server.") { name, nowOption };
        run.SetAction(async (parse, ct) =>
        {
            var definition = ScheduledJobs.Find(parse.GetRequiredValue(name))
                ?? throw new CliInputException($"unknown job '{parse.GetValue(name)}'; jobs list shows the names.");
            var nowText = parse.GetValue(nowOption);
            DateTimeOffset now;
            if (nowText is null) now = DateTimeOffset.UtcNow;
            else if (!DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out now))
                throw new CliInputException($"--now '{nowText}' is not an ISO-8601 moment such as 2026-09-01T09:00:00+06:00.");

            var options = HostCommands.LoadOptions(requireDatabase: true);
            await HostCommands.MigrateAsync(options, TextWriter.Null, quiet: true, ct);
            await using (var services = new ServiceCollection().AddLogging().AddMentorBotCore(options).BuildServiceProvider())
            {
                var job = (IScheduledJob)services.GetRequiredService(definition.JobType);
                await job.RunAsync(now, ct);
            }

            parse.InvocationConfiguration.Output.WriteLine($"{definition.Name} ran as of {now:O}");
            return 0;
        });
        return run;
    }
}
