using Dapper;
using MentorBot.Domain.Banks;
using MentorBot.Domain.Exports;
using MentorBot.Host.Features.Banks;
using MentorBot.Host.Features.Reports;
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
        ExportKind.Satisfaction => ExportTables.Satisfaction(await ReportStore.SurveysAsync(connection, transaction, organisationId, timeZone.Id, null, cancellationToken)),
        ExportKind.Impact => ExportTables.Impact(await ReportStore.ImpactAsync(connection, transaction, organisationId, timeZone.Id, null, cancellationToken), timeZone),
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
}
