using MentorBot.Domain.Conversations;
using MentorBot.Host;
using MentorBot.Host.Features.Start;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Pipeline;

public class UpdatePipelineTests : IAsyncLifetime
{
    private readonly PipelineHarness bot = new(services => services.AddSingleton<IChatFeature, TroubleFeature>());

    public Task InitializeAsync() => bot.InitializeAsync();
    public Task DisposeAsync() => bot.DisposeAsync();

    /// <summary>/help for someone in no organisation: the commands listed for everyone.</summary>
    private string EveryonesHelp => StartTexts.Help(StartFeature.MenuFor(bot.Services.GetRequiredService<ChatRoutes>().Menu, new HashSet<MentorBot.Domain.Organisations.Role>()));

    [Fact]
    public async Task Start_and_help_are_answered_through_the_outbox()
    {
        await bot.RecordAsync(bot.Text(7, "/start"), bot.Text(7, "/help"));

        (await bot.ProcessAllAsync()).Should().Be(2);

        (await bot.QueuedTextsAsync(7)).Should().Equal(StartTexts.Welcome, EveryonesHelp);
        (await bot.ScalarAsync<string>("SELECT first_name FROM participants WHERE id = (SELECT participant_id FROM messenger_accounts WHERE messenger = 'telegram' AND external_user_id = 7)")).Should().Be("Анна");
    }

    [Fact]
    public async Task The_same_update_delivered_twice_is_handled_once()
    {
        var update = bot.Text(7, "/help");

        (await bot.RecordAsync(update)).Should().Be(1);
        await bot.ProcessAllAsync();
        (await bot.RecordAsync(update)).Should().Be(0);
        await bot.ProcessAllAsync();

        (await bot.QueuedTextsAsync(7)).Should().Equal(EveryonesHelp);
    }

    [Fact]
    public async Task An_update_recorded_before_a_crash_is_handled_after_the_restart()
    {
        await bot.RecordAsync(bot.Text(7, "/start"));
        // The process dies here: nothing handled it. A new process (new provider, same database) starts.
        await using var restarted = new ServiceCollection().AddLogging()
            .AddMentorBotCore(new MentorBot.Host.Configuration.MentorBotOptions { ConnectionString = bot.Database.ConnectionString })
            .BuildServiceProvider();

        (await restarted.GetRequiredService<UpdateProcessor>().ProcessPendingAsync()).Should().Be(1);

        (await bot.QueuedTextsAsync(7)).Should().Equal(StartTexts.Welcome);
    }

    [Fact]
    public async Task Start_with_an_unknown_payload_says_the_invite_is_not_recognised()
    {
        await bot.RecordAsync(bot.Text(7, "/start abcDEF123"));
        await bot.ProcessAllAsync();
        (await bot.QueuedTextsAsync(7)).Should().Equal(MentorBot.Host.Features.Invites.InviteTexts.Unknown);
    }

    [Fact]
    public async Task Cancel_closes_an_open_conversation_and_says_so()
    {
        await bot.RecordAsync(bot.Text(7, "/cancel"));
        await bot.ProcessAllAsync();
        await bot.ExecuteAsync("INSERT INTO conversation_states (chat_id, flow, state) VALUES (7, 'trouble', 'asking')");
        await bot.RecordAsync(bot.Text(7, "/cancel"));
        await bot.ProcessAllAsync();

        (await bot.QueuedTextsAsync(7)).Should().Equal(StartTexts.NothingToCancel, StartTexts.Cancelled);
        (await bot.ScalarAsync<int>("SELECT count(*) FROM conversation_states")).Should().Be(0);
    }

    [Fact]
    public async Task Free_text_goes_to_the_open_conversation_else_gets_help()
    {
        await bot.RecordAsync(bot.Text(7, "привет"));
        await bot.ProcessAllAsync();
        await bot.ExecuteAsync("INSERT INTO conversation_states (chat_id, flow, state) VALUES (7, 'trouble', 'asking')");
        await bot.RecordAsync(bot.Text(7, "ответ"));
        await bot.ProcessAllAsync();

        (await bot.QueuedTextsAsync(7)).Should().Equal(StartTexts.NotUnderstood, "эхо: ответ");
    }

    [Fact]
    public async Task A_failing_handler_is_rolled_back_the_person_gets_an_apology_and_the_next_update_is_handled()
    {
        await bot.RecordAsync(bot.Text(7, "/boom"), bot.Text(8, "/help"));

        (await bot.ProcessAllAsync()).Should().Be(2);

        (await bot.QueuedTextsAsync(7)).Should().Equal(PipelineTexts.Apology);
        (await bot.QueuedTextsAsync(8)).Should().Equal(EveryonesHelp);
        (await bot.ScalarAsync<int>("SELECT count(*) FROM conversation_states")).Should().Be(0, "the failed handler's write was rolled back");
        (await bot.ScalarAsync<string>("SELECT error FROM inbound_updates WHERE chat_id = 7")).Should().Contain("boom");
    }

    [Fact]
    public async Task A_failing_handler_in_the_middle_of_a_batch_keeps_the_others_effects_once()
    {
        await bot.RecordAsync(bot.Text(5, "/keep пять"), bot.Text(6, "/keep шесть"), bot.Text(7, "/boom"), bot.Text(8, "/keep восемь"));

        (await bot.ProcessAllAsync()).Should().Be(4);

        (await bot.QueuedTextsAsync(5)).Should().Equal("пять");
        (await bot.QueuedTextsAsync(6)).Should().Equal("шесть");
        (await bot.QueuedTextsAsync(7)).Should().Equal(PipelineTexts.Apology);
        (await bot.QueuedTextsAsync(8)).Should().Equal("восемь");
        (await bot.ScalarAsync<long[]>("SELECT array_agg(chat_id ORDER BY chat_id) FROM conversation_states")).Should().Equal(5, 6, 8);
        (await bot.ScalarAsync<int>("SELECT count(*) FROM inbound_updates WHERE error IS NOT NULL")).Should().Be(1);
    }

    [Fact]
    public async Task A_button_press_is_answered_and_an_old_button_gets_a_toast()
    {
        await bot.RecordAsync(bot.Press(7, "trouble:ping"), bot.Press(8, "gone:feature"));
        await bot.ProcessAllAsync();

        (await bot.QueuedTextsAsync(7)).Should().Equal("pong");
        (await bot.ScalarAsync<int>("SELECT count(*) FROM outbox WHERE kind = 'answer_choice' AND chat_id = 7")).Should().Be(1);
        (await bot.ScalarAsync<string>("SELECT payload->>'text' FROM outbox WHERE kind = 'answer_choice' AND chat_id = 8")).Should().Be(PipelineTexts.ButtonExpired);
    }

    [Fact]
    public async Task Updates_of_one_chat_are_handled_in_order_across_batches()
    {
        var updates = Enumerable.Range(1, 5).Select(i => bot.Text(7, $"/echo {i}")).ToArray();
        await bot.RecordAsync(updates);

        (await bot.ProcessAllAsync()).Should().Be(5);

        (await bot.QueuedTextsAsync(7)).Should().Equal("1", "2", "3", "4", "5");
    }

    /// <summary>A feature that fails on demand, echoes, and owns a conversation flow.</summary>
    private sealed class TroubleFeature : IChatFeature
    {
        public void Map(ChatRoutes routes) => routes
            .Command("boom", async (context, _) =>
            {
                await context.SaveConversationAsync(new ConversationState("trouble", "half-written", "{}"));
                throw new InvalidOperationException("boom");
            })
            .Command("keep", async (context, input) =>
            {
                await context.SaveConversationAsync(new ConversationState("trouble", "kept", "{}"));
                context.Reply(Reply.Plain(((CommandInput)input).Argument!));
            })
            .Command("echo", (context, input) =>
            {
                context.Reply(Reply.Plain(((CommandInput)input).Argument!));
                return Task.CompletedTask;
            })
            .Choice("trouble", (context, _) =>
            {
                context.Reply(Reply.Plain("pong"));
                return Task.CompletedTask;
            })
            .Flow("trouble", (context, input) =>
            {
                context.Reply(Reply.Plain("эхо: " + ((TextInput)input).Text));
                return Task.CompletedTask;
            });
    }
}
