using Dapper;
using MentorBot.Domain.Roadmaps;
using Npgsql;

namespace MentorBot.Host.Features.Roadmaps;

/// <summary>What a relink left: how many responsible-person rows are linked, and the names still unlinked.</summary>
/// <param name="Linked">Rows with a member.</param>
/// <param name="Unlinked">Distinct names (as first written) with no member: the curator stands in for them.</param>
public sealed record RelinkResult(int Linked, IReadOnlyList<string> Unlinked);

/// <summary>
/// Links road-map responsible persons to members (<c>road_map_responsible_persons.membership_id</c>;
/// null = the curator stands in), for the reminders. Links the curator made by hand
/// (<c>road_map_responsible_links</c>) win; the rest follow <see cref="ResponsibleLinking"/>.
/// </summary>
public static class ResponsibleLinks
{
    /// <summary>
    /// Recomputes every link of the organisation's plan from the active members' positions and the
    /// hand-made links. Runs after an import and after a hand link; call it whenever a member's position,
    /// roles or status change (e.g. when a questionnaire copies the position into <c>memberships</c>).
    /// Idempotent; a no-op when the organisation has no plan.
    /// </summary>
    public static async Task<RelinkResult> RelinkAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        var choose = await RulesAsync(connection, transaction, organisationId, cancellationToken);
        const string rowsSql = """
            SELECT r.id, r.name, r.membership_id
              FROM road_map_responsible_persons r
              LEFT JOIN road_map_activities a ON a.id = r.activity_id
              JOIN road_map_stages s ON s.id = coalesce(r.stage_id, a.stage_id)
              JOIN road_maps m ON m.id = s.road_map_id
             WHERE m.organisation_id = @organisationId
             ORDER BY s.position, a.position NULLS FIRST, r.position
            """;
        var rows = (await connection.QueryAsync<PersonRow>(new CommandDefinition(rowsSql, new { organisationId }, transaction, cancellationToken: cancellationToken))).ToList();

        var ids = new List<long>();
        var members = new List<long?>();
        var unlinked = new List<string>();
        var seenUnlinked = new HashSet<string>();
        var linked = 0;
        foreach (var row in rows)
        {
            var membershipId = choose(row.Name);
            if (membershipId is null)
            {
                if (seenUnlinked.Add(ResponsibleLinking.Normalise(row.Name))) unlinked.Add(row.Name);
            }
            else
            {
                linked++;
            }

            if (membershipId != row.MembershipId)
            {
                ids.Add(row.Id);
                members.Add(membershipId);
            }
        }

        if (ids.Count > 0)
        {
            const string updateSql = """
                UPDATE road_map_responsible_persons r SET membership_id = u.membership_id
                  FROM unnest(@ids, @members) AS u(id, membership_id)
                 WHERE r.id = u.id
                """;
            await connection.ExecuteAsync(new CommandDefinition(updateSql, new { ids = ids.ToArray(), members = members.ToArray() }, transaction, cancellationToken: cancellationToken));
        }

        return new RelinkResult(linked, unlinked);
    }

    /// <summary>
    /// Whom each of <paramref name="names"/> would be linked to if a road map naming them were imported now
    /// (the upload's preview): a hand-made link of that position, else <see cref="ResponsibleLinking.Choose"/>;
    /// null when it would stay unlinked. Reads only.
    /// </summary>
    public static async Task<IReadOnlyList<(string Name, long? MembershipId)>> PreviewAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId,
        IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var choose = await RulesAsync(connection, transaction, organisationId, cancellationToken);
        return names.DistinctBy(ResponsibleLinking.Normalise).Select(name => (name, choose(name))).ToList();
    }

    /// <summary>The organisation's linking rule: its hand-made links first, then the positions of its active members.</summary>
    private static async Task<Func<string, long?>> RulesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string candidatesSql = """
            SELECT m.id AS membership_id, m.position,
                   EXISTS (SELECT 1 FROM membership_roles r WHERE r.membership_id = m.id AND r.role = 'curator') AS is_curator
              FROM memberships m
             WHERE m.organisation_id = @organisationId AND m.status = 'active'
             ORDER BY m.id
            """;
        const string handLinksSql = """
            SELECT l.name_key, l.membership_id
              FROM road_map_responsible_links l JOIN memberships m ON m.id = l.membership_id AND m.status = 'active'
             WHERE l.organisation_id = @organisationId
            """;
        var args = new { organisationId };
        var candidates = (await connection.QueryAsync<CandidateRow>(new CommandDefinition(candidatesSql, args, transaction, cancellationToken: cancellationToken)))
            .Select(c => new LinkCandidate(c.MembershipId, c.Position, c.IsCurator)).ToList();
        var handLinks = (await connection.QueryAsync<HandLinkRow>(new CommandDefinition(handLinksSql, args, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(l => l.NameKey, l => l.MembershipId);
        return name => handLinks.TryGetValue(ResponsibleLinking.Normalise(name), out var hand) ? hand : ResponsibleLinking.Choose(name, candidates);
    }

    /// <summary>
    /// The curator links the position <paramref name="name"/> (every row written the same way, up to
    /// <see cref="ResponsibleLinking.Normalise"/>) to <paramref name="membershipId"/>, kept across
    /// re-imports, then relinks. False when that member is not active in the organisation.
    /// </summary>
    public static async Task<bool> LinkByHandAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organisationId, string name, long membershipId,
        long linkedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO road_map_responsible_links (organisation_id, name_key, membership_id, linked_by, linked_at)
            SELECT @organisationId, @nameKey, m.id, @linkedBy, @now
              FROM memberships m WHERE m.id = @membershipId AND m.organisation_id = @organisationId AND m.status = 'active'
            ON CONFLICT (organisation_id, name_key) DO UPDATE
               SET membership_id = excluded.membership_id, linked_by = excluded.linked_by, linked_at = excluded.linked_at
            """;
        var nameKey = ResponsibleLinking.Normalise(name);
        if (nameKey.Length == 0) return false;
        var stored = await connection.ExecuteAsync(new CommandDefinition(sql, new { organisationId, nameKey, membershipId, linkedBy, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        if (stored == 0) return false;
        await RelinkAsync(connection, transaction, organisationId, cancellationToken);
        return true;
    }

    private sealed class CandidateRow
    {
        public long MembershipId { get; init; }
        public string? Position { get; init; }
        public bool IsCurator { get; init; }
    }

    private sealed class HandLinkRow
    {
        public string NameKey { get; init; } = "";
        public long MembershipId { get; init; }
    }

    private sealed class PersonRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public long? MembershipId { get; init; }
    }
}
