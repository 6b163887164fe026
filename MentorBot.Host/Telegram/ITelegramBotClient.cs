namespace MentorBot.Host.Telegram;

/// <summary>
/// The Bot API methods MentorBot uses (https://core.telegram.org/bots/api#available-methods), with
/// Telegram.Bot's names. Failures: <see cref="ApiRequestException"/> when the API refuses or answers
/// with a non-JSON body; <see cref="HttpRequestException"/> for network errors; <see cref="TimeoutException"/>
/// when the per-request time limit passes; <see cref="OperationCanceledException"/> only when the
/// caller's token is cancelled. No exception message contains the bot token.
/// </summary>
public interface ITelegramBotClient
{
    /// <summary>getMe: the bot's own user; a cheap check that the token works.</summary>
    Task<User> GetMe(CancellationToken cancellationToken = default);

    /// <summary>
    /// getUpdates: pending updates. An update is confirmed by a later call with <paramref name="offset"/>
    /// greater than its id; <paramref name="limit"/> 1–100; <paramref name="timeout"/> in seconds for
    /// long polling (25–50 s). Fails with 409 while a webhook is set or another poller runs.
    /// </summary>
    Task<Update[]> GetUpdates(long? offset = null, int? limit = null, int? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>setWebhook: deliver updates to <paramref name="url"/>; <paramref name="secretToken"/> (1–256 of A-Za-z0-9_-) comes back in X-Telegram-Bot-Api-Secret-Token.</summary>
    Task SetWebhook(string url, string? secretToken = null, bool dropPendingUpdates = false, CancellationToken cancellationToken = default);

    /// <summary>deleteWebhook: switch back to getUpdates.</summary>
    Task DeleteWebhook(bool dropPendingUpdates = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// sendMessage: a text of 1–4096 characters after entity parsing, optionally with a keyboard. When the
    /// server confirms without returning the message (the telegram-test-api emulator answers <c>result: null</c>),
    /// the returned stand-in has <see cref="Message.MessageId"/> 0.
    /// </summary>
    Task<Message> SendMessage(long chatId, string text, ParseMode parseMode = ParseMode.None, ReplyMarkup? replyMarkup = null, CancellationToken cancellationToken = default);

    /// <summary>editMessageText: replace the text (and keyboard) of a message the bot sent.</summary>
    Task EditMessageText(long chatId, int messageId, string text, ParseMode parseMode = ParseMode.None, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default);

    /// <summary>editMessageReplyMarkup: replace or (with null) remove the inline keyboard of a message.</summary>
    Task EditMessageReplyMarkup(long chatId, int messageId, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default);

    /// <summary>answerCallbackQuery: stop the button's spinner, optionally showing ≤ 200 characters of text.</summary>
    Task AnswerCallbackQuery(string callbackQueryId, string? text = null, bool showAlert = false, CancellationToken cancellationToken = default);

    /// <summary>deleteMessage: delete a message (bots may delete their own messages for 48 hours).</summary>
    Task DeleteMessage(long chatId, int messageId, CancellationToken cancellationToken = default);

    /// <summary>setMyCommands: the command menu (≤ 100 commands) for the default scope.</summary>
    Task SetMyCommands(IEnumerable<BotCommand> commands, CancellationToken cancellationToken = default);

    /// <summary>
    /// sendDocument: upload a file (≤ 50 MB) as multipart/form-data with an optional caption (≤ 1024 characters).
    /// The stream is read from its current position and left open. A null result gives a stand-in as for <see cref="SendMessage"/>.
    /// </summary>
    Task<Message> SendDocument(long chatId, InputFileStream document, string? caption = null, ParseMode parseMode = ParseMode.None, CancellationToken cancellationToken = default);

    /// <summary>
    /// getFile: where to download a file a person sent (<see cref="TGFile.FilePath"/>, valid for at least an hour).
    /// Bot API: bots can download files of up to 20 MB.
    /// </summary>
    Task<TGFile> GetFile(string fileId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads the file at <paramref name="filePath"/> (from <see cref="GetFile"/>) from
    /// <c>{BaseUrl}/file/bot{token}/{filePath}</c> into <paramref name="destination"/>. Failures as for the
    /// other methods; the message never carries the token.
    /// </summary>
    Task DownloadFile(string filePath, Stream destination, CancellationToken cancellationToken = default);
}
