using MentorBot.Host.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MentorBot.Host.Features.Digests;

/// <summary>
/// One Quartz cron trigger per organisation for its weekly digest (issue 7): <c>organisations.digest_cron</c> in the
/// organisation's zone, misfire «fire once now» (a run missed while the service was down fires once when it is back).
/// Created or updated at start, every <see cref="ResyncInterval"/> (new organisations, changes made on another
/// instance) and at once when a curator changes the time (<c>/digest_time</c>). Does nothing where Quartz is not
/// running (CLI verbs, tests).
/// </summary>
public sealed class DigestTriggers(IServiceProvider services, DigestService digests, IHostApplicationLifetime lifetime, ILogger<DigestTriggers> logger) : BackgroundService
{
    /// <summary>The Quartz group of the digest jobs and triggers.</summary>
    public const string Group = "digest";

    /// <summary>How often the triggers are compared with the organisations.</summary>
    public static readonly TimeSpan ResyncInterval = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory) return;
        // Quartz's own hosted service starts (and provisions its tables) first.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(ResyncInterval);
        do
        {
            try
            {
                var scheduler = await factory.GetScheduler(stoppingToken);
                var organisations = await digests.AllAsync(stoppingToken);
                foreach (var organisation in organisations.Where(o => CronExpression.TryParse(o.DigestCron, out _)))
                    await ScheduleAsync(scheduler, organisation, stoppingToken);
                var known = organisations.Select(o => Key(o.Id)).ToHashSet();
                foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), stoppingToken))
                    if (!known.Contains(key.Name))
                        await scheduler.DeleteJob(new JobKey(key.Name, Group), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not synchronise the digest triggers; retrying in {Interval}", ResyncInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Reschedules the organisation's digest now, when Quartz runs in this process (after /digest_time).</summary>
    public static async Task RescheduleAsync(IServiceProvider services, OrganisationClock organisation, CancellationToken cancellationToken)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory) return;
        await ScheduleAsync(await factory.GetScheduler(cancellationToken), organisation, cancellationToken);
    }

    /// <summary>Creates the organisation's trigger, or replaces it when its cron or zone changed.</summary>
    public static async Task ScheduleAsync(IScheduler scheduler, OrganisationClock organisation, CancellationToken cancellationToken)
    {
        var name = Key(organisation.Id);
        var triggerKey = new TriggerKey(name, Group);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(triggerKey)
            .ForJob(name, Group)
            .WithCronSchedule(organisation.DigestCron, c => c.InTimeZone(organisation.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        if (await scheduler.GetTrigger(triggerKey, cancellationToken) is ICronTrigger existing)
        {
            if (existing.CronExpressionString == organisation.DigestCron && existing.TimeZone.Id == organisation.Zone.Id) return;
            await scheduler.RescheduleJob(triggerKey, trigger, cancellationToken);
            return;
        }

        var job = JobBuilder.Create<OrganisationDigestJob>()
            .WithIdentity(name, Group)
            .UsingJobData(OrganisationDigestJob.OrganisationKey, organisation.Id.ToString())
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    private static string Key(Guid organisationId) => $"digest-{organisationId:N}";
}

/// <summary>The Quartz job behind an organisation's digest trigger: sends that week's digest (once per week).</summary>
/// <param name="digests">Sends the digest.</param>
/// <param name="time">The clock.</param>
[DisallowConcurrentExecution]
public sealed class OrganisationDigestJob(DigestService digests, TimeProvider time) : IJob
{
    /// <summary>Job-data key holding the organisation id.</summary>
    public const string OrganisationKey = "organisation";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.MergedJobDataMap.GetString(OrganisationKey), out var id)) return;
        if (await digests.FindAsync(id, cancellationToken) is not { } organisation) return;
        var now = time.GetUtcNow();
        await digests.SendAsync(organisation, context.ScheduledFireTimeUtc ?? now, now, cancellationToken);
    }
}
