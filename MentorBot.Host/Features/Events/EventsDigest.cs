using Dapper;
using MentorBot.Domain.Digests;
using MentorBot.Domain.Events;
using MentorBot.Host.Features.Reminders;
using Npgsql;

namespace MentorBot.Host.Features.Events;

/// <summary>What the curator's weekly digest says of events and publications (issue 15).</summary>
public static class EventsDigest
{
    /// <summary>How far ahead the digest lists events.</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(14);

    /// <summary>
    /// The events that started from <paramref name="weekStart"/> up to <paramref name="now"/> (held) or start in the next
    /// <see cref="Ahead"/>, in time order, and the local dates of the <c>/publish</c> texts taken since <paramref name="weekStart"/>.
    /// </summary>
    public static async Task<(IReadOnlyList<DigestEvent> Events, IReadOnlyList<DateOnly> Publications)> LoadAsync(NpgsqlConnection connection,
        NpgsqlTransaction? transaction, OrganisationClock organisation, DateTimeOffset weekStart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var events = (await EventStore.ListAsync(connection, transaction, organisation.Id, cancellationToken))
            .Select(e => (Event: e, Starts: new DateTimeOffset(DateTime.SpecifyKind(e.StartsAt, DateTimeKind.Utc))))
            .Where(x => x.Starts >= weekStart && x.Starts < now + Ahead)
            .OrderBy(x => x.Starts)
            .Select(x => new DigestEvent(TimeZoneInfo.ConvertTime(x.Starts, organisation.Zone).DateTime, x.Event.Title, EventRules.ParseKind(x.Event.Kind),
                x.Starts <= now, x.Event.Invited, x.Event.Yes, x.Event.Attended))
            .ToList();
        var published = await connection.QueryAsync<DateTime>(new CommandDefinition(
            "SELECT published_at FROM publications WHERE organisation_id = @organisationId AND published_at >= @since AND published_at <= @now ORDER BY published_at",
            new { organisationId = organisation.Id, since = weekStart.UtcDateTime, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        return (events, [.. published.Select(organisation.LocalDate)]);
    }
}
