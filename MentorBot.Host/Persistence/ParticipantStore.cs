using Dapper;
using MentorBot.Host.Pipeline;
using Npgsql;

namespace MentorBot.Host.Persistence;

/// <summary>SQL of <c>participants</c> used by the update pipeline.</summary>
public static class ParticipantStore
{
    /// <summary>
    /// Finds or creates the participant behind an update and refreshes their chat and name; a person
    /// marked unreachable who writes again is reachable again. Returns the participant id.
    /// </summary>
    public static Task<long> TouchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Sender sender, long chatId, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(TouchSql, TouchArguments(sender, chatId, now), transaction, cancellationToken: cancellationToken));

    /// <summary>The statement of <see cref="TouchAsync"/> (one row: the participant id), for callers that send it with others in one round trip.</summary>
    internal const string TouchSql = """
        INSERT INTO participants (telegram_user_id, chat_id, first_name, last_name, username, created_at, updated_at)
        VALUES (@UserId, @chatId, @FirstName, @LastName, @Username, @now, @now)
        ON CONFLICT (telegram_user_id) DO UPDATE
           SET chat_id = excluded.chat_id, first_name = excluded.first_name, last_name = excluded.last_name,
               username = excluded.username, updated_at = excluded.updated_at,
               status = CASE WHEN participants.status = 'unreachable' THEN 'active' ELSE participants.status END
        RETURNING id
        """;

    /// <summary>The named parameters of <see cref="TouchSql"/>.</summary>
    internal static DynamicParameters TouchArguments(Sender sender, long chatId, DateTimeOffset now) =>
        new(new { sender.UserId, chatId, sender.FirstName, sender.LastName, sender.Username, now = now.UtcDateTime });
}
