using MentorBot.Host.Scheduling;

namespace MentorBot.Host.Features.Digests;

/// <summary>
/// The weekly digest as a job: for every organisation whose digest time (<c>organisations.digest_cron</c>, its zone)
/// came in the last 7 days, the digest of that week — once per organisation per week whoever runs it. Hangfire also
/// runs each organisation's own <c>digest-&lt;org&gt;</c> job at its exact time (<see cref="Scheduling.RecurringJobs"/>);
/// this hourly run catches anything missed and is how <c>jobs run weekly-digest --now …</c> drives it.
/// </summary>
public sealed class DigestJob(DigestService digests) : IScheduledJob
{
    /// <summary>The job's name for <c>jobs run</c>.</summary>
    public const string Name = "weekly-digest";

    /// <inheritdoc />
    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var organisation in await digests.AllAsync(cancellationToken))
            if (DigestService.LatestFire(organisation, now) is { } fired)
                await digests.SendAsync(organisation, fired, now, cancellationToken);
    }
}
