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
/// <param name="Slot">
/// The row's send slot in the bot's shared rate: its request starts no earlier, and no later than
/// <see cref="SendRate.Late"/> after it (else the slot is given back). Null: send at once (rows built by tests).
/// </param>
public sealed record ClaimedOutboxRow(long Id, long ChatId, string Kind, string Payload, int Attempts, DateTimeOffset? RetryUntil = null, DateTimeOffset? Slot = null);

/// <summary>What one claim took.</summary>
/// <param name="Rows">The claimed rows, each with its slot, in slot order.</param>
/// <param name="Permits">The slots the claim could hand out (more rows than claimed were not due or not allowed by their chats' pacing).</param>
/// <param name="PausedUntil">Until when a 429 pauses the bot (any instance's): sends not yet started wait for it.</param>
/// <param name="Expired">Rows past their <c>expires_at</c> the claim marked expired instead of sending them.</param>
public sealed record OutboxClaim(IReadOnlyList<ClaimedOutboxRow> Rows, int Permits, DateTimeOffset PausedUntil, int Expired = 0);

/// <summary>
/// The global send rate of one bot, shared through PostgreSQL by all its instances: send slots spaced evenly by
/// <see cref="Interval"/>, each handed to one row (<see cref="OutboxStore.ClaimAsync"/>).
/// </summary>
/// <param name="Bot">The key of the bot's rate (one per bot token sharing the database).</param>
/// <param name="PerWindow">Slots in any <paramref name="Window"/>.</param>
/// <param name="Window">One second plus a small margin.</param>
/// <param name="Late">
/// How late a request may start after its slot. Starts then fall in [slot, slot + Late], so any sliding second holds
/// at most the slots of 1 s + Late: (1 s + Late) / Interval requests.
/// </param>
public sealed record SendRate(string Bot, int PerWindow, TimeSpan Window, TimeSpan Late)
{
    /// <summary>The spacing of the slots: the window shared evenly among its sends.</summary>
    public TimeSpan Interval => TimeSpan.FromTicks((Window.Ticks + PerWindow - 1) / PerWindow); // rounded up: never more than PerWindow per Window

    /// <summary>Most requests that may start in one instant: the slots no more than <see cref="Late"/> apart (e.g. after an idle spell).</summary>
    public int Burst => (int)(Late / Interval) + 1;

    /// <summary>Most request starts in any sliding second (see <see cref="Late"/>).</summary>
    public int MostInAnySecond => (int)Math.Ceiling((TimeSpan.FromSeconds(1) + Late) / Interval);
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
            INSERT INTO outbox (idempotency_key, chat_id, kind, payload, due_at, paced, is_group, messenger, expires_at)
            SELECT * FROM unnest(@keys, @chats, @kinds, @payloads::jsonb[], @dues, @paced, @groups, @messengers, @expires::timestamptz[])
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
            expires = messages.Select(m => m.ExpiresAt?.UtcDateTime).ToArray(),
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
    /// Claims up to <paramref name="limit"/> due rows for sending until <paramref name="leaseUntil"/> and gives each
    /// a send slot of the bot's shared <paramref name="rate"/>: slots are <see cref="SendRate.Interval"/> apart across
    /// all instances (the next free one is kept in <c>outbox_rate_window</c>, locked for the claim), from the next free
    /// slot — or half <see cref="SendRate.Late"/> before <paramref name="now"/> when that one passed unused, never earlier —
    /// up to <paramref name="now"/> + <paramref name="ahead"/>. Rows: at most one message per chat, only chats whose
    /// pacing allows a message now, the oldest first, nothing while the bot is paused by a 429. A claimed message
    /// holds its chat until its slot + <paramref name="chatInterval"/> (<paramref name="groupInterval"/> for a group)
    /// + twice <see cref="SendRate.Late"/>, so two starts in one chat are at least the interval apart however late each
    /// is within its tolerance. Rows whose lease ran out (an instance died mid-send) are claimable again.
    /// Only rows of <paramref name="messenger"/> are claimed: each messenger has its own sender, rate, pacing and pause (issue 16).
    /// </summary>
    public async Task<OutboxClaim> ClaimAsync(int limit, DateTimeOffset now, TimeSpan ahead, DateTimeOffset leaseUntil, TimeSpan chatInterval, TimeSpan groupInterval, SendRate rate, CancellationToken cancellationToken,
        string messenger = Pipeline.Messengers.Telegram)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // First the rows that expired before they could be sent (issue 12 item 3): dropped, never sent late.
        const string window = """
            INSERT INTO outbox_rate_window (bot) VALUES (@bot) ON CONFLICT (bot) DO NOTHING;
            WITH expired AS (
                UPDATE outbox SET status = 'expired', lease_until = NULL,
                                  last_error = 'expired at ' || to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' before it could be sent'
                 WHERE messenger = @messenger AND expires_at <= @now AND (status = 'pending' OR (status = 'sending' AND lease_until < @now))
                RETURNING 1
            )
            SELECT next_slot, coalesce((SELECT paused_until FROM outbox_sender_state WHERE messenger = @messenger), '-infinity'),
                   (SELECT count(*) FROM expired)::int
            FROM outbox_rate_window WHERE bot = @bot FOR UPDATE;
            """;
        var state = await connection.QuerySingleAsync<(DateTime NextSlot, DateTime PausedUntil, int Expired)>(
            new CommandDefinition(window, new { bot = rate.Bot, messenger, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        var pausedUntil = Utc(state.PausedUntil);
        // A slot that passed unused may be taken up to half the tolerance late, leaving the send the other half.
        var firstSlot = Max(Utc(state.NextSlot), now - rate.Late / 2);
        var permits = firstSlot > now + ahead || pausedUntil > now ? 0 : Math.Min(limit, (int)Math.Floor((now + ahead - firstSlot) / rate.Interval) + 1);
        if (permits <= 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return new OutboxClaim([], 0, pausedUntil, state.Expired);
        }

        // A row is claimable when due and, for a message, no other message of its chat is in flight or
        // comes before it: one message per chat at a time keeps the chat's order across instances.
        const string claim = """
            WITH claimed AS (
                SELECT o.id FROM outbox o
                WHERE o.due_at <= @now
                  AND (o.status = 'pending' OR (o.status = 'sending' AND o.lease_until < @now))
                  AND o.messenger = @messenger
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
        var rows = (await connection.QueryAsync<ClaimRow>(new CommandDefinition(claim, new { now = now.UtcDateTime, leaseUntil = leaseUntil.UtcDateTime, limit = permits, messenger }, transaction, cancellationToken: cancellationToken)))
            .OrderBy(r => r.Id)
            .Select((r, i) => (Row: r, Slot: firstSlot + i * rate.Interval))
            .ToList();

        var paced = rows.Where(r => r.Row.Paced).ToList();
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
                chats = paced.Select(r => r.Row.ChatId).ToArray(),
                nexts = paced.Select(r => (r.Slot + ChatHold(r.Row.IsGroup ? groupInterval : chatInterval, rate)).UtcDateTime).ToArray(),
            };
            await connection.ExecuteAsync(new CommandDefinition(pace, args, transaction, cancellationToken: cancellationToken));
        }

        if (rows.Count > 0)
        {
            const string record = "UPDATE outbox_rate_window SET next_slot = @nextSlot WHERE bot = @bot";
            var nextSlot = firstSlot + rows.Count * rate.Interval;
            await connection.ExecuteAsync(new CommandDefinition(record, new { bot = rate.Bot, nextSlot = nextSlot.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        var claimed = rows
            .Select(r => new ClaimedOutboxRow(r.Row.Id, r.Row.ChatId, r.Row.Kind, r.Row.Payload, r.Row.Attempts, r.Row.RetryUntil is { } until ? Utc(until) : null, r.Slot))
            .ToList();
        return new OutboxClaim(claimed, permits, pausedUntil, state.Expired);
    }

    // A chat's least interval between starts, widened by the tolerance of both starts (none for the unpaced console chat).
    private static TimeSpan ChatHold(TimeSpan interval, SendRate rate) => interval > TimeSpan.Zero ? interval + 2 * rate.Late : TimeSpan.Zero;

    private static DateTimeOffset Utc(DateTime time) =>
        time <= DateTime.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Marks a row sent, keeping the id the messenger gave the message (text: Telegram's number, MAX's <c>mid.…</c>), for later edits.</summary>
    public async Task MarkSentAsync(long id, string? messageId, DateTimeOffset now, CancellationToken cancellationToken)
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

    /// <summary>
    /// Gives back the slot of a claimed row whose send woke too late for it: the row is pending again, no attempt
    /// counted, and its chat may have its next message at once — the claim held the chat from the row's slot on, but
    /// nothing was sent, and no other message of the chat could be claimed while this one was being sent. (Keeping that
    /// hold cost the chat a second per missed slot: on a loaded machine a chat's second message never left.)
    /// </summary>
    public async Task GiveBackAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH back AS (
                UPDATE outbox SET status = 'pending', lease_until = NULL, last_error = 'missed its send slot', attempts = attempts - 1
                WHERE id = @id AND status = 'sending'
                RETURNING messenger, chat_id, paced
            )
            UPDATE outbox_chat_pacing p SET next_send_at = @now FROM back
             WHERE back.paced AND p.messenger = back.messenger AND p.chat_id = back.chat_id
            """;
        await ExecuteAsync(sql, new { id, now = now.UtcDateTime }, cancellationToken);
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
    /// Returns the rows cancelled. <paramref name="now"/> stamps the person's <c>updated_at</c>.
    /// </summary>
    public async Task<int> MarkChatUnreachableAsync(long id, long chatId, string reason, DateTimeOffset now, CancellationToken cancellationToken, string messenger = Pipeline.Messengers.Telegram)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        const string participants = """
            UPDATE messenger_accounts SET status = 'unreachable' WHERE messenger = @messenger AND private_chat_id = @chatId AND status = 'active';
            UPDATE participants p SET status = 'unreachable', updated_at = @now
             WHERE p.status = 'active'
               AND p.id IN (SELECT participant_id FROM messenger_accounts WHERE messenger = @messenger AND private_chat_id = @chatId)
               AND NOT EXISTS (SELECT 1 FROM messenger_accounts a WHERE a.participant_id = p.id AND a.status = 'active');
            """;
        await connection.ExecuteAsync(new CommandDefinition(participants, new { chatId, messenger, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
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
