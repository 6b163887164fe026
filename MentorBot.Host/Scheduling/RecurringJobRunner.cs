using Hangfire;
using MentorBot.Host.Features.Digests;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Host.Scheduling;

/// <summary>
/// What Hangfire calls for each occurrence of a recurring job: the <see cref="IScheduledJob"/> of that name, or an
/// organisation's digest, at the current instant. Two runs of the same job never overlap, on one instance or across
/// instances: each takes a distributed lock named after the job and waits for it up to <see cref="LockTimeoutSeconds"/>
/// (then the run fails and the next occurrence catches up).
/// </summary>
/// <param name="services">Resolves the jobs.</param>
/// <param name="time">The clock.</param>
public sealed class RecurringJobRunner(IServiceProvider services, TimeProvider time)
{
    /// <summary>How long a run waits for the previous run of the same job to finish.</summary>
    public const int LockTimeoutSeconds = 15 * 60;

    /// <summary>Runs the job <paramref name="name"/> once, without automatic retries (<see cref="JobDefinition.Retries"/> = 0).</summary>
    /// <exception cref="InvalidOperationException">No job has that name.</exception>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution("mentorbot-job:{0}", LockTimeoutSeconds)]
    public Task RunAsync(string name, CancellationToken cancellationToken) => RunJobAsync(name, cancellationToken);

    /// <summary>Runs the job <paramref name="name"/> once; Hangfire retries a failure three times with its backoff.</summary>
    /// <exception cref="InvalidOperationException">No job has that name.</exception>
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution("mentorbot-job:{0}", LockTimeoutSeconds)]
    public Task RunRetryingAsync(string name, CancellationToken cancellationToken) => RunJobAsync(name, cancellationToken);

    /// <summary>
    /// Sends the organisation's digest for its latest digest time (once per ISO week, whoever runs it); nothing when the
    /// organisation is gone. Retried three times: the hourly <c>weekly-digest</c> also catches a missed one.
    /// </summary>
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution("mentorbot-digest:{0}", LockTimeoutSeconds)]
    public Task DigestAsync(Guid organisationId, CancellationToken cancellationToken) =>
        services.GetRequiredService<DigestService>().SendLatestAsync(organisationId, time.GetUtcNow(), cancellationToken);

    private Task RunJobAsync(string name, CancellationToken cancellationToken)
    {
        var definition = ScheduledJobs.Find(name) ?? throw new InvalidOperationException($"No job named '{name}' is registered.");
        return ((IScheduledJob)services.GetRequiredService(definition.JobType)).RunAsync(time.GetUtcNow(), cancellationToken);
    }
}
