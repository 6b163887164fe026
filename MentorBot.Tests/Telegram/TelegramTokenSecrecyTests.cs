using System.Collections.Concurrent;
using System.Net;
using MentorBot.Host.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorBot.Tests.Telegram;

/// <summary>The bot token is in every request URL; it must never reach a log line or an exception message.</summary>
public sealed class TelegramTokenSecrecyTests : IAsyncLifetime
{
    private const string Token = FakeBotApi.DefaultToken;
    private const string TokenSecretPart = "AAH-secret_TOKEN";

    private readonly FakeBotApi _api = new();
    private readonly CapturingLoggerProvider _logs = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task No_log_line_or_exception_from_the_registered_client_contains_the_token()
    {
        await using var provider = BuildServices(services => services.AddTelegramBotClient(_ => Options()));
        var client = provider.GetRequiredService<ITelegramBotClient>();
        var log = provider.GetRequiredService<ILogger<TelegramTokenSecrecyTests>>();
        _api.Enqueue("sendMessage", FakeBotApi.Responses.ChatNotFound());
        _api.Enqueue("sendMessage", FakeBotApi.Responses.BlockedByUser());
        _api.Enqueue("sendMessage", FakeBotApi.Responses.TooManyRequests());
        _api.Enqueue("sendMessage", FakeBotApi.Responses.BadGatewayHtml());
        _api.EnqueueHang("sendMessage");

        await client.GetMe();
        var failures = new List<Exception>();
        for (var i = 0; i < 5; i++)
        {
            try
            {
                await client.SendMessage(111, "x");
            }
            catch (Exception ex)
            {
                failures.Add(ex);
                // What a careless caller would do: log the whole exception.
                log.LogError(ex, "Sending failed");
            }
        }

        failures.Select(f => f.GetType()).Should().Equal(
            typeof(ApiRequestException), typeof(ApiRequestException), typeof(ApiRequestException), typeof(ApiRequestException), typeof(TimeoutException));
        _logs.Lines.Should().Contain(line => line.Contains("getMe"), "the capture must see the client's own log lines");
        AssertNoToken(_logs.Lines.Concat(failures.Select(f => f.ToString())));
    }

    [Fact]
    public async Task The_default_HttpClient_loggers_would_leak_the_token()
    {
        // The control for the test above: without RemoveAllLoggers the factory logs the request URL.
        await using var provider = BuildServices(services => services.AddHttpClient(TelegramServiceCollectionExtensions.HttpClientName));
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(TelegramServiceCollectionExtensions.HttpClientName);

        await new TelegramBotClient(Options(), http).GetMe();

        _logs.Lines.Should().Contain(line => line.Contains(Token));
    }

    [Fact]
    public async Task Network_errors_are_rethrown_without_the_token()
    {
        // A handler that fails the way a proxy or a diagnostic handler might: with the full URL in the messages.
        var leaky = new ThrowingHandler(request =>
            new HttpRequestException(
                $"Connection refused ({request.RequestUri}) {Uri.EscapeDataString(Token)}",
                new IOException($"socket for {request.RequestUri}")));
        var client = new TelegramBotClient(Options(), new HttpClient(leaky));

        var act = () => client.SendMessage(111, "x");

        var ex = (await act.Should().ThrowAsync<HttpRequestException>()).Which;
        ex.Message.Should().Contain("sendMessage").And.Contain("Connection refused").And.Contain("<token>");
        ex.InnerException.Should().BeNull();
        AssertNoToken([ex.ToString()]);
    }

    [Fact]
    public async Task A_refused_connection_is_an_HttpRequestException_without_the_token()
    {
        // Port 9 (discard) on loopback: nothing listens there on a test machine.
        var options = new TelegramBotClientOptions { Token = Token, BaseUrl = "http://127.0.0.1:9", RequestTimeout = TimeSpan.FromSeconds(5) };
        using var http = new HttpClient();

        var act = () => new TelegramBotClient(options, http).GetMe();

        var ex = (await act.Should().ThrowAsync<HttpRequestException>()).Which;
        AssertNoToken([ex.ToString()]);
    }

    [Fact]
    public async Task A_description_echoing_the_token_is_scrubbed()
    {
        _api.Enqueue("getMe", 401, $$"""{"ok":false,"error_code":401,"description":"Unauthorized: bot{{Token}} unknown"}""");

        var act = () => _api.CreateClient().GetMe();

        var ex = (await act.Should().ThrowAsync<ApiRequestException>()).Which;
        ex.ErrorCode.Should().Be(401);
        AssertNoToken([ex.ToString()]);
    }

    private static TelegramBotClientOptions Options() =>
        new() { Token = Token, BaseUrl = FakeBotApi.BaseUrl, RequestTimeout = TimeSpan.FromSeconds(3) };

    private static void AssertNoToken(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            text.Should().NotContain(TokenSecretPart);
            text.Should().NotContain(Uri.EscapeDataString(Token));
        }
    }

    private ServiceProvider BuildServices(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        register(services);
        // Route the named client to the fake; this replaces only the primary handler, not the logging setup.
        services.AddHttpClient(TelegramServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(_api.CreateHandler);
        return services.BuildServiceProvider();
    }

    private sealed class ThrowingHandler(Func<HttpRequestMessage, Exception> failure) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(failure(request));
    }
}

/// <summary>Collects every formatted log line (with its exception) from every category, for assertions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Everything logged so far: "category level message" plus the exception's ToString().</summary>
    public IReadOnlyList<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Structured values too: a sink that stores properties would leak them even if the message does not.
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{category} {logLevel} {formatter(state, exception)} {properties} {exception}");
        }
    }
}
