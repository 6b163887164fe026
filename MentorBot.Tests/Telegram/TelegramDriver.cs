using System.Globalization;
using System.Text.Json;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Integration;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Tests.Telegram;

/// <summary>
/// A person in Telegram: Bot API updates built with the Telegram.Bot library's types (private chat id = user id), and
/// the outbox's Telegram payloads read back as what the person sees.
/// </summary>
public sealed class TelegramDriver : MessengerDriver
{
    /// <inheritdoc />
    public override string Messenger => Messengers.Telegram;

    /// <inheritdoc />
    public override string Source => TelegramPolling.Source;

    /// <inheritdoc />
    public override long ChatOf(long userId) => userId;

    /// <inheritdoc />
    public override PersonUpdate Text(long number, long userId, string text, string firstName, DateTimeOffset at) =>
        Wrap(new Update { Id = (int)number, Message = Written(number, userId, firstName, at, m => m.Text = text) }, userId, firstName, number, at);

    /// <summary>A deep link opens the chat with <c>/start payload</c> typed for the user.</summary>
    public override PersonUpdate Start(long number, long userId, string payload, string firstName, DateTimeOffset at) => Text(number, userId, $"/start {payload}", firstName, at);

    /// <inheritdoc />
    public override PersonUpdate Press(long number, long userId, string data, string firstName, DateTimeOffset at) => Wrap(new Update
    {
        Id = (int)number,
        CallbackQuery = new CallbackQuery
        {
            Id = $"cb{number}",
            From = Person(userId, firstName),
            Data = data,
            Message = new Message { Id = 1, Chat = Private(userId), Date = at.UtcDateTime },
        },
    }, userId, firstName, null, at);

    /// <inheritdoc />
    public override PersonUpdate Document(long number, long userId, string fileId, string? fileName, long? size, DateTimeOffset at) => Wrap(new Update
    {
        Id = (int)number,
        Message = Written(number, userId, "Анна", at, m => m.Document = new Document { FileId = fileId, FileName = fileName, FileSize = size }),
    }, userId, "Анна", number, at);

    /// <summary>A photo sent as a photo: the Bot API lists its sizes, smallest first.</summary>
    public override PersonUpdate Photo(long number, long userId, string fileId, long size, DateTimeOffset at) => Wrap(new Update
    {
        Id = (int)number,
        Message = Written(number, userId, "Анна", at, m => m.Photo =
        [
            new PhotoSize { FileId = $"{fileId}-thumb", FileUniqueId = $"{fileId}-u0", Width = 90, Height = 67, FileSize = 1_000 },
            new PhotoSize { FileId = fileId, FileUniqueId = $"{fileId}-u1", Width = 1280, Height = 960, FileSize = size },
        ]),
    }, userId, "Анна", number, at);

    /// <summary>Bot API <c>edited_message</c>: the same message id and date, a new text and an edit date.</summary>
    public override PersonUpdate Edit(long number, PersonUpdate original, string text, DateTimeOffset at)
    {
        var id = int.Parse(original.MessageId ?? throw new ArgumentException("Only a message can be edited.", nameof(original)), CultureInfo.InvariantCulture);
        return Wrap(new Update
        {
            Id = (int)number,
            EditedMessage = new Message
            {
                Id = id, From = Person(original.UserId, original.FirstName), Chat = Private(original.UserId), Date = original.SentAt.UtcDateTime,
                EditDate = at.UtcDateTime, Text = text,
            },
        }, original.UserId, original.FirstName, id, original.SentAt);
    }

    /// <inheritdoc />
    public override Received Decode(string kind, string payloadJson) => kind switch
    {
        OutboxKind.Message when Read<SendMessagePayload>(payloadJson) is var m => new ReceivedMessage(m.Text, Buttons(m.ReplyMarkup)),
        OutboxKind.Document when Read<SendDocumentPayload>(payloadJson) is var d => new ReceivedDocument(d.FileName, d.Content, d.Caption),
        OutboxKind.Photo when Read<SendPhotoPayload>(payloadJson) is var p => new ReceivedPhoto(p.Content, p.Caption),
        OutboxKind.AnswerChoice => new PressAnswer(Read<AnswerCallbackQueryPayload>(payloadJson).Text),
        OutboxKind.EditText when Read<EditMessageTextPayload>(payloadJson) is var e => new ReceivedEdit(Id(e.MessageId), e.Text, Buttons(e.ReplyMarkup)),
        OutboxKind.EditChoices when Read<MessageRefPayload>(payloadJson) is var r => new ReceivedEdit(Id(r.MessageId), null, Buttons(r.ReplyMarkup)),
        OutboxKind.Delete when Read<MessageRefPayload>(payloadJson) is var r => new ReceivedEdit(Id(r.MessageId), null, [], Deleted: true),
        _ => throw new InvalidOperationException($"A Telegram outbox row of kind '{kind}' has no reading in the tests."),
    };

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, JsonBotAPI.Options)!;

    private static string Id(int messageId) => messageId.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<(string Label, string Data)> Buttons(InlineKeyboardMarkup? markup) =>
        markup is null ? [] : markup.InlineKeyboard.SelectMany(row => row).Select(b => (b.Text, b.CallbackData ?? "")).ToList();

    private PersonUpdate Wrap(Update update, long userId, string firstName, long? messageId, DateTimeOffset at) =>
        new(Source, TelegramPolling.ToInbound(update), userId, firstName, messageId?.ToString(CultureInfo.InvariantCulture), at);

    private static Message Written(long number, long userId, string firstName, DateTimeOffset at, Action<Message> content)
    {
        var message = new Message { Id = (int)number, From = Person(userId, firstName), Chat = Private(userId), Date = at.UtcDateTime };
        content(message);
        return message;
    }

    private static User Person(long id, string firstName) => new() { Id = id, FirstName = firstName };

    private static Chat Private(long userId) => new() { Id = userId, Type = ChatType.Private };
}
