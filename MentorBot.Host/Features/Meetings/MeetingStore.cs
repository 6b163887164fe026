using Dapper;
using MentorBot.Domain.Meetings;
using Npgsql;

namespace MentorBot.Host.Features.Meetings;

/// <summary>A saved meeting log as the feature reads it back.</summary>
public sealed class MeetingRow
{
    /// <summary><c>meetings.id</c>.</summary>
    public long Id { get; init; }

    /// <summary>The pair it belongs to.</summary>
    public long PairId { get; init; }

    /// <summary>The mentor's membership that logged it.</summary>
    public long LoggedBy { get; init; }

    /// <summary>The meeting's day.</summary>
    public DateOnly HeldOn { get; init; }

    /// <summary>Its length in minutes.</summary>
    public int DurationMinutes { get; init; }

    /// <summary>The stored kind code.</summary>
    public string Kind { get; init; } = "regular";

    /// <summary>The stored format code, or null.</summary>
    public string? Format { get; init; }

    /// <summary>The topic, or null.</summary>
    public string? Topic { get; init; }

    /// <summary>The mentor's original message, or null.</summary>
    public string? SourceText { get; init; }

    /// <summary>When it was logged.</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>When it was deleted, or null.</summary>
    public DateTime? DeletedAt { get; init; }

    /// <summary>The mentee's name.</summary>
    public string MenteeName { get; init; } = "";
}

/// <summary>SQL of <c>meetings</c> and the plan items they tick off (issue 6). Every read is filtered by organisation.</summary>
public static class MeetingStore
{
    /// <summary>How a mentee without a name yet is shown.</summary>
    private const string MenteeName = "coalesce(mm.full_name, 'наставляемый №' || mm.id)";

    /// <summary>The mentor's approved or active pairs in the organisation, by mentee name.</summary>
    public static async Task<IReadOnlyList<CheckInPair>> LivePairsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long mentorMembershipId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT p.id AS PairId, {MenteeName} AS MenteeName, (p.approved_at AT TIME ZONE o.time_zone)::date AS ApprovedOn
              FROM pairs p JOIN memberships mm ON mm.id = p.mentee_membership_id JOIN organisations o ON o.id = p.organisation_id
             WHERE p.organisation_id = @organisationId AND p.mentor_membership_id = @mentorMembershipId
               AND p.status IN ('approved', 'active') AND mm.status = 'active'
             ORDER BY mm.full_name, p.id
            """;
        var rows = await connection.QueryAsync<(long PairId, string MenteeName, DateTime? ApprovedOn)>(new CommandDefinition(sql, new { organisationId, mentorMembershipId }, transaction, cancellationToken: cancellationToken));
        return rows.Select(r => new CheckInPair(r.PairId, r.MenteeName, r.ApprovedOn is { } d ? DateOnly.FromDateTime(d) : null)).ToList();
    }

    /// <summary>The meeting <paramref name="meetingId"/> of the organisation (deleted ones included), or null.</summary>
    public static Task<MeetingRow?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long meetingId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT m.id, m.pair_id, m.logged_by, m.held_on, m.duration_minutes, m.kind, m.format, m.topic, m.source_text,
                   m.created_at, m.deleted_at, {MenteeName} AS mentee_name
              FROM meetings m JOIN pairs p ON p.id = m.pair_id JOIN memberships mm ON mm.id = p.mentee_membership_id
             WHERE m.id = @meetingId AND p.organisation_id = @organisationId
            """;
        return connection.QuerySingleOrDefaultAsync<MeetingRow>(new CommandDefinition(sql, new { organisationId, meetingId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The live log of the organisation that the participant's message <paramref name="messageId"/> logged (its
    /// <c>source_message_id</c>, the messenger's id as text: Telegram numbers messages per chat and a mentor logs from
    /// their own private chat; MAX's <c>mid.…</c> are unique, and never look like Telegram's numbers), or null.
    /// </summary>
    public static Task<MeetingRow?> FindBySourceMessageAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long participantId, string messageId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT m.id, m.pair_id, m.logged_by, m.held_on, m.duration_minutes, m.kind, m.format, m.topic, m.source_text,
                   m.created_at, m.deleted_at, {MenteeName} AS mentee_name
              FROM meetings m JOIN pairs p ON p.id = m.pair_id JOIN memberships mm ON mm.id = p.mentee_membership_id
              JOIN memberships author ON author.id = m.logged_by
             WHERE m.source_message_id = @messageId AND author.participant_id = @participantId AND p.organisation_id = @organisationId
             ORDER BY m.id DESC LIMIT 1
            """;
        return connection.QuerySingleOrDefaultAsync<MeetingRow>(new CommandDefinition(sql, new { organisationId, participantId, messageId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The mentor's latest <paramref name="limit"/> live logs, newest meeting first, and how many there are in all.</summary>
    public static async Task<(IReadOnlyList<MeetingRow> Rows, int Total)> ListAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, long mentorMembershipId, int limit, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT m.id, m.pair_id, m.logged_by, m.held_on, m.duration_minutes, m.kind, m.format, m.topic, m.source_text,
                   m.created_at, m.deleted_at, {MenteeName} AS mentee_name
              FROM meetings m JOIN pairs p ON p.id = m.pair_id JOIN memberships mm ON mm.id = p.mentee_membership_id
             WHERE m.logged_by = @mentorMembershipId AND p.organisation_id = @organisationId AND m.deleted_at IS NULL
             ORDER BY m.held_on DESC, m.id DESC
             LIMIT @limit;
            SELECT count(*)::int FROM meetings m JOIN pairs p ON p.id = m.pair_id
             WHERE m.logged_by = @mentorMembershipId AND p.organisation_id = @organisationId AND m.deleted_at IS NULL;
            """;
        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { organisationId, mentorMembershipId, limit }, transaction, cancellationToken: cancellationToken));
        var rows = (await grid.ReadAsync<MeetingRow>()).ToList();
        return (rows, await grid.ReadSingleAsync<int>());
    }

    /// <summary>Inserts a log from a complete check-in; returns its id. The pair's first logged meeting makes an approved pair active.</summary>
    public static Task<long> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, MeetingCheckInData data, long mentorMembershipId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH activated AS (UPDATE pairs SET status = 'active' WHERE id = @pairId AND status = 'approved')
            INSERT INTO meetings (pair_id, logged_by, held_on, duration_minutes, kind, format, topic, source_text, source_message_id, created_at, updated_at)
            VALUES (@pairId, @mentorMembershipId, @heldOn, @minutes, @kind, @format, @topic, @sourceText, @sourceMessageId, @now, @now)
            RETURNING id
            """;
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, Args(data, mentorMembershipId, now), transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Overwrites a live log of the mentor from a complete check-in; false when it is gone.</summary>
    public static async Task<bool> UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long meetingId, MeetingCheckInData data, long mentorMembershipId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE meetings SET pair_id = @pairId, held_on = @heldOn, duration_minutes = @minutes, kind = @kind, format = @format,
                   topic = @topic, source_text = COALESCE(@sourceText, source_text), updated_at = @now
             WHERE id = @meetingId AND logged_by = @mentorMembershipId AND deleted_at IS NULL
            """;
        var args = new DynamicParameters(Args(data, mentorMembershipId, now));
        args.Add("meetingId", meetingId);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Marks a log deleted and un-ticks the plan item it ticked; false when it was already gone.</summary>
    public static async Task<bool> DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long meetingId, long mentorMembershipId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE meetings SET deleted_at = @now, updated_at = @now
             WHERE id = @meetingId AND logged_by = @mentorMembershipId AND deleted_at IS NULL
            """;
        var deleted = await connection.ExecuteAsync(new CommandDefinition(sql, new { meetingId, mentorMembershipId, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken)) == 1;
        if (deleted) await UntickAsync(connection, transaction, meetingId, cancellationToken);
        return deleted;
    }

    /// <summary>
    /// Ticks off the pair's plan item this meeting fulfils (issue 6): the earliest not-done item of the
    /// same kind, else the earliest not-done regular one (by due date, then position); first un-ticking
    /// whatever the meeting ticked before, so a corrected kind moves the tick. Returns the item's id, or null.
    /// </summary>
    public static async Task<long?> TickPlanItemAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long meetingId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await UntickAsync(connection, transaction, meetingId, cancellationToken);
        const string sql = """
            WITH meeting AS (SELECT pair_id, kind FROM meetings WHERE id = @meetingId),
            target AS (
                SELECT i.id FROM plan_items i, meeting m
                 WHERE i.pair_id = m.pair_id AND i.done_at IS NULL AND i.kind IN (m.kind, 'regular')
                 ORDER BY (i.kind = m.kind) DESC, i.due_on, i.position
                 LIMIT 1
                 FOR UPDATE OF i
            )
            UPDATE plan_items SET done_at = @now, meeting_id = @meetingId
             WHERE id = (SELECT id FROM target)
            RETURNING id
            """;
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, new { meetingId, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
    }

    private static Task UntickAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long meetingId, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE plan_items SET done_at = NULL, meeting_id = NULL WHERE meeting_id = @meetingId";
        return connection.ExecuteAsync(new CommandDefinition(sql, new { meetingId }, transaction, cancellationToken: cancellationToken));
    }

    private static object Args(MeetingCheckInData data, long mentorMembershipId, DateTimeOffset now) => new
    {
        pairId = data.PairId ?? throw new InvalidOperationException("A meeting log is saved only with its pair."),
        mentorMembershipId,
        heldOn = data.Date ?? throw new InvalidOperationException("A meeting log is saved only with its date."),
        minutes = data.DurationMinutes ?? throw new InvalidOperationException("A meeting log is saved only with its duration."),
        kind = MeetingCheckIn.KindCode(data.Kind),
        format = MeetingCheckIn.FormatCode(data.Format),
        topic = data.Topic,
        sourceMessageId = data.SourceMessageId,
        sourceText = data.SourceText,
        now = now.UtcDateTime,
    };
}
