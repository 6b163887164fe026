using System.Net;
using MentorBot.Host;
using MentorBot.Host.Configuration;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Integration;
using MentorBot.Tests.Telegram;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace MentorBot.Tests.Faults;

/// <summary>
/// Issue 12 item 6: the whole host starts while the Bot API refuses the token or cannot be reached, says why in one
/// log line per attempt and on <c>/healthz</c> (503), keeps retrying with backoff, and once the API answers it
/// deletes the webhook, polls, and answers what people sent meanwhile.
/// </summary>
public sealed class StartupFaultTests : IAsyncLifetime
{
    private readonly FaultBot bot = new();
    private readonly CapturingLoggerProvider logs = new();
    private IHost host = null!;
    private HttpClient http = null!;

    public Task InitializeAsync() => bot.InitializeAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.StopAsync(TimeSpan.FromSeconds(10));
        host.Dispose();
        await bot.DisposeAsync();
    }

    private ManualTimeProvider Clock => bot.Harness.Clock;

    private async Task StartHostAsync()
    {
        var options = new MentorBotOptions
        {
            ConnectionString = bot.Harness.Database.ConnectionString, BotToken = FakeBotApi.DefaultToken, ApiBaseUrl = FakeBotApi.BaseUrl, ListenUrl = "http://127.0.0.1:0",
        };
        host = BotHost.Build(options, TextReader.Null, TextWriter.Null, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(new PollingOptions { TimeoutSeconds = 0, MinInterval = TimeSpan.FromMilliseconds(100) });
            services.AddHttpClient(TelegramServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => bot.Api.CreateHandler());
            services.AddLogging(b => b.AddProvider(logs));
        });
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        http = new HttpClient { BaseAddress = new Uri(address) };
    }

    /// <summary>Steps the manual clock by a second until <paramref name="done"/> holds (the host's waits run on it); fails after 120 steps.</summary>
    private async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        for (var i = 0; i < 120; i++)
        {
            if (await done()) return;
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        (await done()).Should().BeTrue($"{what}; logged: {string.Join(" | ", logs.Lines.Where(l => !l.Contains("Hangfire")).TakeLast(8))}");
    }

    [Fact]
    public async Task The_host_starts_with_the_token_rejected_reports_it_and_connects_once_the_API_accepts_it()
    {
        var refusing = true;
        bot.Api.Handler = request => refusing
            ? new FakeResponse(401, """{"ok":false,"error_code":401,"description":"Unauthorized"}""")
            : request.Method == "getUpdates" ? FakeBotApi.Responses.Ok("[]") : null;

        await StartHostAsync();
        await UntilAsync(async () => logs.Lines.Count(l => l.Contains("the token was rejected (401): check MENTORBOT_BOT_TOKEN")) >= 3, "three attempts, each logged");

        var health = await http.GetAsync("/healthz");
        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync()).Should().Contain("the token was rejected (401): check MENTORBOT_BOT_TOKEN");
        bot.Api.RequestsTo("getUpdates").Should().BeEmpty("polling waits for start-up");
        logs.Lines.Should().NotContain(l => l.Contains(FakeBotApi.DefaultToken.Split(':')[1]), "the token is never logged");

        bot.Api.Enqueue("getUpdates", FakeBotApi.Responses.Ok(FaultBot.Message(1, 901, "\"/help\"").Insert(0, "[") + "]"));
        refusing = false;
        await UntilAsync(async () => (await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "healthy once the API accepts the token");
        await UntilAsync(() => Task.FromResult(bot.MessagesTo(901).Count == 1), "the /help sent meanwhile is answered");

        bot.Api.RequestsTo("deleteWebhook").Count.Should().BeGreaterThanOrEqualTo(4, "start-up kept retrying");
        (await bot.ReceivedAsync()).Should().Be(1);
        (await bot.HandledAsync()).Should().Be(1);
        (await bot.RowsAsync("sent")).Should().Be(1);
    }

    [Fact]
    public async Task An_unreachable_API_is_reported_as_such_and_retried_with_growing_waits()
    {
        bot.Api.Handler = _ => FakeBotApi.Responses.BadGatewayHtml();

        await StartHostAsync();
        await UntilAsync(() => Task.FromResult(logs.Lines.Count(l => l.Contains("Bot API unreachable")) >= 3), "three attempts, each logged");

        var health = await http.GetAsync("/healthz");
        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync()).Should().Contain("Bot API unreachable");
        logs.Lines.Where(l => l.Contains("Bot API unreachable")).Take(3).Select(l => l[(l.IndexOf("retrying in ", StringComparison.Ordinal) + 12)..].Split(' ')[0])
            .Should().Equal(["0:00:01", "0:00:02", "0:00:04"], "one line per attempt, the wait doubling");
        logs.Lines.Should().NotContain(l => l.Contains("TelegramStartup") && l.Contains("   at "), "no stack trace");
        var console = host.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;
        console.SingleLine.Should().BeTrue("an entry with an exception stays one line on the console");
        console.TimestampFormat.Should().NotBeNullOrEmpty("every console line carries a timestamp");
        console.UseUtcTimestamp.Should().BeTrue();
        TelegramStartup.RetryDelay(1).Should().Be(TimeSpan.FromSeconds(1));
        TelegramStartup.RetryDelay(5).Should().Be(TimeSpan.FromSeconds(16));
        TelegramStartup.RetryDelay(30).Should().Be(TelegramStartup.MaxRetryDelay);
    }
}
