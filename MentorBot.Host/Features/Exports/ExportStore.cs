using Dapper;
using MentorBot.Domain.Banks;
using MentorBot.Domain.Exports;
using MentorBot.Host.Features.Banks;
using MentorBot.Host.Features.Questionnaires;
using Npgsql;

namespace MentorBot.Host.Features.Exports;

/// <summary>
/// SQL of exports: loads what one organisation's export holds and shapes it with <see cref="ExportTables"/>.
/// Every query is filtered by the organisation. Runs on the caller's connection (the update's transaction
/// in the bot, a fresh connection in the CLI).
/// </summary>
public static class ExportStore
{
    /// <summary>The export <paramref name="kind"/> of organisation <paramref name="organisationId"/>, dates in <paramref name="timeZone"/>.</summary>
    public static async Task<ExportTable> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, TimeZoneInfo timeZone,
        ExportKind kind, CancellationToken cancellationToken) => kind switch
    {
        ExportKind.Mentors or ExportKind.Mentees => ExportTables.BankMembers(BankOf(kind),
            await BankStore.ListAsync(connection, transaction, organisationId, BankOf(kind), 0, null, cancellationToken), timeZone,
            await BankStore.IntakeAsync(connection, transaction, organisationId, BankOf(kind), null, cancellationToken)
            ?? throw new InvalidOperationException($"No current {BankOf(kind).IntakeQuestionnaire()} definition.")),
        ExportKind.Pairs => ExportTables.Pairs(await QueryAsync<PairRecord>(connection, transaction, PairsSql, organisationId, cancellationToken), timeZone),
        ExportKind.Meetings => ExportTables.Meetings(await QueryAsync<MeetingRecord>(connection, transaction, MeetingsSql, organisationId, cancellationToken), timeZone),
        ExportKind.Feedback => ExportTables.Feedback(await QueryAsync<FeedbackRecord>(connection, transaction, FeedbackSql, organisationId, cancellationToken), timeZone),
        ExportKind.Satisfaction => ExportTables.Satisfaction(await SurveysAsync(connection, transaction, organisationId, cancellationToken)),
        ExportKind.Impact => ExportTables.Impact(await ImpactAsync(connection, transaction, organisationId, cancellationToken), timeZone),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static Bank BankOf(ExportKind kind) => kind == ExportKind.Mentors ? Bank.Mentors : Bank.Mentees;

    private static async Task<IReadOnlyList<T>> QueryAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Guid organisationId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<T>(new CommandDefinition(sql, new { organisationId }, transaction, cancellationToken: cancellationToken))).ToList();

    private const string PairsSql = """
        SELECT p.id, p.mentor_membership_id, mr.full_name AS mentor_name, p.mentee_membership_id, me.full_name AS mentee_name,
               p.form, p.status, p.starts_on, p.ends_on, p.meeting_cadence_days, p.goals, p.approved_at,
               (SELECT count(*) FROM meetings x WHERE x.pair_id = p.id AND x.deleted_at IS NULL) AS meetings,
               (SELECT max(x.held_on) FROM meetings x WHERE x.pair_id = p.id AND x.deleted_at IS NULL) AS last_meeting_on
          FROM pairs p
          JOIN memberships mr ON mr.id = p.mentor_membership_id
          JOIN memberships me ON me.id = p.mentee_membership_id
         WHERE p.organisation_id = @organisationId
         ORDER BY p.id
        """;

    private const string MeetingsSql = """
        SELECT m.id, m.pair_id, p.mentor_membership_id, mr.full_name AS mentor_name, p.mentee_membership_id, me.full_name AS mentee_name,
               m.held_on, m.duration_minutes, m.kind, m.format, m.topic, m.created_at
          FROM meetings m
          JOIN pairs p ON p.id = m.pair_id
          JOIN memberships mr ON mr.id = p.mentor_membership_id
          JOIN memberships me ON me.id = p.mentee_membership_id
         WHERE p.organisation_id = @organisationId AND m.deleted_at IS NULL
         ORDER BY m.held_on, m.id
        """;

    private const string FeedbackSql = """
        SELECT m.pair_id, p.mentor_membership_id, mr.full_name AS mentor_name, m.held_on, m.kind, f.score, f.comment, f.answered_at
          FROM feedback_polls f
          JOIN meetings m ON m.id = f.meeting_id
          JOIN pairs p ON p.id = m.pair_id
          JOIN memberships mr ON mr.id = p.mentor_membership_id
         WHERE p.organisation_id = @organisationId AND m.deleted_at IS NULL AND f.answered_at IS NOT NULL
         ORDER BY m.held_on, m.id, f.id
        """;

    private sealed class SurveyRow
    {
        public string Questionnaire { get; init; } = "";
        public string Answers { get; init; } = "{}";
    }

    private static async Task<IReadOnlyList<SurveyRecord>> SurveysAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        // Only what is needed: no membership, pair or time leaves the database for this anonymous export.
        const string sql = """
            SELECT q.questionnaire, q.answers::text AS answers
              FROM questionnaire_responses q
              JOIN memberships m ON m.id = q.membership_id
             WHERE m.organisation_id = @organisationId AND q.status = 'completed'
               AND q.questionnaire IN ('satisfaction_mentee', 'satisfaction_mentor')
            """;
        var rows = await QueryAsync<SurveyRow>(connection, transaction, sql, organisationId, cancellationToken);
        return rows.Select(r => new SurveyRecord(r.Questionnaire, QuestionnaireStore.ParseAnswers(r.Answers))).ToList();
    }

    private sealed class ImpactRow
    {
        public long MembershipId { get; init; }
        public string? FullName { get; init; }
        public string? Before { get; init; }
        public DateTime? BeforeAt { get; init; }
        public string? After { get; init; }
        public DateTime? AfterAt { get; init; }
    }

    private static async Task<IReadOnlyList<ImpactRecord>> ImpactAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        // The intake's self-assessment against the latest completed final self-assessment (any pair's context).
        const string sql = """
            SELECT m.id AS membership_id, m.full_name,
                   i.answers::text AS before, i.completed_at AS before_at,
                   f.answers::text AS after, f.completed_at AS after_at
              FROM memberships m
              JOIN membership_roles r ON r.membership_id = m.id AND r.role = 'mentee'
              LEFT JOIN questionnaire_responses i
                     ON i.membership_id = m.id AND i.questionnaire = 'mentee_intake' AND i.context_key = '' AND i.status = 'completed'
              LEFT JOIN LATERAL (
                     SELECT answers, completed_at FROM questionnaire_responses
                      WHERE membership_id = m.id AND questionnaire = 'final_self_assessment' AND status = 'completed'
                      ORDER BY completed_at DESC, id DESC LIMIT 1) f ON true
             WHERE m.organisation_id = @organisationId AND m.status = 'active'
               AND (i.membership_id IS NOT NULL OR f.completed_at IS NOT NULL)
             ORDER BY m.full_name NULLS LAST, m.id
            """;
        var rows = await QueryAsync<ImpactRow>(connection, transaction, sql, organisationId, cancellationToken);
        return rows.Select(r => new ImpactRecord(r.MembershipId, r.FullName, QuestionnaireStore.ParseAnswers(r.Before), r.BeforeAt,
            QuestionnaireStore.ParseAnswers(r.After), r.AfterAt)).ToList();
    }
}
