using Dapper;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Persistence;

/// <summary>
/// Message ids are messenger-neutral text (issue 16; MAX's are <c>mid.…</c> strings): migration 0050 keeps every logged
/// meeting's Telegram message id, as its decimal text, and an open meeting card's id in its conversation data.
/// </summary>
public sealed class MessageIdsMigrationTests
{
    [Fact]
    public async Task Migration_0050_keeps_every_source_message_id_as_text_and_open_cards_keep_theirs()
    {
        await using var database = await TestDatabase.MigratedBeforeAsync(50);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO organisations (id, name, time_zone) VALUES ('00000000-0000-0000-0000-000000000050', 'Лицей', 'Asia/Omsk');
            INSERT INTO participants (id, first_name) OVERRIDING SYSTEM VALUE VALUES (1, 'Мария'), (2, 'Анна');
            INSERT INTO memberships (id, organisation_id, participant_id) OVERRIDING SYSTEM VALUE
            VALUES (11, '00000000-0000-0000-0000-000000000050', 1), (12, '00000000-0000-0000-0000-000000000050', 2);
            INSERT INTO pairs (id, organisation_id, mentor_membership_id, mentee_membership_id, created_at) OVERRIDING SYSTEM VALUE
            VALUES (21, '00000000-0000-0000-0000-000000000050', 11, 12, '2026-09-01T06:00:00Z');
            INSERT INTO meetings (pair_id, logged_by, held_on, duration_minutes, kind, source_message_id, created_at, updated_at)
            VALUES (21, 11, '2026-09-01', 45, 'regular', 4217, '2026-09-01T06:00:00Z', '2026-09-01T06:00:00Z'),
                   (21, 11, '2026-09-08', 30, 'regular', NULL, '2026-09-08T06:00:00Z', '2026-09-08T06:00:00Z');
            INSERT INTO conversation_states (messenger, chat_id, flow, state, data)
            VALUES ('telegram', 501, 'meeting', 'Confirm', '{"pairId": 21, "sourceMessageId": 4300}'),
                   ('telegram', 502, 'meeting', 'Confirm', '{"pairId": 21}');
            """);

        await database.ApplyAllAsync();

        (await connection.QueryAsync<string?>("SELECT source_message_id FROM meetings ORDER BY held_on")).Should().Equal("4217", null);
        (await connection.QueryAsync<string?>("SELECT data->>'sourceMessageId' FROM conversation_states ORDER BY chat_id")).Should().Equal("4300", null);
        (await connection.ExecuteScalarAsync<string>("SELECT jsonb_typeof(data->'sourceMessageId') FROM conversation_states WHERE chat_id = 501")).Should().Be("string");
    }
}
