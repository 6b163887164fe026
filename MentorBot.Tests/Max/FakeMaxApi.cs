using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Host.Cli;
using MentorBot.Host.Max;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Tests.Max;

/// <summary>One request the fake MAX Bot API received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, e.g. <c>/messages</c>.</param>
/// <param name="Query">The query parameters (single values).</param>
/// <param name="Url">The full URL as received (to check that no token is in it).</param>
/// <param name="Authorization">The <c>Authorization</c> header, if sent.</param>
/// <param name="Json">The JSON body, if any.</param>
/// <param name="Files">The multipart file parts, if any.</param>
public sealed record MaxRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    string Url,
    string? Authorization,
    JsonElement? Json,
    IReadOnlyList<MaxUploadedFile> Files)
{
    /// <summary>A field of the JSON body; fails the test when absent.</summary>
    public JsonElement this[string field] => Json!.Value.GetProperty(field);

    /// <summary>True when the JSON body has <paramref name="field"/>.</summary>
    public bool Has(string field) => Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(field, out _);
}

/// <summary>One multipart file part.</summary>
/// <param name="Field">The form field's name.</param>
/// <param name="FileName">The file name as sent.</param>
/// <param name="Content">The bytes.</param>
public sealed record MaxUploadedFile(string Field, string FileName, byte[] Content);

/// <summary>A programmed answer; <see cref="Hang"/> never answers (until the client gives up).</summary>
public sealed record MaxFakeResponse(int StatusCode, string Body, string ContentType = "application/json", string? RetryAfter = null, bool Hang = false, byte[]? Bytes = null);

/// <summary>
/// An in-process MAX Bot API on ASP.NET Core's TestServer, written by hand from the documented JSON shapes
/// (dev.max.ru/docs-api, the OpenAPI schema in max-messenger-bot/max-bot-api-schemas) — never from our client's
/// types, so a field our client misnames fails a test. It checks the <c>Authorization</c> header (401
/// <c>verify.token</c> otherwise), records every request, keeps webhook subscriptions, serves queued updates
/// by <c>marker</c>, hands out an upload URL on itself, and answers with responses queued per
/// <c>"METHOD /path"</c> first.
/// </summary>
public sealed class FakeMaxApi : IAsyncDisposable
{
    /// <summary>The token the fake accepts, shaped like a MAX access token.</summary>
    public const string Token = "f9LHodD0cOLbr_SECRET-maxToken-0123456789abcdefXYZ";

    /// <summary>The API root to put in <see cref="MaxOptions.ApiBaseUrl"/>.</summary>
    public const string BaseUrl = "http://platform-api.fake";

    /// <summary>The bot's id in answers.</summary>
    public const long BotUserId = 590000001;

    /// <summary>A fixed instant for every timestamp the fake writes (2026-11-30 06:00 UTC): no test reads the clock.</summary>
    public const long Now = 1796018400000;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<MaxFakeResponse>> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<MaxRequest> _requests = new();
    private readonly List<string> _updates = [];
    private readonly List<JsonObject> _subscriptions = [];
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private int _nextSeq = 100;
    private int _nextUpload;

    /// <summary>Starts the fake server.</summary>
    public FakeMaxApi()
    {
        _app = StandInApi.Start(web => web.UseTestServer(), app => app.Map("/{**path}", HandleAsync));
    }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<MaxRequest> Requests => _requests.ToArray();

    /// <summary>The requests to one call, e.g. <c>"POST /messages"</c>.</summary>
    public IReadOnlyList<MaxRequest> RequestsTo(string call) => Requests.Where(r => $"{r.Method} {r.Path}" == call).ToArray();

    /// <summary>Queues the next answer to <paramref name="call"/> (<c>"METHOD /path"</c>).</summary>
    public void Enqueue(string call, MaxFakeResponse response) =>
        _queues.GetOrAdd(call, _ => new ConcurrentQueue<MaxFakeResponse>()).Enqueue(response);

    /// <summary>Adds an update (its JSON as MAX sends it) to the long-polling queue.</summary>
    public void PushUpdate(string json)
    {
        lock (_gate) _updates.Add(json);
    }

    /// <summary>Serves <paramref name="content"/> at <c>{BaseUrl}/files/{name}</c>, as MAX's file host would.</summary>
    public string AddFile(string name, byte[] content)
    {
        _files[name] = content;
        return $"{BaseUrl}/files/{name}?sig=download-signature";
    }

    /// <summary>A client over this server with <paramref name="token"/>.</summary>
    public MaxBotClient CreateClient(string token = Token, TimeSpan? requestTimeout = null, ILogger<MaxBotClient>? logger = null) =>
        new(Options(token, requestTimeout), CreateHttpClient(), logger);

    /// <summary>Options pointing at this server.</summary>
    public static MaxOptions Options(string token = Token, TimeSpan? requestTimeout = null) => new()
    {
        Token = token,
        ApiBaseUrl = BaseUrl,
        RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(60),
        LongPollGrace = TimeSpan.FromSeconds(5),
    };

    /// <summary>An HttpClient that reaches this server.</summary>
    public HttpClient CreateHttpClient() => _app.GetTestClient();

    /// <summary>A handler that reaches this server, for an IHttpClientFactory registration.</summary>
    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var recorded = await RecordAsync(context.Request);
        _requests.Enqueue(recorded);
        var call = $"{recorded.Method} {recorded.Path}";
        var isApi = !recorded.Path.StartsWith("/upload.do", StringComparison.Ordinal) && !recorded.Path.StartsWith("/files/", StringComparison.Ordinal);
        MaxFakeResponse response;
        if (_queues.TryGetValue(call, out var queue) && queue.TryDequeue(out var queued))
            response = queued;
        else if (isApi && recorded.Authorization != Token)
            response = Responses.InvalidToken();
        else
            response = Default(recorded);

        if (response.Hang)
        {
            using var abort = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, abort.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        if (response.RetryAfter is { } retryAfter) context.Response.Headers.RetryAfter = retryAfter;
        if (response.Bytes is { } bytes) await context.Response.Body.WriteAsync(bytes);
        else await context.Response.WriteAsync(response.Body);
    }

    private static async Task<MaxRequest> RecordAsync(HttpRequest request)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var files = new List<MaxUploadedFile>();
        JsonElement? json = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                files.Add(new MaxUploadedFile(file.Name, file.FileName, buffer.ToArray()));
            }
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            json = document.RootElement.Clone();
        }
        var url = $"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}";
        return new MaxRequest(request.Method, request.Path.Value ?? "", query, url, request.Headers.Authorization.FirstOrDefault(), json, files);
    }

    /// <summary>What MAX answers when all goes well (the schema's response objects).</summary>
    private MaxFakeResponse Default(MaxRequest request)
    {
        switch ($"{request.Method} {request.Path}")
        {
            case "GET /me":
                return Ok($$"""{"user_id":{{BotUserId}},"first_name":"Наставник","username":"mentor_test_bot","is_bot":true,"last_activity_time":{{Now}},"name":"Наставник","description":"Программа наставничества"}""");
            case "POST /messages":
                return Ok(SentMessage(request).ToJsonString());
            case "PUT /messages":
            case "DELETE /messages":
            case "POST /answers":
                return Ok("""{"success":true}""");
            case "GET /updates":
                return Ok(Updates(request));
            case "GET /subscriptions":
                lock (_gate) return Ok(new JsonObject { ["subscriptions"] = new JsonArray([.. _subscriptions.Select(s => s.DeepClone())]) }.ToJsonString());
            case "POST /subscriptions":
                lock (_gate)
                {
                    var url = request["url"].GetString();
                    _subscriptions.RemoveAll(s => (string?)s["url"] == url);
                    _subscriptions.Add(new JsonObject { ["url"] = url, ["time"] = Now, ["update_types"] = request.Has("update_types") ? JsonNode.Parse(request["update_types"].GetRawText()) : null });
                }
                return Ok("""{"success":true}""");
            case "DELETE /subscriptions":
                lock (_gate)
                {
                    var removed = _subscriptions.RemoveAll(s => (string?)s["url"] == request.Query["url"]);
                    return Ok(removed > 0 ? """{"success":true}""" : """{"success":false,"message":"Subscription not found"}""");
                }
            case "POST /uploads":
                var n = Interlocked.Increment(ref _nextUpload);
                return Ok($$"""{"url":"{{BaseUrl}}/upload.do?id={{n}}&type={{request.Query["type"]}}&sig=upload-signature"}""");
            case "POST /upload.do":
                return Ok($$"""{"token":"file-token-{{request.Query["id"]}}"}""");
        }
        if (request.Method == "GET" && request.Path.StartsWith("/files/", StringComparison.Ordinal) && _files.TryGetValue(request.Path["/files/".Length..], out var bytes))
            return new MaxFakeResponse(200, "", "application/octet-stream", Bytes: bytes);
        return new MaxFakeResponse(404, """{"code":"not.found","message":"Path not found"}""");
    }

    /// <summary>The created message, shaped from the request: recipient from the query, body from the request's body.</summary>
    private JsonObject SentMessage(MaxRequest request)
    {
        var seq = Interlocked.Increment(ref _nextSeq);
        var toUser = request.Query.TryGetValue("user_id", out var userId);
        var chatId = request.Query.TryGetValue("chat_id", out var c) ? long.Parse(c, CultureInfo.InvariantCulture) : 70000000 + long.Parse(userId!, CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["mid"] = $"mid.00000000000000{seq}",
            ["seq"] = seq,
            ["text"] = request.Has("text") ? request["text"].GetString() : null,
        };
        if (request.Has("attachments")) body["attachments"] = JsonNode.Parse(request["attachments"].GetRawText());
        return new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["sender"] = new JsonObject { ["user_id"] = BotUserId, ["first_name"] = "Наставник", ["username"] = "mentor_test_bot", ["is_bot"] = true, ["last_activity_time"] = Now },
                ["recipient"] = new JsonObject
                {
                    ["chat_id"] = chatId,
                    ["chat_type"] = toUser ? "dialog" : "chat",
                    ["user_id"] = toUser ? long.Parse(userId!, CultureInfo.InvariantCulture) : null,
                },
                ["timestamp"] = Now,
                ["body"] = body,
            },
        };
    }

    /// <summary>
    /// Long polling as documented: the marker points at the next expected update and everything before it counts
    /// as read; without a marker only the latest update comes back. <c>types</c> filters, <c>limit</c> caps.
    /// </summary>
    private string Updates(MaxRequest request)
    {
        lock (_gate)
        {
            var types = request.Query.TryGetValue("types", out var t) ? t.Split(',') : null;
            var limit = request.Query.TryGetValue("limit", out var l) ? int.Parse(l, CultureInfo.InvariantCulture) : 100;
            var from = request.Query.TryGetValue("marker", out var m) ? (int)long.Parse(m, CultureInfo.InvariantCulture) : Math.Max(0, _updates.Count - 1);
            var batch = new List<string>();
            var next = from;
            for (; next < _updates.Count && batch.Count < limit; next++)
            {
                var type = JsonNode.Parse(_updates[next])!["update_type"]!.GetValue<string>();
                if (types is null || types.Contains(type)) batch.Add(_updates[next]);
            }
            return $$"""{"updates":[{{string.Join(",", batch)}}],"marker":{{next}}}""";
        }
    }

    private static MaxFakeResponse Ok(string json) => new(200, json);

    /// <summary>Error answers as the docs show them: HTTP status and <c>{"code", "message"}</c>.</summary>
    public static class Responses
    {
        /// <summary>401 for a missing or wrong token (the docs' example body).</summary>
        public static MaxFakeResponse InvalidToken() => new(401, """{"code":"verify.token","message":"Invalid access_token"}""");

        /// <summary>429: more than 30 requests a second.</summary>
        public static MaxFakeResponse TooManyRequests(string? retryAfter = null) =>
            new(429, """{"code":"too.many.requests","message":"Too many requests"}""", RetryAfter: retryAfter);

        /// <summary>503: the service is unavailable.</summary>
        public static MaxFakeResponse ServiceUnavailable() => new(503, """{"code":"service.unavailable","message":"Service temporarily unavailable"}""");

        /// <summary>400 with the key MAX sends when a just-uploaded file is not processed yet.</summary>
        public static MaxFakeResponse AttachmentNotReady() =>
            new(400, """{"code":"attachment.not.ready","message":"Key: errors.process.attachment.file.not.processed"}""");

        /// <summary>400: an invalid request (e.g. text too long for the server).</summary>
        public static MaxFakeResponse BadRequest() => new(400, """{"code":"proto.payload","message":"text: size must be between 0 and 4000"}""");

        /// <summary>403: the user stopped the bot or the bot has no access to the chat.</summary>
        public static MaxFakeResponse Forbidden() => new(403, """{"code":"chat.denied","message":"dialog.suspended"}""");

        /// <summary>200 for <c>POST /messages</c>: the created message (schema <c>SendMessageResult</c>) with id <paramref name="mid"/> in <paramref name="chatId"/>.</summary>
        public static MaxFakeResponse Sent(long chatId, string mid) =>
            Ok(new JsonObject
            {
                ["message"] = new JsonObject
                {
                    ["recipient"] = new JsonObject { ["chat_id"] = chatId, ["chat_type"] = "dialog" },
                    ["timestamp"] = Now,
                    ["body"] = new JsonObject { ["mid"] = mid, ["seq"] = 1, ["text"] = null },
                },
            }.ToJsonString());

        /// <summary>502 from a proxy in front of the API: HTML, not the API's JSON.</summary>
        public static MaxFakeResponse BadGatewayHtml() => new(502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "text/html");
    }
}
