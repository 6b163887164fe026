using Dapper;
using MentorBot.Host.Outbox;
using MentorBot.Tests.Integration;
using Npgsql;

namespace MentorBot.Tests.Outbox;

/// <summary>
/// Outbox rows written before a migration of the outbox read the same after it (issue 16): 0053 renames the Bot API
/// kinds to messenger-neutral ones in every row, whatever its status; 0054 keeps every sent message's id as text.
/// </summary>
public sealed class OutboxMigrationTests
{
    [Fact]
    public async Task Migration_0053_gives_every_stored_row_its_neutral_kind_and_the_check_refuses_the_old_names()
    {
        await using var database = await TestDatabase.MigratedBeforeAsync(53);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO outbox (idempotency_key, chat_id, kind, payload, due_at, status, messenger, paced)
            VALUES ('a', 1, 'send_message', '{"text":"a"}', '2026-09-01T06:00:00Z', 'pending', 'telegram', true),
                   ('b', 1, 'edit_message_text', '{}', '2026-09-01T06:00:00Z', 'sent', 'telegram', true),
                   ('c', 1, 'edit_message_reply_markup', '{}', '2026-09-01T06:00:00Z', 'failed', 'telegram', true),
                   ('d', 1, 'answer_callback_query', '{}', '2026-09-01T06:00:00Z', 'sent', 'max', false),
                   ('e', 1, 'delete_message', '{}', '2026-09-01T06:00:00Z', 'cancelled', 'telegram', true),
                   ('f', 1, 'send_document', '{}', '2026-09-01T06:00:00Z', 'expired', 'max', true),
                   ('g', 1, 'send_photo', '{}', '2026-09-01T06:00:00Z', 'sending', 'telegram', true);
            """);

        await database.ApplyAllAsync();

        (await connection.QueryAsync<string>("SELECT kind FROM outbox ORDER BY idempotency_key")).Should().Equal(
            OutboxKind.Message, OutboxKind.EditText, OutboxKind.EditChoices, OutboxKind.AnswerChoice, OutboxKind.Delete, OutboxKind.Document, OutboxKind.Photo);
        (await connection.QueryAsync<string>("SELECT status FROM outbox ORDER BY idempotency_key"))
            .Should().Equal("pending", "sent", "failed", "sent", "cancelled", "expired", "sending");
        (await connection.ExecuteScalarAsync<string>("SELECT payload->>'text' FROM outbox WHERE idempotency_key = 'a'")).Should().Be("a");

        // A row an older instance would write is refused, not stored under a kind no delivery knows.
        var old = async () => await connection.ExecuteAsync(
            "INSERT INTO outbox (idempotency_key, chat_id, kind, payload, due_at) VALUES ('old', 1, 'send_message', '{}', '2026-09-01T06:00:00Z')");
        (await old.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.CheckViolation);
    }

    [Fact]
    public async Task Migration_0054_keeps_every_sent_message_id_as_its_decimal_text()
    {
        await using var database = await TestDatabase.MigratedBeforeAsync(54);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO outbox (idempotency_key, chat_id, kind, payload, due_at, status, sent_message_id)
            VALUES ('sent', 1, 'message', '{}', '2026-09-01T06:00:00Z', 'sent', 4217),
                   ('pending', 1, 'message', '{}', '2026-09-01T06:00:00Z', 'pending', NULL);
            """);

        await database.ApplyAllAsync();

        (await connection.QueryAsync<string?>("SELECT sent_message_id FROM outbox ORDER BY idempotency_key")).Should().Equal(null, "4217");
    }
}
