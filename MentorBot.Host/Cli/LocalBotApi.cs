using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Host.Cli;

/// <summary>A message the fake Bot API accepted: the chat, the text and when (<see cref="Stopwatch"/> ticks).</summary>
/// <param name="ChatId">The <c>chat_id</c> of the call.</param>
/// <param name="Text">The message text (or a document's caption).</param>
/// <param name="At">When it was accepted, in <see cref="Stopwatch.GetTimestamp"/> ticks.</param>
public sealed record AcceptedSend(long ChatId, string Text, long At);

/// <summary>
/// A stand-in for the Bot API on a free port of 127.0.0.1 (Kestrel, real HTTP), for <c>bench sender</c> and the fault
/// suite (<c>scripts/faults</c>); never for production. It accepts every method of a bot whose sending goes through the
/// outbox, records each accepted message per chat, holds Telegram's global limit (more than
/// <see cref="GlobalLimitPerSecond"/> messages in any sliding second get a 429 with <c>retry_after</c> 1, as Telegram
/// answers — ../shared/reference/telegram.md), and can be made slow (<see cref="Delay"/>), down (<see cref="Down"/>:
/// 502 to every call, as a proxy in front of an unreachable API) or rate-limited (<see cref="RetryAfter"/>: 429 to every
/// message). getUpdates serves the updates given to <see cref="AddMessage"/> by offset, as Telegram does: an update is
/// served again until a later call's offset confirms it.
/// </summary>
public sealed class LocalBotApi : IAsyncDisposable
{
    /// <summary>A token in the Bot API's shape (Telegram.Bot refuses others); it opens nothing.</summary>
    public const string Token = "7000000001:AAFakeLocalBotApi_token_for_bench_and_faults";

    private static readonly HashSet<string> MessageMethods = new(StringComparer.Ordinal) { "sendMessage", "sendDocument", "editMessageText", "editMessageReplyMarkup" };
    private WebApplication app = null!;
    private readonly ConcurrentQueue<AcceptedSend> accepted = new();
    private readonly ConcurrentQueue<long> messageCalls = new();
    private readonly Queue<long> window = new();
    private readonly Lock gate = new();
    private readonly SortedDictionary<long, string> updates = [];
    private readonly Dictionary<long, string> added = [];
    private long nextUpdateId = 1_000;
    private int nextMessageId = 1;
    private int tooManyRequests;
    private int updatesServed;
    private TaskCompletionSource newUpdates = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalBotApi()
    {
    }

    /// <summary>The API root to give the client (<c>MENTORBOT_API_BASE_URL</c>), e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Most messages accepted in any sliding second before 429s (Telegram: about 30).</summary>
    public int GlobalLimitPerSecond { get; set; } = 30;

    /// <summary>How long each call waits before it is answered (a slow API).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>While true, every call gets 502 Bad Gateway (an API that cannot be reached).</summary>
    public bool Down { get; set; }

    /// <summary>While set, every message gets 429 with this <c>retry_after</c> (seconds).</summary>
    public int? RetryAfter { get; set; }

    /// <summary>Every message accepted so far, in arrival order.</summary>
    public IReadOnlyList<AcceptedSend> Accepted => accepted.ToArray();

    /// <summary>When each message call arrived (<see cref="Stopwatch"/> ticks), those answered with 429 included.</summary>
    public IReadOnlyList<long> MessageCalls => messageCalls.ToArray();

    /// <summary>How many 429s were answered.</summary>
    public int TooManyRequests => Volatile.Read(ref tooManyRequests);

    /// <summary>How many updates getUpdates has handed out, repeats included.</summary>
    public int UpdatesServed => Volatile.Read(ref updatesServed);

    /// <summary>Starts the fake on <paramref name="port"/> of 127.0.0.1 (0 = a free one).</summary>
    public static Task<LocalBotApi> StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var api = new LocalBotApi();
        api.app = StandInApi.Start(
            web => web.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"),
            app => app.MapPost("/{bot}/{method}", api.HandleAsync)); // "/bot{token}/…" does not match a token with ':' in Kestrel's routing
        api.BaseUrl = api.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return Task.FromResult(api);
    }

    /// <summary>Queues a private text message from user <paramref name="userId"/> (chat id = user id) for getUpdates; returns its update id.</summary>
    public long AddMessage(long userId, string text)
    {
        lock (gate)
        {
            var id = nextUpdateId++;
            updates[id] = added[id] = Update(id, userId, text).ToJsonString();
            newUpdates.TrySetResult();
            return id;
        }
    }

    /// <summary>
    /// Serves the updates <paramref name="ids"/> again, confirmed or not, to the next getUpdates without an offset (a
    /// bot that starts afresh): as when the call that confirmed them never reached Telegram. Returns how many.
    /// </summary>
    public int Redeliver(IEnumerable<long> ids)
    {
        lock (gate)
        {
            var count = 0;
            foreach (var id in ids)
                if (added.TryGetValue(id, out var json) && updates.TryAdd(id, json)) count++;
            newUpdates.TrySetResult();
            return count;
        }
    }

    /// <summary>The Bot API Update of a private text message, for getUpdates or a webhook POST.</summary>
    public static JsonObject Update(long updateId, long userId, string text) => new()
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = updateId,
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Пользователь", ["language_code"] = "ru" },
            ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Пользователь" },
            ["date"] = 1_788_242_400,
            ["text"] = text,
        },
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        lock (gate) newUpdates.TrySetResult();
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string bot, string method)
    {
        var token = bot.StartsWith("bot", StringComparison.Ordinal) ? bot[3..] : "";
        var body = await ReadAsync(context.Request);
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, context.RequestAborted);
        if (Down)
        {
            await WriteAsync(context, 502, """{"ok":false,"error_code":502,"description":"Bad Gateway"}""");
            return;
        }

        if (token != Token)
        {
            await WriteAsync(context, 401, """{"ok":false,"error_code":401,"description":"Unauthorized"}""");
            return;
        }

        if (method == "getUpdates")
        {
            await WriteAsync(context, 200, await GetUpdatesAsync(body, context.RequestAborted));
            return;
        }

        if (!MessageMethods.Contains(method))
        {
            await WriteAsync(context, 200, method == "getMe"
                ? """{"ok":true,"result":{"id":7000000001,"is_bot":true,"first_name":"MentorBot","username":"mentor_local_bot"}}"""
                : """{"ok":true,"result":true}""");
            return;
        }

        var now = Stopwatch.GetTimestamp();
        messageCalls.Enqueue(now);
        int? retryAfter = RetryAfter;
        if (retryAfter is null)
        {
            lock (window)
            {
                while (window.Count > 0 && Stopwatch.GetElapsedTime(window.Peek(), now) >= TimeSpan.FromSeconds(1)) window.Dequeue();
                if (window.Count >= GlobalLimitPerSecond) retryAfter = 1;
                else window.Enqueue(now);
            }
        }

        if (retryAfter is { } seconds)
        {
            Interlocked.Increment(ref tooManyRequests);
            await WriteAsync(context, 429, $$$"""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after {{{seconds}}}","parameters":{"retry_after":{{{seconds}}}}}""");
            return;
        }

        var chatId = long.Parse(body.GetValueOrDefault("chat_id") ?? "0", CultureInfo.InvariantCulture);
        var text = body.GetValueOrDefault("text") ?? body.GetValueOrDefault("caption") ?? "";
        accepted.Enqueue(new AcceptedSend(chatId, text, now));
        var messageId = method.StartsWith("edit", StringComparison.Ordinal) ? null : (int?)Interlocked.Increment(ref nextMessageId);
        await WriteAsync(context, 200, messageId is { } id
            ? new JsonObject
            {
                ["ok"] = true,
                ["result"] = new JsonObject
                {
                    ["message_id"] = id, ["date"] = 1_788_242_400, ["text"] = text,
                    ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "group" : "private" },
                },
            }.ToJsonString()
            : """{"ok":true,"result":true}""");
    }

    // Telegram: updates below the offset are confirmed and forgotten; the rest are served (up to limit), the call
    // waiting up to its timeout for one to arrive.
    private async Task<string> GetUpdatesAsync(Dictionary<string, string> body, CancellationToken cancellationToken)
    {
        var offset = long.TryParse(body.GetValueOrDefault("offset"), CultureInfo.InvariantCulture, out var o) ? o : 0;
        var limit = int.TryParse(body.GetValueOrDefault("limit"), CultureInfo.InvariantCulture, out var l) && l is > 0 and <= 100 ? l : 100;
        var timeout = int.TryParse(body.GetValueOrDefault("timeout"), CultureInfo.InvariantCulture, out var t) ? Math.Clamp(t, 0, 50) : 0;
        Task arrival;
        lock (gate)
        {
            foreach (var confirmed in updates.Keys.Where(id => id < offset).ToList()) updates.Remove(confirmed);
            if (updates.Count == 0 && newUpdates.Task.IsCompleted) newUpdates = new(TaskCreationOptions.RunContinuationsAsynchronously);
            arrival = newUpdates.Task;
        }

        if (timeout > 0 && !arrival.IsCompleted)
            await Task.WhenAny(arrival, Task.Delay(TimeSpan.FromSeconds(timeout), cancellationToken));
        lock (gate)
        {
            var served = updates.Where(u => u.Key >= offset).Take(limit).Select(u => u.Value).ToList();
            Interlocked.Add(ref updatesServed, served.Count);
            return $"{{\"ok\":true,\"result\":[{string.Join(',', served)}]}}";
        }
    }

    // The call's parameters: a JSON object (Telegram.Bot's usual body) or form fields (uploads); values as text.
    private static async Task<Dictionary<string, string>> ReadAsync(HttpRequest request)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync()) fields[key] = value.ToString();
            return fields;
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        if (text.Length == 0) return fields;
        using var json = JsonDocument.Parse(text);
        if (json.RootElement.ValueKind != JsonValueKind.Object) return fields;
        foreach (var property in json.RootElement.EnumerateObject())
            fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        return fields;
    }

    private static async Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }
}
