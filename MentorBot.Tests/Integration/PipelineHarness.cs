using Dapper;
using MentorBot.Host;
using MentorBot.Host.Configuration;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Integration;

/// <summary>
/// The real pipeline (inbox → features → outbox) over a fresh database, with a manual clock. People act through a
/// <see cref="MessengerDriver"/> (Telegram unless chosen) and what they receive is read back through it, so a test
/// written against the harness runs in either messenger.
/// </summary>
public sealed class PipelineHarness : IAsyncLifetime, IAsyncDisposable
{
    private readonly TestDatabase database = new();
    private readonly Action<IServiceCollection>? configure;
    private long nextUpdateId = 1000;

    private readonly Dictionary<long, MessengerDriver> people = [];

    /// <summary>A harness whose people act through <paramref name="messenger"/> (Telegram when null).</summary>
    public PipelineHarness(Action<IServiceCollection>? configure = null, MessengerDriver? messenger = null)
    {
        this.configure = configure;
        Messenger = messenger ?? MessengerDriver.Telegram;
    }

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 9, 1, 6, 0, 0, TimeSpan.Zero));
    public ServiceProvider Services { get; private set; } = null!;
    public TestDatabase Database => database;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var services = new ServiceCollection().AddLogging();
        services.AddMentorBotCore(new MentorBotOptions { ConnectionString = database.ConnectionString });
        services.AddSingleton<TimeProvider>(Clock);
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await database.DisposeAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>
    /// A started harness whose people act through <paramref name="messenger"/> (<c>telegram</c> or <c>max</c>), for theories
    /// that run one flow in each messenger; the bot serves both (<see cref="MessengerDriver.BothMessengers"/>). Dispose it.
    /// </summary>
    public static async Task<PipelineHarness> StartAsync(string messenger, string telegramBot, string maxBot, Action<IServiceCollection>? configure = null)
    {
        var harness = new PipelineHarness(services =>
        {
            services.AddSingleton(MessengerDriver.BothMessengers(telegramBot, maxBot));
            configure?.Invoke(services);
        }, MessengerDriver.Named(messenger));
        await harness.InitializeAsync();
        return harness;
    }

    /// <summary>How many outbox rows are queued for a messenger other than the harness's (each person's messages belong in their own).</summary>
    public Task<long> RowsForOtherMessengersAsync() => ScalarAsync<long>("SELECT count(*) FROM outbox WHERE messenger <> @messenger", new { messenger = Messenger.Messenger });

    /// <summary>The messenger people act through unless <see cref="UseMessenger"/> put them elsewhere (Telegram by default).</summary>
    public MessengerDriver Messenger { get; }

    /// <summary>Puts <paramref name="userIds"/> in <paramref name="messenger"/>: their actions, accounts and chats are that messenger's.</summary>
    public void UseMessenger(MessengerDriver messenger, params long[] userIds)
    {
        foreach (var userId in userIds) people[userId] = messenger;
    }

    /// <summary>The messenger <paramref name="userId"/> acts through.</summary>
    public MessengerDriver MessengerOf(long userId) => people.GetValueOrDefault(userId, Messenger);

    /// <summary>The private chat of <paramref name="userId"/> in their messenger.</summary>
    public long ChatOf(long userId) => MessengerOf(userId).ChatOf(userId);

    /// <summary>A text message from <paramref name="userId"/> in their private chat, written now.</summary>
    public PersonUpdate Text(long userId, string text, string firstName = "Анна") => MessengerOf(userId).Text(++nextUpdateId, userId, text, firstName, Clock.GetUtcNow());

    /// <summary>An edit of <paramref name="original"/> (a text message): the same message and time of writing, a new text.</summary>
    public PersonUpdate Edit(PersonUpdate original, string text) => MessengerOf(original.UserId).Edit(++nextUpdateId, original, text, Clock.GetUtcNow());

    /// <summary>A file sent as a document; the bot receives it as <see cref="MessengerDriver.ReceivedFileId"/> of <paramref name="fileId"/>.</summary>
    public PersonUpdate Document(long userId, string fileId, string? fileName, long? size) => MessengerOf(userId).Document(++nextUpdateId, userId, fileId, fileName, size, Clock.GetUtcNow());

    /// <summary>A photo sent as a photo (not as a file).</summary>
    public PersonUpdate Photo(long userId, string fileId, long size) => MessengerOf(userId).Photo(++nextUpdateId, userId, fileId, size, Clock.GetUtcNow());

    /// <summary><paramref name="userId"/> opens the bot by its deep link carrying <paramref name="payload"/>.</summary>
    public PersonUpdate Start(long userId, string payload, string firstName = "Анна") => MessengerOf(userId).Start(++nextUpdateId, userId, payload, firstName, Clock.GetUtcNow());

    /// <summary>A press of the button carrying <paramref name="data"/>.</summary>
    public PersonUpdate Press(long userId, string data, string firstName = "Анна") => MessengerOf(userId).Press(++nextUpdateId, userId, data, firstName, Clock.GetUtcNow());

    /// <summary>Records <paramref name="updates"/> in the inbox as received, in order; returns how many were new.</summary>
    public async Task<int> RecordAsync(params PersonUpdate[] updates)
    {
        var inbox = Services.GetRequiredService<UpdateInbox>();
        var recorded = 0;
        // One call per run of one source keeps the arrival order across messengers.
        for (var i = 0; i < updates.Length;)
        {
            var run = updates.Skip(i).TakeWhile(u => u.Source == updates[i].Source).ToList();
            recorded += await inbox.RecordAsync(run[0].Source, run.Select(u => u.Inbound).ToList(), CancellationToken.None);
            i += run.Count;
        }

        return recorded;
    }

    public async Task<int> ProcessAllAsync()
    {
        var processor = Services.GetRequiredService<UpdateProcessor>();
        int total = 0, handled;
        while ((handled = await processor.ProcessPendingAsync()) > 0) total += handled;
        return total;
    }

    /// <summary>Everything queued for <paramref name="userId"/>'s private chat in their messenger, oldest first, as they see it.</summary>
    public async Task<IReadOnlyList<Received>> ReceivedAsync(long userId)
    {
        var messenger = MessengerOf(userId);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Kind, string Payload)>(
            "SELECT kind, payload::text FROM outbox WHERE messenger = @messenger AND chat_id = @chatId ORDER BY id",
            new { messenger = messenger.Messenger, chatId = messenger.ChatOf(userId) });
        return rows.Select(r => messenger.Decode(r.Kind, r.Payload)).ToList();
    }

    /// <summary>The messages queued for <paramref name="userId"/>, oldest first, with their buttons.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> QueuedMessagesAsync(long userId) => (await ReceivedAsync(userId)).OfType<ReceivedMessage>().ToList();

    /// <summary>Texts of the messages queued for <paramref name="userId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<string>> QueuedTextsAsync(long userId) => (await QueuedMessagesAsync(userId)).Select(m => m.Text).ToList();

    /// <summary>Documents (file name, bytes, caption) queued for <paramref name="userId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedDocument>> QueuedDocumentsAsync(long userId) => (await ReceivedAsync(userId)).OfType<ReceivedDocument>().ToList();

    /// <summary>Pictures (bytes, caption) queued for <paramref name="userId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedPhoto>> QueuedPhotosAsync(long userId) => (await ReceivedAsync(userId)).OfType<ReceivedPhoto>().ToList();

    /// <summary>Toasts of <paramref name="userId"/>'s answered button presses, oldest first (null = a silent acknowledgement).</summary>
    public async Task<IReadOnlyList<string?>> ToastsAsync(long userId) => (await ReceivedAsync(userId)).OfType<PressAnswer>().Select(a => a.Toast).ToList();

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    public async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, args);
    }

    /// <summary>
    /// Calls <paramref name="round"/> and steps the clock by <paramref name="step"/> until no outbox row is pending or
    /// sending; fails when the clock passes <paramref name="limit"/> from now first.
    /// </summary>
    public async Task DrainOutboxAsync(Func<Task> round, TimeSpan step, TimeSpan limit)
    {
        var end = Clock.GetUtcNow() + limit;
        while (await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')") > 0)
        {
            Clock.GetUtcNow().Should().BeBefore(end, "the outbox should drain in time");
            await round();
            Clock.Advance(step);
        }
    }

    /// <summary>
    /// The participant whose account in <paramref name="messenger"/> (by default the one <paramref name="userId"/> uses)
    /// has that user id (<c>messenger_accounts</c>); 0 when there is none.
    /// </summary>
    public Task<long> ParticipantAsync(long userId, MessengerDriver? messenger = null) => ScalarAsync<long>(
        "SELECT coalesce((SELECT participant_id FROM messenger_accounts WHERE messenger = @messenger AND external_user_id = @userId), 0)",
        new { messenger = (messenger ?? MessengerOf(userId)).Messenger, userId });

    /// <summary>How many outbox rows are in <paramref name="status"/> (pending, sending, sent, failed, cancelled, expired).</summary>
    public Task<long> OutboxRowsAsync(string status) => ScalarAsync<long>("SELECT count(*) FROM outbox WHERE status = @status", new { status });

    /// <summary>Queues <paramref name="count"/> plain Telegram messages «{prefix}N» (key the same) to <c>chatOf(N)</c>, due at <c>dueAt(N)</c>.</summary>
    public Task EnqueueTextsAsync(int count, Func<int, long> chatOf, Func<int, DateTimeOffset> dueAt, string prefix = "m")
    {
        var adapter = Services.GetRequiredService<MessengerAdapters>().For(Messengers.Telegram);
        var rows = Enumerable.Range(0, count)
            .SelectMany(i => adapter.Render(Domain.Conversations.Reply.Plain($"{prefix}{i}"), chatOf(i), false, $"{prefix}{i}", dueAt(i)))
            .ToList();
        return Services.GetRequiredService<OutboxStore>().EnqueueAsync(rows, CancellationToken.None);
    }

    public OutboxSender NewSender(IOutboxDelivery delivery, OutboxSenderOptions? options = null) =>
        ActivatorUtilities.CreateInstance<OutboxSender>(Services, delivery, options ?? new OutboxSenderOptions { QuickRetries = 0 });
}
