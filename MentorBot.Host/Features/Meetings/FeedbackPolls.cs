using System.Globalization;
using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Meetings;
using MentorBot.Host.Outbox;
using Npgsql;

namespace MentorBot.Host.Features.Meetings;

/// <summary>
/// Feedback polls after meetings (road map 6.5, issue 6): one <c>feedback_polls</c> row per mentee
/// and meeting, and one outbox message held until <see cref="FeedbackPollTiming.DueAt"/> under the key
/// <c>poll:&lt;pollId&gt;</c>, so saving, correcting or re-running sends one poll. The Notifier skips
/// a mentee who withdrew consent or is unreachable. Buttons: <c>poll:score:&lt;pollId&gt;:&lt;1..5&gt;</c>,
/// then <c>poll:nocomment:&lt;pollId&gt;</c> or a comment in the <c>poll_comment</c> flow.
/// </summary>
public static class FeedbackPolls
{
    /// <summary>The button prefix.</summary>
    public const string Prefix = "poll";

    /// <summary>The conversation flow of the optional comment.</summary>
    public const string CommentFlow = "poll_comment";

    /// <summary>Longest comment kept, in characters.</summary>
    public const int MaxCommentLength = 1000;

    /// <summary>The Notifier key of a poll's message (its outbox rows are <c>bg:poll:&lt;id&gt;.&lt;part&gt;</c>).</summary>
    public static string Key(long pollId) => "poll:" + pollId.ToString(CultureInfo.InvariantCulture);

    private sealed class MeetingInfo
    {
        public long MeetingId { get; init; }
        public DateOnly HeldOn { get; init; }
        public string? Topic { get; init; }
        public DateTime CreatedAt { get; init; }
        public long MenteeMembershipId { get; init; }
        public string MentorName { get; init; } = "";
        public string TimeZone { get; init; } = "";
    }

    /// <summary>The poll message for <paramref name="pollId"/> (also what a reminder may resend).</summary>
    public static Reply Message(long pollId, string mentorName, DateOnly heldOn, string? topic) =>
        new(MeetingsTexts.PollQuestion(mentorName, heldOn, topic), ScoreButtons(pollId));

    /// <summary>The poll's answer buttons 1–5 (<c>poll:score:{pollId}:{n}</c>), also under its reminder.</summary>
    public static IReadOnlyList<IReadOnlyList<Choice>> ScoreButtons(long pollId) =>
        [[.. Enumerable.Range(1, 5).Select(n => new Choice(n.ToString(CultureInfo.InvariantCulture), $"{Prefix}:score:{pollId}:{n}"))]];

    /// <summary>
    /// Makes sure each mentee of the meeting's pair has a poll due at the right moment: creates the
    /// row and enqueues the message once; for an existing poll whose message is not sent yet, moves
    /// it to the moment the (possibly corrected) date gives, with the corrected text. A sent or
    /// answered poll is left alone. The moment is computed from the log's first save, so correcting
    /// anything but the date changes nothing.
    /// </summary>
    public static async Task ScheduleAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Notifier notifier, long meetingId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT m.id AS meeting_id, m.held_on, m.topic, m.created_at, p.mentee_membership_id,
                   coalesce(mentor.full_name, 'наставник') AS mentor_name, o.time_zone
              FROM meetings m JOIN pairs p ON p.id = m.pair_id
              JOIN memberships mentor ON mentor.id = p.mentor_membership_id
              JOIN organisations o ON o.id = p.organisation_id
             WHERE m.id = @meetingId AND m.deleted_at IS NULL
            """;
        var meetings = await connection.QueryAsync<MeetingInfo>(new CommandDefinition(sql, new { meetingId }, transaction, cancellationToken: cancellationToken));
        foreach (var meeting in meetings)
        {
            var timeZone = TimeZoneInfo.FindSystemTimeZoneById(meeting.TimeZone);
            var dueAt = FeedbackPollTiming.DueAt(meeting.HeldOn, new DateTimeOffset(meeting.CreatedAt, TimeSpan.Zero), timeZone);
            var args = new { meeting.MeetingId, meeting.MenteeMembershipId, dueAt = dueAt.UtcDateTime, expiresAt = FeedbackPollTiming.ExpiresAt(dueAt).UtcDateTime };
            const string insert = """
                INSERT INTO feedback_polls (meeting_id, mentee_membership_id, due_at, expires_at)
                VALUES (@MeetingId, @MenteeMembershipId, @dueAt, @expiresAt)
                ON CONFLICT (meeting_id, mentee_membership_id) DO NOTHING
                RETURNING id
                """;
            var created = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(insert, args, transaction, cancellationToken: cancellationToken));
            long pollId;
            if (created is { } id)
            {
                pollId = id;
            }
            else
            {
                // An existing poll: re-enqueue only when its message is still waiting (the pending row is
                // deleted under lock, so a sender that already claimed it keeps it and nothing is sent twice).
                const string reschedule = """
                    WITH poll AS (
                        SELECT id FROM feedback_polls
                         WHERE meeting_id = @MeetingId AND mentee_membership_id = @MenteeMembershipId AND answered_at IS NULL
                    ), waiting AS (
                        DELETE FROM outbox WHERE status = 'pending'
                           AND idempotency_key LIKE 'bg:poll:' || (SELECT id FROM poll) || '.%'
                        RETURNING id
                    )
                    UPDATE feedback_polls SET due_at = @dueAt, expires_at = @expiresAt
                     WHERE id = (SELECT id FROM poll) AND EXISTS (SELECT 1 FROM waiting)
                    RETURNING id
                    """;
                if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(reschedule, args, transaction, cancellationToken: cancellationToken)) is not { } waiting)
                    continue;
                pollId = waiting;
            }

            await notifier.EnqueueAsync(connection, transaction, meeting.MenteeMembershipId, Message(pollId, meeting.MentorName, meeting.HeldOn, meeting.Topic),
                Key(pollId), dueAt, cancellationToken, FeedbackPollTiming.ExpiresAt(dueAt));
        }
    }

    /// <summary>Closes the unanswered polls of a deleted meeting: unsent messages are cancelled, answers are refused from now on.</summary>
    public static async Task CloseForMeetingAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long meetingId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH closed AS (
                UPDATE feedback_polls SET expires_at = least(expires_at, @now)
                 WHERE meeting_id = @meetingId AND answered_at IS NULL
                RETURNING id
            )
            UPDATE outbox SET status = 'cancelled', last_error = 'meeting deleted'
             WHERE status = 'pending' AND EXISTS (SELECT 1 FROM closed c WHERE outbox.idempotency_key LIKE 'bg:poll:' || c.id || '.%')
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new { meetingId, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>What became of an answer.</summary>
    public enum AnswerResult
    {
        /// <summary>Recorded.</summary>
        Recorded,

        /// <summary>The person had answered before; nothing changed.</summary>
        AlreadyAnswered,

        /// <summary>Expired, its meeting deleted, or not this person's poll; nothing changed.</summary>
        Closed,
    }

    /// <summary>
    /// Records <paramref name="score"/> (1–5) for the poll if it is the participant's, still open and
    /// unanswered (one answer per person: the first one counts).
    /// </summary>
    public static async Task<AnswerResult> AnswerAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long pollId, long participantId, int score, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT fp.answered_at IS NOT NULL AS answered, (fp.expires_at <= @now OR m.deleted_at IS NOT NULL) AS closed
              FROM feedback_polls fp
              JOIN memberships mm ON mm.id = fp.mentee_membership_id
              JOIN meetings m ON m.id = fp.meeting_id
             WHERE fp.id = @pollId AND mm.participant_id = @participantId AND mm.status = 'active'
             FOR UPDATE OF fp
            """;
        var state = await connection.QuerySingleOrDefaultAsync<(bool Answered, bool Closed)?>(new CommandDefinition(sql, new { pollId, participantId, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        if (state is not { } s || s.Closed && !s.Answered) return AnswerResult.Closed;
        if (s.Answered) return AnswerResult.AlreadyAnswered;
        const string update = "UPDATE feedback_polls SET score = @score, answered_at = @now WHERE id = @pollId AND answered_at IS NULL";
        await connection.ExecuteAsync(new CommandDefinition(update, new { pollId, score, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        return AnswerResult.Recorded;
    }

    /// <summary>Stores the optional comment of an answered poll of the participant (once); false when there is nothing to comment on.</summary>
    public static async Task<bool> CommentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long pollId, long participantId, string comment, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE feedback_polls fp SET comment = @comment
              FROM memberships mm
             WHERE fp.id = @pollId AND mm.id = fp.mentee_membership_id AND mm.participant_id = @participantId
               AND fp.answered_at IS NOT NULL AND fp.comment IS NULL
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { pollId, participantId, comment }, transaction, cancellationToken: cancellationToken)) == 1;
    }
}
