using System.Collections.Concurrent;
using System.Text.Json;
using MentorBot.Host.Cli;
using MentorBot.Host.Telegram;
using Telegram.Bot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Tests.Telegram;

/// <summary>One request the fake Bot API received.</summary>
/// <param name="Token">The token from the URL path.</param>
/// <param name="Method">The Bot API method, e.g. <c>sendMessage</c>.</param>
/// <param name="ContentType">The request's Content-Type.</param>
/// <param name="Json">The JSON body, for JSON requests.</param>
/// <param name="Form">The text fields, for multipart requests.</param>
/// <param name="Files">The file parts, for multipart requests.</param>
public sealed record RecordedRequest(
    string Token,
    string Method,
    string? ContentType,
    JsonElement? Json,
    IReadOnlyDictionary<string, string> Form,
    IReadOnlyList<RecordedFile> Files)
{
    /// <summary>A field of the JSON body; fails the test when the body has no such field.</summary>
    public JsonElement this[string field] => Json!.Value.GetProperty(field);

    /// <summary>True when the JSON body has <paramref name="field"/> (nulls are omitted, so absence matters).</summary>
    public bool Has(string field) => Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(field, out _);
}

/// <summary>One file part of a multipart request.</summary>
public sealed record RecordedFile(string Name, string FileName, string? ContentType, byte[] Content);

/// <summary>A programmed answer: status, body and content type, optionally after a delay or never (<see cref="Hang"/>).</summary>
public sealed record FakeResponse(int StatusCode, string Body, string ContentType = "application/json", TimeSpan Delay = default, bool Hang = false);

/// <summary>
/// An in-process Bot API on ASP.NET Core's TestServer. It records every request and answers with
/// responses queued per method (<see cref="Enqueue(string, FakeResponse)"/>), else <see cref="Handler"/>,
/// else a plausible success. The canned error bodies copy Telegram's real ones
/// (../shared/reference/telegram.md). Reuse it wherever a test needs a Bot API.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    /// <summary>The token <see cref="CreateClient"/> uses by default; shaped like a real one.</summary>
    public const string DefaultToken = "7012345678:AAH-secret_TOKEN-0123456789abcdefXYZ";

    /// <summary>The API root to give the client together with a handler from <see cref="CreateHandler"/>.</summary>
    public const string BaseUrl = "http://localhost";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _nextMessageId = 100;

    /// <summary>Starts the fake server.</summary>
    public FakeBotApi()
    {
        _app = StandInApi.Start(web => web.UseTestServer(), app => app.MapPost("/bot{token}/{method}", HandleAsync));
    }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Answers requests that have nothing queued; return null to fall back to the default success.</summary>
    public Func<RecordedRequest, FakeResponse?>? Handler { get; set; }

    /// <summary>Queues the next answer to <paramref name="method"/>.</summary>
    public void Enqueue(string method, FakeResponse response) =>
        _queues.GetOrAdd(method, _ => new ConcurrentQueue<FakeResponse>()).Enqueue(response);

    /// <summary>Queues the next answer to <paramref name="method"/>: a status and a JSON body.</summary>
    public void Enqueue(string method, int statusCode, string jsonBody) => Enqueue(method, new FakeResponse(statusCode, jsonBody));

    /// <summary>Queues a request to <paramref name="method"/> that is never answered (until the client gives up).</summary>
    public void EnqueueHang(string method) => Enqueue(method, new FakeResponse(200, "", Hang: true));

    /// <summary>The requests to one method.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string method) => Requests.Where(r => r.Method == method).ToArray();

    /// <summary>A handler that reaches this server, e.g. for <c>ConfigurePrimaryHttpMessageHandler</c>.</summary>
    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    /// <summary>An HttpClient that reaches this server.</summary>
    public HttpClient CreateHttpClient() => _app.GetTestClient();

    /// <summary>
    /// Telegram.Bot's <see cref="TelegramBotClient"/> talking to this server with the production options
    /// (<see cref="TelegramServiceCollectionExtensions.ClientOptions"/>) and HTTP time limit, unless <paramref name="timeout"/> is given.
    /// </summary>
    public TelegramBotClient CreateClient(string token = DefaultToken, TimeSpan? timeout = null)
    {
        var http = CreateHttpClient();
        http.Timeout = timeout ?? TelegramServiceCollectionExtensions.HttpTimeout;
        return new TelegramBotClient(TelegramServiceCollectionExtensions.ClientOptions(token, BaseUrl), http);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var recorded = await RecordAsync(context.Request, token, method);
        _requests.Enqueue(recorded);
        var response = _queues.TryGetValue(method, out var queue) && queue.TryDequeue(out var queued)
            ? queued
            : Handler?.Invoke(recorded) ?? DefaultSuccess(recorded);

        using var abort = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            if (response.Hang) await Task.Delay(Timeout.Infinite, abort.Token);
            if (response.Delay > TimeSpan.Zero) await Task.Delay(response.Delay, abort.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        await context.Response.WriteAsync(response.Body);
    }

    private static async Task<RecordedRequest> RecordAsync(HttpRequest request, string token, string method)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<RecordedFile>();
        JsonElement? json = null;
        if (request.HasFormContentType)
        {
            var parsed = await request.ReadFormAsync();
            foreach (var (key, value) in parsed) form[key] = value.ToString();
            foreach (var file in parsed.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                files.Add(new RecordedFile(file.Name, file.FileName, file.ContentType, buffer.ToArray()));
            }
        }
        else
        {
            // Telegram.Bot sends parameterless methods (getMe) without a body.
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            if (body.Length > 0)
            {
                using var document = JsonDocument.Parse(body);
                json = document.RootElement.Clone();
            }
        }
        return new RecordedRequest(token, method, request.ContentType, json, form, files);
    }

    /// <summary>What Telegram answers when all goes well, shaped from the request where it matters.</summary>
    private FakeResponse DefaultSuccess(RecordedRequest request)
    {
        const long now = 1788242400; // A fixed instant: no test reads the wall clock.
        object result = request.Method switch
        {
            "getMe" => new { id = 7012345678, is_bot = true, first_name = "MentorBot", username = "mentor_test_bot" },
            "getUpdates" => Array.Empty<object>(),
            "sendMessage" => new
            {
                message_id = Interlocked.Increment(ref _nextMessageId),
                from = new { id = 7012345678, is_bot = true, first_name = "MentorBot" },
                chat = new { id = request["chat_id"].GetInt64(), type = "private" },
                date = now,
                text = request["text"].GetString(),
            },
            "sendDocument" => new
            {
                message_id = Interlocked.Increment(ref _nextMessageId),
                chat = new { id = long.Parse(request.Form["chat_id"], System.Globalization.CultureInfo.InvariantCulture), type = "private" },
                date = now,
                document = new { file_id = "BQACAgIAAxkBAAIB", file_name = request.Files.FirstOrDefault()?.FileName, file_size = request.Files.FirstOrDefault()?.Content.Length },
                caption = request.Form.GetValueOrDefault("caption"),
            },
            "sendPhoto" => new
            {
                message_id = Interlocked.Increment(ref _nextMessageId),
                chat = new { id = long.Parse(request.Form["chat_id"], System.Globalization.CultureInfo.InvariantCulture), type = "private" },
                date = now,
                photo = new[] { new { file_id = "AgACAgIAAxkBAAIC", file_unique_id = "AQADAgAT", width = 640, height = 480, file_size = request.Files.FirstOrDefault()?.Content.Length } },
                caption = request.Form.GetValueOrDefault("caption"),
            },
            _ => true,
        };
        return Responses.Ok(JsonSerializer.Serialize(result));
    }

    /// <summary>Real Bot API response bodies (../shared/reference/telegram.md).</summary>
    public static class Responses
    {
        /// <summary>200 with <c>{"ok":true,"result":…}</c>.</summary>
        public static FakeResponse Ok(string resultJson) => new(200, $$"""{"ok":true,"result":{{resultJson}}}""");

        /// <summary>400: the chat does not exist or the bot never talked to it.</summary>
        public static FakeResponse ChatNotFound() =>
            new(400, """{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}""");

        /// <summary>403: the user blocked the bot; never retry.</summary>
        public static FakeResponse BlockedByUser() =>
            new(403, """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""");

        /// <summary>429: flood limit; the whole bot waits <paramref name="retryAfter"/> seconds.</summary>
        public static FakeResponse TooManyRequests(int retryAfter = 35) =>
            new(429, $$$"""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after {{{retryAfter}}}","parameters":{"retry_after":{{{retryAfter}}}}}""");

        /// <summary>409: a webhook is set, or another getUpdates poller is running.</summary>
        public static FakeResponse Conflict() =>
            new(409, """{"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}""");

        /// <summary>502 from a reverse proxy in front of the API: HTML, not the API's JSON.</summary>
        public static FakeResponse BadGatewayHtml() =>
            new(502, "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n", "text/html");

        /// <summary>
        /// The telegram-test-api emulator's answer to a method it does not implement (sendDocument,
        /// setMyCommands…): HTTP 500 with its own JSON, which has no <c>ok</c> field.
        /// </summary>
        public static FakeResponse EmulatorUnsupported(string method) =>
            new(500, $$"""{"message":"API method '{{method}}' is not supported. Are you sure you're using Telegram Bot API correctly? Check out the list of methods supported by `telegram-test-api` package or look at official documentation: https://core.telegram.org/bots/api#available-methods"}""");

        /// <summary>The emulator's answer to sendMessage and the edit/answer methods: success without a result.</summary>
        public static FakeResponse NullResult() => new(200, """{"ok":true,"result":null}""");

        /// <summary>A 200 whose body says the request failed (Bot API: <c>ok</c> decides, not the HTTP status).</summary>
        public static FakeResponse OkFalseOn200() =>
            new(200, """{"ok":false,"error_code":500,"description":"Internal Server Error: restart"}""");
    }
}
