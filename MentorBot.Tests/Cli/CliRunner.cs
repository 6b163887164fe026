using MentorBot.Host.Cli;

namespace MentorBot.Tests.Cli;

/// <summary>Runs a CLI verb in-process and captures what a user would see.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.InvokeAsync(args, output, error);
        return new Result(code, output.ToString(), error.ToString());
    }
}
