using System.CommandLine;
using System.Globalization;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>faults --connection CS --work DIR --pg-stop CMD --pg-start CMD</c> (hidden; <c>scripts/faults</c> calls it, issue 12):
/// the process-level fault suite. Runs this executable as the bot (<c>run</c>) in child processes against the PostgreSQL
/// server of <c>--connection</c> (a fresh database per scenario) and a fake Bot API on a free local port
/// (<see cref="LocalBotApi"/>), plays each <see cref="FaultSuite"/> scenario, prints its counts and returns 1 when any
/// update or message was lost or a message was duplicated beyond the at-least-once window, else 0.
/// </summary>
public static class FaultsCommand
{
    /// <summary>Builds the hidden <c>faults</c> verb.</summary>
    public static Command Create()
    {
        var connection = new Option<string>("--connection") { Description = "Npgsql connection string of a PostgreSQL server the suite may create databases on and stop.", Required = true };
        var work = new Option<DirectoryInfo>("--work") { Description = "A folder for the bots' logs.", Required = true };
        var pgStop = new Option<string>("--pg-stop") { Description = "A shell command that stops that server.", Required = true };
        var pgStart = new Option<string>("--pg-start") { Description = "A shell command that starts it again.", Required = true };
        var only = new Option<string[]>("--only") { Description = "Run only these scenarios: kill, outage, instances.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("faults", "The process-level fault suite (scripts/faults).") { connection, work, pgStop, pgStart, only };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            var folder = parse.GetRequiredValue(work);
            folder.Create();
            var selected = parse.GetValue(only) is { Length: > 0 } names ? names : FaultSuite.Scenarios;
            var unknown = selected.Except(FaultSuite.Scenarios).ToList();
            if (unknown.Count > 0) throw new CliInputException($"--only {string.Join(' ', unknown)}: the scenarios are {string.Join(", ", FaultSuite.Scenarios)}.");

            var output = parse.InvocationConfiguration.Output;
            var suite = new FaultSuite(parse.GetRequiredValue(connection), folder.FullName, parse.GetRequiredValue(pgStop), parse.GetRequiredValue(pgStart), output);
            var results = new List<FaultResult>();
            foreach (var name in selected)
                results.Add(await suite.RunAsync(name, ct));

            output.WriteLine();
            output.WriteLine("| scenario | updates sent | received | handled | outbox sent | failed | open | messages accepted | lost | duplicated (allowed) | 429s |");
            output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var r in results)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Scenario} | {r.Updates} | {r.Received} | {r.Handled} | {r.OutboxSent} | {r.OutboxFailed} | {r.OutboxOpen} | {r.Accepted} | {r.Lost} | {r.Duplicated} ({r.AllowedDuplicates}) | {r.TooManyRequests} |"));
            var failed = results.Where(r => !r.Passed).ToList();
            output.WriteLine(failed.Count == 0 ? "faults: every scenario held (no loss, duplicates within the at-least-once window)" : $"faults: FAILED: {string.Join(", ", failed.Select(r => r.Scenario))}");
            return failed.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
