using Dapper;
using MentorBot.Domain.Events;
using MentorBot.Domain.Publishing;
using Npgsql;

namespace MentorBot.Host.Features.Roadmaps;

/// <summary>
/// What other features recorded against a road-map item (issue 15): an event made from an activity (<c>events.activity_id</c>)
/// or a publication counted for the information-support stage or activity (<c>publications</c>).
/// </summary>
/// <param name="StageId">The stage it is on, or null.</param>
/// <param name="ActivityId">The activity it is on, or null.</param>
/// <param name="At">Local time in the organisation's zone: the event's start, the publication's moment.</param>
/// <param name="Title">The event's title; null for a publication.</param>
/// <param name="Kind">The event's kind code (<see cref="EventRules.ParseKind"/>); null for a publication.</param>
/// <param name="Yes">Invited people who said «Приду».</param>
/// <param name="Attended">People marked present, or null when attendance is not marked.</param>
public sealed record PlanMark(long? StageId, long? ActivityId, DateTime At, string? Title, string? Kind, int Yes, int? Attended)
{
    /// <summary>True for an event, false for a publication.</summary>
    public bool IsEvent => Title is not null;

    /// <summary>The line a road-map page shows for it (Russian, plain text); an event before <paramref name="today"/> counts as held.</summary>
    public string Describe(DateOnly today) => IsEvent
        ? EventsTexts.OnRoadMap(Title!, EventRules.ParseKind(Kind!), At, DateOnly.FromDateTime(At) < today, Yes, Attended)
        : PublishTexts.OnRoadMap(DateOnly.FromDateTime(At));
}

/// <summary>SQL of the road map's marks: events and publications on its stages and activities.</summary>
public static class RoadmapMarks
{
    /// <summary>Every event and publication of the organisation tied to a road-map item, in time order (times local to the organisation's IANA zone).</summary>
    public static async Task<IReadOnlyList<PlanMark>> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT NULL::bigint AS stage_id, e.activity_id, (e.starts_at AT TIME ZONE o.time_zone) AS at, e.title, e.kind,
                   count(*) FILTER (WHERE i.response = 'yes')::int AS yes,
                   CASE WHEN bool_or(i.attended IS NOT NULL) THEN count(*) FILTER (WHERE i.attended)::int END AS attended
              FROM events e JOIN organisations o ON o.id = e.organisation_id
              LEFT JOIN event_invitations i ON i.event_id = e.id
             WHERE e.organisation_id = @organisationId AND e.activity_id IS NOT NULL
             GROUP BY e.id, o.time_zone
            UNION ALL
            SELECT p.stage_id, p.activity_id, (p.published_at AT TIME ZONE o.time_zone), NULL, NULL, 0, NULL
              FROM publications p JOIN organisations o ON o.id = p.organisation_id
             WHERE p.organisation_id = @organisationId AND (p.stage_id IS NOT NULL OR p.activity_id IS NOT NULL)
             ORDER BY at
            """;
        var rows = await connection.QueryAsync<MarkRow>(new CommandDefinition(sql, new { organisationId }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PlanMark(r.StageId, r.ActivityId, r.At, r.Title, r.Kind, r.Yes, r.Attended))];
    }

    // A settable class: Dapper maps snake_case columns to it reliably (MatchNamesWithUnderscores).
    private sealed class MarkRow
    {
        public long? StageId { get; init; }
        public long? ActivityId { get; init; }
        public DateTime At { get; init; }
        public string? Title { get; init; }
        public string? Kind { get; init; }
        public int Yes { get; init; }
        public int? Attended { get; init; }
    }
}
