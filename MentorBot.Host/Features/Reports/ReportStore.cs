using Dapper;
using MentorBot.Domain.Banks;
using MentorBot.Domain.Exports;
using MentorBot.Domain.Questionnaires;
using MentorBot.Domain.Reports;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Questionnaires;
using Npgsql;

namespace MentorBot.Host.Features.Reports;

/// <summary>
/// SQL of the monitoring (issue 14): satisfaction surveys, the two self-assessments, the curator's questionnaire, the
/// SWOT, and the names reports print. Every query is filtered by the organisation; a programme year is matched on the
/// local date (the organisation's IANA zone, which PostgreSQL knows) of when something was completed or held.
/// </summary>
public static class ReportStore
{
    private static CommandDefinition Command(string sql, object args, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, args, transaction, cancellationToken: cancellationToken);

    private sealed class SurveyRow
    {
        public string Questionnaire { get; init; } = "";
        public string Answers { get; init; } = "{}";
    }

    /// <summary>
    /// Completed satisfaction surveys, anonymous (no membership, pair or time leaves the database); only those completed
    /// in <paramref name="year"/> when given.
    /// </summary>
    public static async Task<IReadOnlyList<SurveyRecord>> SurveysAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId,
        string timeZone, ProgrammeYear? year, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT q.questionnaire, q.answers::text AS answers
              FROM questionnaire_responses q
              JOIN memberships m ON m.id = q.membership_id
             WHERE m.organisation_id = @organisationId AND q.status = 'completed'
               AND q.questionnaire IN ('satisfaction_mentee', 'satisfaction_mentor')
               AND (NOT @filtered OR (q.completed_at AT TIME ZONE @timeZone)::date BETWEEN @starts AND @ends)
            """;
        var rows = await connection.QueryAsync<SurveyRow>(Command(sql, YearArgs(organisationId, timeZone, year), transaction, cancellationToken));
        return [.. rows.Select(r => new SurveyRecord(r.Questionnaire, QuestionnaireStore.ParseAnswers(r.Answers)))];
    }

    private sealed class ImpactRow
    {
        public long MembershipId { get; init; }
        public string? FullName { get; init; }
        public string? Before { get; init; }
        public DateTime? BeforeAt { get; init; }
        public string? After { get; init; }
        public DateTime? AfterAt { get; init; }
        public long? PairId { get; init; }
    }

    /// <summary>
    /// Each active mentee's intake self-assessment and latest completed final self-assessment (in <paramref name="year"/>
    /// when given), with the final's pair; mentees with neither are left out. The source of the impact report, export,
    /// digest and bank card.
    /// </summary>
    public static async Task<IReadOnlyList<ImpactRecord>> ImpactAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId,
        string timeZone, ProgrammeYear? year, CancellationToken cancellationToken, long? membershipId = null)
    {
        const string sql = """
            SELECT m.id AS membership_id, m.full_name,
                   i.answers::text AS before, i.completed_at AS before_at,
                   f.answers::text AS after, f.completed_at AS after_at, f.pair_id
              FROM memberships m
              JOIN membership_roles r ON r.membership_id = m.id AND r.role = 'mentee'
              LEFT JOIN questionnaire_responses i
                     ON i.membership_id = m.id AND i.questionnaire = 'mentee_intake' AND i.context_key = '' AND i.status = 'completed'
              LEFT JOIN LATERAL (
                     SELECT answers, completed_at,
                            CASE WHEN context_key ~ '^pair:[0-9]+$' THEN substring(context_key FROM 6)::bigint END AS pair_id
                       FROM questionnaire_responses
                      WHERE membership_id = m.id AND questionnaire = 'final_self_assessment' AND status = 'completed'
                        AND (NOT @filtered OR (completed_at AT TIME ZONE @timeZone)::date BETWEEN @starts AND @ends)
                      ORDER BY completed_at DESC, id DESC LIMIT 1) f ON true
             WHERE m.organisation_id = @organisationId AND m.status = 'active'
               AND (i.membership_id IS NOT NULL OR f.completed_at IS NOT NULL)
               AND (@membershipId::bigint IS NULL OR m.id = @membershipId)
             ORDER BY m.full_name NULLS LAST, m.id
            """;
        var args = new DynamicParameters(YearArgs(organisationId, timeZone, year));
        args.Add("membershipId", membershipId);
        var rows = await connection.QueryAsync<ImpactRow>(Command(sql, args, transaction, cancellationToken));
        return [.. rows.Select(r => new ImpactRecord(r.MembershipId, r.FullName, QuestionnaireStore.ParseAnswers(r.Before), r.BeforeAt,
            QuestionnaireStore.ParseAnswers(r.After), r.AfterAt) { PairId = r.PairId })];
    }

    /// <summary>The answers of the curator's questionnaire of <paramref name="year"/> (the latest completed by any curator), or null.</summary>
    public static async Task<System.Text.Json.Nodes.JsonObject?> CuratorAnswersAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId,
        ProgrammeYear year, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT q.answers::text
              FROM questionnaire_responses q
              JOIN memberships m ON m.id = q.membership_id
             WHERE m.organisation_id = @organisationId AND q.questionnaire = @questionnaire AND q.context_key = @contextKey AND q.status = 'completed'
             ORDER BY q.completed_at DESC, q.id DESC
             LIMIT 1
            """;
        var json = await connection.ExecuteScalarAsync<string?>(Command(sql,
            new { organisationId, questionnaire = BuiltInQuestionnaires.CuratorQuestionnaire, contextKey = year.ContextKey }, transaction, cancellationToken));
        return json is null ? null : QuestionnaireStore.ParseAnswers(json);
    }

    private sealed class SwotRow
    {
        public string[] Strengths { get; init; } = [];
        public string[] Weaknesses { get; init; } = [];
        public string[] Opportunities { get; init; } = [];
        public string[] Threats { get; init; } = [];
    }

    /// <summary>The saved SWOT of <paramref name="year"/>, or null.</summary>
    public static async Task<SwotAnalysis?> SwotAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, ProgrammeYear year,
        CancellationToken cancellationToken)
    {
        const string sql = "SELECT strengths, weaknesses, opportunities, threats FROM monitoring_swot WHERE organisation_id = @organisationId AND year = @year";
        var row = await connection.QuerySingleOrDefaultAsync<SwotRow>(Command(sql, new { organisationId, year = year.StartYear }, transaction, cancellationToken));
        return row is null ? null : new SwotAnalysis(row.Strengths, row.Weaknesses, row.Opportunities, row.Threats);
    }

    /// <summary>Saves (inserts or replaces) the SWOT of <paramref name="year"/>.</summary>
    public static Task SaveSwotAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organisationId, ProgrammeYear year, SwotAnalysis swot,
        long participantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO monitoring_swot (organisation_id, year, strengths, weaknesses, opportunities, threats, saved_at, saved_by)
            VALUES (@organisationId, @year, @strengths, @weaknesses, @opportunities, @threats, @now, @participantId)
            ON CONFLICT (organisation_id, year) DO UPDATE
               SET strengths = excluded.strengths, weaknesses = excluded.weaknesses, opportunities = excluded.opportunities,
                   threats = excluded.threats, saved_at = excluded.saved_at, saved_by = excluded.saved_by
            """;
        return connection.ExecuteAsync(Command(sql, new
        {
            organisationId, year = year.StartYear, strengths = swot.Strengths.ToArray(), weaknesses = swot.Weaknesses.ToArray(),
            opportunities = swot.Opportunities.ToArray(), threats = swot.Threats.ToArray(), now = now.UtcDateTime, participantId,
        }, transaction, cancellationToken));
    }

    /// <summary>Every pair of the organisation: id → the mentor's and the mentee's names (or «участник №N»).</summary>
    public static async Task<IReadOnlyDictionary<long, PairNames>> PairNamesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId,
        CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT p.id, coalesce(nullif(btrim(mr.full_name), ''), 'участник №' || mr.id) AS mentor,
                   coalesce(nullif(btrim(me.full_name), ''), 'участник №' || me.id) AS mentee
              FROM pairs p
              JOIN memberships mr ON mr.id = p.mentor_membership_id
              JOIN memberships me ON me.id = p.mentee_membership_id
             WHERE p.organisation_id = @organisationId
            """;
        var rows = await connection.QueryAsync<(long Id, string Mentor, string Mentee)>(Command(sql, new { organisationId }, transaction, cancellationToken));
        return rows.ToDictionary(r => r.Id, r => new PairNames(r.Mentor, r.Mentee));
    }

    /// <summary>The first active curator's and head's names (who sign), each null when there is none with a name.</summary>
    public static async Task<(string? Curator, string? Head)> SignersAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId,
        CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT r.role, btrim(m.full_name) AS name
              FROM memberships m
              JOIN membership_roles r ON r.membership_id = m.id AND r.role IN ('curator', 'head')
             WHERE m.organisation_id = @organisationId AND m.status = 'active' AND nullif(btrim(m.full_name), '') IS NOT NULL
             ORDER BY m.id
            """;
        var rows = (await connection.QueryAsync<(string Role, string Name)>(Command(sql, new { organisationId }, transaction, cancellationToken))).ToList();
        return (rows.FirstOrDefault(r => r.Role == "curator").Name, rows.FirstOrDefault(r => r.Role == "head").Name);
    }

    /// <summary>The parameters of a year filter: <c>@filtered</c>, <c>@starts</c>, <c>@ends</c>, <c>@timeZone</c>, <c>@organisationId</c>.</summary>
    internal static object YearArgs(Guid organisationId, string timeZone, ProgrammeYear? year) => new
    {
        organisationId, timeZone, filtered = year is not null,
        starts = (year?.Starts ?? DateOnly.MinValue).ToDateTime(TimeOnly.MinValue), ends = (year?.Ends ?? DateOnly.MaxValue).ToDateTime(TimeOnly.MinValue),
    };

    /// <summary>
    /// The impact results entered into a bank card (issue 14): a mentee's own change per competency, or a mentor's mentees'
    /// (those whose final self-assessment names one of the mentor's pairs), as <see cref="ReportsTexts.CardImpact"/> lines.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CardImpactAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Organisation organisation,
        Bank bank, long membershipId, CancellationToken cancellationToken)
    {
        if (bank == Bank.Mentees)
        {
            var own = await ImpactAsync(connection, transaction, organisation.Id, organisation.TimeZone, null, cancellationToken, membershipId);
            return ReportsTexts.CardImpact(own.Select(r => ImpactMonitoring.Person(r.Measurements)).FirstOrDefault(), []);
        }

        const string sql = "SELECT id FROM pairs WHERE organisation_id = @organisationId AND mentor_membership_id = @membershipId";
        var pairs = (await connection.QueryAsync<long>(Command(sql, new { organisationId = organisation.Id, membershipId }, transaction, cancellationToken))).ToHashSet();
        if (pairs.Count == 0) return [];
        var records = await ImpactAsync(connection, transaction, organisation.Id, organisation.TimeZone, null, cancellationToken);
        return ReportsTexts.CardImpact(null, [.. records.Where(r => r.PairId is { } p && pairs.Contains(p))
            .Select(r => (Name: BanksTexts.NameOrUnnamed(r.FullName, r.MembershipId), Impact: ImpactMonitoring.Person(r.Measurements)))
            .Where(x => x.Impact is not null).Select(x => (x.Name, x.Impact!))]);
    }
}
