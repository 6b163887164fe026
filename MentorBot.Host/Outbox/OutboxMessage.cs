namespace MentorBot.Host.Outbox;

/// <summary>Kinds of outgoing Bot API calls an outbox row can hold (the <c>outbox.kind</c> column).</summary>
public static class OutboxKind
{
    /// <summary>sendMessage.</summary>
    public const string SendMessage = "send_message";

    /// <summary>editMessageText.</summary>
    public const string EditMessageText = "edit_message_text";

    /// <summary>editMessageReplyMarkup.</summary>
    public const string EditMessageReplyMarkup = "edit_message_reply_markup";

    /// <summary>answerCallbackQuery (not paced: it is not a message).</summary>
    public const string AnswerCallbackQuery = "answer_callback_query";

    /// <summary>deleteMessage.</summary>
    public const string DeleteMessage = "delete_message";

    /// <summary>sendDocument.</summary>
    public const string SendDocument = "send_document";

    /// <summary>sendPhoto: a picture shown in the chat (a digest chart, a practice photo), paced and retried like a document.</summary>
    public const string SendPhoto = "send_photo";
}

/// <summary>A row to enqueue in the outbox.</summary>
/// <param name="IdempotencyKey">Unique key: enqueueing the same key twice sends once (e.g. <c>upd:telegram:42:0</c>).</param>
/// <param name="ChatId">Target chat.</param>
/// <param name="Kind">One of <see cref="OutboxKind"/>.</param>
/// <param name="PayloadJson">The call's arguments as JSON, in the shape the sender's adapter reads.</param>
/// <param name="DueAt">Not sent before this moment (UTC).</param>
/// <param name="Paced">True for messages (per-chat order and pacing apply), false for callback answers.</param>
/// <param name="IsGroup">True for a group chat (20 messages/min, Bot API).</param>
/// <param name="Messenger">The messenger whose sender delivers the row (<c>telegram</c>, <c>max</c>); the payload is in its adapter's shape.</param>
/// <param name="ExpiresAt">Not sent after this moment: the sender marks the row expired instead (issue 12 item 3); null: never.</param>
public sealed record OutboxMessage(string IdempotencyKey, long ChatId, string Kind, string PayloadJson, DateTimeOffset DueAt, bool Paced = true, bool IsGroup = false,
    string Messenger = Pipeline.Messengers.Telegram, DateTimeOffset? ExpiresAt = null);
