using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MentorBot.Host.Telegram;

/// <summary>
/// A thin Bot API client: each method is one POST to <c>{BaseUrl}/bot{token}/{method}</c> with a JSON
/// body (multipart/form-data for uploads), answered by the <see cref="ApiResponse{T}"/> envelope.
/// The token is part of the URL, so every exception leaving this class is rebuilt with the token
/// scrubbed from its message, and nothing here logs a URL.
/// </summary>
public sealed partial class TelegramBotClient : ITelegramBotClient
{
    private readonly TelegramBotClientOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly string _methodUrlPrefix;

    /// <summary>
    /// Creates a client over <paramref name="httpClient"/>. Time limits are applied per request, so the
    /// HttpClient's own <see cref="HttpClient.Timeout"/> should be at least the longest of them (or infinite).
    /// </summary>
    public TelegramBotClient(TelegramBotClientOptions options, HttpClient httpClient)
        : this(options, httpClient, null)
    {
    }

    /// <summary>Creates a client that also logs each call's method, status and duration (never the URL) at Debug.</summary>
    public TelegramBotClient(TelegramBotClientOptions options, HttpClient httpClient, ILogger<TelegramBotClient>? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        if (string.IsNullOrWhiteSpace(options.Token))
            throw new ArgumentException("The bot token is empty.", nameof(options));
        _options = options;
        _http = httpClient;
        _logger = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _methodUrlPrefix = $"{options.BaseUrl.TrimEnd('/')}/bot{options.Token}/";
    }

    /// <inheritdoc />
    public async Task<User> GetMe(CancellationToken cancellationToken = default) =>
        Required<User>(await PostJson("getMe", new { }, null, cancellationToken), "getMe");

    /// <inheritdoc />
    public async Task<Update[]> GetUpdates(long? offset = null, int? limit = null, int? timeout = null, CancellationToken cancellationToken = default)
    {
        // The server holds a long poll open for `timeout` seconds, so the request may take that long plus the round trip.
        var timeLimit = timeout is > 0 ? TimeSpan.FromSeconds(timeout.Value) + _options.LongPollGrace : (TimeSpan?)null;
        var result = await PostJson("getUpdates", new { Offset = offset, Limit = limit, Timeout = timeout }, timeLimit, cancellationToken);
        return Optional<Update[]>(result, "getUpdates") ?? [];
    }

    /// <inheritdoc />
    public Task SetWebhook(string url, string? secretToken = null, bool dropPendingUpdates = false, CancellationToken cancellationToken = default) =>
        PostJson("setWebhook", new { Url = url, SecretToken = secretToken, DropPendingUpdates = dropPendingUpdates }, null, cancellationToken);

    /// <inheritdoc />
    public Task DeleteWebhook(bool dropPendingUpdates = false, CancellationToken cancellationToken = default) =>
        PostJson("deleteWebhook", new { DropPendingUpdates = dropPendingUpdates }, null, cancellationToken);

    /// <inheritdoc />
    public async Task<Message> SendMessage(long chatId, string text, ParseMode parseMode = ParseMode.None, ReplyMarkup? replyMarkup = null, CancellationToken cancellationToken = default)
    {
        var result = await PostJson("sendMessage", new
        {
            ChatId = chatId,
            Text = text,
            ParseMode = parseMode.ToApiValue(),
            // Typed as object so the serializer writes the runtime type (InlineKeyboardMarkup), not the empty base.
            ReplyMarkup = (object?)replyMarkup,
        }, null, cancellationToken);
        return Optional<Message>(result, "sendMessage") ?? Unconfirmed(chatId, text, null);
    }

    /// <inheritdoc />
    public Task EditMessageText(long chatId, int messageId, string text, ParseMode parseMode = ParseMode.None, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default) =>
        // The result (the edited Message, or true) is not needed; the emulator even answers null.
        PostJson("editMessageText", new { ChatId = chatId, MessageId = messageId, Text = text, ParseMode = parseMode.ToApiValue(), ReplyMarkup = replyMarkup }, null, cancellationToken);

    /// <inheritdoc />
    public Task EditMessageReplyMarkup(long chatId, int messageId, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default) =>
        PostJson("editMessageReplyMarkup", new { ChatId = chatId, MessageId = messageId, ReplyMarkup = replyMarkup }, null, cancellationToken);

    /// <inheritdoc />
    public Task AnswerCallbackQuery(string callbackQueryId, string? text = null, bool showAlert = false, CancellationToken cancellationToken = default) =>
        PostJson("answerCallbackQuery", new { CallbackQueryId = callbackQueryId, Text = text, ShowAlert = showAlert }, null, cancellationToken);

    /// <inheritdoc />
    public Task DeleteMessage(long chatId, int messageId, CancellationToken cancellationToken = default) =>
        PostJson("deleteMessage", new { ChatId = chatId, MessageId = messageId }, null, cancellationToken);

    /// <inheritdoc />
    public Task SetMyCommands(IEnumerable<BotCommand> commands, CancellationToken cancellationToken = default) =>
        PostJson("setMyCommands", new { Commands = commands.ToArray() }, null, cancellationToken);

    /// <inheritdoc />
    public async Task<Message> SendDocument(long chatId, InputFileStream document, string? caption = null, ParseMode parseMode = ParseMode.None, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = await Post("sendDocument", () =>
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(chatId.ToString(CultureInfo.InvariantCulture)), "chat_id" },
            };
            if (caption is not null) form.Add(new StringContent(caption), "caption");
            if (parseMode.ToApiValue() is { } mode) form.Add(new StringContent(mode), "parse_mode");
            form.Add(FilePart("document", document));
            return form;
        }, null, cancellationToken);
        return Optional<Message>(result, "sendDocument") ?? Unconfirmed(chatId, null, caption);
    }

    /// <inheritdoc />
    public async Task<TGFile> GetFile(string fileId, CancellationToken cancellationToken = default) =>
        Required<TGFile>(await PostJson("getFile", new { FileId = fileId }, null, cancellationToken), "getFile");

    /// <inheritdoc />
    public async Task DownloadFile(string filePath, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        ArgumentNullException.ThrowIfNull(destination);
        var limit = _options.RequestTimeout;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(limit);
        var url = $"{_options.BaseUrl.TrimEnd('/')}/file/bot{_options.Token}/{filePath.TrimStart('/')}";
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token);
            LogCall("file download", (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
                throw new ApiRequestException($"Bot API file download got HTTP {(int)response.StatusCode} ({response.StatusCode}).", (int)response.StatusCode);
            await using var body = await response.Content.ReadAsStreamAsync(timeoutSource.Token);
            await body.CopyToAsync(destination, timeoutSource.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
        {
            if (cancellationToken.IsCancellationRequested)
                throw new OperationCanceledException("Bot API file download was cancelled.", cancellationToken);
            if (timeoutSource.IsCancellationRequested)
                throw new TimeoutException($"Bot API file download timed out after {limit.TotalSeconds:0.###} s.");
            // Rebuilt without inner exceptions: they may carry the URL, which holds the token.
            var error = ex is HttpRequestException http ? http.HttpRequestError : HttpRequestError.Unknown;
            throw new HttpRequestException(error, $"Bot API file download failed: {Scrub(Messages(ex))}", null, (ex as HttpRequestException)?.StatusCode);
        }
    }

    private Task<JsonElement> PostJson(string method, object body, TimeSpan? timeLimit, CancellationToken cancellationToken) =>
        Post(method, () => JsonContent.Create(body, body.GetType(), options: TelegramJson.Options), timeLimit, cancellationToken);

    /// <summary>Sends one request and returns the envelope's <c>result</c> (Null/Undefined when absent), or throws.</summary>
    private async Task<JsonElement> Post(string method, Func<HttpContent> content, TimeSpan? timeLimit, CancellationToken cancellationToken)
    {
        var limit = timeLimit ?? _options.RequestTimeout;
        // A linked source rather than HttpClient.Timeout: one HttpClient serves both 30 s calls and 60 s long polls,
        // and the caller's own cancellation must stay distinguishable from our time limit.
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(limit);
        using var request = new HttpRequestMessage(HttpMethod.Post, _methodUrlPrefix + method) { Content = content() };
        var started = Stopwatch.GetTimestamp();
        HttpStatusCode status;
        string body;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(timeoutSource.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
        {
            // Judge by the tokens, not the exception type: a cancelled send can surface as an
            // HttpRequestException ("the client aborted the request"), and a timeout as a TaskCanceledException.
            if (cancellationToken.IsCancellationRequested)
                throw new OperationCanceledException($"Bot API request {method} was cancelled.", cancellationToken);
            if (timeoutSource.IsCancellationRequested)
                throw new TimeoutException($"Bot API request {method} timed out after {limit.TotalSeconds:0.###} s.");
            // A rebuilt exception without the inner ones: their messages and data may carry the request URL.
            var error = ex is HttpRequestException http ? http.HttpRequestError : HttpRequestError.Unknown;
            throw new HttpRequestException(error, $"Bot API request {method} failed: {Scrub(Messages(ex))}", null, (ex as HttpRequestException)?.StatusCode);
        }

        LogCall(method, (int)status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var envelope = ParseEnvelope(body);
        if (envelope is null)
        {
            // Not the API speaking: a proxy's HTML 502, or the emulator's 500 for a method it does not implement.
            throw new ApiRequestException($"Bot API request {method} got HTTP {(int)status} ({status}) without a Bot API response.", (int)status);
        }
        // Bot API: "The response contains a JSON object, which always has a Boolean field 'ok'" — it decides, not the HTTP status.
        if (!envelope.Ok)
        {
            throw new ApiRequestException(Scrub(envelope.Description ?? $"Bot API request {method} failed."), envelope.ErrorCode ?? (int)status, envelope.Parameters);
        }
        return envelope.Result;
    }

    private static ApiResponse<JsonElement>? ParseEnvelope(string body)
    {
        ApiResponse<JsonElement>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<ApiResponse<JsonElement>>(body, TelegramJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
        // JSON without an "ok" and without error fields is not an API response either.
        return envelope is { Ok: false, ErrorCode: null, Description: null } ? null : envelope;
    }

    private static T? Optional<T>(JsonElement result, string method)
        where T : class
    {
        if (result.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        try
        {
            return result.Deserialize<T>(TelegramJson.Options);
        }
        catch (JsonException ex)
        {
            throw new ApiRequestException($"Bot API request {method} returned an unexpected result: {ex.Message}", 0);
        }
    }

    /// <summary>
    /// Stands in for the sent message when the server confirmed the send without returning it
    /// (<c>"result": null</c>, as the telegram-test-api emulator does for sendMessage).
    /// <see cref="Message.MessageId"/> is 0 and <see cref="Message.Date"/> is default: both are unknown,
    /// so the message cannot be edited later.
    /// </summary>
    private static Message Unconfirmed(long chatId, string? text, string? caption) => new()
    {
        MessageId = 0,
        Chat = new Chat { Id = chatId },
        Text = text,
        Caption = caption,
    };

    private static T Required<T>(JsonElement result, string method)
        where T : class =>
        Optional<T>(result, method) ?? throw new ApiRequestException($"Bot API request {method} returned no result.", 0);

    /// <summary>
    /// The file part of a multipart upload. The Content-Disposition is written by hand with the file
    /// name's raw UTF-8 bytes, as Telegram.Bot does: Telegram shows RFC 2047 (=?utf-8?B?…?=) names
    /// literally, and Cyrillic names (Приказ.docx) are the norm here.
    /// </summary>
    private static LeaveOpenStreamContent FilePart(string name, InputFileStream file)
    {
        var fileName = file.FileName.Replace('"', '\'').Replace('\r', ' ').Replace('\n', ' ');
        var disposition = $"form-data; name=\"{name}\"; filename=\"{fileName}\"";
        var part = new LeaveOpenStreamContent(file.Content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        part.Headers.TryAddWithoutValidation("Content-Disposition", Latin1View(disposition));
        return part;
    }

    /// <summary>UTF-8 bytes as Latin-1 characters, so that the Latin-1 header writer emits the UTF-8 bytes unchanged.</summary>
    private static string Latin1View(string value) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(value));

    private string Scrub(string text) =>
        text.Replace(_options.Token, "<token>", StringComparison.Ordinal)
            .Replace(Uri.EscapeDataString(_options.Token), "<token>", StringComparison.OrdinalIgnoreCase);

    /// <summary>The messages of an exception and its inner exceptions; the inner ones are not kept, as they could carry the URL.</summary>
    private static string Messages(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (!string.IsNullOrWhiteSpace(e.Message)) parts.Add(e.Message);
        }
        return string.Join(" → ", parts);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot API {Method} answered HTTP {Status} in {ElapsedMs:0} ms")]
    private partial void LogCall(string method, int status, double elapsedMs);

    /// <summary>The caller owns the upload stream (it may retry with it), so the request must not dispose it.</summary>
    private sealed class LeaveOpenStreamContent(Stream stream) : StreamContent(stream)
    {
        protected override void Dispose(bool disposing)
        {
            // Deliberately not calling base: StreamContent.Dispose would dispose the caller's stream.
        }
    }
}
