using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Host.Pipeline;
using MentorBot.Host.Scheduling;
using Npgsql;

namespace MentorBot.Host.Outbox;

/// <summary>
/// Background messages (reminders, nudges, polls, digests, approval notices) to a member of an
/// organisation. The one place that enforces «a person who withdrew consent or blocked the bot gets
/// nothing» (152-ФЗ; issue 4, 6, 7): only active memberships of reachable participants are written to.
/// Keys are the caller's unique key for the occurrence (what, whom, which occurrence), so running a
/// job twice, or on two instances, enqueues once (the outbox's unique idempotency key). What it queues is recorded
/// in the <see cref="JobRun"/> in progress, if any (<c>jobs run</c> reports it).
/// A person is reached in one of their messenger accounts (issue 16): the one they chose in /settings, else the one they
/// wrote from last; an account whose bot was blocked is skipped, and that messenger's adapter renders the rows.
/// </summary>
public sealed class Notifier(MessengerAdapters adapters)
{
    /// <summary>
    /// Enqueues <paramref name="reply"/> to the member <paramref name="membershipId"/> for delivery at
    /// <paramref name="dueAt"/>; returns false (and enqueues nothing) when the member is erased,
    /// declined, unreachable or has no chat. Rows get keys <c>bg:{key}.{n}</c>; a repeated key is a no-op. A message
    /// that means nothing after <paramref name="expiresAt"/> (a poll past its own expiry) is dropped then rather than
    /// sent late (issue 12 item 3).
    /// </summary>
    public async Task<bool> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long membershipId, Reply reply, string key, DateTimeOffset dueAt, CancellationToken cancellationToken,
        DateTimeOffset? expiresAt = null)
    {
        if (await ChatAsync(connection, transaction, membershipId, cancellationToken) is not { } chat) return false;
        var rows = adapters.For(chat.Messenger).Render(reply, chat.ChatId, false, "bg:" + key, dueAt).Select(r => r with { ExpiresAt = expiresAt }).ToList();
        var inserted = await OutboxStore.EnqueueAsync(connection, transaction, rows, cancellationToken);
        JobRun.Current?.Record(new QueuedMessage(key, membershipId, chat.ChatId, dueAt, reply.Text, inserted > 0));
        return true;
    }

    /// <summary>Like <see cref="EnqueueAsync"/> for a file (key <c>bg:{key}.doc</c>).</summary>
    public async Task<bool> EnqueueDocumentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long membershipId, string fileName, byte[] content, string? caption, string key, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        if (await ChatAsync(connection, transaction, membershipId, cancellationToken) is not { } chat) return false;
        var message = adapters.For(chat.Messenger).RenderDocument(fileName, content, caption is null ? null : Html.Escape(caption), chat.ChatId, false, "bg:" + key + ".doc", dueAt);
        var inserted = await OutboxStore.EnqueueAsync(connection, transaction, [message], cancellationToken);
        JobRun.Current?.Record(new QueuedMessage(key, membershipId, chat.ChatId, dueAt, fileName, inserted > 0));
        return true;
    }

    /// <summary>
    /// Like <see cref="EnqueueAsync"/> for a picture shown in the chat (a digest chart): PNG or JPEG bytes ≤ 10 MB,
    /// plain-text caption ≤ 1024 characters or null; key <c>bg:{key}.photo</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The picture is empty or over 10 MB (Bot API sendPhoto).</exception>
    public async Task<bool> EnqueuePhotoAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long membershipId, byte[] content, string? caption, string key, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        if (await ChatAsync(connection, transaction, membershipId, cancellationToken) is not { } chat) return false;
        var message = adapters.For(chat.Messenger).RenderPhoto(content, caption is null ? null : Html.Escape(caption), chat.ChatId, false, "bg:" + key + ".photo", dueAt);
        var inserted = await OutboxStore.EnqueueAsync(connection, transaction, [message], cancellationToken);
        JobRun.Current?.Record(new QueuedMessage(key, membershipId, chat.ChatId, dueAt, caption ?? "(picture)", inserted > 0));
        return true;
    }

    /// <summary>
    /// The private chat to reach the member in: the account chosen in /settings when it is reachable, else the reachable
    /// account used last. Null when the member is erased, declined or unreachable everywhere.
    /// </summary>
    private static Task<PersonChat?> ChatAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long membershipId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT c.messenger, c.chat_id AS chatid
              FROM memberships m JOIN participants p ON p.id = m.participant_id
              CROSS JOIN LATERAL (
                  SELECT a.messenger, a.private_chat_id AS chat_id, (a.id = p.notify_account_id) IS TRUE AS chosen, a.last_used_at
                    FROM messenger_accounts a
                   WHERE a.participant_id = p.id AND a.status = 'active' AND a.private_chat_id IS NOT NULL
                  ORDER BY chosen DESC, last_used_at DESC
                  LIMIT 1) c
             WHERE m.id = @membershipId AND m.status = 'active' AND p.status = 'active'
            """;
        return connection.QuerySingleOrDefaultAsync<PersonChat>(new CommandDefinition(sql, new { membershipId }, transaction, cancellationToken: cancellationToken));
    }

    private sealed record PersonChat(string Messenger, long ChatId);
}
