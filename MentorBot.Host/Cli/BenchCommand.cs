using System.CommandLine;

namespace MentorBot.Host.Cli;

/// <summary><c>bench …</c>: performance figures on generated data, one subcommand per measured piece (<c>pipeline</c>, <c>jobs</c> and <c>sender</c> need a database).</summary>
public static class BenchCommand
{
    /// <summary>Builds the <c>bench</c> verb with its subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("bench", "Measure performance on generated data.");
        command.Subcommands.Add(BenchMatchCommand.Create());
        command.Subcommands.Add(BenchPipelineCommand.Create());
        command.Subcommands.Add(BenchJobsCommand.Create());
        command.Subcommands.Add(BenchSenderCommand.Create());
        return command;
    }
}
