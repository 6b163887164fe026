using System.Net;
using System.Text;
using Dapper;
using MentorBot.Host;
using MentorBot.Host.Configuration;
using MentorBot.Host.Max;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Integration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.Max;

/// <summary>
/// MAX updates reach the same inbox as Telegram's (issue 16): by long polling with the stored marker, moved only after
/// the batch is recorded, and by the webhook with its secret checked on every call; a redelivery is recorded once.
/// </summary>
public sealed class MaxReceivingTests : IAsyncLifetime
{
    private const string Secret = "max-hook_secret";
    private readonly WebhookHost host = new(app => app.MapMaxWebhook(Secret));
    private readonly FakeMaxApi api = new();

    public Task InitializeAsync() => host.InitializeAsync();

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        await host.DisposeAsync();
    }

    private MaxPolling Polling() => new(api.CreateClient(), host.App.Services.GetRequiredService<UpdateInbox>(), host.App.Services.GetRequiredService<InboxSignal>(),
        host.Database.DataSource, new MaxHealth(), new RunningClock(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero)), NullLogger<MaxPolling>.Instance) { TimeoutSeconds = 0 };

    private async Task<List<(string Source, long? Chat, string Type)>> InboxAsync()
    {
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string, long?, string)>(
            "SELECT source, chat_id, payload->>'update_type' FROM inbound_updates ORDER BY arrival")).ToList();
    }

    [Fact]
    public async Task Polling_records_the_batch_then_moves_the_marker_and_a_batch_fetched_again_is_recorded_once()
    {
        var polling = Polling();
        (await polling.PollOnceAsync(CancellationToken.None)).Should().Be(0);
        api.RequestsTo("GET /updates").Single().Query.Should().NotContainKey("marker", "the very first poll has no marker");
        api.PushUpdate(MaxUpdateJson.Started(501, "token1"));
        api.PushUpdate(MaxUpdateJson.Text(501, "Здравствуйте", "mid.1"));

        (await polling.PollOnceAsync(CancellationToken.None)).Should().Be(2);

        api.RequestsTo("GET /updates")[1].Query["marker"].Should().Be("0", "the marker the first poll returned was stored");
        (await InboxAsync()).Should().Equal(("max", MaxUpdateJson.DialogOf(501), "bot_started"), ("max", MaxUpdateJson.DialogOf(501), "message_created"));
        (await host.Database.DataSource.CreateCommand("SELECT marker FROM max_polling_state").ExecuteScalarAsync()).Should().Be(2L);

        // The same events fetched again (a crash before the marker was stored: MAX then returns the latest) are recorded once.
        await host.Database.DataSource.CreateCommand("DELETE FROM max_polling_state").ExecuteNonQueryAsync();
        (await polling.PollOnceAsync(CancellationToken.None)).Should().Be(1);
        (await InboxAsync()).Should().HaveCount(2);
    }

    [Fact]
    public async Task An_unreadable_update_is_kept_aside_and_polling_moves_past_it()
    {
        var polling = Polling();
        await polling.PollOnceAsync(CancellationToken.None);
        api.PushUpdate("""{"update_type":"message_created","timestamp":"вчера","message":{"recipient":{"chat_id":"x"}}}""");
        api.PushUpdate(MaxUpdateJson.Text(501, "Здравствуйте", "mid.2"));

        (await polling.PollOnceAsync(CancellationToken.None)).Should().Be(1);

        (await InboxAsync()).Should().HaveCount(2);
        (await host.Database.DataSource.CreateCommand("SELECT count(*) FROM inbound_updates WHERE error LIKE 'unreadable update:%' AND handled_at IS NOT NULL").ExecuteScalarAsync())
            .Should().Be(1L);
        (await host.Database.DataSource.CreateCommand("SELECT marker FROM max_polling_state").ExecuteScalarAsync()).Should().Be(2L);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task A_webhook_call_without_the_secret_gets_401_and_nothing_is_recorded(string? secret)
    {
        var response = await PostAsync(MaxUpdateJson.Text(501, "Привет", "mid.9"), secret);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await InboxAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_webhook_update_is_recorded_before_the_200_and_a_redelivery_once_and_garbage_gets_400()
    {
        (await PostAsync(MaxUpdateJson.Press(501, "x:1", "cb-7"), Secret)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PostAsync(MaxUpdateJson.Press(501, "x:1", "cb-7"), Secret)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PostAsync("""{"no":"type"}""", Secret)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await PostAsync(new string(' ', 1_100_000) + MaxUpdateJson.Press(502, "x:1", "cb-8"), Secret)).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);

        (await InboxAsync()).Should().Equal(("max", MaxUpdateJson.DialogOf(501), "message_callback"));
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MaxWebhook.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add(MaxBotClient.WebhookSecretHeader, secret);
        return await host.Client.SendAsync(request);
    }
}
