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

    [Theory]
    [InlineData("pair-term-end", "0001-01-01T00:00:00Z", "outside the years 2000–2099")]
    [InlineData("nudges", "0001-01-01T00:00:00Z", "outside the years 2000–2099")]
    [InlineData("pair-term-end", "9999-12-31T23:59:59Z", "outside the years 2000–2099")]
    [InlineData("pair-term-end", "2099-06-01T00:00:00Z", "add --dry-run")]
    public async Task Jobs_run_refuses_a_moment_it_cannot_use_or_a_future_one_without_a_dry_run_in_one_line_and_exit_2(string job, string now, string reason)
    {
        var result = await CliRunner.RunAsync("jobs", "run", job, "--now", now);

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Contain(reason).And.NotContain("\n");
    }

    [Fact]
    public async Task An_unknown_verb_is_one_line_and_exit_2()
    {
        var result = await CliRunner.RunAsync("frobnicate", "--now");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Split('\n').Should().HaveCount(1);
    }
}
