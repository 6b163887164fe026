using Dapper;
using Npgsql;

namespace MentorBot.Host.Persistence;

/// <summary>A received update, as recorded before handling.</summary>
/// <param name="UpdateId">The messenger's update id.</param>
/// <param name="ChatId">The chat it belongs to, when known (orders handling within a chat).</param>
/// <param name="PayloadJson">The update as received, JSON.</param>
/// <param name="Error">Why the update cannot be handled (a poison row: recorded as handled with this error), else null.</param>
public sealed record InboundUpdate(long UpdateId, long? ChatId, string PayloadJson, string? Error = null);

/// <summary>
/// The update inbox (DESIGN.md decision 4): records each update by (source, update_id) before it is
/// handled; a duplicate delivery is ignored. The polling offset moves and the webhook answers 200
/// only after <see cref="RecordAsync"/> returns.
/// </summary>
public sealed class UpdateInbox(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Records a batch in one statement; returns how many were new (duplicates are skipped).</summary>
    /// <param name="source">Where the updates came from: <c>telegram</c>, <c>max</c> or <c>console</c>.</param>
    /// <param name="updates">The batch.</param>
    /// <param name="cancellationToken">Cancels the insert.</param>
    public async Task<int> RecordAsync(string source, IReadOnlyCollection<InboundUpdate> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0) return 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return await InsertAsync(connection, source, updates, time.GetUtcNow(), cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal) && updates.Count > 0)
        {
            // Data PostgreSQL refuses (class 22): record one by one, the refused ones as poison rows with the
            // reason, so the batch is confirmed and no chat waits behind one bad update.
            var recorded = 0;
            foreach (var update in updates)
            {
                try
                {
                    recorded += await InsertAsync(connection, source, [update], time.GetUtcNow(), cancellationToken);
                }
                catch (PostgresException one) when (one.SqlState.StartsWith("22", StringComparison.Ordinal))
                {
                    var poison = new InboundUpdate(update.UpdateId, null, $$"""{"update_id":{{update.UpdateId}}}""", $"not storable: {one.SqlState} {one.MessageText}");
                    recorded += await InsertAsync(connection, source, [poison], time.GetUtcNow(), cancellationToken);
                }
            }

            return recorded;
        }
    }

    private static Task<int> InsertAsync(NpgsqlConnection connection, string source, IReadOnlyCollection<InboundUpdate> updates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO inbound_updates (source, update_id, chat_id, payload, handled_at, error)
            SELECT @source, u.id, u.chat, u.payload::jsonb, CASE WHEN u.error IS NULL THEN NULL ELSE @now END, u.error
              FROM unnest(@ids, @chats, @payloads, @errors) AS u(id, chat, payload, error)
            ON CONFLICT (source, update_id) DO NOTHING
            """;
        var args = new
        {
            source,
            now = now.UtcDateTime,
            ids = updates.Select(u => u.UpdateId).ToArray(),
            chats = updates.Select(u => u.ChatId).ToArray(),
            payloads = updates.Select(u => u.PayloadJson).ToArray(),
            errors = updates.Select(u => u.Error).ToArray(),
        };
        return connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
    }

    /// <summary>The highest update id recorded for <paramref name="source"/>, or 0 (the console chat numbers its updates after it).</summary>
    public async Task<long> LastUpdateIdAsync(string source, CancellationToken cancellationToken)
    {
        const string sql = "SELECT coalesce(max(update_id), 0) FROM inbound_updates WHERE source = @source";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { source }, cancellationToken: cancellationToken));
    }
}
