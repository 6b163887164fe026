using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Digests;
using MentorBot.Host.Features.Reminders;
using Microsoft.Extensions.Logging;

namespace MentorBot.Host.Scheduling;

/// <summary>A recurring job as Hangfire stores it, for <c>jobs list</c>.</summary>
/// <param name="Id">The recurring-job id: a job's name or <c>digest-&lt;org&gt;</c>.</param>
/// <param name="Cron">Its cron.</param>
/// <param name="Zone">The zone the cron is read in.</param>
/// <param name="NextRun">The next occurrence (UTC), or null when Hangfire has none (an error, or never again).</param>
/// <param name="LastRun">The last occurrence it started (UTC), or null.</param>
/// <param name="Error">Why Hangfire could not schedule it, or null.</param>
public sealed record RecurringJobInfo(string Id, string Cron, TimeZoneInfo Zone, DateTimeOffset? NextRun, DateTimeOffset? LastRun, string? Error);

/// <summary>
/// Keeps Hangfire's recurring jobs equal to what the product needs: every <see cref="ScheduledJobs.All"/> job in UTC,
/// and one <c>digest-&lt;org&gt;</c> per organisation with its <c>digest_cron</c> in its own zone; a digest job of an
/// organisation that no longer exists, and any job we no longer define, is removed. A missed occurrence (the service
/// was down) runs once when a server is back (<see cref="MisfireHandlingMode.Relaxed"/>).
/// </summary>
public sealed class RecurringJobs(IRecurringJobManager manager, JobStorage storage, DigestService digests, ILogger<RecurringJobs> logger)
{
    /// <summary>The id prefix of the organisations' digest jobs.</summary>
    public const string DigestPrefix = "digest-";

    /// <summary>The recurring-job id of an organisation's digest: <c>digest-&lt;id without dashes&gt;</c>.</summary>
    public static string DigestId(Guid organisationId) => $"{DigestPrefix}{organisationId:N}";

    /// <summary>Adds or updates every job and digest and removes the stale ones. Safe to run on every instance at once.</summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        foreach (var job in ScheduledJobs.All)
        {
            var name = job.Name;
            var call = job.Retries > 0
                ? Job.FromExpression<RecurringJobRunner>(r => r.RunRetryingAsync(name, CancellationToken.None))
                : Job.FromExpression<RecurringJobRunner>(r => r.RunAsync(name, CancellationToken.None));
            manager.AddOrUpdate(name, call, job.Cron, Options(TimeZoneInfo.Utc));
        }

        var wanted = ScheduledJobs.All.Select(j => j.Name).ToHashSet();
        foreach (var organisation in await digests.AllAsync(cancellationToken))
            if (ScheduleDigest(organisation))
                wanted.Add(DigestId(organisation.Id));

        using var connection = storage.GetConnection();
        foreach (var id in connection.GetAllItemsFromSet("recurring-jobs"))
            if (!wanted.Contains(id))
                manager.RemoveIfExists(id);
    }

    /// <summary>
    /// Creates or updates the organisation's digest job (after <c>/digest_time</c>, or at sync). A stored cron that breaks
    /// <see cref="CronRules"/> is logged and its job removed (false): the hourly <c>weekly-digest</c> does not send it either.
    /// </summary>
    public bool ScheduleDigest(OrganisationClock organisation)
    {
        var id = DigestId(organisation.Id);
        if (CronSchedule.Check(organisation.DigestCron) is not CronProblem.None and var problem)
        {
            logger.LogError("Organisation {Organisation} has a digest cron '{Cron}' that cannot be scheduled ({Problem}); no digest job", organisation.Id, organisation.DigestCron, problem);
            manager.RemoveIfExists(id);
            return false;
        }

        var organisationId = organisation.Id;
        manager.AddOrUpdate(id, Job.FromExpression<RecurringJobRunner>(r => r.DigestAsync(organisationId, CancellationToken.None)), organisation.DigestCron, Options(organisation.Zone));
        return true;
    }

    /// <summary>Every recurring job in Hangfire's storage, ordered as <c>jobs list</c> shows them (our jobs first, then digests by id).</summary>
    public IReadOnlyList<RecurringJobInfo> List()
    {
        using var connection = storage.GetConnection();
        var order = ScheduledJobs.All.Select((j, i) => (j.Name, i)).ToDictionary(x => x.Name, x => x.i);
        return connection.GetRecurringJobs()
            .OrderBy(j => order.GetValueOrDefault(j.Id, int.MaxValue)).ThenBy(j => j.Id, StringComparer.Ordinal)
            .Select(j => new RecurringJobInfo(j.Id, j.Cron, Zone(j.TimeZoneId), Utc(j.NextExecution), Utc(j.LastExecution), j.Error))
            .ToList();
    }

    private static RecurringJobOptions Options(TimeZoneInfo zone) => new() { TimeZone = zone, MisfireHandling = MisfireHandlingMode.Relaxed };

    private static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
