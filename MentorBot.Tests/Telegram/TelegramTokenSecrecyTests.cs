using System.Collections.Concurrent;
using MentorBot.Domain.Conversations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace MentorBot.Tests.Telegram;

/// <summary>The bot token is in every request URL; it must never reach a log line or an exception we keep or log.</summary>
public sealed class TelegramTokenSecrecyTests : IAsyncLifetime
{
    private const string Token = FakeBotApi.DefaultToken;
    private const string TokenSecretPart = "AAH-secret_TOKEN";
    private static readonly DateTimeOffset Due = new(2026, 9, 1, 6, 0, 0, TimeSpan.Zero);

    private readonly FakeBotApi _api = new();
    private readonly CapturingLoggerProvider _logs = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static ClaimedOutboxRow Row()
    {
        var message = new TelegramAdapter().Render(Reply.Plain("Привет"), 111, false, "k", Due).Single();
        return new ClaimedOutboxRow(1, 111, message.Kind, message.PayloadJson, 1);
    }

    [Fact]
    public async Task No_log_line_or_failure_from_the_registered_client_contains_the_token()
    {
        await using var provider = BuildServices(services => services.AddTelegramBotClient(Token, FakeBotApi.BaseUrl));
        var client = provider.GetRequiredService<ITelegramBotClient>();
        var delivery = new TelegramDelivery(client);
        var log = provider.GetRequiredService<ILogger<TelegramTokenSecrecyTests>>();
        _api.Enqueue("sendMessage", FakeBotApi.Responses.ChatNotFound());
        _api.Enqueue("sendMessage", FakeBotApi.Responses.BlockedByUser());
        _api.Enqueue("sendMessage", FakeBotApi.Responses.TooManyRequests());
        _api.Enqueue("sendMessage", FakeBotApi.Responses.BadGatewayHtml());
        _api.Enqueue("sendMessage", 401, $$"""{"ok":false,"error_code":401,"description":"Unauthorized: bot{{Token}} unknown"}""");

        await client.GetMe();
        var failures = new List<DeliveryException>();
        for (var i = 0; i < 5; i++)
        {
            try
            {
                await delivery.DeliverAsync(Row(), CancellationToken.None);
            }
            catch (DeliveryException ex)
            {
                failures.Add(ex);
                // What a careless caller would do: log the whole exception.
                log.LogError(ex, "Sending failed");
            }
        }

        failures.Select(f => f.Failure).Should().Equal(
            DeliveryFailure.Permanent, DeliveryFailure.Blocked, DeliveryFailure.RateLimited, DeliveryFailure.Transient, DeliveryFailure.Permanent);
        _api.Requests.Should().HaveCount(6);
        _logs.Lines.Should().HaveCount(5, "the capture must see what was logged");
        AssertNoToken(_logs.Lines.Concat(failures.Select(f => f.ToString())));
    }

    [Fact]
    public async Task The_default_HttpClient_loggers_would_leak_the_token()
    {
        // The control for the test above: without RemoveAllLoggers the factory logs the request URL.
        await using var provider = BuildServices(services => services.AddHttpClient(TelegramServiceCollectionExtensions.HttpClientName));
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(TelegramServiceCollectionExtensions.HttpClientName);

        await new TelegramBotClient(TelegramServiceCollectionExtensions.ClientOptions(Token, FakeBotApi.BaseUrl), http).GetMe();

        _logs.Lines.Should().Contain(line => line.Contains(Token));
    }

    [Fact]
    public async Task Network_errors_that_quote_the_url_are_kept_without_the_token()
    {
        // A handler that fails the way a proxy or a diagnostic handler might: with the full URL in the messages.
        var leaky = new ThrowingHandler(request =>
            new HttpRequestException(
                $"Connection refused ({request.RequestUri}) {Uri.EscapeDataString(Token)}",
                new IOException($"socket for {request.RequestUri}")));
        var client = new TelegramBotClient(TelegramServiceCollectionExtensions.ClientOptions(Token, FakeBotApi.BaseUrl), new HttpClient(leaky));

        var act = () => new TelegramDelivery(client).DeliverAsync(Row(), CancellationToken.None);

        var ex = (await act.Should().ThrowAsync<DeliveryException>()).Which;
        ex.Failure.Should().Be(DeliveryFailure.Transient);
        ex.Message.Should().Contain("Connection refused").And.Contain("<token>");
        ex.InnerException.Should().BeNull();
        AssertNoToken([ex.ToString()]);
    }

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
