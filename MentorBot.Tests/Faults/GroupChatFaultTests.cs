using Dapper;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Faults;

/// <summary>
/// Issue 12 item 1: a member writes in a group the bot is in. Their private notices must still reach only their
/// private chat, nothing said in the group opens, answers or closes anyone's dialogue, and a command or button there
/// gets one short answer that the bot works in private chats.
/// </summary>
public sealed class GroupChatFaultTests : IAsyncLifetime
{
    private const long Group = -1001234567890;
    private const long Mentee = 701, Colleague = 702, Stranger = 703;
    private readonly FaultBot bot = new();

    public Task InitializeAsync() => bot.InitializeAsync();

    public Task DisposeAsync() => bot.DisposeAsync();

    private PipelineHarness Harness => bot.Harness;

    [Fact]
    public async Task Messages_in_a_group_change_no_ones_chat_or_dialogue_and_private_notices_still_go_to_the_private_chat()
    {
        var school = await Harness.CreateOrganisationAsync();
        var mentee = await Harness.AddMemberAsync(school, Mentee, "Соколова Анна", [Role.Mentee]);
        await Harness.AddMemberAsync(school, Colleague, "Орлова Вера", [Role.Mentee]);
        // The colleague is in the middle of a dialogue in her private chat; an old row keyed by the group exists too.
        await Harness.ExecuteAsync("""
            INSERT INTO conversation_states (chat_id, flow, state, data, updated_at) VALUES
                (@Colleague, 'questionnaire', 'Asking', '{"step":3}', '2026-08-31T00:00:00Z'),
                (@Group, 'questionnaire', 'Asking', '{"step":1}', '2026-08-31T00:00:00Z')
            """, new { Colleague, Group });
        var conversationsBefore = await Harness.ScalarAsync<string>("SELECT string_agg(chat_id || flow || state || data::text || updated_at::text, ';' ORDER BY chat_id) FROM conversation_states");

        await bot.PollAsync(
            FaultBot.Message(1, Mentee, "\"Да\"", Group, "supergroup"),
            FaultBot.Message(2, Mentee, "\"/help\"", Group, "supergroup"),
            FaultBot.Press(3, Colleague, "consents:withdraw:personal_data:1", Group, "group"),
            FaultBot.Message(4, Stranger, "\"/start abc\"", Group, "group"),
            FaultBot.Message(5, Colleague, "\"/cancel\"", Group, "supergroup"));
        await using (var connection = await Harness.Database.DataSource.OpenConnectionAsync())
            (await Harness.Services.GetRequiredService<Notifier>().EnqueueAsync(connection, null, mentee, Reply.Plain("Пара расформирована: причина"), "dissolved", Harness.Clock.GetUtcNow(), default))
                .Should().BeTrue();
        await bot.HandleAndSendAsync();

        (await bot.ReceivedAsync()).Should().Be(5);
        (await bot.HandledAsync()).Should().Be(5);
        (await bot.ErroredAsync()).Should().Be(0);
        bot.MessagesTo(Group).Should().Equal(Enumerable.Repeat(PipelineTexts.PrivateChatsOnly, 4),
            "each command or button gets the short answer; plain text in a group gets none");
        bot.Api.RequestsTo("answerCallbackQuery").Should().ContainSingle("the button in the group stops spinning");
        bot.MessagesTo(Mentee).Should().Equal("Пара расформирована: причина");
        bot.MessagesTo(Colleague).Should().BeEmpty();
        (await Harness.ScalarAsync<long>("SELECT private_chat_id FROM messenger_accounts WHERE messenger = 'telegram' AND external_user_id = @Mentee", new { Mentee })).Should().Be(Mentee);
        (await Harness.ScalarAsync<long>("SELECT count(*) FROM messenger_accounts WHERE external_user_id = @Stranger", new { Stranger })).Should().Be(0, "nothing is learnt from a group");
        (await Harness.ScalarAsync<string>("SELECT string_agg(chat_id || flow || state || data::text || updated_at::text, ';' ORDER BY chat_id) FROM conversation_states"))
            .Should().Be(conversationsBefore, "no group message opens, answers or closes a dialogue");
        (await Harness.ScalarAsync<long>("SELECT count(*) FROM consent_events WHERE event <> 'given'")).Should().Be(0);
        (await bot.RowsAsync("sent")).Should().Be(6);
        (await bot.RowsAsync("failed")).Should().Be(0);
    }

    [Fact]
    public async Task Migration_0017_gives_back_their_private_chat_to_people_whose_chat_was_learnt_from_a_group()
    {
        await using var database = await TestDatabase.MigratedBeforeAsync(17);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO participants (telegram_user_id, chat_id, first_name) VALUES (801, -100777, 'Анна'), (802, 802, 'Вера'), (803, NULL, 'Олег')
            """);

        await database.ApplyAllAsync();

        // Since 0046 the chat is the Telegram account's private chat (0051 dropped the participant's own columns).
        (await connection.QueryAsync<(long User, long? Chat)>("SELECT external_user_id, private_chat_id FROM messenger_accounts ORDER BY external_user_id"))
            .Should().Equal((801L, (long?)801L), (802L, (long?)802L), (803L, (long?)null));
    }
}
