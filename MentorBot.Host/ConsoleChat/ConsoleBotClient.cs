using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Telegram.Bot;
using Telegram.Bot.Args;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Host.ConsoleChat;

/// <summary>
/// Telegram.Bot's <see cref="ITelegramBotClient"/> for the console chat: the outbox sender's
/// <c>TelegramDelivery</c> "sends" by printing to the terminal, so the console exercises the same pipeline,
/// outbox and delivery as Telegram. Answers the requests the delivery and the document download make
/// (sendMessage, editMessageText, editMessageReplyMarkup, answerCallbackQuery, deleteMessage, sendDocument, sendPhoto,
/// getFile); any other request is an <see cref="ApiRequestException"/> 400. Messages are numbered in the transcript
/// («🤖 №3 → 1: …», the number is the message id) and each one's buttons are remembered, so <c>!N</c> presses a
/// button of a chat's latest message and <c>!M.N</c> one of message M (issue 17 item 19). A document or a photo is saved into
/// <paramref name="documentsFolder"/> and its full path printed (issue 17 item 6).
/// </summary>
/// <param name="output">Where messages are printed.</param>
/// <param name="documentsFolder">Where documents the bot sends are saved (created on the first one); relative paths are resolved against the working directory.</param>
public sealed partial class ConsoleBotClient(TextWriter output, string documentsFolder) : ITelegramBotClient
{
    /// <summary>The default folder documents are saved into (<c>MENTORBOT_CONSOLE_DOCUMENTS</c>).</summary>
    public const string DefaultDocumentsFolder = "out";

    private readonly ConcurrentDictionary<int, (long ChatId, IReadOnlyList<InlineKeyboardButton> Buttons)> messages = new();
    private readonly ConcurrentDictionary<long, int> latest = new();
    private int nextMessageId;

    /// <summary>A console chat printing to <paramref name="output"/> that saves documents into <c>./out/</c>.</summary>
    public ConsoleBotClient(TextWriter output)
        : this(output, DefaultDocumentsFolder)
    {
    }

    /// <summary>The full path of the folder documents are saved into.</summary>
    public string DocumentsFolder { get; } = Path.GetFullPath(documentsFolder);

    /// <summary>The number of the latest message to <paramref name="chatId"/>, or null when none was printed.</summary>
    public int? LatestMessage(long chatId) => latest.TryGetValue(chatId, out var id) ? id : null;

    /// <summary>The buttons under the last message to <paramref name="chatId"/>, in reading order.</summary>
    public IReadOnlyList<InlineKeyboardButton> LastKeyboard(long chatId) =>
        LatestMessage(chatId) is { } id ? Keyboard(chatId, id) ?? [] : [];

    /// <summary>
    /// The buttons under message <paramref name="messageId"/> (its number in the transcript) in reading order, or
    /// null when no such message went to <paramref name="chatId"/> (a person presses only buttons of their own chat).
    /// </summary>
    public IReadOnlyList<InlineKeyboardButton>? Keyboard(long chatId, int messageId) =>
        messages.TryGetValue(messageId, out var message) && message.ChatId == chatId ? message.Buttons : null;

    /// <inheritdoc />
    public bool LocalBotServer => true;

    /// <inheritdoc />
    public long BotId => 0;

    /// <inheritdoc />
    public TimeSpan Timeout { get; set; } = System.Threading.Timeout.InfiniteTimeSpan;

    /// <inheritdoc />
    public IExceptionParser ExceptionsParser { get; set; } = new DefaultExceptionParser();

    /// <inheritdoc />
    public event AsyncEventHandler<ApiRequestEventArgs>? OnMakingApiRequest { add { } remove { } }

    /// <inheritdoc />
    public event AsyncEventHandler<ApiResponseEventArgs>? OnApiResponseReceived { add { } remove { } }

    /// <inheritdoc />
    public Task<TResponse> SendRequest<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        object result = request switch
        {
            SendMessageRequest send => Print(Chat(send.ChatId), null, Text(send.Text, send.ParseMode), send.ReplyMarkup as InlineKeyboardMarkup),
            EditMessageTextRequest edit => Print(Chat(edit.ChatId), edit.MessageId, Text(edit.Text ?? "", edit.ParseMode), edit.ReplyMarkup),
            EditMessageReplyMarkupRequest markup => Remember(Chat(markup.ChatId), markup.MessageId, markup.ReplyMarkup),
            AnswerCallbackQueryRequest answer => Toast(answer.Text),
            DeleteMessageRequest => true,
            SendDocumentRequest document => SaveDocument(Chat(document.ChatId), document.Document, document.Caption is null ? null : Text(document.Caption, document.ParseMode)),
            SendPhotoRequest photo => SaveDocument(Chat(photo.ChatId), photo.Photo, photo.Caption is null ? null : Text(photo.Caption, photo.ParseMode)),
            GetFileRequest file => LocalFile(file.FileId),
            _ => throw new ApiRequestException($"Bad Request: the console chat does not do {request.MethodName}", 400),
        };
        return Task.FromResult((TResponse)result);
    }

    /// <inheritdoc />
    public Task<bool> TestApi(CancellationToken cancellationToken = default) => Task.FromResult(true);

    /// <summary>Copies the local file at <paramref name="filePath"/> (from getFile: the path <c>/file PATH</c> named).</summary>
    public async Task DownloadFile(string filePath, Stream destination, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(filePath);
        await file.CopyToAsync(destination, cancellationToken);
    }

    /// <inheritdoc />
    public Task DownloadFile(TGFile file, Stream destination, CancellationToken cancellationToken = default) =>
        DownloadFile(file.FilePath!, destination, cancellationToken);

    /// <summary>Turns Bot API HTML into terminal text: tags dropped (line breaks kept), entities decoded.</summary>
    public static string ToPlain(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    private static long Chat(ChatId chat) => chat.Identifier ?? throw new ApiRequestException("Bad Request: chat not found", 400);

    private static string Text(string text, ParseMode mode) => mode == ParseMode.Html ? ToPlain(text) : text;

    /// <summary>getFile of the console: the file id is the local path <c>/file PATH</c> named (see <see cref="ConsoleChatService"/>).</summary>
    private static TGFile LocalFile(string fileId)
    {
        var info = new FileInfo(fileId);
        if (!info.Exists) throw new ApiRequestException("Bad Request: file not found", 400);
        return new TGFile { FileId = fileId, FileUniqueId = fileId, FilePath = info.FullName, FileSize = info.Length };
    }

    /// <summary>Prints a new message, or message <paramref name="editedId"/> again when the bot edits one it printed.</summary>
    private Message Print(long chatId, int? editedId, string text, InlineKeyboardMarkup? markup)
    {
        var edited = editedId is { } known && messages.TryGetValue(known, out var before) && before.ChatId == chatId;
        var id = edited ? editedId!.Value : Interlocked.Increment(ref nextMessageId);
        var buttons = Buttons(markup);
        messages[id] = (chatId, buttons);
        lock (output)
        {
            if (!edited) latest[chatId] = id;
            output.WriteLine();
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, edited ? ConsoleTexts.EditedMessage : ConsoleTexts.Message, id, chatId, text.Replace("\n", "\n   ")));
            for (var i = 0; i < buttons.Count; i++)
                output.WriteLine($"   [{i + 1}] {buttons[i].Text}");
        }

        return NewMessage(chatId, id);
    }

    /// <summary>Saves a document into <see cref="DocumentsFolder"/> under its own name (a number added when taken) and prints where.</summary>
    private Message SaveDocument(long chatId, InputFile document, string? caption)
    {
        if (document is not InputFileStream { Content: var content } stream)
            throw new ApiRequestException("Bad Request: the console chat saves only uploaded files", 400);
        var id = Interlocked.Increment(ref nextMessageId);
        Directory.CreateDirectory(DocumentsFolder);
        var path = FreePath(Path.GetFileName(stream.FileName ?? "") is { Length: > 0 } name ? name : "document");
        using (var file = new FileStream(path, FileMode.CreateNew))
            content.CopyTo(file);
        messages[id] = (chatId, []);
        lock (output)
        {
            latest[chatId] = id;
            output.WriteLine();
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, ConsoleTexts.Message, id, chatId,
                string.Format(CultureInfo.InvariantCulture, ConsoleTexts.DocumentSaved, path, new FileInfo(path).Length)));
            if (caption is not null) output.WriteLine("   " + caption.Replace("\n", "\n   "));
        }

        return NewMessage(chatId, id);
    }

    /// <summary>«order.docx», else «order (2).docx», «order (3).docx»…: a document the bot sends again never overwrites an earlier one.</summary>
    private string FreePath(string name)
    {
        var path = Path.Combine(DocumentsFolder, name);
        for (var n = 2; File.Exists(path); n++)
            path = Path.Combine(DocumentsFolder, $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}");
        return path;
    }

    private bool Toast(string? text)
    {
        if (text is not null)
            lock (output) output.WriteLine(ConsoleTexts.Toast, text);
        return true;
    }

    /// <summary>editMessageReplyMarkup: the buttons of a printed message change (nothing is printed).</summary>
    private Message Remember(long chatId, int messageId, InlineKeyboardMarkup? markup)
    {
        if (messages.TryGetValue(messageId, out var message) && message.ChatId == chatId)
            messages[messageId] = (chatId, Buttons(markup));
        return NewMessage(chatId, messageId);
    }

    private static IReadOnlyList<InlineKeyboardButton> Buttons(InlineKeyboardMarkup? markup) =>
        markup?.InlineKeyboard.SelectMany(r => r).ToList() ?? [];

    private static Message NewMessage(long chatId, int id) => new()
    {
        Id = id,
        Chat = new Chat { Id = chatId, Type = ChatType.Private },
    };

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
