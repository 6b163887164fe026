using MentorBot.Tests.Cli;

namespace MentorBot.Tests.Features.Reminders;

public sealed class JobsListTests
{
    [Theory]
    [InlineData("deadline-reminders", "00:00Z")]
    [InlineData("nudges", "10:00Z")]
    [InlineData("weekly-digest", "20:00Z")]
    public async Task Jobs_list_shows_the_reminder_and_digest_jobs_with_their_next_fire_time(string job, string minuteAndSecond)
    {
        var result = await CliRunner.RunAsync("jobs", "list");

        result.ExitCode.Should().Be(0);
        result.Output.Should().MatchRegex($@"(?m)^{job}\s+\d{{4}}-\d{{2}}-\d{{2}} \d{{2}}:{minuteAndSecond}");
    }
}
