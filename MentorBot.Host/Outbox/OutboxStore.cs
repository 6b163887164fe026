using Dapper;
using Npgsql;

namespace MentorBot.Host.Outbox;

/// <summary>A claimed outbox row, being sent by this instance until its lease ends.</summary>
/// <param name="Id">Row id.</param>
/// <param name="ChatId">Target chat.</param>
/// <param name="Kind">One of <see cref="OutboxKind"/>.</param>
/// <param name="Payload">The call's arguments as JSON.</param>
/// <param name="Attempts">Attempts including this one.</param>
/// <param name="RetryUntil">Set at the row's first transient failure: transient failures are retried until then.</param>
public sealed record ClaimedOutboxRow(long Id, long ChatId, string Kind, string Payload, int Attempts, DateTimeOffset? RetryUntil = null);

/// <summary>What one claim took and when the shared rate allows the next one.</summary>
/// <param name="Rows">The claimed rows, oldest first.</param>
/// <param name="NextPermitAt">The earliest moment a further row may be claimed under the global rate (now when slots are free).</param>
public sealed record OutboxClaim(IReadOnlyList<ClaimedOutboxRow> Rows, DateTimeOffset NextPermitAt);

/// <summary>The global send rate of one bot, shared through PostgreSQL by all its instances.</summary>
/// <param name="Bot">The key of the bot's window (one per bot token sharing the database).</param>
/// <param name="PerWindow">Most rows claimed in any <paramref name="Window"/>.</param>
/// <param name="Window">One second plus a margin for the time between a claim and its request reaching the Bot API.</param>
public sealed record SendRate(string Bot, int PerWindow, TimeSpan Window)
{
    /// <summary>The spacing of claims: the window shared evenly among its sends.</summary>
    public TimeSpan Interval => Window / PerWindow;

    /// <summary>Most claims at once (a fifth of the rate): after an idle spell, or at a coarse clock step.</summary>
    public int Burst => Math.Max(1, PerWindow / 5);
}

/// <summary>
/// The outbox's SQL (DESIGN.md decision 5): enqueueing inside the caller's transaction, claiming due rows
/// with <c>FOR UPDATE SKIP LOCKED</c>, and recording each row's outcome. Times come from the caller's clock.
/// </summary>
public sealed class OutboxStore(NpgsqlDataSource dataSource)
{
    /// <summary>Inserts <paramref name="messages"/>; a key already present is skipped. Returns the number inserted.</summary>
    public static async Task<int> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0) return 0;
        const string sql = """
            INSERT INTO outbox (idempotency_key, chat_id, kind, payload, due_at, paced, is_group, messenger)
            SELECT * FROM unnest(@keys, @chats, @kinds, @payloads::jsonb[], @dues, @paced, @groups, @messengers)
            ON CONFLICT (idempotency_key) DO NOTHING
            """;
        var args = new
        {
            keys = messages.Select(m => m.IdempotencyKey).ToArray(),
            chats = messages.Select(m => m.ChatId).ToArray(),
            kinds = messages.Select(m => m.Kind).ToArray(),
            payloads = messages.Select(m => m.PayloadJson).ToArray(),
            dues = messages.Select(m => m.DueAt.UtcDateTime).ToArray(),
            paced = messages.Select(m => m.Paced).ToArray(),
            groups = messages.Select(m => m.IsGroup).ToArray(),
            messengers = messages.Select(m => m.Messenger).ToArray(),
        };
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Cancels the rows not yet claimed whose key starts with <paramref name="keyPrefix"/> (a reminder no longer wanted);
    /// returns how many. Rows being sent or sent are left alone.
    /// </summary>
    public static Task<int> CancelPendingAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string keyPrefix, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE outbox SET status = 'cancelled' WHERE starts_with(idempotency_key, @keyPrefix) AND status = 'pending'";
        return connection.ExecuteAsync(new CommandDefinition(sql, new { keyPrefix }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Enqueues in a transaction of its own (for senders outside the update pipeline).</summary>
    public async Task<int> EnqueueAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await EnqueueAsync(connection, null, messages, cancellationToken);
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> due rows for sending until <paramref name="leaseUntil"/>:
    /// at most one message per chat, only chats whose pacing allows a message now, the oldest first, nothing
    /// while the bot is paused by a 429, and no more than <paramref name="rate"/> allows: the claim times of the
    /// bot's last sends are kept in <c>outbox_rate_window</c>, locked for the claim, so any window of
    /// <see cref="SendRate.Window"/> holds at most <see cref="SendRate.PerWindow"/> claims across all instances.
    /// Claimed messages push their chat's pacing forward by <paramref name="chatInterval"/>
    /// (<paramref name="groupInterval"/> for groups). Rows whose lease ran out (an instance died mid-send) are claimable again.
    /// Only rows of <paramref name="messenger"/> are claimed: each messenger has its own sender, pacing and pause (issue 16).
    /// </summary>
    public async Task<OutboxClaim> ClaimAsync(int limit, DateTimeOffset now, DateTimeOffset leaseUntil, TimeSpan chatInterval, TimeSpan groupInterval, SendRate rate, CancellationToken cancellationToken,
        string messenger = Pipeline.Messengers.Telegram)
    {
        if (limit <= 0) return new OutboxClaim([], now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        const string window = """
            INSERT INTO outbox_rate_window (bot) VALUES (@bot) ON CONFLICT (bot) DO NOTHING;
            SELECT recent, next_slot FROM outbox_rate_window WHERE bot = @bot FOR UPDATE;
            """;
        var state = await connection.QuerySingleAsync<(DateTime[] Recent, DateTime NextSlot)>(new CommandDefinition(window, new { bot = rate.Bot }, transaction, cancellationToken: cancellationToken));
        var recent = state.Recent
            .Select(t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)))
            .Where(t => t > now - rate.Window)
            .Order()
            .ToList();
        // The evenly spaced slots due by now; after an idle spell at most a burst of them (older ones are dropped).
        var nextSlot = state.NextSlot <= DateTime.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(DateTime.SpecifyKind(state.NextSlot, DateTimeKind.Utc));
        var firstSlot = Max(nextSlot, now - (rate.Burst - 1) * rate.Interval);
        var slots = now < firstSlot ? 0 : Math.Min(rate.Burst, (int)Math.Floor((now - firstSlot) / rate.Interval) + 1);
        var permits = Math.Min(Math.Min(limit, rate.PerWindow - recent.Count), slots);
        if (permits <= 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return new OutboxClaim([], NextPermit(recent, firstSlot, rate, now));
        }

        // A row is claimable when due and, for a message, no other message of its chat is in flight or
        // comes before it: one message per chat at a time keeps the chat's order across instances.
        const string claim = """
            WITH claimed AS (
                SELECT o.id FROM outbox o
                WHERE o.due_at <= @now
                  AND (o.status = 'pending' OR (o.status = 'sending' AND o.lease_until < @now))
                  AND o.messenger = @messenger
                  AND coalesce((SELECT paused_until FROM outbox_sender_state WHERE messenger = @messenger), '-infinity') <= @now
                  AND (NOT o.paced OR (
                        NOT EXISTS (SELECT 1 FROM outbox_chat_pacing p WHERE p.messenger = o.messenger AND p.chat_id = o.chat_id AND p.next_send_at > @now)
                    AND NOT EXISTS (SELECT 1 FROM outbox e
                                    WHERE e.paced AND e.messenger = o.messenger AND e.chat_id = o.chat_id AND e.id <> o.id
                                      AND ((e.status = 'sending' AND e.lease_until >= @now)
                                        OR (e.status IN ('pending', 'sending') AND e.due_at <= @now AND (e.due_at, e.id) < (o.due_at, o.id))))))
                ORDER BY o.due_at, o.id
                LIMIT @limit
                FOR UPDATE OF o SKIP LOCKED
            )
            UPDATE outbox o SET status = 'sending', lease_until = @leaseUntil, attempts = o.attempts + 1
            FROM claimed WHERE o.id = claimed.id
            RETURNING o.id, o.chat_id, o.kind, o.payload::text AS payload, o.attempts, o.paced, o.is_group, o.retry_until
            """;
        var rows = (await connection.QueryAsync<ClaimRow>(new CommandDefinition(claim, new { now = now.UtcDateTime, leaseUntil = leaseUntil.UtcDateTime, limit = permits, messenger }, transaction, cancellationToken: cancellationToken))).ToList();

        var paced = rows.Where(r => r.Paced).ToList();
        if (paced.Count > 0)
        {
            const string pace = """
                INSERT INTO outbox_chat_pacing (messenger, chat_id, next_send_at)
                SELECT @messenger, * FROM unnest(@chats, @nexts)
                ON CONFLICT (messenger, chat_id) DO UPDATE SET next_send_at = excluded.next_send_at
                """;
            var args = new
            {
                messenger,
                chats = paced.Select(r => r.ChatId).ToArray(),
                nexts = paced.Select(r => (now + (r.IsGroup ? groupInterval : chatInterval)).UtcDateTime).ToArray(),
            };
            await connection.ExecuteAsync(new CommandDefinition(pace, args, transaction, cancellationToken: cancellationToken));
        }

        if (rows.Count > 0)
        {
            recent.AddRange(Enumerable.Repeat(now, rows.Count));
            firstSlot += rows.Count * rate.Interval;
            const string record = "UPDATE outbox_rate_window SET recent = @recent, next_slot = @nextSlot WHERE bot = @bot";
            await connection.ExecuteAsync(new CommandDefinition(record, new { bot = rate.Bot, recent = recent.Select(t => t.UtcDateTime).ToArray(), nextSlot = firstSlot.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        var claimed = rows.OrderBy(r => r.Id)
            .Select(r => new ClaimedOutboxRow(r.Id, r.ChatId, r.Kind, r.Payload, r.Attempts, r.RetryUntil is { } until ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)) : null))
            .ToList();
        return new OutboxClaim(claimed, NextPermit(recent, firstSlot, rate, now));
    }

    /// <summary>When the next claim may happen: its slot, and the oldest claim keeping the window full leaving it.</summary>
    private static DateTimeOffset NextPermit(List<DateTimeOffset> recent, DateTimeOffset nextSlot, SendRate rate, DateTimeOffset now)
    {
        var windowed = recent.Count < rate.PerWindow ? now : recent[recent.Count - rate.PerWindow] + rate.Window;
        return Max(Max(nextSlot, windowed), now);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Marks a row sent, keeping the message id the Bot API returned (for later edits).</summary>
    public async Task MarkSentAsync(long id, long? messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE outbox SET status = 'sent', sent_at = @now, sent_message_id = @messageId, lease_until = NULL, last_error = NULL WHERE id = @id";
        await ExecuteAsync(sql, new { id, messageId, now = now.UtcDateTime }, cancellationToken);
    }

    /// <summary>
    /// Puts a row back to pending, to be tried again at <paramref name="dueAt"/>, recording why. A message
    /// (paced row) keeps its place in its chat: its due time stays and the chat's pacing is held until
    /// <paramref name="dueAt"/> instead, so the chat's later messages wait behind it rather than overtake it.
    /// Other rows (callback answers) are simply due again at <paramref name="dueAt"/>.
    /// </summary>
    /// <param name="id">Row id.</param>
    /// <param name="dueAt">When to try again.</param>
    /// <param name="reason">The failure, stored in <c>last_error</c>.</param>
    /// <param name="countAttempt">False when the attempt did not reach the Bot API's judgement (e.g. a 429 pause).</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <param name="retryUntil">For a transient failure: until when the row is retried (kept when already set).</param>
    public async Task RescheduleAsync(long id, DateTimeOffset dueAt, string reason, bool countAttempt, CancellationToken cancellationToken, DateTimeOffset? retryUntil = null)
    {
        const string sql = """
            WITH retried AS (
                UPDATE outbox SET status = 'pending', due_at = CASE WHEN paced THEN due_at ELSE @dueAt END,
                                  lease_until = NULL, last_error = @reason, retry_until = coalesce(retry_until, @retryUntil::timestamptz),
                                  attempts = CASE WHEN @countAttempt THEN attempts ELSE attempts - 1 END
                WHERE id = @id
                RETURNING messenger, chat_id, paced
            )
            INSERT INTO outbox_chat_pacing (messenger, chat_id, next_send_at)
            SELECT messenger, chat_id, @dueAt FROM retried WHERE paced
            ON CONFLICT (messenger, chat_id) DO UPDATE SET next_send_at = greatest(outbox_chat_pacing.next_send_at, excluded.next_send_at)
            """;
        await ExecuteAsync(sql, new { id, dueAt = dueAt.UtcDateTime, reason, countAttempt, retryUntil = retryUntil?.UtcDateTime }, cancellationToken);
    }

    /// <summary>Marks a row failed for good, with the reason (no token in it).</summary>
    public async Task MarkFailedAsync(long id, string reason, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE outbox SET status = 'failed', lease_until = NULL, last_error = @reason WHERE id = @id";
        await ExecuteAsync(sql, new { id, reason }, cancellationToken);
    }

    /// <summary>Pauses every sender instance of <paramref name="messenger"/> until <paramref name="until"/> (a 429 applies to that bot).</summary>
    public async Task PauseAsync(DateTimeOffset until, CancellationToken cancellationToken, string messenger = Pipeline.Messengers.Telegram)
    {
        const string sql = """
            INSERT INTO outbox_sender_state (messenger, paused_until) VALUES (@messenger, @until)
            ON CONFLICT (messenger) DO UPDATE SET paused_until = greatest(outbox_sender_state.paused_until, excluded.paused_until)
            """;
        await ExecuteAsync(sql, new { until = until.UtcDateTime, messenger }, cancellationToken);
    }

    /// <summary>
    /// The person blocked the bot in <paramref name="messenger"/> (Bot API 403, MAX 403): marks the account of that chat
    /// unreachable — the person only when none of their accounts is reachable any more (issue 16: they may still be
    /// reached in the other messenger) — and cancels every pending row of the chat (including <paramref name="id"/>).
    /// Returns the rows cancelled.
    /// </summary>
    public async Task<int> MarkChatUnreachableAsync(long id, long chatId, string reason, CancellationToken cancellationToken, string messenger = Pipeline.Messengers.Telegram)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        const string participants = """
            UPDATE messenger_accounts SET status = 'unreachable' WHERE messenger = @messenger AND private_chat_id = @chatId AND status = 'active';
            UPDATE participants p SET status = 'unreachable', updated_at = now()
             WHERE p.status = 'active'
               AND p.id IN (SELECT participant_id FROM messenger_accounts WHERE messenger = @messenger AND private_chat_id = @chatId)
               AND NOT EXISTS (SELECT 1 FROM messenger_accounts a WHERE a.participant_id = p.id AND a.status = 'active');
            """;
        await connection.ExecuteAsync(new CommandDefinition(participants, new { chatId, messenger }, transaction, cancellationToken: cancellationToken));
        const string cancel = """
            UPDATE outbox SET status = 'cancelled', lease_until = NULL, last_error = @reason
            WHERE messenger = @messenger AND chat_id = @chatId AND (status = 'pending' OR id = @id)
            """;
        var cancelled = await connection.ExecuteAsync(new CommandDefinition(cancel, new { id, chatId, reason, messenger }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return cancelled;
    }

    private async Task ExecuteAsync(string sql, object args, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
    }

    private sealed record ClaimRow(long Id, long ChatId, string Kind, string Payload, int Attempts, bool Paced, bool IsGroup, DateTime? RetryUntil);
}
