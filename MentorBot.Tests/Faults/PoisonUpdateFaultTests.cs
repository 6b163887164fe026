namespace MentorBot.Tests.Faults;

/// <summary>
/// Issue 12 items 7 and 9: an update PostgreSQL cannot store as it is (U+0000 in a text or a name, a lone surrogate)
/// or that is no readable update (a <c>date</c> out of range) must not stop polling for everyone: it is stored
/// sanitised or kept aside as a poison row, and the offset moves on (the webhook's side: <c>TelegramWebhookTests</c>).
/// </summary>
public sealed class PoisonUpdateFaultTests : IAsyncLifetime
{
    private readonly FaultBot bot = new();

    public Task InitializeAsync() => bot.InitializeAsync();

    public Task DisposeAsync() => bot.DisposeAsync();

    [Fact]
    public async Task Polling_moves_past_updates_that_cannot_be_stored_and_every_readable_one_is_answered()
    {
        var polledAt = bot.Harness.Clock.GetUtcNow().UtcDateTime;
        var next = await bot.PollAsync(
            FaultBot.Message(10, 601, "\"/help\""),
            FaultBot.Message(11, 602, "\"/he\\u0000lp\""),
            FaultBot.Message(12, 603, "\"/help\"", nameJson: "\"Ан\\u0000на\""),
            FaultBot.Message(13, 604, "\"/help\"", date: 253402300800),
            FaultBot.Message(14, 605, "\"/help \\ud800\""),
            FaultBot.Message(15, 606, "\"/help\""));
        await bot.PollAsync();
        await bot.HandleAndSendAsync();

        next.Should().Be(16, "the offset moves past every update, poison ones included");
        bot.Api.RequestsTo("getUpdates")[1]["offset"].GetInt64().Should().Be(16);
        (await bot.ReceivedAsync()).Should().Be(6);
        (await bot.ErroredAsync()).Should().Be(2, "the out-of-range date and the lone surrogate are kept aside with the reason");
        (await bot.HandledAsync()).Should().Be(4);
        (await bot.Harness.ScalarAsync<string>("SELECT error FROM inbound_updates WHERE update_id = 13")).Should().StartWith("unreadable update");
        (await bot.Harness.ScalarAsync<DateTime>("SELECT handled_at FROM inbound_updates WHERE update_id = 14")).Should().Be(polledAt, "a poison row is closed at the bot's time");
        (await bot.Harness.ScalarAsync<string>("SELECT payload->'message'->'from'->>'first_name' FROM inbound_updates WHERE update_id = 12")).Should().Be("Анна");
        foreach (var chat in new long[] { 601, 602, 603, 606 })
            bot.MessagesTo(chat).Should().ContainSingle($"chat {chat}'s /help is answered once");
        bot.MessagesTo(604).Should().BeEmpty();
        bot.Duplicates().Should().Be(0);
        (await bot.RowsAsync("failed")).Should().Be(0);
    }
}
