using Dapper;
using MentorBot.Domain.Banks;
using MentorBot.Domain.Pairs;
using Npgsql;

namespace MentorBot.Host.Features.Pairs;

/// <summary>A row of <c>pairs</c> with both people's names and consents, as the screens and the order need it.</summary>
public sealed class PairRecord
{
    /// <summary><c>pairs.id</c>.</summary>
    public long Id { get; init; }

    /// <summary>The mentor's membership.</summary>
    public long MentorMembershipId { get; init; }

    /// <summary>The mentee's membership.</summary>
    public long MenteeMembershipId { get; init; }

    /// <summary>The mentor's display name (null: the caller falls back to «участник №id»).</summary>
    public string? MentorName { get; init; }

    /// <summary>The mentee's display name (null as above).</summary>
    public string? MenteeName { get; init; }

    /// <summary>The mentor's position, if known.</summary>
    public string? MentorPosition { get; init; }

    /// <summary>The mentee's position, if known.</summary>
    public string? MenteePosition { get; init; }

    /// <summary><c>pairs.form</c> code (<see cref="MentoringForms.Code"/>).</summary>
    public string Form { get; init; } = "";

    /// <summary>proposed | approved | active | completed | dissolved.</summary>
    public string Status { get; init; } = "";

    /// <summary>The matcher's score in [0, 1], or null for a pair formed by hand without one.</summary>
    public double? Score { get; init; }

    /// <summary>Russian reasons of the proposal.</summary>
    public string[] Reasons { get; init; } = [];

    /// <summary>First day of the term (date), once approved.</summary>
    public DateTime? StartsOn { get; init; }

    /// <summary>Last day of the term (date), once approved.</summary>
    public DateTime? EndsOn { get; init; }

    /// <summary>The pair's goals set by the mentor (up to five).</summary>
    public string[] Goals { get; init; } = [];

    /// <summary>Days between regular meetings.</summary>
    public int MeetingCadenceDays { get; init; }

    /// <summary>The mentor's written consent to mentoring duties is in force (ТК РФ ст. 351.8).</summary>
    public bool MentorDutiesConsent { get; init; }

    /// <summary>The mentor's personal-data consent is in force (152-ФЗ ст. 9).</summary>
    public bool MentorDataConsent { get; init; }

    /// <summary>The mentee's personal-data consent is in force (152-ФЗ ст. 9).</summary>
    public bool MenteeDataConsent { get; init; }

    /// <summary>The mentor holds the head role (the «руководитель – педагог» suggestion).</summary>
    public bool MentorIsHead { get; init; }

    /// <summary>The mentor's name or the fallback.</summary>
    public string MentorDisplay => MentorName ?? BanksTexts.Unnamed(MentorMembershipId);

    /// <summary>The mentee's name or the fallback.</summary>
    public string MenteeDisplay => MenteeName ?? BanksTexts.Unnamed(MenteeMembershipId);

    /// <summary>Every written consent the order needs is in force: the mentor's two, the mentee's personal-data one.</summary>
    public bool ConsentsComplete => MentorDutiesConsent && MentorDataConsent && MenteeDataConsent;

    /// <summary>The term, once set.</summary>
    public PairTerm? Term => StartsOn is { } s && EndsOn is { } e ? new PairTerm(DateOnly.FromDateTime(s), DateOnly.FromDateTime(e)) : null;
}

/// <summary>SQL of <c>pairs</c> and <c>match_rejections</c>; every query is scoped by the organisation.</summary>
public static class PairStore
{
    /// <summary>Statuses of a live link: it holds the mentee («a mentee has at most one live link») and a mentor's place.</summary>
    public static readonly string[] Live = ["approved", "active"];

    private const string Consent = """
        EXISTS (SELECT 1 FROM current_consents c WHERE c.organisation_id = {0}.organisation_id
                AND c.participant_id = {0}.participant_id AND c.kind = '{1}' AND c.event = 'given')
        """;

    private static readonly string SelectPair = $"""
        SELECT x.id, x.mentor_membership_id, x.mentee_membership_id,
               coalesce(nullif(btrim(a.full_name), ''), nullif(btrim(concat_ws(' ', ap.first_name, ap.last_name)), '')) AS mentor_name,
               coalesce(nullif(btrim(b.full_name), ''), nullif(btrim(concat_ws(' ', bp.first_name, bp.last_name)), '')) AS mentee_name,
               a.position AS mentor_position, b.position AS mentee_position,
               x.form, x.status, x.score, x.reasons, x.starts_on, x.ends_on, x.goals, x.meeting_cadence_days,
               {string.Format(Consent, "a", "mentoring_duties")} AS mentor_duties_consent,
               {string.Format(Consent, "a", "personal_data")} AS mentor_data_consent,
               {string.Format(Consent, "b", "personal_data")} AS mentee_data_consent,
               EXISTS (SELECT 1 FROM membership_roles h WHERE h.membership_id = x.mentor_membership_id AND h.role = 'head') AS mentor_is_head
          FROM pairs x
          JOIN memberships a ON a.id = x.mentor_membership_id
          JOIN participants ap ON ap.id = a.participant_id
          JOIN memberships b ON b.id = x.mentee_membership_id
          JOIN participants bp ON bp.id = b.participant_id
        """;

    /// <summary>The organisation's pairs with one of <paramref name="statuses"/> whose people are both active members, by id.</summary>
    public static async Task<List<PairRecord>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, string[] statuses, CancellationToken cancellationToken)
    {
        var sql = SelectPair + """
             WHERE x.organisation_id = @organisationId AND x.status = ANY(@statuses) AND a.status = 'active' AND b.status = 'active'
             ORDER BY x.id
            """;
        return [.. await connection.QueryAsync<PairRecord>(new CommandDefinition(sql, new { organisationId, statuses }, transaction, cancellationToken: cancellationToken))];
    }

    /// <summary>The pair <paramref name="pairId"/> of the organisation, or null (also for another organisation's pair).</summary>
    public static Task<PairRecord?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long pairId, CancellationToken cancellationToken)
    {
        var sql = SelectPair + " WHERE x.organisation_id = @organisationId AND x.id = @pairId";
        return connection.QuerySingleOrDefaultAsync<PairRecord>(new CommandDefinition(sql, new { organisationId, pairId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The live pairs (approved or active) in which <paramref name="membershipId"/> is the mentor or the mentee.</summary>
    public static async Task<List<PairRecord>> ForMemberAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long membershipId, CancellationToken cancellationToken)
    {
        var sql = SelectPair + """
             WHERE x.organisation_id = @organisationId AND x.status = ANY(@Live)
               AND (x.mentor_membership_id = @membershipId OR x.mentee_membership_id = @membershipId)
             ORDER BY x.id
            """;
        return [.. await connection.QueryAsync<PairRecord>(new CommandDefinition(sql, new { organisationId, membershipId, Live }, transaction, cancellationToken: cancellationToken))];
    }

    /// <summary>Stores a proposal (status proposed); returns its id.</summary>
    public static Task<long> ProposeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long mentorId, long menteeId, double? score, IReadOnlyList<string> reasons, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, score, reasons, created_at)
            VALUES (@organisationId, @mentorId, @menteeId, 'proposed', @score, @reasons, @now)
            RETURNING id
            """;
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql,
            new { organisationId, mentorId, menteeId, score, reasons = reasons.ToArray(), now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Deletes the organisation's proposals (never approved pairs), before a new matching run.</summary>
    public static Task DeleteProposalsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM pairs WHERE organisation_id = @organisationId AND status = 'proposed'";
        return connection.ExecuteAsync(new CommandDefinition(sql, new { organisationId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Rejects a proposal: remembers the link in <c>match_rejections</c> and deletes the proposal. False when it is no longer a proposal.</summary>
    public static async Task<bool> RejectAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long pairId, long rejectedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH d AS (
                DELETE FROM pairs WHERE id = @pairId AND organisation_id = @organisationId AND status = 'proposed'
                RETURNING organisation_id, mentee_membership_id, mentor_membership_id
            )
            INSERT INTO match_rejections (organisation_id, mentee_membership_id, mentor_membership_id, rejected_by, rejected_at)
            SELECT organisation_id, mentee_membership_id, mentor_membership_id, @rejectedBy, @now FROM d
            ON CONFLICT DO NOTHING
            RETURNING 1
            """;
        var rows = await connection.QueryAsync<int>(new CommandDefinition(sql, new { organisationId, pairId, rejectedBy, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        return rows.Any();
    }

    /// <summary>The (mentee, mentor) links the curator rejected, as matcher ids.</summary>
    public static async Task<HashSet<(string MenteeId, string MentorId)>> RejectionsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT mentee_membership_id, mentor_membership_id FROM match_rejections WHERE organisation_id = @organisationId";
        var rows = await connection.QueryAsync<(long, long)>(new CommandDefinition(sql, new { organisationId }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => (BankStore.Id(r.Item1), BankStore.Id(r.Item2)))];
    }

    /// <summary>Forgets the organisation's rejections («Пересчитать с нуля»).</summary>
    public static Task ClearRejectionsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM match_rejections WHERE organisation_id = @organisationId";
        return connection.ExecuteAsync(new CommandDefinition(sql, new { organisationId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Gives a proposal another mentor with that link's score and reasons; false when it is no longer a proposal.</summary>
    public static async Task<bool> ChangeMentorAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long pairId, long mentorId, double? score, IReadOnlyList<string> reasons, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE pairs SET mentor_membership_id = @mentorId, score = @score, reasons = @reasons
             WHERE id = @pairId AND organisation_id = @organisationId AND status = 'proposed'
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { organisationId, pairId, mentorId, score, reasons = reasons.ToArray() }, transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Approves a proposal with the curator's <paramref name="form"/>: status approved, the term, who and when. False
    /// when it is no longer a proposal or the mentee already has a live link (the unique index <c>pairs_one_live_per_mentee</c>).
    /// </summary>
    public static async Task<bool> ApproveAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long pairId, PairTerm term, MentoringForm form, long approvedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE pairs p SET status = 'approved', starts_on = @start, ends_on = @end, approved_at = @now, approved_by = @approvedBy, form = @form
             WHERE p.id = @pairId AND p.organisation_id = @organisationId AND p.status = 'proposed'
               AND NOT EXISTS (SELECT 1 FROM pairs o WHERE o.mentee_membership_id = p.mentee_membership_id AND o.status IN ('approved', 'active'))
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql,
            new { organisationId, pairId, start = term.Start, end = term.End, approvedBy, now = now.UtcDateTime, form = form.Code() }, transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Sets the form of the live pair <paramref name="pairId"/>; false when it is not live (any more).</summary>
    public static async Task<bool> SetFormAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long pairId, MentoringForm form, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE pairs SET form = @form WHERE id = @pairId AND organisation_id = @organisationId AND status IN ('approved', 'active')";
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { organisationId, pairId, form = form.Code() }, transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Makes the mentor's live links one group; returns the ids of the links whose form changed.</summary>
    public static async Task<List<long>> MakeGroupAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long mentorId, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE pairs SET form = 'group'
             WHERE organisation_id = @organisationId AND mentor_membership_id = @mentorId AND status IN ('approved', 'active') AND form <> 'group'
            RETURNING id
            """;
        return [.. await connection.QueryAsync<long>(new CommandDefinition(sql, new { organisationId, mentorId }, transaction, cancellationToken: cancellationToken))];
    }

    /// <summary>The forms the organisation switched off (<c>organisations.mentoring_forms_off</c>).</summary>
    public static async Task<IReadOnlySet<MentoringForm>> FormsOffAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT mentoring_forms_off FROM organisations WHERE id = @organisationId";
        var codes = await connection.ExecuteScalarAsync<string[]?>(new CommandDefinition(sql, new { organisationId }, transaction, cancellationToken: cancellationToken));
        return MentoringForms.ParseSet(codes ?? []);
    }

    /// <summary>Stores the forms the organisation switched off.</summary>
    public static Task SetFormsOffAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, IEnumerable<MentoringForm> off, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE organisations SET mentoring_forms_off = @codes WHERE id = @organisationId";
        return connection.ExecuteAsync(new CommandDefinition(sql, new { organisationId, codes = off.Select(f => f.Code()).Order(StringComparer.Ordinal).ToArray() }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Dissolves a live pair with a reason; false when it is not live (any more).</summary>
    public static async Task<bool> DissolveAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long pairId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE pairs SET status = 'dissolved', dissolved_reason = @reason, dissolved_at = @now
             WHERE id = @pairId AND organisation_id = @organisationId AND status IN ('approved', 'active')
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { organisationId, pairId, reason, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// The member's most recently dissolved pair that had been approved, for /plan to say why it is gone: the stored
    /// reason (a code such as <c>consent_withdrawn</c> or the curator's Russian reason), when (null before 0040),
    /// and whether the member was its mentor. Null when none.
    /// </summary>
    public static Task<(string Reason, DateTime? DissolvedAt, bool WasMentor)?> LastDissolvedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long membershipId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT dissolved_reason, dissolved_at, mentor_membership_id = @membershipId
              FROM pairs
             WHERE organisation_id = @organisationId AND status = 'dissolved' AND starts_on IS NOT NULL
               AND (mentor_membership_id = @membershipId OR mentee_membership_id = @membershipId)
             ORDER BY dissolved_at DESC NULLS LAST, id DESC
             LIMIT 1
            """;
        return connection.QuerySingleOrDefaultAsync<(string, DateTime?, bool)?>(new CommandDefinition(sql, new { organisationId, membershipId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Replaces the pair's goals (the caller keeps them to at most five).</summary>
    public static Task SetGoalsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long pairId, IReadOnlyList<string> goals, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE pairs SET goals = @goals WHERE id = @pairId";
        return connection.ExecuteAsync(new CommandDefinition(sql, new { pairId, goals = goals.ToArray() }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Dated periods of the organisation's pair-work stage (road_map_stages.kind 'pair_work'; a stage's periods
    /// include its activities'), for <see cref="PairTerm.Default"/>.
    /// </summary>
    public static async Task<List<(DateOnly Start, DateOnly End)>> PairWorkPeriodsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT p.starts_on, p.ends_on
              FROM road_map_periods p
              JOIN road_map_stages s ON s.id = p.stage_id
              JOIN road_maps r ON r.id = s.road_map_id
             WHERE r.organisation_id = @organisationId AND s.kind = 'pair_work' AND p.starts_on IS NOT NULL
            """;
        var rows = await connection.QueryAsync<(DateTime, DateTime)>(new CommandDefinition(sql, new { organisationId }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => (DateOnly.FromDateTime(r.Item1), DateOnly.FromDateTime(r.Item2)))];
    }
}
