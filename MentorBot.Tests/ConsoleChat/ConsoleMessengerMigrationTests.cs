using Dapper;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.ConsoleChat;

/// <summary>
/// Migration 0055 makes the console chat a messenger of its own: a local database's console people, who were Telegram
/// accounts, become console accounts with their conversation and queued messages; real Telegram accounts stay.
/// </summary>
public sealed class ConsoleMessengerMigrationTests
{
    [Fact]
    public async Task Migration_0055_moves_the_people_only_the_console_knows_and_leaves_telegrams_alone()
    {
        await using var database = await TestDatabase.MigratedBeforeAsync(55);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO participants (id, first_name) OVERRIDING SYSTEM VALUE VALUES (1, 'Пользователь 1'), (2, 'Анна');
            INSERT INTO messenger_accounts (participant_id, messenger, external_user_id, private_chat_id, first_name)
            VALUES (1, 'telegram', 1, 1, 'Пользователь 1'), (2, 'telegram', 7001, 7001, 'Анна');
            INSERT INTO inbound_updates (source, update_id, chat_id, payload, received_at, handled_at)
            VALUES ('console', 1, 1, '{}', '2026-11-01T06:00:00Z', '2026-11-01T06:00:01Z'),
                   ('telegram', 500, 7001, '{}', '2026-11-01T06:00:00Z', '2026-11-01T06:00:01Z');
            INSERT INTO conversation_states (messenger, chat_id, flow, state, data)
            VALUES ('telegram', 1, 'questionnaire', 'Asking', '{}'), ('telegram', 7001, 'questionnaire', 'Asking', '{}');
            INSERT INTO outbox (idempotency_key, chat_id, kind, payload, due_at, status, messenger)
            VALUES ('c-sent', 1, 'message', '{"text":"a"}', '2026-11-01T06:00:00Z', 'sent', 'telegram'),
                   ('c-pending', 1, 'message', '{"text":"b"}', '2026-11-01T06:00:00Z', 'pending', 'telegram'),
                   ('t-pending', 7001, 'message', '{"text":"c"}', '2026-11-01T06:00:00Z', 'pending', 'telegram');
            """);

        await database.ApplyAllAsync();

        (await connection.QueryAsync<string>("SELECT messenger FROM messenger_accounts ORDER BY participant_id")).Should().Equal("console", "telegram");
        (await connection.QueryAsync<string>("SELECT messenger FROM conversation_states ORDER BY chat_id")).Should().Equal("console", "telegram");
        (await connection.QueryAsync<string>("SELECT messenger || ' ' || status FROM outbox ORDER BY idempotency_key"))
            .Should().Equal("console cancelled", "console sent", "telegram pending");
        await connection.ExecuteAsync("""
            INSERT INTO messenger_accounts (participant_id, messenger, external_user_id, private_chat_id, first_name) VALUES (2, 'console', 2, 2, 'Пользователь 2')
            """);
    }
}
