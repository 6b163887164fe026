using MentorBot.Domain.Conversations;
using MentorBot.Domain.Digests;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Reminders;
using MentorBot.Host.Outbox;
using MentorBot.Host.Scheduling;
using Npgsql;

namespace MentorBot.Host.Features.Digests;

/// <summary>
/// Composes and sends the weekly digest (issue 7) to an organisation's curators: once per organisation per ISO week
/// (outbox keys <c>digest:{org}:{isoWeek}:m{curator}:{part}</c>, the picture <c>…:chart</c>), inside the organisation's delivery window.
/// </summary>
public sealed class DigestService(NpgsqlDataSource dataSource, Notifier notifier, WorkCalendar calendar)
{
    /// <summary>The organisation's clock, or null when there is no such organisation.</summary>
    public async Task<OrganisationClock?> FindAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await OrganisationClock.LoadAsync(connection, null, calendar, organisationId, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Every organisation's clock.</summary>
    public async Task<IReadOnlyList<OrganisationClock>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await OrganisationClock.LoadAsync(connection, null, calendar, null, cancellationToken);
    }

    /// <summary>The digest of <paramref name="organisation"/> as of <paramref name="now"/>, as HTML messages.</summary>
    public async Task<IReadOnlyList<string>> ComposeAsync(OrganisationClock organisation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return WeeklyDigest.Compose(await DigestStore.SnapshotAsync(connection, null, organisation, now, cancellationToken));
    }

    /// <summary>
    /// Sends the digest of the ISO week of <paramref name="firedAt"/> (local) to every active curator; a second call
    /// in the same week sends nothing. Returns the number of curators it was enqueued for.
    /// </summary>
    public async Task<int> SendAsync(OrganisationClock organisation, DateTimeOffset firedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var week = DigestSchedule.IsoWeek(organisation.Today(firedAt));
        var snapshot = await DigestStore.SnapshotAsync(connection, transaction, organisation, now, cancellationToken);
        var parts = WeeklyDigest.Compose(snapshot);
        // The picture follows the text (issue 14); drawn once for all curators, none when the weeks were empty.
        var chart = DigestChart.Spec(snapshot) is { } spec ? Reports.ChartImage.Render(spec) : null;
        var dueAt = organisation.DueAt(now, organisation.Today(now));
        var sent = 0;
        foreach (var curator in await RoadMapItemsStore.CuratorsAsync(connection, transaction, organisation.Id, cancellationToken))
        {
            var delivered = true;
            for (var i = 0; i < parts.Count; i++)
                delivered &= await notifier.EnqueueAsync(connection, transaction, curator, Reply.Formatted(parts[i]), $"digest:{organisation.Id:N}:{week}:m{curator}:{i}", dueAt, cancellationToken);
            if (chart is not null)
                delivered &= await notifier.EnqueuePhotoAsync(connection, transaction, curator, chart, DigestChart.Caption(snapshot), $"digest:{organisation.Id:N}:{week}:m{curator}:chart", dueAt, cancellationToken);
            if (delivered) sent++;
        }

        await JobRun.CommitAsync(transaction, cancellationToken);
        return sent;
    }

    /// <summary>
    /// Sends the organisation's digest for its latest digest time up to <paramref name="now"/> (<see cref="LatestFire"/>);
    /// nothing when the organisation is gone or no digest time fell in the last week. What an organisation's
    /// <c>digest-&lt;org&gt;</c> recurring job runs.
    /// </summary>
    public async Task SendLatestAsync(Guid organisationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await FindAsync(organisationId, cancellationToken) is { } organisation && LatestFire(organisation, now) is { } fired)
            await SendAsync(organisation, fired, now, cancellationToken);
    }

    /// <summary>
    /// The latest occurrence of the organisation's digest cron (in its zone) in (<paramref name="now"/> − 7 days,
    /// <paramref name="now"/>] and not before the organisation existed; null when none (or the stored cron is not valid).
    /// </summary>
    public static DateTimeOffset? LatestFire(OrganisationClock organisation, DateTimeOffset now)
    {
        var from = now.AddDays(-7) > organisation.CreatedAt ? now.AddDays(-7) : organisation.CreatedAt;
        return CronSchedule.Occurrences(organisation.DigestCron, organisation.Zone, from, now).Select(o => (DateTimeOffset?)o).LastOrDefault();
    }
}
