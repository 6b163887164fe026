namespace MentorBot.Host.Scheduling;

/// <summary>
/// A recurring background job. Hangfire fires it on its <see cref="JobDefinition.Cron"/> (persistent, shared by every
/// instance: each occurrence runs once); the CLI's <c>jobs run NAME --now …</c> runs it once at a chosen moment
/// without a server, which is also how tests drive time.
/// </summary>
public interface IScheduledJob
{
    /// <summary>Runs the job as of <paramref name="now"/>. Must be idempotent: running twice, or on two instances, has one effect.</summary>
    Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A job's identity and schedule.</summary>
/// <param name="Name">Short kebab-case name used by <c>jobs run</c> and as the Hangfire recurring-job id.</param>
/// <param name="Description">What it does, one English line for <c>jobs list</c>.</param>
/// <param name="Cron">Five-field cron (minute first, <see cref="Domain.Scheduling.CronRules"/>), evaluated in UTC.</param>
/// <param name="JobType">The <see cref="IScheduledJob"/> implementation.</param>
/// <param name="Retries">
/// Hangfire's automatic retries of a failed run. Zero for the hourly jobs: the next occurrence is the retry (they
/// compute what is due as of their instant and skip what is already queued), and ten retries of a broken job would only
/// fill the log. A few for the daily job, whose next occurrence is a day away.
/// </param>
public sealed record JobDefinition(string Name, string Description, string Cron, Type JobType, int Retries = 0);

/// <summary>Every recurring job of the product; features add theirs here.</summary>
public static class ScheduledJobs
{
    /// <summary>The jobs, in the order <c>jobs list</c> shows them.</summary>
    public static readonly IReadOnlyList<JobDefinition> All =
    [
        new("housekeeping", "Delete handled updates older than 7 days and finished outbox rows older than 30 days", "30 2 * * *", typeof(HousekeepingJob), Retries: 3),
        new("pair-term-end", "Complete pairs whose term ended and send them the satisfaction survey", "5 * * * *", typeof(Features.Meetings.PairTermJob)),
        new(Features.Reminders.DeadlineReminderJob.Name, "Road-map deadline reminders to responsible persons (start, before the end, overdue weekly)", "0 * * * *", typeof(Features.Reminders.DeadlineReminderJob)),
        new(Features.Reminders.NudgeJob.Name, "Nudges: unfinished onboarding, quiet pairs, unanswered polls and surveys", "10 * * * *", typeof(Features.Reminders.NudgeJob)),
        new(Features.Digests.DigestJob.Name, "Weekly digest to curators (catch-up; each organisation also has its own digest-<org> job)", "20 * * * *", typeof(Features.Digests.DigestJob)),
    ];

    /// <summary>The job named <paramref name="name"/>, or null.</summary>
    public static JobDefinition? Find(string name) => All.FirstOrDefault(j => j.Name == name);
}
