using Dapper;
using MentorBot.Domain.Banks;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Questionnaires;
using MentorBot.Host.Features.Questionnaires;
using Npgsql;

namespace MentorBot.Host.Features.Banks;

/// <summary>
/// SQL of the banks: the active members of one organisation holding the bank's role, with their latest
/// consents (<c>current_consents</c>) and their intake questionnaire (<c>questionnaire_responses</c>,
/// context key ''). Declined and erased memberships are not in a bank (152-ФЗ: nothing kept, nothing shown).
/// Every query is filtered by the organisation, so one organisation never sees another's people.
/// </summary>
public static class BankStore
{
    // A settable class: Dapper maps snake_case columns onto properties, not record constructors.
    private sealed class Row
    {
        public long MembershipId { get; init; }
        public string? FullName { get; init; }
        public string? Position { get; init; }
        public string? Subject { get; init; }
        public DateTime JoinedAt { get; init; }
        public string? PersonalData { get; init; }
        public string? MentoringDuties { get; init; }
        public string? QuestionnaireStatus { get; init; }
        public DateTime? CompletedAt { get; init; }
        public int? Version { get; init; }
        public string? Answers { get; init; }
    }

    private const string FromBank = """
        FROM memberships m
        JOIN membership_roles r ON r.membership_id = m.id AND r.role = @role
        LEFT JOIN current_consents pd
               ON pd.organisation_id = m.organisation_id AND pd.participant_id = m.participant_id AND pd.kind = 'personal_data'
        LEFT JOIN current_consents md
               ON md.organisation_id = m.organisation_id AND md.participant_id = m.participant_id AND md.kind = 'mentoring_duties'
        LEFT JOIN questionnaire_responses q
               ON q.membership_id = m.id AND q.questionnaire = @questionnaire AND q.context_key = ''
        WHERE m.organisation_id = @organisationId AND m.status = 'active'
        """;

    /// <summary>The counts on top of <paramref name="bank"/>: joined, consented (both consents for mentors), questionnaire completed.</summary>
    public static async Task<BankCounts> CountsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, Bank bank, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT count(*)::int AS joined,
                   count(*) FILTER (WHERE pd.event = 'given' AND (NOT @mentors OR md.event = 'given'))::int AS consented,
                   count(*) FILTER (WHERE q.status = 'completed')::int AS completed
            """ + "\n" + FromBank;
        var counts = await connection.QuerySingleAsync<(int Joined, int Consented, int Completed)>(new CommandDefinition(sql,
            Parameters(organisationId, bank, null, null, 0), transaction, cancellationToken: cancellationToken));
        return new BankCounts(counts.Joined, counts.Consented, counts.Completed);
    }

    /// <summary>
    /// The bank's people ordered by name (unnamed last, then by joining order), <paramref name="limit"/>
    /// from <paramref name="offset"/>; a null limit returns everyone (exports).
    /// </summary>
    public static Task<IReadOnlyList<BankMember>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, Bank bank,
        int offset, int? limit, CancellationToken cancellationToken) =>
        QueryAsync(connection, transaction, Parameters(organisationId, bank, null, limit, offset), bank, cancellationToken);

    /// <summary>The person <paramref name="membershipId"/> when they are in this organisation's <paramref name="bank"/>, else null.</summary>
    public static async Task<BankMember?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, Bank bank,
        long membershipId, CancellationToken cancellationToken) =>
        (await QueryAsync(connection, transaction, Parameters(organisationId, bank, membershipId, 1, 0), bank, cancellationToken)).SingleOrDefault();

    private static async Task<IReadOnlyList<BankMember>> QueryAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, object parameters, Bank bank, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT m.id AS membership_id, m.full_name, m.position, m.subject, m.joined_at,
                   pd.event AS personal_data, md.event AS mentoring_duties,
                   q.status AS questionnaire_status, q.completed_at, q.version, q.answers::text AS answers
            """ + "\n" + FromBank + """

               AND (@membershipId::bigint IS NULL OR m.id = @membershipId)
             ORDER BY m.full_name NULLS LAST, m.joined_at, m.id
             LIMIT @limit OFFSET @offset
            """;
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        return rows.Select(row => new BankMember
        {
            MembershipId = row.MembershipId,
            FullName = row.FullName,
            Position = row.Position,
            Subject = row.Subject,
            JoinedAt = Instant(row.JoinedAt),
            PersonalData = BankStates.ParseConsent(row.PersonalData),
            MentoringDuties = bank == Bank.Mentors ? BankStates.ParseConsent(row.MentoringDuties) : null,
            Questionnaire = BankStates.ParseQuestionnaire(row.QuestionnaireStatus),
            CompletedAt = row.CompletedAt is { } done ? Instant(done) : null,
            QuestionnaireVersion = row.Version,
            Answers = QuestionnaireStore.ParseAnswers(row.Answers),
        }).ToList();
    }

    /// <summary>
    /// The bank's intake questionnaire over the organisation's competency taxonomy, in <paramref name="version"/>
    /// (null: the current one) — what names and orders the answers on a card and in an export.
    /// </summary>
    public static async Task<QuestionnaireDefinition?> IntakeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, Bank bank,
        int? version, CancellationToken cancellationToken) =>
        BuiltInQuestionnaires.Find(bank.IntakeQuestionnaire(), await QuestionnaireStore.TaxonomyAsync(connection, transaction, organisationId, cancellationToken), version);

    /// <summary>A UTC timestamp as Npgsql reads <c>timestamptz</c> → the instant.</summary>
    private static DateTimeOffset Instant(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static object Parameters(Guid organisationId, Bank bank, long? membershipId, int? limit, int offset) => new
    {
        organisationId,
        role = bank.Role().Code(),
        questionnaire = bank.IntakeQuestionnaire(),
        mentors = bank == Bank.Mentors,
        membershipId,
        limit,
        offset,
    };
}
