using Dapper;
using Npgsql;

namespace MentorBot.Host.Persistence;

/// <summary>A chat's open conversation (DESIGN.md decision 3).</summary>
/// <param name="Flow">The flow's name, e.g. <c>consent</c>; routes free text to its feature.</param>
/// <param name="State">The flow's state machine state, as text.</param>
/// <param name="Data">The flow's data, JSON.</param>
public sealed record ConversationState(string Flow, string State, string Data);

/// <summary>SQL of <c>conversation_states</c>, run inside the update's transaction; a chat is (messenger, chat id).</summary>
public static class ConversationStore
{
    /// <summary>The chat's open conversation (the chat of <paramref name="messenger"/>: <c>telegram</c>, <c>max</c>), locked until the transaction ends, or null.</summary>
    public static Task<ConversationState?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string messenger, long chatId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ConversationState>(new CommandDefinition(GetSql, new { messenger, chatId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The statement of <see cref="GetAsync"/> (parameters <c>@messenger</c>, <c>@chatId</c>), for callers that send it with others in one round trip.</summary>
    internal const string GetSql = "SELECT flow, state, data::text AS data FROM conversation_states WHERE messenger = @messenger AND chat_id = @chatId FOR UPDATE";

    /// <summary>Opens or moves the chat's conversation.</summary>
    public static Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string messenger, long chatId, ConversationState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO conversation_states (messenger, chat_id, flow, state, data, updated_at) VALUES (@messenger, @chatId, @Flow, @State, @Data::jsonb, @now)
            ON CONFLICT (messenger, chat_id) DO UPDATE SET flow = excluded.flow, state = excluded.state, data = excluded.data, updated_at = excluded.updated_at
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new { messenger, chatId, state.Flow, state.State, state.Data, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Closes the chat's conversation; returns true when one was open.</summary>
    public static async Task<bool> ClearAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string messenger, long chatId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM conversation_states WHERE messenger = @messenger AND chat_id = @chatId";
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { messenger, chatId }, transaction, cancellationToken: cancellationToken)) > 0;
    }
}
