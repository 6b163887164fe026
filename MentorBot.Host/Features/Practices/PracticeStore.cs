using Dapper;
using MentorBot.Domain.Practices;
using Npgsql;

namespace MentorBot.Host.Features.Practices;

/// <summary>A row of <c>practice_cases</c> with the names and publication consents of the people it concerns.</summary>
public sealed class CaseRecord
{
    /// <summary><c>practice_cases.id</c>.</summary>
    public long Id { get; init; }

    /// <summary>Who wrote it.</summary>
    public long AuthorMembershipId { get; init; }

    /// <summary>The pair whose work it describes, or null.</summary>
    public long? PairId { get; init; }

    /// <summary>Taxonomy label.</summary>
    public string Topic { get; init; } = "";

    /// <summary>Title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The mentee's difficulty.</summary>
    public string Difficulty { get; init; } = "";

    /// <summary>What was done.</summary>
    public string Actions { get; init; } = "";

    /// <summary>The result.</summary>
    public string Result { get; init; } = "";

    /// <summary>submitted | returned | approved | rejected.</summary>
    public string Status { get; init; } = "";

    /// <summary>The curator's comment on a return or rejection, or null.</summary>
    public string? ReviewComment { get; init; }

    /// <summary>When it was (last) sent to the curator, UTC.</summary>
    public DateTime SubmittedAt { get; init; }

    /// <summary>The author's name, or null.</summary>
    public string? AuthorName { get; init; }

    /// <summary>The author's publication consent is in force.</summary>
    public bool AuthorConsent { get; init; }

    /// <summary>The pair's mentor, or null.</summary>
    public long? MentorMembershipId { get; init; }

    /// <summary>The pair's mentor's name, or null.</summary>
    public string? MentorName { get; init; }

    /// <summary>The pair's mentor's publication consent is in force.</summary>
    public bool MentorConsent { get; init; }

    /// <summary>The pair's mentee, or null.</summary>
    public long? MenteeMembershipId { get; init; }

    /// <summary>The pair's mentee's name, or null.</summary>
    public string? MenteeName { get; init; }

    /// <summary>The pair's mentee's publication consent is in force.</summary>
    public bool MenteeConsent { get; init; }

    /// <summary>How many files are attached.</summary>
    public int MaterialCount { get; init; }

    /// <summary>When the curator last decided on it (UTC), or null while it waits.</summary>
    public DateTime? ReviewedAt { get; init; }
}

/// <summary>SQL of the practice library (<c>practice_cases</c>, <c>practice_case_materials</c>); every query is scoped by the organisation.</summary>
public static class PracticeStore
{
    private const string Name = "coalesce(nullif(btrim({0}.full_name), ''), nullif(btrim(concat_ws(' ', {0}p.first_name, {0}p.last_name)), ''))";

    private const string Published = """
        EXISTS (SELECT 1 FROM current_consents c WHERE c.organisation_id = {0}.organisation_id AND c.participant_id = {0}.participant_id
                AND c.kind = 'publication' AND c.event = 'given')
        """;

    private static readonly string SelectCase = $"""
        SELECT x.id, x.author_membership_id, x.pair_id, x.topic, x.title, x.difficulty, x.actions, x.result, x.status, x.review_comment, x.submitted_at, x.reviewed_at,
               CASE WHEN w.status = 'active' THEN {string.Format(Name, "w")} END AS author_name, {string.Format(Published, "w")} AS author_consent,
               p.mentor_membership_id, CASE WHEN r.status = 'active' THEN {string.Format(Name, "r")} END AS mentor_name, coalesce({string.Format(Published, "r")}, false) AS mentor_consent,
               p.mentee_membership_id, CASE WHEN e.status = 'active' THEN {string.Format(Name, "e")} END AS mentee_name, coalesce({string.Format(Published, "e")}, false) AS mentee_consent,
               (SELECT count(*) FROM practice_case_materials m WHERE m.case_id = x.id)::int AS material_count
          FROM practice_cases x
          JOIN memberships w ON w.id = x.author_membership_id JOIN participants wp ON wp.id = w.participant_id
          LEFT JOIN pairs p ON p.id = x.pair_id
          LEFT JOIN memberships r ON r.id = p.mentor_membership_id LEFT JOIN participants rp ON rp.id = r.participant_id
          LEFT JOIN memberships e ON e.id = p.mentee_membership_id LEFT JOIN participants ep ON ep.id = e.participant_id
        """;

    /// <summary>The organisation's cases with one of <paramref name="statuses"/>, oldest first.</summary>
    public static async Task<List<CaseRecord>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, string[] statuses, CancellationToken cancellationToken)
    {
        var sql = SelectCase + " WHERE x.organisation_id = @organisationId AND x.status = ANY(@statuses) ORDER BY x.id";
        return [.. await connection.QueryAsync<CaseRecord>(new CommandDefinition(sql, new { organisationId, statuses }, transaction, cancellationToken: cancellationToken))];
    }

    /// <summary>The case <paramref name="caseId"/> of the organisation, or null.</summary>
    public static Task<CaseRecord?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long caseId, CancellationToken cancellationToken)
    {
        var sql = SelectCase + " WHERE x.organisation_id = @organisationId AND x.id = @caseId";
        return connection.QuerySingleOrDefaultAsync<CaseRecord>(new CommandDefinition(sql, new { organisationId, caseId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The files of a case, in the order attached.</summary>
    public static async Task<List<CaseMaterial>> MaterialsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long caseId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT file_id, file_name, file_size FROM practice_case_materials WHERE case_id = @caseId ORDER BY position";
        var rows = await connection.QueryAsync<(string, string?, long?)>(new CommandDefinition(sql, new { caseId }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new CaseMaterial(r.Item1, r.Item2, r.Item3))];
    }

    /// <summary>
    /// Sends a draft to the curator: a new case, or the returned case <see cref="CaseDraft.CaseId"/> of the same author
    /// again (its files replaced). Returns the case id, or null when that case is no longer the author's to correct.
    /// </summary>
    public static async Task<long?> SubmitAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long authorId, CaseDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string insert = """
            INSERT INTO practice_cases (organisation_id, author_membership_id, pair_id, topic, title, difficulty, actions, result, status, submitted_at)
            VALUES (@organisationId, @authorId, @PairId, @Topic, @Title, @Difficulty, @Actions, @Result, 'submitted', @now)
            RETURNING id
            """;
        const string update = """
            UPDATE practice_cases SET pair_id = @PairId, topic = @Topic, title = @Title, difficulty = @Difficulty, actions = @Actions, result = @Result,
                   status = 'submitted', submitted_at = @now
             WHERE id = @CaseId AND organisation_id = @organisationId AND author_membership_id = @authorId AND status = 'returned'
            RETURNING id
            """;
        var args = new { organisationId, authorId, draft.CaseId, draft.PairId, draft.Topic, draft.Title, draft.Difficulty, draft.Actions, draft.Result, now = now.UtcDateTime };
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(draft.CaseId is null ? insert : update, args, transaction, cancellationToken: cancellationToken));
        if (id is null) return null;
        const string materials = """
            DELETE FROM practice_case_materials WHERE case_id = @id;
            INSERT INTO practice_case_materials (case_id, position, file_id, file_name, file_size)
            SELECT @id, ord, f, n, s FROM unnest(@fileIds, @names, @sizes) WITH ORDINALITY AS t(f, n, s, ord);
            """;
        await connection.ExecuteAsync(new CommandDefinition(materials, new
        {
            id,
            fileIds = draft.Materials.Select(m => m.FileId).ToArray(),
            names = draft.Materials.Select(m => m.FileName).ToArray(),
            sizes = draft.Materials.Select(m => m.FileSize).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
        return id;
    }

    /// <summary>The curator's decision on a submitted case (approved | returned | rejected); false when it is not waiting any more.</summary>
    public static async Task<bool> ReviewAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long caseId, string status, string? comment, long reviewedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE practice_cases SET status = @status, review_comment = @comment, reviewed_by = @reviewedBy, reviewed_at = @now
             WHERE id = @caseId AND organisation_id = @organisationId AND status = 'submitted'
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { organisationId, caseId, status, comment, reviewedBy, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The pairs a case may come from: the member's own as mentor, or every pair of the organisation for a curator; live or completed, by id.</summary>
    public static async Task<List<(long PairId, string Mentor, string Mentee)>> PairsForAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long membershipId, bool curator, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT x.id, coalesce({string.Format(Name, "r")}, ''), coalesce({string.Format(Name, "e")}, '')
              FROM pairs x
              JOIN memberships r ON r.id = x.mentor_membership_id JOIN participants rp ON rp.id = r.participant_id
              JOIN memberships e ON e.id = x.mentee_membership_id JOIN participants ep ON ep.id = e.participant_id
             WHERE x.organisation_id = @organisationId AND x.status IN ('approved', 'active', 'completed')
               AND (@curator OR x.mentor_membership_id = @membershipId) AND r.status = 'active' AND e.status = 'active'
             ORDER BY x.id
            """;
        return [.. await connection.QueryAsync<(long, string, string)>(new CommandDefinition(sql, new { organisationId, membershipId, curator }, transaction, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// The road map's open stage or activity about the practice library («пополнение методической копилки»), as button
    /// data of the road-map feature (<c>rm:done:a:ID</c> / <c>rm:done:s:ID</c>) and its text; null when there is none.
    /// </summary>
    public static async Task<(string Data, string Text)?> LibraryActivityAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT 'rm:done:a:' || a.id, a.text, s.position, a.position
              FROM road_map_activities a JOIN road_map_stages s ON s.id = a.stage_id JOIN road_maps r ON r.id = s.road_map_id
             WHERE r.organisation_id = @organisationId AND a.status = 'open' AND a.text ILIKE '%копилк%'
            UNION ALL
            SELECT 'rm:done:s:' || s.id, s.title, s.position, 0
              FROM road_map_stages s JOIN road_maps r ON r.id = s.road_map_id
             WHERE r.organisation_id = @organisationId AND s.status = 'open' AND s.title ILIKE '%копилк%'
             ORDER BY 3, 4
             LIMIT 1
            """;
        var row = await connection.QuerySingleOrDefaultAsync<(string, string, int, int)?>(new CommandDefinition(sql, new { organisationId }, transaction, cancellationToken: cancellationToken));
        return row is { } r ? (r.Item1, r.Item2) : null;
    }

    /// <summary>
    /// Erasure on withdrawal of the personal-data consent (152-ФЗ ст. 21 ч. 5): the cases the member wrote go with
    /// their files; in the other cases of the member's pairs their name is replaced wherever the text mentions it.
    /// Call before the member's name is cleared.
    /// </summary>
    public static async Task EraseAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long membershipId, CancellationToken cancellationToken)
    {
        const string delete = "DELETE FROM practice_cases WHERE author_membership_id = @membershipId";
        await connection.ExecuteAsync(new CommandDefinition(delete, new { membershipId }, transaction, cancellationToken: cancellationToken));
        const string select = """
            SELECT x.id, x.title, x.difficulty, x.actions, x.result,
                   concat_ws(' ', m.full_name, mp.first_name, mp.last_name) AS name,
                   p.mentee_membership_id = @membershipId AS is_mentee
              FROM practice_cases x JOIN pairs p ON p.id = x.pair_id
              JOIN memberships m ON m.id = @membershipId JOIN participants mp ON mp.id = m.participant_id
             WHERE p.mentor_membership_id = @membershipId OR p.mentee_membership_id = @membershipId
            """;
        var rows = await connection.QueryAsync<(long Id, string Title, string Difficulty, string Actions, string Result, string Name, bool IsMentee)>(
            new CommandDefinition(select, new { membershipId }, transaction, cancellationToken: cancellationToken));
        foreach (var row in rows)
        {
            CasePerson[] person = [new(row.Name, false, row.IsMentee ? PracticesTexts.MenteePlaceholder : PracticesTexts.MentorPlaceholder)];
            const string update = """
                UPDATE practice_cases SET title = left(@title, 200), difficulty = @difficulty, actions = @actions, result = @result WHERE id = @id;
                UPDATE practice_case_materials SET file_name = NULL WHERE case_id = @id;
                """;
            await connection.ExecuteAsync(new CommandDefinition(update, new
            {
                id = row.Id, title = CaseAnonymity.Scrub(row.Title, person), difficulty = CaseAnonymity.Scrub(row.Difficulty, person),
                actions = CaseAnonymity.Scrub(row.Actions, person), result = CaseAnonymity.Scrub(row.Result, person),
            }, transaction, cancellationToken: cancellationToken));
        }
    }
}
