using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Digests;
using MentorBot.Host.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace MentorBot.Tests.Features.Digests;

/// <summary>The per-organisation Quartz triggers of the digest, on an in-memory scheduler.</summary>
public sealed class DigestTriggersTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Omsk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Omsk");
    private static readonly TimeZoneInfo Volgograd = TimeZoneInfo.FindSystemTimeZoneById("Europe/Volgograd");
    private ServiceProvider services = null!;
    private IScheduler scheduler = null!;

    public async Task InitializeAsync()
    {
        services = new ServiceCollection().AddLogging().AddQuartz(q => q.UseInMemoryStore()).BuildServiceProvider();
        scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
    }

    public async Task DisposeAsync()
    {
        await scheduler.Shutdown(false, CancellationToken.None);
        await services.DisposeAsync();
    }

    private static OrganisationClock Organisation(Guid id, TimeZoneInfo zone, string cron) =>
        new(id, "Школа", zone, DeliveryWindow.WorkingHours, cron, DateTimeOffset.UnixEpoch);

    private async Task<ICronTrigger> TriggerAsync(Guid id) =>
        (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey($"digest-{id:N}", DigestTriggers.Group), CancellationToken.None))!;

    [Fact]
    public async Task Each_organisation_gets_a_monday_nine_oclock_trigger_in_its_own_zone_that_fires_once_after_a_miss()
    {
        Guid omsk = Guid.NewGuid(), volgograd = Guid.NewGuid();
        await DigestTriggers.ScheduleAsync(scheduler, Organisation(omsk, Omsk, "0 0 9 ? * MON"), CancellationToken.None);
        await DigestTriggers.ScheduleAsync(scheduler, Organisation(volgograd, Volgograd, "0 0 9 ? * MON"), CancellationToken.None);

        foreach (var (id, zone) in new[] { (omsk, Omsk), (volgograd, Volgograd) })
        {
            var trigger = await TriggerAsync(id);
            trigger.MisfireInstruction.Should().Be(CronTriggerMisfireInstruction.FireAndProceed);
            var local = TimeZoneInfo.ConvertTime(trigger.NextFireTimeUtc!.Value, zone);
            (local.DayOfWeek, local.Hour, local.Minute).Should().Be((DayOfWeek.Monday, 9, 0));
        }

        (await TriggerAsync(omsk)).NextFireTimeUtc.Should().Be((await TriggerAsync(volgograd)).NextFireTimeUtc!.Value.AddHours(-3));
    }

    [Fact]
    public async Task A_new_time_replaces_the_trigger_and_an_unchanged_one_is_left_alone()
    {
        var id = Guid.NewGuid();
        await DigestTriggers.ScheduleAsync(scheduler, Organisation(id, Omsk, "0 0 9 ? * MON"), CancellationToken.None);
        await DigestTriggers.ScheduleAsync(scheduler, Organisation(id, Omsk, "0 30 15 ? * FRI"), CancellationToken.None);

        var trigger = await TriggerAsync(id);
        trigger.CronExpressionString.Should().Be("0 30 15 ? * FRI");
        var local = TimeZoneInfo.ConvertTime(trigger.NextFireTimeUtc!.Value, Omsk);
        (local.DayOfWeek, local.Hour, local.Minute).Should().Be((DayOfWeek.Friday, 15, 30));

        await DigestTriggers.ScheduleAsync(scheduler, Organisation(id, Omsk, "0 30 15 ? * FRI"), CancellationToken.None);
        (await scheduler.GetJobDetail(new JobKey($"digest-{id:N}", DigestTriggers.Group), CancellationToken.None))!
            .JobDataMap.GetString(OrganisationDigestJob.OrganisationKey).Should().Be(id.ToString());
    }
}
