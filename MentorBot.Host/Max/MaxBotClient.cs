using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Host.Max;

/// <summary>
/// A thin MAX Bot API client: one method per API call, named after the schema's operation ids
/// (getMyInfo, sendMessage, editMessage, deleteMessage, answerOnCallback, getUpdates, getSubscriptions,
/// subscribe, unsubscribe, getUploadUrl). The token travels only in the <c>Authorization</c> header of calls
/// to <see cref="MaxOptions.ApiBaseUrl"/>, never in a URL, and never to the upload or download hosts.
/// Errors: <see cref="MaxApiException"/> and its subclasses for an answer with an error,
/// <see cref="MaxRequestException"/> for no answer (timeout, network). No retries here: the sender owns them.
/// </summary>
public sealed partial class MaxBotClient
{
    /// <summary>The name of the HttpClient registered for this client (<see cref="MaxServiceCollectionExtensions.AddMaxBotClient"/>).</summary>
    public const string HttpClientName = "MentorBot.Max";

    /// <summary>The header MAX puts the webhook secret in (<c>POST /subscriptions</c>).</summary>
    public const string WebhookSecretHeader = "X-Max-Bot-Api-Secret";

    /// <summary>The API's own long-poll timeout when <c>timeout</c> is not given, seconds.</summary>
    private const int DefaultUpdatesTimeoutSeconds = 30;

    private readonly MaxOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly string _baseUrl;

    /// <summary>
    /// Creates a client over <paramref name="httpClient"/>. Time limits are applied per request, so the
    /// HttpClient's own <see cref="HttpClient.Timeout"/> should be above the longest of them (or infinite).
    /// </summary>
    /// <param name="options">Token, API root and time limits.</param>
    /// <param name="httpClient">The transport; without the factory's request loggers.</param>
    /// <param name="logger">Logs each call's HTTP method, path, status and duration at Debug (never a query, header or URL of another host).</param>
    /// <exception cref="ArgumentException">No token, or options that <see cref="MaxOptions.Validate"/> refuses.</exception>
    public MaxBotClient(MaxOptions options, HttpClient httpClient, ILogger<MaxBotClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        if (!options.IsConfigured)
            throw new ArgumentException("The MAX token is empty.", nameof(options));
        if (options.Validate() is [var problem, ..])
            throw new ArgumentException(problem, nameof(options));
        _options = options;
        _http = httpClient;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _baseUrl = options.ApiBaseUrl.TrimEnd('/');
    }

    /// <summary><c>GET /me</c>: the bot's id, name and nickname.</summary>
    /// <exception cref="MaxUnauthorizedException">The token was rejected.</exception>
    public async Task<BotInfo> GetMyInfo(CancellationToken cancellationToken = default) =>
        Read<BotInfo>(await Call(HttpMethod.Get, "/me", [], null, null, cancellationToken), "GET /me");

    /// <summary><c>POST /messages?user_id=</c>: sends a message to a user's dialog with the bot.</summary>
    /// <param name="userId">The user's id (<see cref="User.UserId"/>).</param>
    /// <param name="body">Text ≤ 4000 characters, format, attachments (a keyboard, or one file), notify.</param>
    /// <param name="disableLinkPreview">True: no previews of links in the text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message as created (its <see cref="MessageBody.Mid"/> is what an edit takes).</returns>
    /// <exception cref="ArgumentException">The body breaks a limit of <see cref="MaxLimits"/>; nothing is sent.</exception>
    public Task<Message> SendMessageToUser(long userId, NewMessageBody body, bool disableLinkPreview = false, CancellationToken cancellationToken = default) =>
        SendMessage("user_id", userId, body, disableLinkPreview, cancellationToken);

    /// <summary><c>POST /messages?chat_id=</c>: sends a message to a chat (a group, or a dialog by its chat id).</summary>
    /// <param name="chatId">The chat's id (<see cref="Recipient.ChatId"/>).</param>
    /// <param name="body">Text ≤ 4000 characters, format, attachments (a keyboard, or one file), notify.</param>
    /// <param name="disableLinkPreview">True: no previews of links in the text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message as created.</returns>
    /// <exception cref="ArgumentException">The body breaks a limit of <see cref="MaxLimits"/>; nothing is sent.</exception>
    public Task<Message> SendMessageToChat(long chatId, NewMessageBody body, bool disableLinkPreview = false, CancellationToken cancellationToken = default) =>
        SendMessage("chat_id", chatId, body, disableLinkPreview, cancellationToken);

    /// <summary>
    /// <c>PUT /messages?message_id=</c>: replaces a message the bot sent. Attachments null keep the message's
    /// attachments; an empty list removes them (e.g. the keyboard). MAX edits messages with an inline keyboard
    /// at any age, others in dialogs only within 7 days.
    /// </summary>
    /// <param name="messageId">The message's <see cref="MessageBody.Mid"/>.</param>
    /// <param name="body">The new content.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The body breaks a limit of <see cref="MaxLimits"/>; nothing is sent.</exception>
    /// <exception cref="MaxApiException">Refused, including <c>success: false</c>.</exception>
    public async Task EditMessage(string messageId, NewMessageBody body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        Check(body);
        EnsureSuccess(await Call(HttpMethod.Put, "/messages", [("message_id", messageId)], body, null, cancellationToken), "PUT /messages");
    }

    /// <summary><c>DELETE /messages?message_id=</c>: deletes a message (the bot's own, or any where it may).</summary>
    /// <param name="messageId">The message's <see cref="MessageBody.Mid"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="MaxApiException">Refused, including <c>success: false</c>.</exception>
    public async Task DeleteMessage(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        EnsureSuccess(await Call(HttpMethod.Delete, "/messages", [("message_id", messageId)], null, null, cancellationToken), "DELETE /messages");
    }

    /// <summary><c>POST /answers?callback_id=</c>: answers a button press with a notification and/or a new message in place of the pressed one.</summary>
    /// <param name="callbackId">The press's <see cref="Callback.CallbackId"/>.</param>
    /// <param name="answer">A notification, a replacement message, or both.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">Neither set, or the message breaks a limit; nothing is sent.</exception>
    /// <exception cref="MaxApiException">Refused, including <c>success: false</c>.</exception>
    public async Task AnswerOnCallback(string callbackId, CallbackAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callbackId);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Message is null && answer.Notification is null)
            throw new ArgumentException("A MAX callback answer needs a message, a notification or both.", nameof(answer));
        if (answer.Message is { } message) Check(message);
        EnsureSuccess(await Call(HttpMethod.Post, "/answers", [("callback_id", callbackId)], answer, null, cancellationToken), "POST /answers");
    }

    /// <summary>
    /// <c>GET /updates</c>: long polling. Pass the <see cref="UpdateList.Marker"/> of the previous answer as
    /// <paramref name="marker"/> once that batch is recorded: the server then counts every earlier update as read.
    /// Without a marker the server returns only the latest update. Not available while a webhook subscription exists.
    /// </summary>
    /// <param name="marker">The previous answer's marker, or null on the very first call.</param>
    /// <param name="limit">1–1000 updates (server default 100).</param>
    /// <param name="timeout">Seconds the server holds the request when nothing is pending, 0–90 (server default 30).</param>
    /// <param name="types">Update types wanted (e.g. <see cref="UpdateTypes.Handled"/>); null = all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit or timeout outside the API's range.</exception>
    public async Task<UpdateList> GetUpdates(long? marker = null, int? limit = null, int? timeout = null, IEnumerable<string>? types = null, CancellationToken cancellationToken = default)
    {
        if (limit is { } l) ArgumentOutOfRangeException.ThrowIfNotEqual(l is >= 1 and <= MaxLimits.UpdatesLimit, true, nameof(limit));
        if (timeout is { } t) ArgumentOutOfRangeException.ThrowIfNotEqual(t is >= 0 and <= MaxLimits.UpdatesTimeoutSeconds, true, nameof(timeout));
        var typeList = types is null ? null : string.Join(',', types);
        // The server may hold the request for the whole timeout; our limit is that plus the round trip.
        var held = timeout ?? DefaultUpdatesTimeoutSeconds;
        var timeLimit = held > 0 ? TimeSpan.FromSeconds(held) + _options.LongPollGrace : (TimeSpan?)null;
        var root = await Call(HttpMethod.Get, "/updates", [
            ("limit", limit?.ToString(CultureInfo.InvariantCulture)),
            ("timeout", timeout?.ToString(CultureInfo.InvariantCulture)),
            ("marker", marker?.ToString(CultureInfo.InvariantCulture)),
            ("types", string.IsNullOrEmpty(typeList) ? null : typeList),
        ], null, timeLimit, cancellationToken);
        try
        {
            if (!root.TryGetProperty("updates", out var array) || array.ValueKind != JsonValueKind.Array)
                throw new JsonException("no updates array");
            var updates = new List<Update>();
            var unreadable = new List<(string, string)>();
            foreach (var element in array.EnumerateArray())
            {
                // One update we cannot read must not fail the batch: the marker could then never move past it.
                try
                {
                    updates.Add(MaxJson.ReadUpdate(element));
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
                {
                    unreadable.Add((element.GetRawText(), $"unreadable update: {ex.GetType().Name}: {ex.Message}"));
                }
            }

            long? next = root.TryGetProperty("marker", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : null;
            return new UpdateList { Updates = updates, Marker = next, Unreadable = unreadable };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new MaxServerErrorException(200, null, $"GET /updates returned an unexpected body: {ex.Message}");
        }
    }

    /// <summary><c>GET /subscriptions</c>: the bot's webhook subscriptions.</summary>
    public async Task<IReadOnlyList<Subscription>> GetSubscriptions(CancellationToken cancellationToken = default) =>
        Read<GetSubscriptionsResult>(await Call(HttpMethod.Get, "/subscriptions", [], null, null, cancellationToken), "GET /subscriptions").Subscriptions;

    /// <summary>
    /// <c>POST /subscriptions</c>: MAX will post every update to <see cref="SubscriptionRequestBody.Url"/> (HTTPS on
    /// port 443, a trusted certificate) with the secret in <see cref="WebhookSecretHeader"/>; long polling stops.
    /// MAX retries a failed delivery for up to 8 hours, then unsubscribes the bot.
    /// </summary>
    /// <exception cref="ArgumentException">A URL that is not absolute https, or a secret outside 5–256 of <c>A-Za-z0-9_-</c>.</exception>
    /// <exception cref="MaxApiException">Refused, including <c>success: false</c>.</exception>
    public async Task Subscribe(SubscriptionRequestBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            throw new ArgumentException("A MAX webhook URL must be an absolute https URL.", nameof(body));
        if (body.Secret is { } secret && !SecretPattern().IsMatch(secret))
            throw new ArgumentException("A MAX webhook secret is 5–256 of A-Z, a-z, 0-9, '_' and '-'.", nameof(body));
        EnsureSuccess(await Call(HttpMethod.Post, "/subscriptions", [], body, null, cancellationToken), "POST /subscriptions");
    }

    /// <summary><c>DELETE /subscriptions?url=</c>: removes a webhook subscription; long polling works again.</summary>
    /// <exception cref="MaxApiException">Refused, including <c>success: false</c>.</exception>
    public async Task Unsubscribe(string url, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        EnsureSuccess(await Call(HttpMethod.Delete, "/subscriptions", [("url", url)], null, null, cancellationToken), "DELETE /subscriptions");
    }

    /// <summary><c>POST /uploads?type=</c>: where to upload one file of <paramref name="type"/> (<see cref="UploadTypes"/>).</summary>
    public async Task<UploadEndpoint> GetUploadUrl(string type, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        var endpoint = Read<UploadEndpoint>(await Call(HttpMethod.Post, "/uploads", [("type", type)], null, null, cancellationToken), "POST /uploads");
        return Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? endpoint
            : throw new MaxServerErrorException(200, null, "POST /uploads returned no upload URL.");
    }

    /// <summary>
    /// Uploads one file to <paramref name="uploadUrl"/> (from <see cref="GetUploadUrl"/>) as multipart field
    /// <c>data</c>, without the token (the URL is MAX's upload host's, and carries its own signature).
    /// For <c>file</c> and <c>image</c> uploads the answer carries the token to attach the file with.
    /// Right after an upload MAX may still refuse the message with <c>attachment.not.ready</c> (transient).
    /// </summary>
    /// <param name="uploadUrl">The <see cref="UploadEndpoint.Url"/>.</param>
    /// <param name="fileName">The name the recipient sees (Cyrillic names are sent as UTF-8).</param>
    /// <param name="content">The file; read from its current position, left open.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The token for <see cref="AttachmentRequest.File"/>.</returns>
    public async Task<UploadedInfo> UploadFile(string uploadUrl, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uploadUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        using var form = new MultipartFormDataContent { FilePart(fileName, content) };
        using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = form };
        var root = await Send(request, "upload", _options.RequestTimeout, cancellationToken);
        var info = Read<UploadedInfo>(root, "upload");
        return string.IsNullOrEmpty(info.Token) ? throw new MaxServerErrorException(200, null, "The upload returned no token.") : info;
    }

    /// <summary>
    /// Downloads a received file (<see cref="AttachmentPayload.Url"/>, on a host of MAX's own) into
    /// <paramref name="destination"/>, without the token. The caller caps the size it accepts by the
    /// attachment's <see cref="Attachment.Size"/> before calling.
    /// </summary>
    /// <exception cref="MaxApiException">The host answered with an error (5xx: <see cref="MaxServerErrorException"/>).</exception>
    /// <exception cref="MaxRequestException">No answer in time, or the connection failed.</exception>
    public async Task DownloadFile(string url, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentNullException.ThrowIfNull(destination);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            LogCall("file download", response.StatusCode, started);
            if (!response.IsSuccessStatusCode)
                throw Error(response, await response.Content.ReadAsStringAsync(timeout.Token));
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            await body.CopyToAsync(destination, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
        {
            throw NoAnswer(ex, "file download", _options.RequestTimeout, timeout, cancellationToken);
        }
    }

    private async Task<Message> SendMessage(string recipientKey, long recipientId, NewMessageBody body, bool disableLinkPreview, CancellationToken cancellationToken)
    {
        Check(body);
        var root = await Call(HttpMethod.Post, "/messages", [
            (recipientKey, recipientId.ToString(CultureInfo.InvariantCulture)),
            ("disable_link_preview", disableLinkPreview ? "true" : null),
        ], body, null, cancellationToken);
        return Read<SendMessageResult>(root, "POST /messages").Message;
    }

    /// <summary>Refuses a body MAX would refuse, before anything is sent (the outbox would otherwise retry a hopeless row).</summary>
    private static void Check(NewMessageBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Text is { Length: > MaxLimits.MessageText } text)
            throw new ArgumentException($"A MAX message text is at most {MaxLimits.MessageText} characters, not {text.Length}.", nameof(body));
        var attachments = body.Attachments ?? [];
        if (attachments.Count > 1 && attachments.Any(a => a.Type == AttachmentTypes.File))
            throw new ArgumentException("A MAX file attachment must be the message's only attachment.", nameof(body));
        foreach (var keyboard in attachments.Select(a => a.Payload).OfType<InlineKeyboardPayload>())
        {
            var rows = keyboard.Buttons;
            if (rows.Count > MaxLimits.KeyboardRows || rows.Any(r => r.Count is 0 or > MaxLimits.ButtonsPerRow) || rows.Sum(r => r.Count) > MaxLimits.KeyboardButtons)
                throw new ArgumentException($"A MAX inline keyboard has 1–{MaxLimits.ButtonsPerRow} buttons a row, at most {MaxLimits.KeyboardRows} rows and {MaxLimits.KeyboardButtons} buttons.", nameof(body));
            foreach (var button in rows.SelectMany(r => r))
            {
                if (button.Text.Length is 0 or > MaxLimits.ButtonText)
                    throw new ArgumentException($"A MAX button's text is 1–{MaxLimits.ButtonText} characters: '{button.Text}'.", nameof(body));
                if (button.Type == "callback" && (button.Payload ?? "").Length is 0 or > MaxLimits.CallbackPayload)
                    throw new ArgumentException($"A MAX callback button's payload is 1–{MaxLimits.CallbackPayload} characters (button '{button.Text}').", nameof(body));
            }
        }
    }

    /// <summary>One call to the API: the token in the header, the query escaped, JSON both ways. Returns the answer's JSON root.</summary>
    private async Task<JsonElement> Call(HttpMethod method, string path, IReadOnlyList<(string Key, string? Value)> query, object? body, TimeSpan? timeLimit, CancellationToken cancellationToken)
    {
        var pairs = query.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToArray();
        var url = pairs.Length == 0 ? _baseUrl + path : $"{_baseUrl}{path}?{string.Join('&', pairs)}";
        using var request = new HttpRequestMessage(method, url);
        // Without validation: MAX tokens are not an auth scheme's syntax (they may hold '='); Validate() kept out spaces and control characters.
        request.Headers.TryAddWithoutValidation("Authorization", _options.Token);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: MaxJson.Options);
        return await Send(request, $"{method.Method} {path}", timeLimit ?? _options.RequestTimeout, cancellationToken);
    }

    /// <summary>Sends a request, maps errors to exceptions, and returns the JSON root of a 2xx answer.</summary>
    private async Task<JsonElement> Send(HttpRequestMessage request, string label, TimeSpan limit, CancellationToken cancellationToken)
    {
        // A linked source rather than HttpClient.Timeout: long polls and sends need different limits, and the
        // caller's own cancellation must stay distinguishable from our time limit.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage? response = null;
        try
        {
            string text;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                text = await response.Content.ReadAsStringAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
            {
                throw NoAnswer(ex, label, limit, timeout, cancellationToken);
            }

            LogCall(label, response.StatusCode, started);
            if (!response.IsSuccessStatusCode) throw Error(response, text);
            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // A 2xx that is not JSON is not the API speaking (a captive proxy, a wrong base URL).
                throw new MaxServerErrorException((int)response.StatusCode, null, $"{label} answered HTTP {(int)response.StatusCode} without JSON ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}).");
            }
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>Maps an error answer to the exception a sender acts on; the body's <c>code</c>/<c>message</c> when it is the API's JSON.</summary>
    private MaxApiException Error(HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        string? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (document.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String) code = Scrub(c.GetString()!);
                if (document.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String) message = Scrub(m.GetString()!);
            }
        }
        catch (JsonException)
        {
            // Not the API's JSON (a proxy's HTML page): described below by status and content type.
        }

        var description = message ?? $"no MAX error body ({response.Content.Headers.ContentType?.MediaType ?? "no content type"})";
        return status switch
        {
            401 => new MaxUnauthorizedException(code, description),
            429 => new MaxTooManyRequestsException(code, description, response.Headers.RetryAfter?.Delta),
            >= 500 => new MaxServerErrorException(status, code, description),
            _ => new MaxApiException(status, code, description),
        };
    }

    /// <summary>An exception for a request that got no answer: the caller's cancellation stays a cancellation; our limit becomes a timeout.</summary>
    private static Exception NoAnswer(Exception ex, string label, TimeSpan limit, CancellationTokenSource timeout, CancellationToken cancellationToken)
    {
        // Judge by the tokens, not the exception type: a cancelled send can surface as an HttpRequestException,
        // and a timeout as a TaskCanceledException.
        if (cancellationToken.IsCancellationRequested)
            return new OperationCanceledException($"MAX Bot API request {label} was cancelled.", cancellationToken);
        if (timeout.IsCancellationRequested)
            return new MaxRequestException($"MAX Bot API request {label} timed out after {limit.TotalSeconds:0.###} s.", isTimeout: true);
        // Rebuilt without inner exceptions, whose messages may quote a URL (an upload URL carries its own signature).
        var reason = ex is HttpRequestException { HttpRequestError: var error and not HttpRequestError.Unknown } ? error.ToString() : ex.GetType().Name;
        return new MaxRequestException($"MAX Bot API request {label} failed: {reason}.", isTimeout: false);
    }

    private static T Read<T>(JsonElement root, string label)
        where T : class
    {
        try
        {
            return root.Deserialize<T>(MaxJson.Options) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new MaxServerErrorException(200, null, $"{label} returned an unexpected body: {ex.Message}");
        }
    }

    /// <summary>Throws when a <c>SimpleQueryResult</c> says the call did not take effect.</summary>
    private void EnsureSuccess(JsonElement root, string label)
    {
        var result = Read<SimpleQueryResult>(root, label);
        if (!result.Success)
            throw new MaxApiException(200, null, Scrub(result.Message ?? $"{label} answered success: false."));
    }

    private void LogCall(string call, HttpStatusCode status, long started) =>
        LogCallCore(_logger, call, (int)status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MAX Bot API {Call} answered {Status} in {ElapsedMs:0} ms")]
    private static partial void LogCallCore(ILogger logger, string call, int status, double elapsedMs);

    /// <summary>An error text that quotes the token (a server echoing the header) must not carry it on.</summary>
    private string Scrub(string text) => text.Replace(_options.Token, "<token>", StringComparison.Ordinal);

    /// <summary>
    /// The multipart field <c>data</c> with the file. The Content-Disposition is written by hand with the name's raw
    /// UTF-8 bytes, as browsers and the official TypeScript client's form-data do; .NET's default would write the
    /// RFC 2047 form (=?utf-8?B?…?=), which upload hosts tend to show literally.
    /// </summary>
    private static StreamContent FilePart(string fileName, Stream content)
    {
        var name = fileName.Replace('"', '\'').Replace('\r', ' ').Replace('\n', ' ');
        var part = new NonDisposingStreamContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        part.Headers.TryAddWithoutValidation("Content-Disposition", Encoding.Latin1.GetString(Encoding.UTF8.GetBytes($"form-data; name=\"data\"; filename=\"{name}\"")));
        return part;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{5,256}\z")]
    private static partial Regex SecretPattern();

    /// <summary>Leaves the caller's stream open when the multipart content is disposed.</summary>
    private sealed class NonDisposingStreamContent(Stream stream) : StreamContent(stream)
    {
        protected override void Dispose(bool disposing)
        {
            // The caller owns the stream; StreamContent would close it.
        }
    }
}
