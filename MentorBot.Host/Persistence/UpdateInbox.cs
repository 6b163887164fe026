using Dapper;
using Npgsql;

namespace MentorBot.Host.Persistence;

/// <summary>A received update, as recorded before handling.</summary>
/// <param name="UpdateId">The messenger's update id.</param>
/// <param name="ChatId">The chat it belongs to, when known (orders handling within a chat).</param>
/// <param name="PayloadJson">The update exactly as received, JSON.</param>
public sealed record InboundUpdate(long UpdateId, long? ChatId, string PayloadJson);

/// <summary>
/// The update inbox (DESIGN.md decision 4): records each update by (source, update_id) before it is
/// handled; a duplicate delivery is ignored. The polling offset moves and the webhook answers 200
/// only after <see cref="RecordAsync"/> returns.
/// </summary>
public sealed class UpdateInbox(NpgsqlDataSource dataSource)
{
    /// <summary>Records a batch in one statement; returns how many were new (duplicates are skipped).</summary>
    /// <param name="source">Where the updates came from: <c>telegram</c> or <c>console</c>.</param>
    /// <param name="updates">The batch.</param>
    /// <param name="cancellationToken">Cancels the insert.</param>
    public async Task<int> RecordAsync(string source, IReadOnlyCollection<InboundUpdate> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0) return 0;
        const string sql = """
            INSERT INTO inbound_updates (source, update_id, chat_id, payload)
            SELECT @source, u.id, u.chat, u.payload::jsonb FROM unnest(@ids, @chats, @payloads) AS u(id, chat, payload)
            ON CONFLICT (source, update_id) DO NOTHING
            """;
        var args = new
        {
            source,
            ids = updates.Select(u => u.UpdateId).ToArray(),
            chats = updates.Select(u => u.ChatId).ToArray(),
            payloads = updates.Select(u => u.PayloadJson).ToArray(),
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
    }

    /// <summary>The highest update id recorded for <paramref name="source"/>, or 0 (the console chat numbers its updates after it).</summary>
    public async Task<long> LastUpdateIdAsync(string source, CancellationToken cancellationToken)
    {
        const string sql = "SELECT coalesce(max(update_id), 0) FROM inbound_updates WHERE source = @source";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { source }, cancellationToken: cancellationToken));
    }
}
