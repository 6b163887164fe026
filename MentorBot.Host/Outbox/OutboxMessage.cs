namespace MentorBot.Host.Outbox;

/// <summary>
/// What an outbox row does for the person (the <c>outbox.kind</c> column). The names are the pipeline's own words —
/// a message, its text or its choices edited, a choice answered, a document, a photo — not any messenger's method
/// names: one row kind serves every messenger, and each delivery maps it to its API's call (Telegram:
/// <c>message</c> → sendMessage, <c>answer_choice</c> → answerCallbackQuery …; MAX: <c>message</c> → POST /messages,
/// <c>answer_choice</c> → POST /answers …). Renamed from Bot API names by migration 0053.
/// </summary>
public static class OutboxKind
{
    /// <summary>A text message, with its choices (buttons) when it has any.</summary>
    public const string Message = "message";

    /// <summary>A sent message's text (and choices) replaced.</summary>
    public const string EditText = "edit_text";

    /// <summary>A sent message's choices replaced or removed, its text kept.</summary>
    public const string EditChoices = "edit_choices";

    /// <summary>The acknowledgement of a pressed choice, perhaps with a short notice (not paced: it is not a message).</summary>
    public const string AnswerChoice = "answer_choice";

    /// <summary>A sent message removed from the chat.</summary>
    public const string Delete = "delete";

    /// <summary>A file sent as a document (orders, exports, reports), with an optional caption.</summary>
    public const string Document = "document";

    /// <summary>A picture shown in the chat (a digest chart, a practice photo), paced and retried like a document.</summary>
    public const string Photo = "photo";
}

/// <summary>A row to enqueue in the outbox.</summary>
/// <param name="IdempotencyKey">Unique key: enqueueing the same key twice sends once (e.g. <c>upd:telegram:42:0</c>).</param>
/// <param name="ChatId">Target chat.</param>
/// <param name="Kind">One of <see cref="OutboxKind"/>.</param>
/// <param name="PayloadJson">The call's arguments as JSON, in the shape the sender's adapter reads.</param>
/// <param name="DueAt">Not sent before this moment (UTC).</param>
/// <param name="Paced">True for messages (per-chat order and pacing apply), false for callback answers.</param>
/// <param name="IsGroup">True for a group chat (20 messages/min, Bot API).</param>
/// <param name="Messenger">The messenger whose sender delivers the row (<c>telegram</c>, <c>max</c>, <c>console</c>); the payload is in its adapter's shape.</param>
/// <param name="ExpiresAt">Not sent after this moment: the sender marks the row expired instead (issue 12 item 3); null: never.</param>
public sealed record OutboxMessage(string IdempotencyKey, long ChatId, string Kind, string PayloadJson, DateTimeOffset DueAt, bool Paced = true, bool IsGroup = false,
    string Messenger = Pipeline.Messengers.Telegram, DateTimeOffset? ExpiresAt = null);
