using MentorBot.Domain.Organisations;
using MentorBot.Host.Cli;
using MentorBot.Host.Scheduling;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Scheduling;

/// <summary>
/// <c>jobs run</c> as the operator sees it (issue 17 items 4–5): the job is called at an instant, without a scheduler;
/// a dry run lists every message and writes nothing, a real run says what it queued.
/// </summary>
public sealed class JobRunTests : IAsyncLifetime
{
    private const long MentorUser = 400, MenteeUser = 500;
    private readonly PipelineHarness bot = new();

    public Task InitializeAsync() => bot.InitializeAsync();
    public Task DisposeAsync() => bot.DisposeAsync();

    private async Task<long> PairEndingAsync(string endsOn)
    {
        var org = await bot.CreateOrganisationAsync("МБОУ СОШ № 1", "Asia/Omsk");
        var mentor = await bot.AddMemberAsync(org, MentorUser, "Иванова Мария Петровна", [Role.Mentor]);
        var mentee = await bot.AddMemberAsync(org, MenteeUser, "Петров Олег", [Role.Mentee]);
        return await bot.ScalarAsync<long>("""
            INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, created_at, approved_at, starts_on, ends_on)
            VALUES (@org, @mentor, @mentee, 'active', '2026-09-01', '2026-09-01', '2026-09-01', @endsOn::date) RETURNING id
            """, new { org = org.Id, mentor, mentee, endsOn });
    }

    private async Task<string> RunAsync(string job, DateTimeOffset now, bool dryRun)
    {
        var output = new StringWriter();
        await JobsCommand.RunAsync(bot.Services, ScheduledJobs.Find(job)!, now, dryRun, output, CancellationToken.None);
        return output.ToString();
    }

    [Fact]
    public async Task A_dry_run_as_of_a_future_day_lists_every_message_to_whom_and_when_and_writes_nothing()
    {
        var pair = await PairEndingAsync("2027-05-31");

        var output = await RunAsync("pair-term-end", new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero), dryRun: true);

        output.Should().StartWith("pair-term-end as of 2027-06-01 00:00Z: dry run, nothing was written");
        output.Should().Contain("pairs whose term ended, completed: 1");
        output.Should().Contain("would queue 2 message(s) to 2 people:");
        output.Should().Contain("end-of-term survey: 2 to 2 people, going out 2027-06-01 03:00Z");
        output.Should().Contain("2027-06-01 09:00 Asia/Omsk (2027-06-01 03:00Z)  to Иванова Мария Петровна");
        output.Should().Contain("2027-06-01 09:00 Asia/Omsk (2027-06-01 03:00Z)  to Петров Олег");
        output.Should().Contain("| ");
        (await bot.ScalarAsync<string>("SELECT status FROM pairs WHERE id = @pair", new { pair })).Should().Be("active");
        (await bot.ScalarAsync<long>("SELECT count(*) FROM outbox")).Should().Be(0);
    }

    [Fact]
    public async Task A_real_run_says_what_it_queued_by_kind_to_how_many_people_and_when_and_a_repeat_queues_nothing()
    {
        var pair = await PairEndingAsync("2026-05-31");
        var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        var first = await RunAsync("pair-term-end", now, dryRun: false);
        var second = await RunAsync("pair-term-end", now, dryRun: false);

        first.Should().StartWith("pair-term-end ran as of 2026-06-01 00:00Z");
        first.Should().Contain("queued 2 message(s) to 2 people:").And.Contain("end-of-term survey: 2 to 2 people, going out 2026-06-01 03:00Z");
        first.Should().NotContain("| ", "a real run summarises; only a dry run lists every message");
        (await bot.ScalarAsync<string>("SELECT status FROM pairs WHERE id = @pair", new { pair })).Should().Be("completed");
        (await bot.ScalarAsync<long>("SELECT count(*) FROM outbox")).Should().Be(2);
        second.Should().Contain("queued no messages");
    }
}
