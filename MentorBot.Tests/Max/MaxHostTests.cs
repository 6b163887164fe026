using System.Net;
using System.Text;
using MentorBot.Host;
using MentorBot.Host.Configuration;
using MentorBot.Host.Features.Start;
using MentorBot.Host.Max;
using MentorBot.Tests.Integration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Tests.Max;

/// <summary>
/// The running bot with MAX alone configured (issue 16: either messenger, or both): it subscribes its webhook with the
/// secret, takes MAX's call on <c>/max/webhook</c>, and its MAX sender answers in MAX — no Telegram, no console chat.
/// </summary>
public sealed class MaxHostTests : IAsyncLifetime
{
    private const string Secret = "host-max-secret";
    private readonly TestDatabase database = new();
    private readonly FakeMaxApi api = new();
    private IHost host = null!;
    private HttpClient http = null!;

    public Task InitializeAsync() => database.InitializeAsync();

    private async Task StartAsync(bool webhook)
    {
        var options = new MentorBotOptions
        {
            ConnectionString = database.ConnectionString, ListenUrl = "http://127.0.0.1:0",
            Max = new MaxOptions { Token = FakeMaxApi.Token, ApiBaseUrl = FakeMaxApi.BaseUrl, WebhookUrl = webhook ? "https://bot.example/max/webhook" : "", WebhookSecret = Secret },
        };
        options.Validate().Should().BeEmpty();
        host = BotHost.Build(options, TextReader.Null, TextWriter.Null, services =>
        {
            services.AddSingleton<TimeProvider>(new RunningClock(new DateTimeOffset(2026, 9, 1, 6, 0, 0, TimeSpan.Zero)));
            services.AddHttpClient(MaxBotClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => api.CreateHandler());
            services.AddLogging(b => b.ClearProviders());
        });
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.StopAsync(TimeSpan.FromSeconds(10));
        host.Dispose();
        await api.DisposeAsync();
        await database.DisposeAsync();
    }

    private static async Task UntilAsync(Func<bool> done, string what)
    {
        for (var i = 0; i < 200 && !done(); i++) await Task.Delay(50);
        done().Should().BeTrue(what);
    }

    [Fact]
    public async Task Max_alone_subscribes_its_webhook_takes_a_call_and_answers_in_max()
    {
        await StartAsync(webhook: true);
        await UntilAsync(() => api.RequestsTo("POST /subscriptions").Count > 0, "the webhook is subscribed at start");
        var subscription = api.RequestsTo("POST /subscriptions").Single();
        subscription["url"].GetString().Should().Be("https://bot.example/max/webhook");
        subscription["secret"].GetString().Should().Be(Secret);

        using var request = new HttpRequestMessage(HttpMethod.Post, MaxWebhook.Path) { Content = new StringContent(MaxUpdateJson.Started(601, null), Encoding.UTF8, "application/json") };
        request.Headers.Add(MaxBotClient.WebhookSecretHeader, Secret);
        (await http.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);

        await UntilAsync(() => api.RequestsTo("POST /messages").Count > 0, "the reply is sent to MAX");
        var sent = api.RequestsTo("POST /messages").Single();
        sent.Query["chat_id"].Should().Be(MaxUpdateJson.DialogOf(601).ToString());
        sent["text"].GetString().Should().Be(MentorBot.Domain.Conversations.Html.Escape(StartTexts.Welcome));
        (await http.GetStringAsync("/healthz")).Should().Be("ok", "MAX is connected and no Telegram connection is expected");
    }

    [Fact]
    public async Task Max_alone_polls_and_answers_in_max()
    {
        await StartAsync(webhook: false);
        await UntilAsync(() => api.RequestsTo("GET /updates").Count > 0, "MAX is polled");
        api.PushUpdate(MaxUpdateJson.Started(602, null));

        await UntilAsync(() => api.RequestsTo("POST /messages").Count > 0, "the reply is sent to MAX");
        api.RequestsTo("POST /messages").Single().Query["chat_id"].Should().Be(MaxUpdateJson.DialogOf(602).ToString());
        api.RequestsTo("POST /subscriptions").Should().BeEmpty();
    }

    [Fact]
    public async Task A_rejected_max_token_makes_healthz_say_so_by_its_variable()
    {
        for (var i = 0; i < 50; i++) api.Enqueue("POST /subscriptions", FakeMaxApi.Responses.InvalidToken());

        await StartAsync(webhook: true);
        await UntilAsync(() => api.RequestsTo("POST /subscriptions").Count > 0, "the subscription is tried");
        await Task.Delay(200);

        var health = await http.GetAsync("/healthz");
        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync()).Should().Contain("MENTORBOT_MAX_TOKEN").And.NotContain(FakeMaxApi.Token);
    }
}
