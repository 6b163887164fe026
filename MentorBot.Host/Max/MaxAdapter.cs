using System.Globalization;
using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Max;

/// <summary>
/// MAX's side of the pipeline (issue 16): reads stored MAX updates into <see cref="IncomingUpdate"/> and renders
/// <see cref="Reply"/> as MAX calls in the outbox — HTML text (MAX keeps the tags our replies use: b, i, u, s, a, code,
/// pre) split at 4000 characters, choices as an <c>inline_keyboard</c> attachment of <c>callback</c> buttons, files
/// uploaded and attached, button presses answered through <c>POST /answers</c>. <c>bot_started</c> is the command
/// <c>/start &lt;payload&gt;</c>, so invite links work as in Telegram; <c>bot_stopped</c> makes that account unreachable.
/// </summary>
public sealed class MaxAdapter : IMessengerAdapter
{
    /// <summary>MAX: a caption is sent as the file message's text; kept as short as Telegram's so both read alike.</summary>
    public const int MaxCaptionLength = 1024;

    /// <summary>MAX: a notification (toast) after a press; kept as short as Telegram's.</summary>
    public const int MaxNotificationLength = 200;

    /// <inheritdoc />
    public IncomingUpdate? Read(string source, long updateId, string payloadJson)
    {
        var update = MaxJson.ReadUpdate(payloadJson);
        switch (update.UpdateType)
        {
            case UpdateTypes.MessageCallback when update.Callback is { } callback && update.Message is { } pressed:
                return new IncomingUpdate(source, updateId, pressed.Recipient.ChatId ?? callback.User.UserId, IsGroup(pressed.Recipient), ToSender(callback.User),
                    new ChoiceInput(callback.Payload ?? ""), callback.CallbackId, MessageRef(pressed));
            case UpdateTypes.BotStarted when update.User is { } user && update.ChatId is { } chat:
                return new IncomingUpdate(source, updateId, chat, false, ToSender(user), ChatInput.FromText(MaxDeepLinks.StartCommand(update.Payload)), null, null);
            case UpdateTypes.BotStopped when update.User is { } stopper && update.ChatId is { } stoppedChat:
                return new IncomingUpdate(source, updateId, stoppedChat, false, ToSender(stopper), new BotStoppedInput(), null, null);
            case UpdateTypes.MessageEdited when update.Message is { Sender: { IsBot: false } editor, Body.Text: { } edited } message:
                // The edited message keeps its mid: an edit of the message that logged a meeting corrects it (issue 12 item 8).
                return new IncomingUpdate(source, updateId, message.Recipient.ChatId ?? editor.UserId, IsGroup(message.Recipient), ToSender(editor),
                    new EditedTextInput(edited), null, MessageRef(message));
            case UpdateTypes.MessageCreated when update.Message is { Sender: { IsBot: false } sender } message:
                var file = message.Body?.Attachments?.FirstOrDefault(a => a.Type == AttachmentTypes.File && a.Payload?.Url is { Length: > 0 });
                var image = message.Body?.Attachments?.FirstOrDefault(a => a.Type == AttachmentTypes.Image && a.Payload?.Url is { Length: > 0 });
                var input = message.Body switch
                {
                    { Text: { Length: > 0 } text } when file is null => ChatInput.FromText(text),
                    _ when file is not null => new DocumentInput(Messengers.MaxFileIdPrefix + file.Payload!.Url, file.Filename, file.Size),
                    // A picture sent as a picture (a photo of a stand for a practice case) is a document as in Telegram, named as
                    // Telegram's apps name a saved photo (TelegramAdapter), since MAX gives it no name or size.
                    _ when image is not null => new DocumentInput(Messengers.MaxFileIdPrefix + image.Payload!.Url,
                        string.Create(CultureInfo.InvariantCulture, $"photo_{message.Time.UtcDateTime:yyyy-MM-dd_HH-mm-ss}.jpg"), null),
                    _ => new TextInput(""),
                };
                return new IncomingUpdate(source, updateId, message.Recipient.ChatId ?? sender.UserId, IsGroup(message.Recipient), ToSender(sender), input, null, MessageRef(message));
            default:
                return null;
        }
    }

    /// <inheritdoc />
    /// <remarks>More rows than MAX shows (30) are packed side by side in reading order, as many per row as needed (a
    /// questionnaire of an organisation's own long competency list stays answerable).</remarks>
    /// <exception cref="ArgumentException">A choice's data or label breaks MAX's limits (payload 1024 characters, text 128, 30 rows of 7).</exception>
    public IReadOnlyList<OutboxMessage> Render(Reply reply, long chatId, bool isGroup, string keyPrefix, DateTimeOffset dueAt)
    {
        var keyboard = Keyboard(reply);
        var html = reply.IsHtml ? reply.Text : Html.Escape(reply.Text);
        var parts = MessageText.Split(html, MaxLimits.MessageText);
        var messages = new List<OutboxMessage>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            // The keyboard belongs under the last part, where the person reads the question.
            var body = new NewMessageBody { Text = parts[i], Format = TextFormats.Html, Attachments = i == parts.Count - 1 && keyboard is not null ? [keyboard] : null };
            messages.Add(new OutboxMessage($"{keyPrefix}.{i}", chatId, OutboxKind.Message, Json(body), dueAt, Paced: true, IsGroup: isGroup, Messenger: Messengers.Max));
        }

        return messages;
    }

    /// <inheritdoc />
    public OutboxMessage RenderDocument(string fileName, byte[] content, string? caption, long chatId, bool isGroup, string key, DateTimeOffset dueAt) =>
        new(key, chatId, OutboxKind.Document, Json(new MaxFilePayload(UploadTypes.File, fileName, content, Caption(caption))), dueAt, Paced: true, IsGroup: isGroup, Messenger: Messengers.Max);

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="content"/> is empty or over 10 MB (kept to Telegram's photo limit, so both messengers take the same pictures).</exception>
    public OutboxMessage RenderPhoto(byte[] content, string? caption, long chatId, bool isGroup, string key, DateTimeOffset dueAt)
    {
        if (content.Length == 0 || content.Length > MaxPhotoBytes)
            throw new ArgumentException($"A photo must be 1 byte to {MaxPhotoBytes / (1024 * 1024)} MB; this one is {content.Length} bytes.", nameof(content));
        return new(key, chatId, OutboxKind.Photo, Json(new MaxFilePayload(UploadTypes.Image, "picture.png", content, Caption(caption))), dueAt, Paced: true, IsGroup: isGroup, Messenger: Messengers.Max);
    }

    /// <inheritdoc />
    public OutboxMessage AnswerChoice(string callbackQueryId, long chatId, string? text, string key, DateTimeOffset dueAt) =>
        new(key, chatId, OutboxKind.AnswerChoice, Json(new MaxAnswerPayload(callbackQueryId, text is null ? null : MessageText.Shorten(text, MaxNotificationLength))), dueAt, Paced: false, Messenger: Messengers.Max);

    /// <summary>The largest picture sent (10 MB, as Telegram's upload limit).</summary>
    public const int MaxPhotoBytes = 10 * 1024 * 1024;

    private static AttachmentRequest? Keyboard(Reply reply)
    {
        if (reply.Choices.Count == 0) return null;
        var bad = reply.Choices.SelectMany(r => r).FirstOrDefault(c => c.Data.Length is 0 or > MaxLimits.CallbackPayload || c.Label.Length is 0 or > MaxLimits.ButtonText);
        if (bad is not null)
            throw new ArgumentException($"Choice '{bad.Label}' breaks MAX's limits (payload 1–{MaxLimits.CallbackPayload}, text 1–{MaxLimits.ButtonText} characters).", nameof(reply));
        var rows = reply.Choices;
        if (rows.Count > MaxLimits.KeyboardRows)
        {
            var all = rows.SelectMany(r => r).ToList();
            var perRow = (all.Count + MaxLimits.KeyboardRows - 1) / MaxLimits.KeyboardRows;
            rows = all.Chunk(perRow).Select(r => (IReadOnlyList<Choice>)r).ToList();
        }

        if (rows.Count > MaxLimits.KeyboardRows || rows.Any(r => r.Count > MaxLimits.ButtonsPerRow))
            throw new ArgumentException($"A MAX keyboard has at most {MaxLimits.KeyboardRows} rows of {MaxLimits.ButtonsPerRow} buttons.", nameof(reply));
        return AttachmentRequest.InlineKeyboard(rows.Select(row => (IReadOnlyList<Button>)row.Select(c => Button.Callback(c.Label, c.Data)).ToList()).ToList());
    }

    private static string? Caption(string? caption) => caption is null ? null : MessageText.Shorten(caption, MaxCaptionLength);

    private static string Json<T>(T payload) => JsonSerializer.Serialize(payload, MaxJson.Options);

    /// <summary>The message's <c>body.mid</c> (a string such as <c>mid.…</c>, unique in MAX), or null when MAX sent none.</summary>
    private static string? MessageRef(Message message) => message.Body?.Mid is { Length: > 0 } mid ? mid : null;

    private static bool IsGroup(Recipient recipient) => recipient.ChatType is not null && recipient.ChatType != ChatTypes.Dialog;

    private static Sender ToSender(User user) =>
        new(user.UserId, user.FirstName.Length > 0 ? user.FirstName : user.Name ?? "", string.IsNullOrEmpty(user.LastName) ? null : user.LastName, user.Username);
}

/// <summary>The outbox payload of a MAX file row: uploaded first, then sent as the message's only attachment.</summary>
/// <param name="UploadType"><see cref="UploadTypes.File"/> (a document) or <see cref="UploadTypes.Image"/> (a picture).</param>
/// <param name="FileName">The name the person sees.</param>
/// <param name="Content">The bytes.</param>
/// <param name="Caption">HTML text of the message that carries the file, or null.</param>
public sealed record MaxFilePayload(string UploadType, string FileName, byte[] Content, string? Caption);

/// <summary>The outbox payload of a MAX button-press answer (<c>POST /answers</c>).</summary>
/// <param name="CallbackId">The press's <c>callback_id</c>.</param>
/// <param name="Notification">The toast, or null for a silent acknowledgement.</param>
public sealed record MaxAnswerPayload(string CallbackId, string? Notification);
