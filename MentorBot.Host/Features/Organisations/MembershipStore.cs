using Dapper;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Questionnaires;
using Npgsql;

namespace MentorBot.Host.Features.Organisations;

/// <summary>SQL of <c>memberships</c> and <c>membership_roles</c>: who belongs where, in which roles.</summary>
public static class MembershipStore
{
    // A settable class: Dapper reads text[] as System.Array, which no record constructor matches.
    private sealed class Row
    {
        public long MembershipId { get; init; }
        public long ParticipantId { get; init; }
        public Guid OrganisationId { get; init; }
        public string Name { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public string? FullName { get; init; }
        public string[] Roles { get; init; } = [];
        public bool PersonalDataConsent { get; init; }
        public bool DutiesConsent { get; init; }
        public string[]? Competencies { get; init; }
    }

    private const string SelectMember = """
        SELECT m.id AS membership_id, m.participant_id, o.id AS organisation_id, o.name, o.time_zone, o.competencies, m.full_name,
               coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles,
               EXISTS (SELECT 1 FROM current_consents c
                        WHERE c.organisation_id = o.id AND c.participant_id = m.participant_id
                          AND c.kind = 'personal_data' AND c.event = 'given') AS personal_data_consent,
               EXISTS (SELECT 1 FROM current_consents c
                        WHERE c.organisation_id = o.id AND c.participant_id = m.participant_id
                          AND c.kind = 'mentoring_duties' AND c.event = 'given') AS duties_consent
          FROM memberships m
          JOIN organisations o ON o.id = m.organisation_id
          LEFT JOIN membership_roles r ON r.membership_id = m.id
        """;

    /// <summary>
    /// The person's membership in their current organisation (<c>participants.current_organisation_id</c>;
    /// when unset and they belong to exactly one organisation, that one). Only active memberships count.
    /// Null when they belong nowhere yet.
    /// </summary>
    public static async Task<Member?> CurrentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long participantId, CancellationToken cancellationToken)
    {
        const string sql = SelectMember + """
             WHERE m.participant_id = @participantId AND m.status = 'active'
               AND (m.organisation_id = (SELECT current_organisation_id FROM participants WHERE id = @participantId)
                    OR ((SELECT current_organisation_id FROM participants WHERE id = @participantId) IS NULL
                        AND (SELECT count(*) FROM memberships WHERE participant_id = @participantId AND status = 'active') = 1))
             GROUP BY m.id, o.id
            """;
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { participantId }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : ToMember(row);
    }

    /// <summary>The person's active membership in <paramref name="organisationId"/>, or null.</summary>
    public static async Task<Member?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long participantId, CancellationToken cancellationToken)
    {
        const string sql = SelectMember + """
             WHERE m.participant_id = @participantId AND m.organisation_id = @organisationId AND m.status = 'active'
             GROUP BY m.id, o.id
            """;
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { organisationId, participantId }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : ToMember(row);
    }

    /// <summary>The active membership <paramref name="membershipId"/>, or null.</summary>
    public static async Task<Member?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long membershipId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(GetSql("@membershipId"), new { membershipId }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : ToMember(row);
    }

    /// <summary>
    /// The SQL of <see cref="GetAsync"/> for the membership id <paramref name="membershipId"/> yields (a parameter, or a
    /// scalar subquery over a row read in the same batch), so a caller reads the membership in the round trip of its own
    /// statement; <see cref="ReadAsync"/> reads its result.
    /// </summary>
    public static string GetSql(string membershipId) => SelectMember + $"""
         WHERE m.id = {membershipId} AND m.status = 'active'
         GROUP BY m.id, o.id
        """;

    /// <summary>The result of a <see cref="GetSql"/> statement in a batch: the member, or null.</summary>
    public static async Task<Member?> ReadAsync(SqlMapper.GridReader results) =>
        await results.ReadSingleOrDefaultAsync<Row>() is { } row ? ToMember(row) : null;

    /// <summary>
    /// Adds <paramref name="role"/> to the person in <paramref name="organisationId"/>, creating the
    /// membership when needed (a second invite adds a role, never a duplicate), and makes that
    /// organisation the person's current one. Returns the membership id.
    /// </summary>
    public static async Task<long> GrantAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long participantId, Role role, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH m AS (
                INSERT INTO memberships (organisation_id, participant_id, joined_at)
                VALUES (@organisationId, @participantId, @now)
                ON CONFLICT (organisation_id, participant_id) DO UPDATE SET status = 'active'
                RETURNING id
            ), r AS (
                INSERT INTO membership_roles (membership_id, role, granted_at)
                SELECT id, @role, @now FROM m
                ON CONFLICT DO NOTHING
            ), p AS (
                UPDATE participants SET current_organisation_id = @organisationId WHERE id = @participantId
            )
            SELECT id FROM m
            """;
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql,
            new { organisationId, participantId, role = role.Code(), now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Names of the organisation's active members holding <paramref name="role"/> (the name they gave, else the
    /// messenger's), by membership id; members without any name are left out. For the requisites of documents.
    /// </summary>
    public static async Task<IReadOnlyList<string>> NamesWithRoleAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, Role role, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT coalesce(nullif(btrim(m.full_name), ''), nullif(btrim(concat_ws(' ', p.first_name, p.last_name)), ''), '')
              FROM memberships m
              JOIN participants p ON p.id = m.participant_id
              JOIN membership_roles r ON r.membership_id = m.id AND r.role = @role
             WHERE m.organisation_id = @organisationId AND m.status = 'active'
             ORDER BY m.id
            """;
        var names = await connection.QueryAsync<string>(new CommandDefinition(sql, new { organisationId, role = role.Code() }, transaction, cancellationToken: cancellationToken));
        return [.. names.Where(n => n.Length > 0)];
    }

    /// <summary>Membership ids of the organisation's active members holding <paramref name="role"/> (e.g. whom to tell as curators), by id.</summary>
    public static async Task<IReadOnlyList<long>> WithRoleAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, Role role, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT m.id FROM memberships m JOIN membership_roles r ON r.membership_id = m.id
             WHERE m.organisation_id = @organisationId AND r.role = @role AND m.status = 'active'
             ORDER BY m.id
            """;
        return [.. await connection.QueryAsync<long>(new CommandDefinition(sql, new { organisationId, role = role.Code() }, transaction, cancellationToken: cancellationToken))];
    }

    private static Member ToMember(Row row)
    {
        var roles = new HashSet<Role>();
        foreach (var code in row.Roles)
            if (Roles.TryParse(code, out var role)) roles.Add(role);
        return new Member(row.MembershipId, row.ParticipantId, new Organisation(row.OrganisationId, row.Name, row.TimeZone), roles, row.FullName)
        {
            PersonalDataConsentGiven = row.PersonalDataConsent,
            DutiesConsentGiven = row.DutiesConsent,
            Taxonomy = CompetencyTaxonomy.For(row.Competencies),
        };
    }
}
