using System.Text.Json;
using Dapper;
using MentorBot.Host;
using MentorBot.Host.Configuration;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using MentorBot.Host.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace MentorBot.Tests.Integration;

/// <summary>The real pipeline (inbox → features → outbox) over a fresh database, with a manual clock.</summary>
public sealed class PipelineHarness : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private readonly Action<IServiceCollection>? configure;
    private long nextUpdateId = 1000;

    public PipelineHarness(Action<IServiceCollection>? configure = null) => this.configure = configure;

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

    public static User Person(long id, string name = "Анна") => new() { Id = id, FirstName = name };

    public Update Text(long userId, string text) => new()
    {
        Id = (int)++nextUpdateId,
        Message = new Message { Id = (int)nextUpdateId, From = Person(userId), Chat = new Chat { Id = userId, Type = ChatType.Private }, Date = Clock.GetUtcNow().UtcDateTime, Text = text },
    };

    /// <summary>An edit of <paramref name="original"/> (Bot API edited_message): the same message id and date, a new text.</summary>
    public Update Edit(Update original, string text) => new()
    {
        Id = (int)++nextUpdateId,
        EditedMessage = new Message
        {
            Id = original.Message!.Id, From = original.Message.From, Chat = original.Message.Chat, Date = original.Message.Date,
            EditDate = Clock.GetUtcNow().UtcDateTime, Text = text,
        },
    };

    public Update Document(long userId, string fileId, string? fileName, long? size) => new()
    {
        Id = (int)++nextUpdateId,
        Message = new Message
        {
            Id = (int)nextUpdateId, From = Person(userId), Chat = new Chat { Id = userId, Type = ChatType.Private }, Date = Clock.GetUtcNow().UtcDateTime,
            Document = new Document { FileId = fileId, FileName = fileName, FileSize = size },
        },
    };

    /// <summary>A photo sent as a photo (not as a file): the Bot API lists its sizes, smallest first.</summary>
    public Update Photo(long userId, string fileId, long size) => new()
    {
        Id = (int)++nextUpdateId,
        Message = new Message
        {
            Id = (int)nextUpdateId, From = Person(userId), Chat = new Chat { Id = userId, Type = ChatType.Private }, Date = Clock.GetUtcNow().UtcDateTime,
            Photo = [new PhotoSize { FileId = $"{fileId}-thumb", FileUniqueId = $"{fileId}-u0", Width = 90, Height = 67, FileSize = 1_000 },
                     new PhotoSize { FileId = fileId, FileUniqueId = $"{fileId}-u1", Width = 1280, Height = 960, FileSize = size }],
        },
    };

    public Update Press(long userId, string data) => new()
    {
        Id = (int)++nextUpdateId,
        CallbackQuery = new CallbackQuery
        {
            Id = $"cb{nextUpdateId}",
            From = Person(userId),
            Data = data,
            Message = new Message { Id = 1, Chat = new Chat { Id = userId, Type = ChatType.Private }, Date = Clock.GetUtcNow().UtcDateTime },
        },
    };

    public Task<int> RecordAsync(params Update[] updates) =>
        Services.GetRequiredService<UpdateInbox>().RecordAsync(TelegramPolling.Source, updates.Select(TelegramPolling.ToInbound).ToList(), CancellationToken.None);

    public async Task<int> ProcessAllAsync()
    {
        var processor = Services.GetRequiredService<UpdateProcessor>();
        int total = 0, handled;
        while ((handled = await processor.ProcessPendingAsync()) > 0) total += handled;
        return total;
    }

    /// <summary>Texts of the messages queued for <paramref name="chatId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<string>> QueuedTextsAsync(long chatId)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var payloads = await connection.QueryAsync<string>(
            "SELECT payload::text FROM outbox WHERE chat_id = @chatId AND kind = 'message' ORDER BY id", new { chatId });
        return payloads.Select(p => JsonSerializer.Deserialize<SendMessagePayload>(p, JsonBotAPI.Options)!.Text).ToList();
    }

    /// <summary>Documents (file name, bytes, caption) queued for <paramref name="chatId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<SendDocumentPayload>> QueuedDocumentsAsync(long chatId)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var payloads = await connection.QueryAsync<string>(
            "SELECT payload::text FROM outbox WHERE chat_id = @chatId AND kind = 'document' ORDER BY id", new { chatId });
        return payloads.Select(p => JsonSerializer.Deserialize<SendDocumentPayload>(p, JsonBotAPI.Options)!).ToList();
    }

    /// <summary>Pictures (bytes, caption) queued for <paramref name="chatId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<SendPhotoPayload>> QueuedPhotosAsync(long chatId)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var payloads = await connection.QueryAsync<string>(
            "SELECT payload::text FROM outbox WHERE chat_id = @chatId AND kind = 'photo' ORDER BY id", new { chatId });
        return payloads.Select(p => JsonSerializer.Deserialize<SendPhotoPayload>(p, JsonBotAPI.Options)!).ToList();
    }

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

    /// <summary>How many outbox rows are in <paramref name="status"/> (pending, sending, sent, failed, cancelled, expired).</summary>
    public Task<long> OutboxRowsAsync(string status) => ScalarAsync<long>("SELECT count(*) FROM outbox WHERE status = @status", new { status });

    /// <summary>Queues <paramref name="count"/> plain Telegram messages «{prefix}N» (key the same) to <c>chatOf(N)</c>, due at <c>dueAt(N)</c>.</summary>
    public Task EnqueueTextsAsync(int count, Func<int, long> chatOf, Func<int, DateTimeOffset> dueAt, string prefix = "m")
    {
        var adapter = new TelegramAdapter();
        var rows = Enumerable.Range(0, count)
            .SelectMany(i => adapter.Render(Domain.Conversations.Reply.Plain($"{prefix}{i}"), chatOf(i), false, $"{prefix}{i}", dueAt(i)))
            .ToList();
        return Services.GetRequiredService<OutboxStore>().EnqueueAsync(rows, CancellationToken.None);
    }

    public OutboxSender NewSender(IOutboxDelivery delivery, OutboxSenderOptions? options = null) =>
        ActivatorUtilities.CreateInstance<OutboxSender>(Services, delivery, options ?? new OutboxSenderOptions { QuickRetries = 0 });
}
