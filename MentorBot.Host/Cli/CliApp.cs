using System.CommandLine;

namespace MentorBot.Host.Cli;

/// <summary>
/// The Host's command line (verbs of DESIGN.md). Each verb lives in its own file and is added here;
/// <c>run</c> is the default when no verb is given.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for bad input (a one-line reason went to stderr).</summary>
    public const int BadInputExitCode = 2;

    /// <summary>Builds the root command with every verb.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("MentorBot: a teacher-mentoring programme in a messenger.");
        root.SetAction(HostCommands.RunBotAsync);
        root.Subcommands.Add(HostCommands.CreateRun());
        root.Subcommands.Add(HostCommands.CreateMigrate());
        root.Subcommands.Add(JobsCommand.Create());
        root.Subcommands.Add(MatchCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(MeetingCommand.Create());
        root.Subcommands.Add(RoadmapCommand.Create());
        root.Subcommands.Add(OrgCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(OrderCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(InviteCommand.Create());
        root.Subcommands.Add(ConsentsCommand.Create());
        root.Subcommands.Add(DigestCommand.Create());
        root.Subcommands.Add(FaultsCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs the verb, writing to the given streams.
    /// Returns the exit code: 0 on success, <see cref="BadInputExitCode"/> on a parse error or
    /// <see cref="CliInputException"/> (one line on <paramref name="error"/>).
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync($"error: {parse.Errors[0].Message}");
            return BadInputExitCode;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CliInputException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return BadInputExitCode;
        }
    }
}
