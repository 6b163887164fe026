using Dapper;
using MentorBot.Host.Pipeline;
using Npgsql;

namespace MentorBot.Host.Persistence;

/// <summary>SQL of <c>participants</c> and their <c>messenger_accounts</c> used by the update pipeline.</summary>
public static class ParticipantStore
{
    /// <summary>
    /// Finds or creates the participant behind an update by their messenger account (issue 16: one person, several
    /// accounts), refreshes the account's private chat, names and last use, and copies the names to the participant;
    /// an account or person marked unreachable who writes again is reachable again. Only private chats come here (a
    /// group is no one's private chat, issue 12 item 1). Returns the participant id.
    /// </summary>
    /// <param name="connection">Open connection.</param>
    /// <param name="transaction">The update's transaction.</param>
    /// <param name="messenger">The account's messenger (<see cref="Messengers"/>).</param>
    /// <param name="sender">Who wrote.</param>
    /// <param name="chatId">The private chat with the bot.</param>
    /// <param name="now">The update's moment.</param>
    /// <param name="cancellationToken">Cancels the statement.</param>
    public static Task<long> TouchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string messenger, Sender sender, long chatId, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(TouchSql, TouchArguments(messenger, sender, chatId, now), transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// The statement of <see cref="TouchAsync"/> (one row: the participant id), for callers that send it with others
    /// in one round trip. The account is the only place a messenger identity lives (migration 0051 dropped the legacy
    /// Telegram columns of <c>participants</c>).
    /// </summary>
    internal const string TouchSql = """
        WITH known AS (
            SELECT participant_id AS id FROM messenger_accounts WHERE messenger = @messenger AND external_user_id = @UserId),
        created AS (
            INSERT INTO participants (first_name, last_name, username, created_at, updated_at)
            SELECT @FirstName, @LastName, @Username, @now, @now
             WHERE NOT EXISTS (SELECT 1 FROM known)
            RETURNING id),
        refreshed AS (
            UPDATE participants p
               SET first_name = @FirstName, last_name = @LastName, username = @Username, updated_at = @now,
                   status = CASE WHEN p.status = 'unreachable' THEN 'active' ELSE p.status END
              FROM known WHERE p.id = known.id
            RETURNING p.id),
        account AS (
            INSERT INTO messenger_accounts (participant_id, messenger, external_user_id, private_chat_id, first_name, last_name, username, created_at, last_used_at)
            SELECT id, @messenger, @UserId, @chatId, @FirstName, @LastName, @Username, @now, @now
              FROM (SELECT id FROM known UNION ALL SELECT id FROM created) person
            ON CONFLICT (messenger, external_user_id) DO UPDATE
               SET private_chat_id = excluded.private_chat_id, first_name = excluded.first_name, last_name = excluded.last_name,
                   username = excluded.username, last_used_at = excluded.last_used_at, status = 'active'
            RETURNING participant_id)
        SELECT participant_id FROM account
        """;

    /// <summary>The named parameters of <see cref="TouchSql"/>.</summary>
    internal static DynamicParameters TouchArguments(string messenger, Sender sender, long chatId, DateTimeOffset now) =>
        new(new { messenger, sender.UserId, chatId, sender.FirstName, sender.LastName, sender.Username, now = now.UtcDateTime });

    /// <summary>
    /// Marks the account (<paramref name="messenger"/>, <paramref name="userId"/>) unreachable (the person stopped the bot
    /// there), and the person too when none of their accounts is reachable any more. Writing again makes both reachable.
    /// </summary>
    public static Task MarkAccountUnreachableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string messenger, long userId, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH stopped AS (
                UPDATE messenger_accounts SET status = 'unreachable' WHERE messenger = @messenger AND external_user_id = @userId
                RETURNING id, participant_id)
            UPDATE participants p SET status = 'unreachable'
              FROM stopped
             WHERE p.id = stopped.participant_id AND p.status = 'active'
               AND NOT EXISTS (SELECT 1 FROM messenger_accounts a WHERE a.participant_id = p.id AND a.id <> stopped.id AND a.status = 'active')
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new { messenger, userId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Erases a person's messenger identity (152-ФЗ ст. 21 ч. 5, the personal-data withdrawal): every messenger account,
    /// the participant's ids and names, the queued messages, pacing and conversations of their private chats, and the
    /// payloads of their handled updates; later updates still waiting are left to the pipeline, except the one being
    /// handled (<paramref name="source"/>, <paramref name="updateId"/>). The participant row stays, marked erased.
    /// </summary>
    /// <param name="connection">Open connection.</param>
    /// <param name="transaction">The update's transaction.</param>
    /// <param name="participantId">The person.</param>
    /// <param name="source">The inbox source of the update being handled.</param>
    /// <param name="updateId">The update being handled.</param>
    /// <param name="chatId">The chat of the update being handled.</param>
    /// <param name="now">The moment of the erasure.</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    public static Task EraseIdentityAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long participantId, string source, long updateId, long chatId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH chats AS (SELECT messenger, private_chat_id AS chat_id FROM messenger_accounts WHERE participant_id = @participantId AND private_chat_id IS NOT NULL
                           UNION SELECT @messenger, @chatId),
                 outgoing AS (DELETE FROM outbox o USING chats WHERE o.messenger = chats.messenger AND o.chat_id = chats.chat_id),
                 pacing AS (DELETE FROM outbox_chat_pacing p USING chats WHERE p.messenger = chats.messenger AND p.chat_id = chats.chat_id),
                 conversations AS (DELETE FROM conversation_states c USING chats WHERE c.messenger = chats.messenger AND c.chat_id = chats.chat_id)
            UPDATE inbound_updates u SET payload = '{}'::jsonb, chat_id = NULL
              FROM chats
             WHERE u.chat_id = chats.chat_id AND u.source = chats.messenger
               AND (u.handled_at IS NOT NULL OR (u.source = @source AND u.update_id = @updateId));
            UPDATE participants
               SET first_name = NULL, last_name = NULL, username = NULL, notify_account_id = NULL,
                   status = 'erased', current_organisation_id = NULL, nudges_paused_until = NULL, updated_at = @now
             WHERE id = @participantId;
            DELETE FROM account_link_codes WHERE participant_id = @participantId;
            DELETE FROM messenger_accounts WHERE participant_id = @participantId;
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new { participantId, chatId, source, updateId, messenger = Messengers.OfSource(source), now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
    }
}
