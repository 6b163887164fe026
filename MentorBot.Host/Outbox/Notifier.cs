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
/// </summary>
public sealed class Notifier(IMessengerAdapter adapter)
{
    /// <summary>
    /// Enqueues <paramref name="reply"/> to the member <paramref name="membershipId"/> for delivery at
    /// <paramref name="dueAt"/>; returns false (and enqueues nothing) when the member is erased,
    /// declined, unreachable or has no chat. Rows get keys <c>bg:{key}.{n}</c>; a repeated key is a no-op.
    /// </summary>
    public async Task<bool> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long membershipId, Reply reply, string key, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var chatId = await ChatAsync(connection, transaction, membershipId, cancellationToken);
        if (chatId is null) return false;
        var inserted = await OutboxStore.EnqueueAsync(connection, transaction, adapter.Render(reply, chatId.Value, false, "bg:" + key, dueAt), cancellationToken);
        JobRun.Current?.Record(new QueuedMessage(key, membershipId, chatId.Value, dueAt, reply.Text, inserted > 0));
        return true;
    }

    /// <summary>Like <see cref="EnqueueAsync"/> for a file (key <c>bg:{key}.doc</c>).</summary>
    public async Task<bool> EnqueueDocumentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long membershipId, string fileName, byte[] content, string? caption, string key, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var chatId = await ChatAsync(connection, transaction, membershipId, cancellationToken);
        if (chatId is null) return false;
        var message = adapter.RenderDocument(fileName, content, caption is null ? null : Html.Escape(caption), chatId.Value, false, "bg:" + key + ".doc", dueAt);
        var inserted = await OutboxStore.EnqueueAsync(connection, transaction, [message], cancellationToken);
        JobRun.Current?.Record(new QueuedMessage(key, membershipId, chatId.Value, dueAt, fileName, inserted > 0));
        return true;
    }

    /// <summary>
    /// Like <see cref="EnqueueAsync"/> for a picture shown in the chat (a digest chart): PNG or JPEG bytes ≤ 10 MB,
    /// plain-text caption ≤ 1024 characters or null; key <c>bg:{key}.photo</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The picture is empty or over 10 MB (Bot API sendPhoto).</exception>
    public async Task<bool> EnqueuePhotoAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long membershipId, byte[] content, string? caption, string key, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var chatId = await ChatAsync(connection, transaction, membershipId, cancellationToken);
        if (chatId is null) return false;
        var message = adapter.RenderPhoto(content, caption is null ? null : Html.Escape(caption), chatId.Value, false, "bg:" + key + ".photo", dueAt);
        var inserted = await OutboxStore.EnqueueAsync(connection, transaction, [message], cancellationToken);
        JobRun.Current?.Record(new QueuedMessage(key, membershipId, chatId.Value, dueAt, caption ?? "(picture)", inserted > 0));
        return true;
    }

    private static Task<long?> ChatAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long membershipId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT p.chat_id
              FROM memberships m JOIN participants p ON p.id = m.participant_id
             WHERE m.id = @membershipId AND m.status = 'active' AND p.status = 'active' AND p.chat_id IS NOT NULL
            """;
        return connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, new { membershipId }, transaction, cancellationToken: cancellationToken));
    }
}
