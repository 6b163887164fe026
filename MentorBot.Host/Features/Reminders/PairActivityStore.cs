using Dapper;
using Npgsql;

namespace MentorBot.Host.Features.Reminders;

/// <summary>A live pair (approved or active) and when it last met.</summary>
public sealed class LivePair
{
    /// <summary><c>pairs.id</c>.</summary>
    public long Id { get; init; }

    /// <summary>The mentor's membership.</summary>
    public long MentorMembershipId { get; init; }

    /// <summary>The mentee's membership.</summary>
    public long MenteeMembershipId { get; init; }

    /// <summary>The mentor's name, when known.</summary>
    public string? MentorName { get; init; }

    /// <summary>The mentee's name, when known.</summary>
    public string? MenteeName { get; init; }

    /// <summary><c>pairs.status</c>: approved | active.</summary>
    public string Status { get; init; } = "";

    /// <summary>The latest of: the last logged (not deleted) meeting, the pair's start, its approval (local date).</summary>
    public DateTime LastActivity { get; init; }

    /// <summary>Meetings held this week (from the week start given to the query through today).</summary>
    public int MeetingsThisWeek { get; init; }

    /// <summary>Meetings held in the 7 days before the week start.</summary>
    public int MeetingsLastWeek { get; init; }
}

/// <summary>SQL of live pairs and their meetings, for quiet-pair nudges and the digest.</summary>
public static class PairActivityStore
{
    /// <summary>Live pairs of the organisation, with their last activity and meetings in the week starting <paramref name="weekStart"/>.</summary>
    public static async Task<IReadOnlyList<LivePair>> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, OrganisationClock organisation, DateOnly weekStart, DateOnly today, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT p.id, p.mentor_membership_id AS MentorMembershipId, p.mentee_membership_id AS MenteeMembershipId,
                   mm.full_name AS MentorName, me.full_name AS MenteeName, p.status,
                   greatest(mt.last_held, p.starts_on, (p.approved_at AT TIME ZONE @zone)::date, (p.created_at AT TIME ZONE @zone)::date)::timestamp AS LastActivity,
                   coalesce(mt.this_week, 0)::int AS MeetingsThisWeek, coalesce(mt.last_week, 0)::int AS MeetingsLastWeek
              FROM pairs p
              JOIN memberships mm ON mm.id = p.mentor_membership_id
              JOIN memberships me ON me.id = p.mentee_membership_id
              LEFT JOIN LATERAL (
                    SELECT max(held_on) FILTER (WHERE held_on <= @today::date) AS last_held,
                           count(*) FILTER (WHERE held_on BETWEEN @weekStart::date AND @today::date) AS this_week,
                           count(*) FILTER (WHERE held_on BETWEEN @weekStart::date - 7 AND @weekStart::date - 1) AS last_week
                      FROM meetings WHERE pair_id = p.id AND deleted_at IS NULL) mt ON true
             WHERE p.organisation_id = @organisationId AND p.status IN ('approved', 'active')
             ORDER BY mm.full_name, me.full_name, p.id
            """;
        return (await connection.QueryAsync<LivePair>(new CommandDefinition(sql, new
        {
            organisationId = organisation.Id,
            zone = organisation.Zone.Id,
            weekStart = weekStart.ToDateTime(TimeOnly.MinValue),
            today = today.ToDateTime(TimeOnly.MinValue),
        }, transaction, cancellationToken: cancellationToken))).ToList();
    }
}
