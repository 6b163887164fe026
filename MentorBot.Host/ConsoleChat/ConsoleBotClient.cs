using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using MentorBot.Host.Telegram;

namespace MentorBot.Host.ConsoleChat;

/// <summary>
/// The Bot API client of the console chat: the outbox sender "sends" by printing to the terminal, so the
/// console exercises the same pipeline and outbox as Telegram. Remembers each chat's last keyboard for <c>!N</c>.
/// </summary>
/// <param name="output">Where messages are printed.</param>
public sealed partial class ConsoleBotClient(TextWriter output) : ITelegramBotClient
{
    private readonly ConcurrentDictionary<long, IReadOnlyList<InlineKeyboardButton>> keyboards = new();
    private int nextMessageId;

    /// <summary>The buttons under the last message to <paramref name="chatId"/>, in reading order.</summary>
    public IReadOnlyList<InlineKeyboardButton> LastKeyboard(long chatId) => keyboards.GetValueOrDefault(chatId) ?? [];

    /// <inheritdoc />
    public Task<Message> SendMessage(long chatId, string text, ParseMode parseMode = ParseMode.None, ReplyMarkup? replyMarkup = null, CancellationToken cancellationToken = default)
    {
        Print(chatId, parseMode == ParseMode.Html ? ToPlain(text) : text, replyMarkup as InlineKeyboardMarkup);
        return Task.FromResult(NewMessage(chatId, text));
    }

    /// <inheritdoc />
    public Task EditMessageText(long chatId, int messageId, string text, ParseMode parseMode = ParseMode.None, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default)
    {
        Print(chatId, parseMode == ParseMode.Html ? ToPlain(text) : text, replyMarkup);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task EditMessageReplyMarkup(long chatId, int messageId, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default)
    {
        Remember(chatId, replyMarkup);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AnswerCallbackQuery(string callbackQueryId, string? text = null, bool showAlert = false, CancellationToken cancellationToken = default)
    {
        if (text is not null)
            lock (output) output.WriteLine(ConsoleTexts.Toast, text);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteMessage(long chatId, int messageId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<Message> SendDocument(long chatId, InputFileStream document, string? caption = null, ParseMode parseMode = ParseMode.None, CancellationToken cancellationToken = default)
    {
        lock (output)
        {
            if (caption is not null) output.WriteLine(ToPlain(caption));
            output.WriteLine(ConsoleTexts.Document, document.FileName, document.Content.Length);
        }

        return Task.FromResult(NewMessage(chatId, caption));
    }

    /// <inheritdoc />
    public Task<User> GetMe(CancellationToken cancellationToken = default) =>
        Task.FromResult(new User { Id = 0, IsBot = true, FirstName = "MentorBot", Username = "mentorbot_console" });

    /// <inheritdoc />
    public Task<Update[]> GetUpdates(long? offset = null, int? limit = null, int? timeout = null, CancellationToken cancellationToken = default) => Task.FromResult(Array.Empty<Update>());

    /// <inheritdoc />
    public Task SetWebhook(string url, string? secretToken = null, bool dropPendingUpdates = false, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task DeleteWebhook(bool dropPendingUpdates = false, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task SetMyCommands(IEnumerable<BotCommand> commands, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>getFile of the console: the file id is the local path <c>/file PATH</c> named (see <see cref="ConsoleChatService"/>).</summary>
    public Task<TGFile> GetFile(string fileId, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(fileId);
        if (!info.Exists) throw new ApiRequestException("Bad Request: file not found", 400);
        return Task.FromResult(new TGFile { FileId = fileId, FilePath = info.FullName, FileSize = info.Length });
    }

    /// <inheritdoc />
    public async Task DownloadFile(string filePath, Stream destination, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(filePath);
        await file.CopyToAsync(destination, cancellationToken);
    }

    /// <summary>Turns Bot API HTML into terminal text: tags dropped (line breaks kept), entities decoded.</summary>
    public static string ToPlain(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    private void Print(long chatId, string text, InlineKeyboardMarkup? markup)
    {
        var buttons = Remember(chatId, markup);
        lock (output)
        {
            output.WriteLine();
            output.WriteLine($"🤖 [{chatId}] {text.Replace("\n", "\n   ")}");
            for (var i = 0; i < buttons.Count; i++)
                output.WriteLine($"   [{i + 1}] {buttons[i].Text}");
        }
    }

    private IReadOnlyList<InlineKeyboardButton> Remember(long chatId, InlineKeyboardMarkup? markup)
    {
        var buttons = markup?.InlineKeyboard.SelectMany(r => r).ToList() ?? [];
        keyboards[chatId] = buttons;
        return buttons;
    }

    private Message NewMessage(long chatId, string? text) => new()
    {
        MessageId = Interlocked.Increment(ref nextMessageId),
        Chat = new Chat { Id = chatId, Type = "private" },
        Date = DateTime.UtcNow,
        Text = text,
    };

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
