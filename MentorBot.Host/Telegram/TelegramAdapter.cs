using System.Globalization;
using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Host.Telegram;

/// <summary>
/// Telegram's side of the pipeline: reads stored <see cref="Update"/> JSON (Telegram.Bot's
/// <see cref="JsonBotAPI.Options"/>) into <see cref="IncomingUpdate"/> and renders <see cref="Reply"/> as Bot API
/// calls in the outbox (HTML parse mode, inline keyboards, texts over 4096 characters split at line breaks,
/// callback data checked against 64 bytes). Payloads are our records below in the Bot API's field names, so rows
/// written before the move to Telegram.Bot read the same.
/// </summary>
public sealed class TelegramAdapter : IMessengerAdapter
{
    /// <summary>Bot API: message text is at most 4096 characters.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>Bot API: a document's caption is at most 1024 characters.</summary>
    public const int MaxCaptionLength = 1024;

    /// <summary>Bot API: a photo sent by upload is at most 10 MB.</summary>
    public const int MaxPhotoBytes = 10 * 1024 * 1024;

    /// <summary>Bot API: answerCallbackQuery text is at most 200 characters.</summary>
    public const int MaxCallbackAnswerLength = 200;

    /// <inheritdoc />
    public IncomingUpdate? Read(string source, long updateId, string payloadJson)
    {
        var update = JsonSerializer.Deserialize<Update>(payloadJson, JsonBotAPI.Options)
            ?? throw new JsonException("The update is JSON null.");
        if (update.CallbackQuery is { } callback)
        {
            var chat = callback.Message?.Chat;
            return new IncomingUpdate(source, updateId, chat?.Id ?? callback.From.Id, IsGroup(chat), ToSender(callback.From),
                new ChoiceInput(callback.Data ?? ""), callback.Id, MessageRef(callback.Message?.Id));
        }

        // An edit is not new input: it must not log a second meeting or answer an open question (issue 12 item 8);
        // an edited text becomes its own kind, which only the edit handler sees.
        if (update.EditedMessage is { From.IsBot: false, Text: { } edited } editedMessage)
            return new IncomingUpdate(source, updateId, editedMessage.Chat.Id, IsGroup(editedMessage.Chat), ToSender(editedMessage.From),
                new EditedTextInput(edited), null, MessageRef(editedMessage.Id));
        var message = update.Message;
        if (message?.From is null || message.From.IsBot) return null;
        // Stickers, voice and the like reach the fallback as empty text, which answers with help.
        var input = message switch
        {
            { Text: { } text } => ChatInput.FromText(text),
            { Document: { FileId.Length: > 0 } document } => new DocumentInput(document.FileId, document.FileName, document.FileSize),
            { Photo: { Length: > 0 } sizes } => ReadPhoto(sizes, message.Date),
            _ => new TextInput(""),
        };
        return new IncomingUpdate(source, updateId, message.Chat.Id, IsGroup(message.Chat), ToSender(message.From), input, null, MessageRef(message.Id));
    }

    /// <summary>Telegram's message id (a number, unique within its chat) as the pipeline's messenger-neutral text.</summary>
    private static string? MessageRef(int? messageId) => messageId?.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A photo sent as a photo (not «как файл») becomes a document input of its largest size, which the Bot API lists
    /// last in <c>message.photo</c>. A photo has no name of its own; it gets the one Telegram's apps give a saved photo
    /// (<c>photo_2026-11-30_12-01-53.jpg</c>, the message's time in UTC): Telegram re-encodes every photo as JPEG.
    /// </summary>
    private static DocumentInput ReadPhoto(PhotoSize[] sizes, DateTime sent)
    {
        var largest = sizes.MaxBy(s => (s.FileSize ?? 0, (long)s.Width * s.Height))!;
        var name = string.Create(CultureInfo.InvariantCulture, $"photo_{sent:yyyy-MM-dd_HH-mm-ss}.jpg");
        return new DocumentInput(largest.FileId, name, largest.FileSize);
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboxMessage> Render(Reply reply, long chatId, bool isGroup, string keyPrefix, DateTimeOffset dueAt)
    {
        var bad = reply.Choices.SelectMany(r => r).FirstOrDefault(c => !c.HasValidData);
        if (bad is not null)
            throw new ArgumentException($"Choice '{bad.Label}' has callback data '{bad.Data}' outside 1–64 bytes (Bot API).", nameof(reply));

        var html = reply.IsHtml ? reply.Text : Html.Escape(reply.Text);
        var parts = MessageText.Split(html, MaxMessageLength);
        var markup = reply.Choices.Count == 0
            ? null
            : new InlineKeyboardMarkup(reply.Choices.Select(row => row.Select(c => InlineKeyboardButton.WithCallbackData(c.Label, c.Data))));
        var messages = new List<OutboxMessage>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            // The keyboard belongs under the last part, where the person reads the question.
            var payload = new SendMessagePayload(parts[i], i == parts.Count - 1 ? markup : null);
            messages.Add(new OutboxMessage($"{keyPrefix}.{i}", chatId, OutboxKind.Message, JsonSerializer.Serialize(payload, JsonBotAPI.Options), dueAt, Paced: true, IsGroup: isGroup));
        }

        return messages;
    }

    /// <inheritdoc />
    public OutboxMessage RenderDocument(string fileName, byte[] content, string? caption, long chatId, bool isGroup, string key, DateTimeOffset dueAt)
    {
        var payload = new SendDocumentPayload(fileName, content, caption is null ? null : Shorten(caption, MaxCaptionLength));
        return new OutboxMessage(key, chatId, OutboxKind.Document, JsonSerializer.Serialize(payload, JsonBotAPI.Options), dueAt, Paced: true, IsGroup: isGroup);
    }

    /// <inheritdoc />
    public OutboxMessage RenderPhoto(byte[] content, string? caption, long chatId, bool isGroup, string key, DateTimeOffset dueAt)
    {
        // Checked here, where the caller can still react: the Bot API would refuse it with a 400 at send time.
        if (content.Length == 0 || content.Length > MaxPhotoBytes)
            throw new ArgumentException($"A photo must be 1 byte to {MaxPhotoBytes / (1024 * 1024)} MB (Bot API sendPhoto); this one is {content.Length} bytes.", nameof(content));
        var payload = new SendPhotoPayload(content, caption is null ? null : Shorten(caption, MaxCaptionLength));
        return new OutboxMessage(key, chatId, OutboxKind.Photo, JsonSerializer.Serialize(payload, JsonBotAPI.Options), dueAt, Paced: true, IsGroup: isGroup);
    }

    /// <inheritdoc />
    public OutboxMessage AnswerChoice(string callbackQueryId, long chatId, string? text, string key, DateTimeOffset dueAt)
    {
        var payload = new AnswerCallbackQueryPayload(callbackQueryId, text is null ? null : Shorten(text, MaxCallbackAnswerLength));
        return new OutboxMessage(key, chatId, OutboxKind.AnswerChoice, JsonSerializer.Serialize(payload, JsonBotAPI.Options), dueAt, Paced: false);
    }

    private static bool IsGroup(Chat? chat) => chat?.Type is ChatType.Group or ChatType.Supergroup;

    private static Sender ToSender(User user) => new(user.Id, user.FirstName, user.LastName, user.Username);

    private static string Shorten(string text, int max) => MessageText.Shorten(text, max);
}

/// <summary>The outbox payload of a sendMessage row (Bot API field names; parse mode is always HTML).</summary>
/// <param name="Text">HTML text, 1–4096 characters.</param>
/// <param name="ReplyMarkup">Inline keyboard, or null.</param>
public sealed record SendMessagePayload(string Text, InlineKeyboardMarkup? ReplyMarkup);

/// <summary>The outbox payload of an answerCallbackQuery row.</summary>
/// <param name="CallbackQueryId">The query to answer.</param>
/// <param name="Text">Toast text ≤ 200 characters, or null.</param>
public sealed record AnswerCallbackQueryPayload(string CallbackQueryId, string? Text);

/// <summary>The outbox payload of an editMessageText row.</summary>
/// <param name="MessageId">The message to edit.</param>
/// <param name="Text">New HTML text.</param>
/// <param name="ReplyMarkup">New keyboard, or null to remove it.</param>
public sealed record EditMessageTextPayload(int MessageId, string Text, InlineKeyboardMarkup? ReplyMarkup);

/// <summary>The outbox payload of an editMessageReplyMarkup or deleteMessage row.</summary>
/// <param name="MessageId">The message.</param>
/// <param name="ReplyMarkup">New keyboard (edit only), or null to remove it.</param>
public sealed record MessageRefPayload(int MessageId, InlineKeyboardMarkup? ReplyMarkup);

/// <summary>The outbox payload of a sendDocument row.</summary>
/// <param name="FileName">File name the person sees.</param>
/// <param name="Content">The file (Bot API: ≤ 50 MB).</param>
/// <param name="Caption">HTML caption ≤ 1024 characters, or null.</param>
public sealed record SendDocumentPayload(string FileName, byte[] Content, string? Caption);

/// <summary>The outbox payload of a sendPhoto row.</summary>
/// <param name="Content">The picture, PNG or JPEG (Bot API: ≤ 10 MB by upload, width + height ≤ 10000).</param>
/// <param name="Caption">HTML caption ≤ 1024 characters, or null.</param>
public sealed record SendPhotoPayload(byte[] Content, string? Caption);
