using System.Diagnostics;
using MentorBot.Tests.Integration;
using MentorBot.Tests.Roadmaps;

namespace MentorBot.Tests.Cli;

/// <summary>
/// <c>./scripts/run</c> says what it is doing while the person waits (the build takes minutes on a first start),
/// and shows the build's errors when it fails. A stand-in <c>dotnet</c> on PATH answers instead of the SDK.
/// </summary>
public sealed class RunScriptTests : IDisposable
{
    private readonly string bin = Directory.CreateTempSubdirectory("mentorbot-run").FullName;

    public void Dispose() => Directory.Delete(bin, recursive: true);

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string fakeDotnet, params string[] arguments)
    {
        var dotnet = Path.Combine(bin, "dotnet");
        await File.WriteAllTextAsync(dotnet, "#!/usr/bin/env bash\n" + fakeDotnet + "\n");
        // scripts/run is bash: Linux and macOS only.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo(Path.Combine(RepositoryPaths.Root(), "scripts", "run"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        // A connection string skips the private PostgreSQL; nothing connects to it here.
        start.Environment["MENTORBOT_CONNECTION_STRING"] = "Host=127.0.0.1;Port=1;Username=nobody";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task It_says_it_is_building_then_starting_and_keeps_stdout_for_the_cli()
    {
        var (exitCode, output, error) = await RunAsync("""[ "$1" = build ] && { echo "noise of the build"; exit 0; }; echo "cli $*" """);

        exitCode.Should().Be(0);
        error.Should().StartWith("Собираю MentorBot").And.Contain("Запускаю MentorBot…").And.NotContain("noise of the build");
        output.Should().Be("cli MentorBot.Host/bin/Release/net10.0/mentorbot.dll run\n");
    }

    [Fact]
    public async Task A_cli_verb_is_not_announced_as_starting_the_bot()
    {
        var (_, output, error) = await RunAsync("""[ "$1" = build ] && exit 0; echo "cli $*" """, "jobs", "list");

        error.Should().StartWith("Собираю MentorBot").And.NotContain("Запускаю MentorBot");
        output.Should().EndWith("mentorbot.dll jobs list\n");
    }

    [Fact]
    public async Task A_failed_build_shows_its_errors_and_stops()
    {
        var (exitCode, output, error) = await RunAsync("""[ "$1" = build ] && { echo "Program.cs(1,1): error CS1002"; exit 1; }; echo "cli $*" """);

        exitCode.Should().Be(1);
        error.Should().Contain("Program.cs(1,1): error CS1002").And.Contain("Сборка не удалась");
        output.Should().BeEmpty();
    }
}
