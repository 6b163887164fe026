using Dapper;
using MentorBot.Host.Scheduling;
using MentorBot.Tests.Cli;
using MentorBot.Tests.Features.Organisations;

namespace MentorBot.Tests.Features.Reminders;

/// <summary>
/// <c>jobs list</c> reads Hangfire's storage. The next runs are Hangfire's own (from the real clock), so only their
/// time of day is asserted, which holds whatever the date.
/// </summary>
[Collection(DatabaseCliCollection.Name)]
public sealed class JobsListTests : IAsyncLifetime
{
    private readonly CliDatabase cli = new();

    public Task InitializeAsync() => cli.InitializeAsync();
    public Task DisposeAsync() => cli.DisposeAsync();

    [Fact]
    public async Task Jobs_list_shows_every_job_and_each_organisations_digest_with_its_next_run_in_utc_and_in_its_zone()
    {
        var id = Guid.NewGuid();
        await using (var connection = await cli.Database.DataSource.OpenConnectionAsync())
            await connection.ExecuteAsync("INSERT INTO organisations (id, name, time_zone) VALUES (@id, 'Школа № 1', 'Asia/Omsk')", new { id });

        var result = await CliRunner.RunAsync("jobs", "list");

        result.Error.Should().BeEmpty();
        result.ExitCode.Should().Be(0);
        result.Output.Should().MatchRegex(@"(?m)^housekeeping\s+\d{4}-\d{2}-\d{2} 02:30:00Z\s+UTC\s+30 2 \* \* \*\s+Delete handled updates");
        result.Output.Should().MatchRegex(@"(?m)^deadline-reminders\s+\d{4}-\d{2}-\d{2} \d{2}:00:00Z\s+UTC\s+0 \* \* \* \*");
        result.Output.Should().MatchRegex(@"(?m)^nudges\s+\d{4}-\d{2}-\d{2} \d{2}:10:00Z");
        result.Output.Should().MatchRegex(@"(?m)^weekly-digest\s+\d{4}-\d{2}-\d{2} \d{2}:20:00Z");
        result.Output.Should().MatchRegex($@"(?m)^{RecurringJobs.DigestId(id)}\s+\d{{4}}-\d{{2}}-\d{{2}} 03:00:00Z\s+\d{{4}}-\d{{2}}-\d{{2}} 09:00 Asia/Omsk\s+0 9 \* \* MON\s+Weekly digest of «Школа № 1»");
    }
}
