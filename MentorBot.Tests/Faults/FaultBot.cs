using MentorBot.Host.Outbox;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Integration;
using MentorBot.Tests.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Faults;

/// <summary>
/// The bot end to end for the fault suite: updates arrive by getUpdates from a fake Bot API over HTTP, the real
/// pipeline handles them on a real PostgreSQL, the real sender delivers to the same fake API. The counts a fault
/// scenario asserts: updates received / handled / kept aside, outbox rows by status, messages the API received per chat.
/// </summary>
public sealed class FaultBot : IAsyncLifetime
{
    private long? offset;

    /// <summary>The pipeline over a fresh database, with a manual clock.</summary>
    public PipelineHarness Harness { get; } = new();

    /// <summary>The fake Bot API both directions go through.</summary>
    public FakeBotApi Api { get; } = new();

    /// <inheritdoc />
    public Task InitializeAsync() => Harness.InitializeAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Harness.DisposeAsync();
    }

    /// <summary>
    /// Lets the fake API answer the next getUpdates with <paramref name="rawUpdates"/> (Bot API JSON, as Telegram
    /// sends it), polls once and returns the offset the next poll will ask for.
    /// </summary>
    public async Task<long?> PollAsync(params string[] rawUpdates)
    {
        Api.Enqueue("getUpdates", FakeBotApi.Responses.Ok("[" + string.Join(",", rawUpdates) + "]"));
        var polling = ActivatorUtilities.CreateInstance<TelegramPolling>(Harness.Services, Api.CreateClient(), new PollingOptions { TimeoutSeconds = 0 });
        offset = await polling.PollOnceAsync(offset, CancellationToken.None);
        return offset;
    }

    /// <summary>Handles every recorded update, then sends every due outbox row (stepping the clock) to the fake API.</summary>
    public async Task HandleAndSendAsync()
    {
        await Harness.ProcessAllAsync();
        var sender = Harness.NewSender(new TelegramDelivery(Api.CreateClient()), new OutboxSenderOptions { QuickRetries = 0 });
        await Harness.DrainOutboxAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(2));
    }

    /// <summary>Updates in the inbox.</summary>
    public Task<long> ReceivedAsync() => Harness.ScalarAsync<long>("SELECT count(*) FROM inbound_updates");

    /// <summary>Updates handled without an error.</summary>
    public Task<long> HandledAsync() => Harness.ScalarAsync<long>("SELECT count(*) FROM inbound_updates WHERE handled_at IS NOT NULL AND error IS NULL");

    /// <summary>Updates kept aside with a reason (poison rows) or whose handler failed.</summary>
    public Task<long> ErroredAsync() => Harness.ScalarAsync<long>("SELECT count(*) FROM inbound_updates WHERE error IS NOT NULL");

    /// <summary>Outbox rows with <paramref name="status"/>.</summary>
    public Task<long> RowsAsync(string status) => Harness.OutboxRowsAsync(status);

    /// <summary>The texts of the messages the fake API received for <paramref name="chatId"/>, in arrival order.</summary>
    public IReadOnlyList<string> MessagesTo(long chatId) =>
        Api.RequestsTo("sendMessage").Where(r => r["chat_id"].GetInt64() == chatId).Select(r => r["text"].GetString()!).ToList();

    /// <summary>Messages the fake API received more than once (same chat, same text): duplicates.</summary>
    public int Duplicates() =>
        Api.RequestsTo("sendMessage").GroupBy(r => (r["chat_id"].GetInt64(), r["text"].GetString())).Sum(g => g.Count() - 1);

    /// <summary>A message update in Bot API JSON; <paramref name="textJson"/> and <paramref name="nameJson"/> are JSON string literals (escapes allowed).</summary>
    public static string Message(long updateId, long userId, string textJson, long? chatId = null, string chatType = "private", string nameJson = "\"Анна\"", long date = 1788242400)
    {
        var title = chatType == "private" ? "" : ",\"title\":\"Учительская\"";
        return $$$"""
            {"update_id":{{{updateId}}},"message":{"message_id":{{{updateId}}},"from":{"id":{{{userId}}},"is_bot":false,"first_name":{{{nameJson}}}},
             "chat":{"id":{{{chatId ?? userId}}},"type":"{{{chatType}}}"{{{title}}}},"date":{{{date}}},"text":{{{textJson}}}
            """ + "}}";
    }

    /// <summary>A button press in Bot API JSON, on a message in <paramref name="chatId"/>.</summary>
    public static string Press(long updateId, long userId, string data, long chatId, string chatType) => $$$"""
        {"update_id":{{{updateId}}},"callback_query":{"id":"cb{{{updateId}}}","from":{"id":{{{userId}}},"is_bot":false,"first_name":"Анна"},"chat_instance":"1",
         "data":"{{{data}}}","message":{"message_id":1,"chat":{"id":{{{chatId}}},"type":"{{{chatType}}}"},"date":1788242400
        """ + "}}}";
}
