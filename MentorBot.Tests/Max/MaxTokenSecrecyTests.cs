using MentorBot.Host.Max;
using MentorBot.Tests.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;

namespace MentorBot.Tests.Max;

/// <summary>The MAX token never reaches a log line (captured at Trace, every category) or an exception's text.</summary>
public sealed class MaxTokenSecrecyTests : IAsyncLifetime
{
    private readonly FakeMaxApi _api = new();
    private readonly CapturingLoggerProvider _logs = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task No_log_line_or_exception_from_the_registered_client_contains_the_token()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddMaxBotClient(FakeMaxApi.Options(requestTimeout: TimeSpan.FromSeconds(60)));
        services.Configure<HttpClientFactoryOptions>(MaxBotClient.HttpClientName, o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = _api.CreateHandler()));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<MaxBotClient>();
        var log = provider.GetRequiredService<ILogger<MaxTokenSecrecyTests>>();
        _api.Enqueue("POST /messages", FakeMaxApi.Responses.TooManyRequests("1"));
        _api.Enqueue("POST /messages", FakeMaxApi.Responses.ServiceUnavailable());
        _api.Enqueue("POST /messages", FakeMaxApi.Responses.BadGatewayHtml());
        // A server (or a proxy) that quotes the header it refused.
        _api.Enqueue("POST /messages", new MaxFakeResponse(401, $$"""{"code":"verify.token","message":"Invalid access_token: {{FakeMaxApi.Token}}"}"""));
        _api.Enqueue("POST /messages", new MaxFakeResponse(200, "", Hang: true));
        // The call that hangs gets a short limit through the same registered HttpClient; the others a long one (a loaded machine is slow).
        var impatient = new MaxBotClient(
            FakeMaxApi.Options(requestTimeout: TimeSpan.FromMilliseconds(300)),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(MaxBotClient.HttpClientName),
            provider.GetRequiredService<ILogger<MaxBotClient>>());

        await client.GetMyInfo();
        await client.GetUpdates(timeout: 0);
        using var file = new MemoryStream([1, 2, 3]);
        await client.UploadFile((await client.GetUploadUrl(UploadTypes.File)).Url, "Отчёт.xlsx", file);
        var failures = new List<Exception>();
        foreach (var sender in new[] { client, client, client, client, impatient })
        {
            try
            {
                await sender.SendMessageToUser(4242, new NewMessageBody { Text = "x" });
            }
            catch (Exception ex)
            {
                failures.Add(ex);
                // What a careless caller would do: log the whole exception.
                log.LogError(ex, "Sending failed");
            }
        }

        failures.Select(f => f.GetType()).Should().Equal(
            typeof(MaxTooManyRequestsException), typeof(MaxServerErrorException), typeof(MaxServerErrorException), typeof(MaxUnauthorizedException), typeof(MaxRequestException));
        failures[3].Message.Should().Contain("Invalid access_token: <token>");
        _logs.Lines.Should().Contain(line => line.Contains("GET /me") && line.Contains("200"), "the capture must see the client's own log lines");
        var everything = _logs.Lines.Concat(failures.Select(f => f.ToString())).Append(FakeMaxApi.Options().ToString());
        everything.Should().NotContain(text => text.Contains(FakeMaxApi.Token) || text.Contains("SECRET-maxToken"));
        _api.Requests.Where(r => r.Path != "/upload.do").Should().OnlyContain(r => r.Authorization == FakeMaxApi.Token);
    }
}
