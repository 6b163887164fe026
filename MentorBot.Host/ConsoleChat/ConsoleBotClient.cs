using System.Collections.Concurrent;
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
/// getFile); any other request is an <see cref="ApiRequestException"/> 400. Remembers each chat's last keyboard for <c>!N</c>.
/// </summary>
/// <param name="output">Where messages are printed.</param>
public sealed partial class ConsoleBotClient(TextWriter output) : ITelegramBotClient
{
    private readonly ConcurrentDictionary<long, IReadOnlyList<InlineKeyboardButton>> keyboards = new();
    private int nextMessageId;

    /// <summary>The buttons under the last message to <paramref name="chatId"/>, in reading order.</summary>
    public IReadOnlyList<InlineKeyboardButton> LastKeyboard(long chatId) => keyboards.GetValueOrDefault(chatId) ?? [];

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
            SendMessageRequest send => Print(Chat(send.ChatId), Text(send.Text, send.ParseMode), send.ReplyMarkup as InlineKeyboardMarkup),
            EditMessageTextRequest edit => Print(Chat(edit.ChatId), Text(edit.Text ?? "", edit.ParseMode), edit.ReplyMarkup),
            EditMessageReplyMarkupRequest markup => Remember(Chat(markup.ChatId), markup.ReplyMarkup) is var _ ? NewMessage(Chat(markup.ChatId)) : null!,
            AnswerCallbackQueryRequest answer => Toast(answer.Text),
            DeleteMessageRequest => true,
            SendDocumentRequest document => PrintDocument(Chat(document.ChatId), document.Document, document.Caption is null ? null : Text(document.Caption, document.ParseMode)),
            SendPhotoRequest photo => PrintDocument(Chat(photo.ChatId), photo.Photo, photo.Caption is null ? null : Text(photo.Caption, photo.ParseMode)),
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

    private Message Print(long chatId, string text, InlineKeyboardMarkup? markup)
    {
        var buttons = Remember(chatId, markup);
        lock (output)
        {
            output.WriteLine();
            output.WriteLine($"🤖 [{chatId}] {text.Replace("\n", "\n   ")}");
            for (var i = 0; i < buttons.Count; i++)
                output.WriteLine($"   [{i + 1}] {buttons[i].Text}");
        }

        return NewMessage(chatId);
    }

    private Message PrintDocument(long chatId, InputFile document, string? caption)
    {
        var (name, length) = document is InputFileStream stream ? (stream.FileName, stream.Content.Length) : ("?", 0L);
        lock (output)
        {
            if (caption is not null) output.WriteLine(caption);
            output.WriteLine(ConsoleTexts.Document, name, length);
        }

        return NewMessage(chatId);
    }

    private bool Toast(string? text)
    {
        if (text is not null)
            lock (output) output.WriteLine(ConsoleTexts.Toast, text);
        return true;
    }

    private IReadOnlyList<InlineKeyboardButton> Remember(long chatId, InlineKeyboardMarkup? markup)
    {
        var buttons = markup?.InlineKeyboard.SelectMany(r => r).ToList() ?? [];
        keyboards[chatId] = buttons;
        return buttons;
    }

    private Message NewMessage(long chatId) => new()
    {
        Id = Interlocked.Increment(ref nextMessageId),
        Chat = new Chat { Id = chatId, Type = ChatType.Private },
    };

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
