using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.EndToEnd;

/// <summary>
/// The npm telegram-test-api emulator as a child process (<c>node emulator.js PORT</c> on a free port of
/// 127.0.0.1), plus its test-client endpoints: what a person sends and what the bot answered.
/// scripts/test installs node_modules; without them the start fails with a message saying so.
/// </summary>
public sealed class TelegramEmulator : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process process;
    private readonly HttpClient http;

    private readonly TimeProvider clock;

    private TelegramEmulator(Process process, int port, TimeProvider clock)
    {
        this.process = process;
        this.clock = clock;
        Port = port;
        http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int Port { get; }

    /// <summary>The bot's API base URL (it calls <c>{BaseUrl}/bot&lt;token&gt;/&lt;method&gt;</c>).</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Starts the emulator and waits until it prints "ready"; messages it is given are dated by <paramref name="clock"/>.</summary>
    public static async Task<TelegramEmulator> StartAsync(TimeProvider clock)
    {
        var folder = Path.Combine(RepositoryPaths.Root(), "MentorBot.Tests", "EndToEnd", "emulator");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "telegram-test-api")))
            throw new InvalidOperationException($"telegram-test-api is not installed in {folder}: run the tests with ./scripts/test (or npm ci there).");

        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("emulator.js");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data?.Trim() == "ready") ready.TrySetResult(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"The emulator exited before it was ready: {errors}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var emulator = new TelegramEmulator(process, port, clock);
        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }

        return emulator;
    }

    /// <summary>A person in a private chat with the bot sends <paramref name="text"/> (a command gets its bot_command entity).</summary>
    public Task SendTextAsync(string botToken, long userId, string text)
    {
        var message = new JsonObject
        {
            ["botToken"] = botToken,
            ["from"] = Person(userId),
            ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Анна" },
            ["date"] = clock.GetUtcNow().ToUnixTimeSeconds(),
            ["text"] = text,
        };
        if (!text.StartsWith('/'))
            return PostAsync("/sendMessage", message);

        var length = text.IndexOf(' ') is var space and >= 0 ? space : text.Length;
        message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        return PostAsync("/sendCommand", message);
    }

    /// <summary>The person presses the button with <paramref name="data"/> under the bot's message <paramref name="messageId"/>.</summary>
    public Task PressAsync(string botToken, long userId, int messageId, string data) => PostAsync("/sendCallback", new JsonObject
    {
        ["botToken"] = botToken,
        ["from"] = Person(userId),
        ["message"] = new JsonObject
        {
            ["message_id"] = messageId,
            ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Анна" },
            ["date"] = clock.GetUtcNow().ToUnixTimeSeconds(),
        },
        ["data"] = data,
    });

    /// <summary>The bot's messages to <paramref name="chatId"/> not read yet (each is read once).</summary>
    public async Task<IReadOnlyList<BotMessage>> ReadBotMessagesAsync(string botToken, long chatId)
    {
        var answer = await PostAsync("/getUpdates", new JsonObject { ["token"] = botToken, ["chatId"] = chatId });
        return answer["result"]!.AsArray().Select(ToBotMessage).ToList();
    }

    /// <summary>
    /// Reads the bot's messages to <paramref name="chatId"/> until <paramref name="count"/> arrived or
    /// <paramref name="deadline"/> passed; returns what arrived.
    /// </summary>
    public async Task<IReadOnlyList<BotMessage>> WaitForBotMessagesAsync(string botToken, long chatId, int count, TimeSpan deadline)
    {
        var received = new List<BotMessage>();
        var watch = Stopwatch.StartNew();
        while (received.Count < count && watch.Elapsed < deadline)
        {
            received.AddRange(await ReadBotMessagesAsync(botToken, chatId));
            if (received.Count < count) await Task.Delay(100);
        }

        return received;
    }

    /// <summary>Everything the emulator stored for the bot: the people's updates and the bot's messages (raw).</summary>
    public async Task<JsonArray> HistoryAsync(string botToken) =>
        (await PostAsync("/getUpdatesHistory", new JsonObject { ["token"] = botToken }))["result"]!.AsArray();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
        }

        process.Dispose();
    }

    private async Task<JsonNode> PostAsync(string path, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Emulator {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static JsonObject Person(long userId) => new() { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Анна" };

    // A stored bot message: {time, botToken, message: <the sendMessage body>, updateId, messageId, isRead}.
    private static BotMessage ToBotMessage(JsonNode? stored)
    {
        var message = stored!["message"]!;
        var buttons = message["reply_markup"]?["inline_keyboard"]?.AsArray()
            .SelectMany(row => row!.AsArray())
            .ToList() ?? [];
        return new BotMessage(stored["messageId"]!.GetValue<int>(), message["text"]!.GetValue<string>(),
            buttons.Select(b => b!["callback_data"]!.GetValue<string>()).ToList(),
            buttons.Select(b => b!["text"]!.GetValue<string>()).ToList());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A message the bot sent, as the emulator stored it.</summary>
/// <param name="MessageId">The id the emulator gave it (a button press refers to it).</param>
/// <param name="Text">The text as sent (HTML).</param>
/// <param name="CallbackData">The data of its inline buttons, row by row.</param>
/// <param name="Labels">The labels of the same buttons, in the same order.</param>
public sealed record BotMessage(int MessageId, string Text, IReadOnlyList<string> CallbackData, IReadOnlyList<string> Labels)
{
    /// <summary>The data of the one button labelled <paramref name="label"/> (as a person finds a button: by what it says).</summary>
    public string DataOf(string label) =>
        CallbackData[Labels.ToList().IndexOf(label) is var i and >= 0 ? i : throw new InvalidOperationException($"No button «{label}» under «{Text}»: {string.Join(" | ", Labels)}")];
}
