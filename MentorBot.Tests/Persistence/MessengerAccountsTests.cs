using Dapper;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Persistence;

/// <summary>
/// A person is one participant with messenger accounts (issue 16): migration 0046 moves today's Telegram identities
/// into accounts keeping every row, and the pipeline finds people by (messenger, user id).
/// </summary>
public sealed class MessengerAccountsTests : IAsyncLifetime
{
    private readonly PipelineHarness bot = new();

    public Task InitializeAsync() => bot.InitializeAsync();
    public Task DisposeAsync() => bot.DisposeAsync();

    [Fact]
    public async Task Migration_0046_gives_every_telegram_person_an_account_and_they_stay_the_same_participant()
    {
        await using var database = await TestDatabase.MigratedBeforeAsync(46);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO participants (telegram_user_id, chat_id, first_name, username, status, updated_at)
            VALUES (901, 901, 'Анна', 'anna', 'active', '2026-10-01T08:00:00Z'),
                   (902, 902, 'Вера', NULL, 'unreachable', '2026-10-02T08:00:00Z'),
                   (NULL, NULL, NULL, NULL, 'erased', '2026-10-03T08:00:00Z')
            """);
        var before = (await connection.QueryAsync<long>("SELECT id FROM participants ORDER BY id")).ToList();

        await database.ApplyAllAsync();

        (await connection.QueryAsync<long>("SELECT id FROM participants ORDER BY id")).Should().Equal(before, "no participant is lost or added");
        var accounts = (await connection.QueryAsync<(long Participant, string Messenger, long User, long? Chat, string? Name, string? Username, string Status, DateTime LastUsed)>(
            "SELECT participant_id, messenger, external_user_id, private_chat_id, first_name, username, status, last_used_at FROM messenger_accounts ORDER BY external_user_id")).ToList();
        accounts.Should().Equal(
            (before[0], "telegram", 901L, (long?)901L, (string?)"Анна", (string?)"anna", "active", new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc)),
            (before[1], "telegram", 902L, (long?)902L, (string?)"Вера", (string?)null, "unreachable", new DateTime(2026, 10, 2, 8, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task Migration_0051_drops_the_legacy_telegram_columns_after_giving_an_account_to_anyone_written_without_one()
    {
        await using var database = await TestDatabase.MigratedBeforeAsync(51);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        // 61 has an account (written since 0046); 62 was written by a binary from before 0046 after it ran; 63 is erased.
        await connection.ExecuteAsync("""
            INSERT INTO participants (telegram_user_id, chat_id, first_name, status, updated_at)
            VALUES (61, 61, 'Анна', 'active', '2026-10-01T08:00:00Z'), (62, 62, 'Вера', 'unreachable', '2026-10-02T08:00:00Z'), (NULL, NULL, NULL, 'erased', '2026-10-03T08:00:00Z');
            INSERT INTO messenger_accounts (participant_id, messenger, external_user_id, private_chat_id, first_name)
            SELECT id, 'telegram', 61, 61, 'Анна' FROM participants WHERE telegram_user_id = 61;
            """);
        var before = (await connection.QueryAsync<long>("SELECT id FROM participants ORDER BY id")).ToList();

        await database.ApplyAllAsync();

        (await connection.QueryAsync<long>("SELECT id FROM participants ORDER BY id")).Should().Equal(before, "no participant is lost or added");
        (await connection.QueryAsync<(long Participant, long User, long? Chat, string Status)>(
            "SELECT participant_id, external_user_id, private_chat_id, status FROM messenger_accounts ORDER BY external_user_id"))
            .Should().Equal((before[0], 61L, (long?)61L, "active"), (before[1], 62L, (long?)62L, "unreachable"));
        (await connection.QueryAsync<string>("SELECT column_name FROM information_schema.columns WHERE table_name = 'participants'"))
            .Should().NotContain(["telegram_user_id", "chat_id"], "accounts live only in messenger_accounts");
    }

    [Fact]
    public async Task A_person_writes_again_and_stays_one_participant_with_one_account_used_last()
    {
        await bot.RecordAsync(bot.Text(61, "/help"));
        await bot.ProcessAllAsync();
        bot.Clock.Advance(TimeSpan.FromHours(1));
        await bot.RecordAsync(bot.Text(61, "/help"));
        await bot.ProcessAllAsync();

        (await bot.ScalarAsync<long>("SELECT count(*) FROM participants")).Should().Be(1);
        (await bot.ScalarAsync<long>("SELECT count(*) FROM messenger_accounts WHERE messenger = 'telegram' AND external_user_id = 61")).Should().Be(1);
        (await bot.ScalarAsync<string>("SELECT first_name FROM participants")).Should().Be("Анна", "the names follow the messenger");
        (await bot.ScalarAsync<DateTime>("SELECT last_used_at FROM messenger_accounts WHERE external_user_id = 61"))
            .Should().Be(bot.Clock.GetUtcNow().UtcDateTime, "the account used last is where background messages go");
    }

    [Fact]
    public async Task The_same_number_in_max_is_another_account_and_another_person_until_linked()
    {
        await bot.RecordAsync(bot.Text(77, "/start"));
        await bot.ProcessAllAsync();

        await using var connection = await bot.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var maxPerson = await ParticipantStore.TouchAsync(connection, transaction, Messengers.Max, new Sender(77, "Борис", null, "boris"), 5_000_077, bot.Clock.GetUtcNow(), CancellationToken.None);
        var again = await ParticipantStore.TouchAsync(connection, transaction, Messengers.Max, new Sender(77, "Борис", "Иванов", "boris"), 5_000_077, bot.Clock.GetUtcNow(), CancellationToken.None);
        await transaction.CommitAsync();

        var telegramPerson = await bot.ScalarAsync<long>("SELECT participant_id FROM messenger_accounts WHERE messenger = 'telegram' AND external_user_id = 77");
        maxPerson.Should().NotBe(telegramPerson);
        again.Should().Be(maxPerson);
        (await bot.ScalarAsync<long?>("SELECT private_chat_id FROM messenger_accounts WHERE messenger = 'max' AND external_user_id = 77")).Should().Be(5_000_077, "a MAX dialog's chat id is not the user id");
        (await bot.ScalarAsync<long>("SELECT count(*) FROM messenger_accounts WHERE participant_id = @maxPerson", new { maxPerson })).Should().Be(1, "the MAX person has only the MAX account");
        (await bot.ScalarAsync<string>("SELECT last_name FROM participants WHERE id = @maxPerson", new { maxPerson })).Should().Be("Иванов");
    }
}
