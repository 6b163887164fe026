using Dapper;
using MentorBot.Domain.Events;
using Npgsql;

namespace MentorBot.Host.Features.Events;

/// <summary>A row of <c>events</c> with its invitation counts.</summary>
public sealed class EventRecord
{
    /// <summary><c>events.id</c>.</summary>
    public long Id { get; init; }

    /// <summary>The road-map activity it carries out, or null.</summary>
    public long? ActivityId { get; init; }

    /// <summary>Kind code (<see cref="EventRules.Code(EventKind)"/>).</summary>
    public string Kind { get; init; } = "";

    /// <summary>Title.</summary>
    public string Title { get; init; } = "";

    /// <summary>When it starts, UTC.</summary>
    public DateTime StartsAt { get; init; }

    /// <summary>Place or link.</summary>
    public string Place { get; init; } = "";

    /// <summary>The curator's short outcome, or null.</summary>
    public string? Outcome { get; init; }

    /// <summary>How many were invited.</summary>
    public int Invited { get; init; }

    /// <summary>How many said «Приду».</summary>
    public int Yes { get; init; }

    /// <summary>How many said «Не смогу».</summary>
    public int No { get; init; }

    /// <summary>How many were marked present, or null before attendance is marked.</summary>
    public int? Attended { get; init; }
}

/// <summary>An invited person as the attendance screen shows them.</summary>
/// <param name="MembershipId">The invited member.</param>
/// <param name="Name">Name, or null.</param>
/// <param name="Response">yes | no | null.</param>
/// <param name="Attended">Marked present.</param>
public sealed record Invitee(long MembershipId, string? Name, string? Response, bool Attended);

/// <summary>SQL of events and their invitations; every query is scoped by the organisation.</summary>
public static class EventStore
{
    private const string SelectEvent = """
        SELECT e.id, e.activity_id, e.kind, e.title, e.starts_at, e.place, e.outcome,
               count(i.*)::int AS invited, count(*) FILTER (WHERE i.response = 'yes')::int AS yes, count(*) FILTER (WHERE i.response = 'no')::int AS no,
               CASE WHEN bool_or(i.attended IS NOT NULL) THEN count(*) FILTER (WHERE i.attended)::int END AS attended
          FROM events e LEFT JOIN event_invitations i ON i.event_id = e.id
        """;

    /// <summary>The organisation's events, by start.</summary>
    public static async Task<List<EventRecord>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string sql = SelectEvent + " WHERE e.organisation_id = @organisationId GROUP BY e.id ORDER BY e.starts_at, e.id";
        return [.. await connection.QueryAsync<EventRecord>(new CommandDefinition(sql, new { organisationId }, transaction, cancellationToken: cancellationToken))];
    }

    /// <summary>The event <paramref name="eventId"/> of the organisation, or null.</summary>
    public static Task<EventRecord?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long eventId, CancellationToken cancellationToken)
    {
        const string sql = SelectEvent + " WHERE e.organisation_id = @organisationId AND e.id = @eventId GROUP BY e.id";
        return connection.QuerySingleOrDefaultAsync<EventRecord>(new CommandDefinition(sql, new { organisationId, eventId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Open road-map activities that name an event (<see cref="EventRules.KindOf"/>), by stage and position.</summary>
    public static async Task<List<(long Id, string Text)>> ActivitiesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT a.id, a.text FROM road_map_activities a JOIN road_map_stages s ON s.id = a.stage_id JOIN road_maps r ON r.id = s.road_map_id
             WHERE r.organisation_id = @organisationId AND a.status = 'open' ORDER BY s.position, a.position
            """;
        var rows = await connection.QueryAsync<(long, string)>(new CommandDefinition(sql, new { organisationId }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Where(r => EventRules.KindOf(r.Item2) is not null)];
    }

    /// <summary>The text of the organisation's activity <paramref name="activityId"/>, or null.</summary>
    public static Task<string?> ActivityTextAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long activityId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT a.text FROM road_map_activities a JOIN road_map_stages s ON s.id = a.stage_id JOIN road_maps r ON r.id = s.road_map_id
             WHERE r.organisation_id = @organisationId AND a.id = @activityId
            """;
        return connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql, new { organisationId, activityId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The active members <paramref name="audience"/> names, except <paramref name="exceptMembershipId"/> (the curator making the event).</summary>
    public static async Task<List<long>> AudienceAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, EventAudience audience, long exceptMembershipId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT m.id FROM memberships m
             WHERE m.organisation_id = @organisationId AND m.status = 'active' AND m.id <> @exceptMembershipId
               AND CASE @audience
                     WHEN 'mentors' THEN EXISTS (SELECT 1 FROM membership_roles r WHERE r.membership_id = m.id AND r.role = 'mentor')
                     WHEN 'mentees' THEN EXISTS (SELECT 1 FROM membership_roles r WHERE r.membership_id = m.id AND r.role = 'mentee')
                     WHEN 'pairs' THEN EXISTS (SELECT 1 FROM pairs p WHERE p.status IN ('approved', 'active') AND m.id IN (p.mentor_membership_id, p.mentee_membership_id))
                     ELSE EXISTS (SELECT 1 FROM membership_roles r WHERE r.membership_id = m.id)
                   END
             ORDER BY m.id
            """;
        return [.. await connection.QueryAsync<long>(new CommandDefinition(sql, new { organisationId, audience = audience.Code(), exceptMembershipId }, transaction, cancellationToken: cancellationToken))];
    }

    /// <summary>Stores the event and an invitation row per invited member; returns its id.</summary>
    public static async Task<long> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, EventDraft draft, DateTimeOffset startsAt,
        IReadOnlyList<long> invited, long createdBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH e AS (
                INSERT INTO events (organisation_id, activity_id, kind, title, starts_at, place, audience, created_by, created_at)
                VALUES (@organisationId, @ActivityId, @kind, @Title, @startsAt, @Place, @audience, @createdBy, @now) RETURNING id),
            i AS (INSERT INTO event_invitations (event_id, membership_id) SELECT e.id, unnest(@invited) FROM e)
            SELECT id FROM e
            """;
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new
        {
            organisationId, draft.ActivityId, kind = draft.Kind!.Value.Code(), draft.Title, startsAt = startsAt.UtcDateTime, draft.Place,
            audience = draft.Audience!.Value.Code(), createdBy, now = now.UtcDateTime, invited = invited.ToArray(),
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Records «Приду» (yes) or «Не смогу» (no); false when the member was not invited.</summary>
    public static async Task<bool> RespondAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long eventId, long membershipId, string response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE event_invitations SET response = @response, responded_at = @now WHERE event_id = @eventId AND membership_id = @membershipId";
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { eventId, membershipId, response, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The invited people, «Приду» first, then by name.</summary>
    public static async Task<List<Invitee>> InviteesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long eventId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT i.membership_id, CASE WHEN m.status = 'active' THEN coalesce(nullif(btrim(m.full_name), ''), nullif(btrim(concat_ws(' ', p.first_name, p.last_name)), '')) END AS name,
                   i.response, coalesce(i.attended, false) AS attended
              FROM event_invitations i JOIN memberships m ON m.id = i.membership_id JOIN participants p ON p.id = m.participant_id
             WHERE i.event_id = @eventId
             ORDER BY i.response = 'yes' DESC NULLS LAST, 2, 1
            """;
        var rows = await connection.QueryAsync<(long, string?, string?, bool)>(new CommandDefinition(sql, new { eventId }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Invitee(r.Item1, r.Item2, r.Item3, r.Item4))];
    }

    /// <summary>Marks every invitee present or not (null → false), then toggles <paramref name="membershipId"/>.</summary>
    public static Task ToggleAttendedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long eventId, long membershipId, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE event_invitations SET attended = coalesce(attended, false) WHERE event_id = @eventId;
            UPDATE event_invitations SET attended = NOT attended WHERE event_id = @eventId AND membership_id = @membershipId;
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new { eventId, membershipId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Stores the outcome.</summary>
    public static Task SetOutcomeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long eventId, string outcome, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE events SET outcome = @outcome WHERE id = @eventId";
        return connection.ExecuteAsync(new CommandDefinition(sql, new { eventId, outcome }, transaction, cancellationToken: cancellationToken));
    }
}
