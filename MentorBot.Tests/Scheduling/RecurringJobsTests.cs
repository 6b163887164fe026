using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using MentorBot.Host.Scheduling;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Scheduling;

/// <summary>
/// Hangfire on the real PostgreSQL: the recurring jobs we register, and what Hangfire's servers do with them. Every
/// schedule is computed from a fixed instant (the harness's clock feeds the recurring-job manager); only the servers
/// themselves run on real time, and nothing asserted depends on what time it is.
/// </summary>
public sealed class RecurringJobsTests : IAsyncLifetime
{
    private readonly PipelineHarness bot = new();

    public Task InitializeAsync() => bot.InitializeAsync();
    public Task DisposeAsync() => bot.DisposeAsync();

    private RecurringJobs Jobs => bot.Services.GetRequiredService<RecurringJobs>();

    [Fact]
    public async Task Every_job_and_each_organisations_digest_is_scheduled_in_its_zone_and_a_removed_organisation_loses_its_digest()
    {
        var omsk = await bot.CreateOrganisationAsync("Школа в Омске", "Asia/Omsk");
        var volgograd = await bot.CreateOrganisationAsync("Школа в Волгограде", "Europe/Volgograd");
        bot.Clock.Set(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));   // Monday 06:00 in Omsk

        await Jobs.SyncAsync(CancellationToken.None);

        var jobs = Jobs.List().ToDictionary(j => j.Id);
        jobs.Keys.Should().BeEquivalentTo(["housekeeping", "pair-term-end", "deadline-reminders", "nudges", "weekly-digest", RecurringJobs.DigestId(omsk.Id), RecurringJobs.DigestId(volgograd.Id)]);
        jobs["housekeeping"].NextRun.Should().Be(new DateTimeOffset(2026, 11, 30, 2, 30, 0, TimeSpan.Zero));
        jobs["nudges"].NextRun.Should().Be(new DateTimeOffset(2026, 11, 30, 0, 10, 0, TimeSpan.Zero));
        // Monday 09:00 in Omsk (UTC+6) is 03:00 UTC; in Volgograd (UTC+3) 06:00 UTC.
        jobs[RecurringJobs.DigestId(omsk.Id)].NextRun.Should().Be(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
        jobs[RecurringJobs.DigestId(volgograd.Id)].NextRun.Should().Be(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
        jobs[RecurringJobs.DigestId(omsk.Id)].Zone.Id.Should().Be("Asia/Omsk");

        await bot.ExecuteAsync("DELETE FROM organisations WHERE id = @id", new { id = volgograd.Id });
        await Jobs.SyncAsync(CancellationToken.None);

        Jobs.List().Select(j => j.Id).Should().Contain(RecurringJobs.DigestId(omsk.Id)).And.NotContain(RecurringJobs.DigestId(volgograd.Id));
    }

    [Fact]
    public async Task A_stored_cron_with_a_numeric_weekday_is_refused_by_the_database()
    {
        var organisation = await bot.CreateOrganisationAsync();

        var update = () => bot.ExecuteAsync("UPDATE organisations SET digest_cron = '0 9 * * 1' WHERE id = @id", new { id = organisation.Id });

        (await update.Should().ThrowAsync<Npgsql.PostgresException>()).Which.ConstraintName.Should().Be("organisations_digest_cron_named_weekdays");
    }

    [Fact]
    public async Task A_missed_occurrence_runs_once_when_a_server_is_back()
    {
        var id = "missed-" + Guid.NewGuid().ToString("N");
        // Registered on Monday 5 January 2026; the service was then down for months: dozens of Mondays were missed.
        bot.Clock.Set(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));
        var manager = bot.Services.GetRequiredService<IRecurringJobManager>();
        manager.AddOrUpdate(id, Job.FromExpression(() => RunLog.Record(id)), "0 9 * * MON", new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Omsk") });
        Jobs.List().Single(j => j.Id == id).NextRun.Should().Be(new DateTimeOffset(2026, 1, 5, 3, 0, 0, TimeSpan.Zero));

        using (Server())
        {
            await RunLog.WaitForAsync([id]);
            await Task.Delay(HangfireSetup.SchedulePollingInterval * 3);
        }

        RunLog.Count(id).Should().Be(1);
        var next = Jobs.List().Single(j => j.Id == id).NextRun!.Value;
        (next > new DateTimeOffset(2026, 1, 5, 3, 0, 0, TimeSpan.Zero), next.DayOfWeek, next.TimeOfDay).Should().Be((true, DayOfWeek.Monday, TimeSpan.FromHours(3)));
    }

    [Fact]
    public async Task Two_servers_on_one_database_run_each_occurrence_once()
    {
        bot.Clock.Set(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));
        var manager = bot.Services.GetRequiredService<IRecurringJobManager>();
        var ids = Enumerable.Range(0, 12).Select(i => $"pair-{i}-{Guid.NewGuid():N}").ToList();
        foreach (var id in ids)
            manager.AddOrUpdate(id, Job.FromExpression(() => RunLog.Record(id)), "0 3 * * *", new RecurringJobOptions());

        using (Server())
        using (Server())
        {
            await RunLog.WaitForAsync(ids);
            await Task.Delay(HangfireSetup.SchedulePollingInterval * 3);
        }

        ids.Select(RunLog.Count).Should().AllBeEquivalentTo(1);
    }

    private BackgroundJobServer Server()
    {
        var options = HangfireSetup.Server(bot.Services);
        options.WorkerCount = 2;
        return new BackgroundJobServer(options, bot.Services.GetRequiredService<JobStorage>());
    }

    /// <summary>What the test jobs record: how often each ran.</summary>
    public static class RunLog
    {
        private static readonly ConcurrentDictionary<string, int> Runs = new();

        public static void Record(string id) => Runs.AddOrUpdate(id, 1, (_, n) => n + 1);

        public static int Count(string id) => Runs.GetValueOrDefault(id);

        public static async Task WaitForAsync(IReadOnlyList<string> ids)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!ids.All(id => Count(id) > 0))
                await Task.Delay(100, timeout.Token);
        }
    }
}
