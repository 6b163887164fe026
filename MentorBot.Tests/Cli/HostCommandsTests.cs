namespace MentorBot.Tests.Cli;

public class HostCommandsTests
{
    [Fact]
    public async Task Jobs_run_with_an_unknown_job_is_one_line_and_exit_2()
    {
        var result = await CliRunner.RunAsync("jobs", "run", "no-such-job");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Contain("unknown job 'no-such-job'").And.NotContain("\n");
    }

    [Fact]
    public async Task Jobs_run_with_a_malformed_moment_is_one_line_and_exit_2()
    {
        var result = await CliRunner.RunAsync("jobs", "run", "housekeeping", "--now", "вчера");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Contain("--now 'вчера'").And.NotContain("\n");
    }

    [Fact]
    public async Task An_unknown_verb_is_one_line_and_exit_2()
    {
        var result = await CliRunner.RunAsync("frobnicate", "--now");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Split('\n').Should().HaveCount(1);
    }
}
