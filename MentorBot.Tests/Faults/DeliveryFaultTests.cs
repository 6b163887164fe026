using System.Collections.Concurrent;
using System.Globalization;
using MentorBot.Domain.Conversations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Integration;
using MentorBot.Tests.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Tests.Faults;

/// <summary>
/// The fault suite's delivery scenarios (issue 12 items 2–5), through Telegram.Bot over HTTP to a fake Bot API on a
/// real PostgreSQL: a slow chat, a long outage, a 429 storm, the global rate with two instances. Each asserts the
/// counts that matter: rows sent, failed, duplicated, requests the API saw.
/// </summary>
public sealed class DeliveryFaultTests : IAsyncLifetime
{
    private readonly PipelineHarness harness = new();
    private readonly FakeBotApi api = new();
    private readonly ConcurrentQueue<(string Text, long ChatId, DateTimeOffset At)> calls = new();

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        api.Handler = request =>
        {
            calls.Enqueue((request["text"].GetString()!, request["chat_id"].GetInt64(), harness.Clock.GetUtcNow()));
            return Respond?.Invoke(request);
        };
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        await harness.DisposeAsync();
    }

    /// <summary>The fake API's answer to a sendMessage; null for Telegram's success.</summary>
    private Func<RecordedRequest, FakeResponse?>? Respond { get; set; }

    private ManualTimeProvider Clock => harness.Clock;

    private OutboxSender Sender(OutboxSenderOptions? options = null) =>
        harness.NewSender(new TelegramDelivery(api.CreateClient()), options ?? new OutboxSenderOptions { QuickRetries = 0 });

    private Task EnqueueAsync(int count, Func<int, long> chatOf, string prefix = "m") =>
        harness.EnqueueTextsAsync(count, chatOf, i => Clock.GetUtcNow() + TimeSpan.FromMilliseconds(i % 3), prefix);

    private Task<long> CountAsync(string status) => harness.OutboxRowsAsync(status);

    private Task DrainAsync(Func<Task> round, TimeSpan step, TimeSpan limit) => harness.DrainOutboxAsync(round, step, limit);

    [Fact]
    public async Task A_chat_whose_sends_hang_holds_back_no_other_chat_and_a_timeout_is_one_attempt()
    {
        await EnqueueAsync(1, _ => 1, "slow");
        await EnqueueAsync(5, i => 100 + i);
        Respond = request => request["chat_id"].GetInt64() == 1 ? new FakeResponse(200, "", Hang: true) : null;
        // A clock with timers that fire only when the test moves it: the send's time limit runs out on cue.
        var clock = new FakeTimeProvider(Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        var options = new OutboxSenderOptions { QuickRetries = 2, SendTimeout = TimeSpan.FromSeconds(10) };
        var sender = new OutboxSender(harness.Services.GetRequiredService<OutboxStore>(), new TelegramDelivery(api.CreateClient()), new OutboxSignal(), clock, options, NullLogger<OutboxSender>.Instance);
        var slowId = await harness.ScalarAsync<long>("SELECT id FROM outbox WHERE idempotency_key = 'slow0.0'");
        var started = new List<StartedSend>();

        // Rounds of the free slots up to now, a slot's spacing apart: the other chats go out while the slow chat's send
        // still hangs (its row is still being sent).
        for (var i = 0; i < 50 && await CountAsync("sent") < 5; i++)
        {
            started.AddRange(await sender.StartDueAsync(TimeSpan.Zero, CancellationToken.None));
            await Task.WhenAll(started.Where(s => s.RowId != slowId).Select(s => s.Done));
            // The slow chat's request is on its way before the clock moves on: a send checks that its slot has not
            // passed when it starts, and arms its time limit before its request leaves.
            if (started.Any(s => s.RowId == slowId))
                for (var j = 0; j < 400 && !calls.Any(c => c.ChatId == 1); j++) await Task.Delay(25);
            clock.Advance(options.Rate.Interval);
        }

        (await CountAsync("sent")).Should().Be(5);
        (await harness.ScalarAsync<string>("SELECT status FROM outbox WHERE idempotency_key = 'slow0.0'")).Should().Be("sending");
        calls.Should().Contain(c => c.ChatId == 1);
        clock.Advance(options.SendTimeout);
        await started.Single(s => s.RowId == slowId).Done;

        (await harness.ScalarAsync<string>("SELECT status FROM outbox WHERE idempotency_key = 'slow0.0'")).Should().Be("pending", "a timeout is transient");
        (await harness.ScalarAsync<int>("SELECT attempts FROM outbox WHERE idempotency_key = 'slow0.0'")).Should().Be(1);
        (await harness.ScalarAsync<string>("SELECT last_error FROM outbox WHERE idempotency_key = 'slow0.0'")).Should().Contain("timed out");
        calls.Count(c => c.ChatId == 1).Should().Be(1, "a timed-out send is not retried inside the attempt");
        calls.Where(c => c.ChatId != 1).Select(c => c.Text).Should().OnlyHaveUniqueItems().And.HaveCount(5);
    }

    [Fact]
    public async Task A_six_hour_outage_loses_nothing_and_a_400_still_fails_at_once()
    {
        await EnqueueAsync(10, i => 200 + i);
        await EnqueueAsync(1, _ => 300, "bad");
        var outage = true;
        Respond = request => request["text"].GetString() == "bad0"
            ? FakeBotApi.Responses.ChatNotFound()
            : outage ? FakeBotApi.Responses.BadGatewayHtml() : null;
        var sender = Sender();
        var start = Clock.GetUtcNow();

        while (Clock.GetUtcNow() < start + TimeSpan.FromHours(6))
        {
            await sender.SendDueAsync(CancellationToken.None);
            Clock.Advance(TimeSpan.FromSeconds(30));
        }

        (await CountAsync("failed")).Should().Be(1, "only the 400 fails; the outage's rows wait");
        (await CountAsync("pending")).Should().Be(10);
        outage = false;
        await DrainAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(6));

        (await CountAsync("sent")).Should().Be(10);
        calls.Where(c => c.At >= start + TimeSpan.FromHours(6)).Select(c => c.Text).Should().OnlyHaveUniqueItems().And.HaveCount(10);
        (await harness.ScalarAsync<int>("SELECT max(attempts) FROM outbox WHERE idempotency_key LIKE 'm%'")).Should().BeLessThan(100, "backoff is capped, not per 30-second round");
    }

    [Fact]
    public async Task A_background_message_past_its_expiry_is_dropped_rather_than_sent_late()
    {
        // A feedback poll (expires in an hour) and a notice without expiry, queued while the Bot API is down for two hours.
        var adapter = new TelegramAdapter();
        var start = Clock.GetUtcNow();
        var rows = adapter.Render(Reply.Plain("poll"), 500, false, "bg:poll:1", start).Select(r => r with { ExpiresAt = start + TimeSpan.FromHours(1) })
            .Concat(adapter.Render(Reply.Plain("notice"), 501, false, "bg:notice", start)).ToList();
        await harness.Services.GetRequiredService<OutboxStore>().EnqueueAsync(rows, CancellationToken.None);
        var outage = true;
        Respond = _ => outage ? FakeBotApi.Responses.BadGatewayHtml() : null;
        var sender = Sender();
        while (Clock.GetUtcNow() < start + TimeSpan.FromHours(2))
        {
            await sender.SendDueAsync(CancellationToken.None);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        outage = false;
        await DrainAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(6));

        calls.Where(c => c.At >= start + TimeSpan.FromHours(2)).Select(c => c.Text).Should().Equal(["notice"], "the poll is not sent once it expired");
        calls.Should().Contain(c => c.Text == "poll" && c.At < start + TimeSpan.FromHours(1), "it was tried while it meant something");
        (await CountAsync("expired")).Should().Be(1);
        (await CountAsync("sent")).Should().Be(1);
        (await harness.ScalarAsync<string>("SELECT last_error FROM outbox WHERE idempotency_key = 'bg:poll:1.0'"))
            .Should().Be($"expired at {(start + TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture)} before it could be sent");
    }

    [Fact]
    public async Task After_a_429_no_send_leaves_until_the_pause_is_over_and_every_row_goes_once()
    {
        await EnqueueAsync(30, i => 400 + i);
        var firstSeen = false;
        Respond = _ =>
        {
            if (firstSeen) return null;
            firstSeen = true;
            return FakeBotApi.Responses.TooManyRequests(10);
        };
        var sender = Sender(new OutboxSenderOptions { QuickRetries = 0, GlobalRatePerSecond = 25 });
        var second = Sender(new OutboxSenderOptions { QuickRetries = 0, GlobalRatePerSecond = 25 });
        var start = Clock.GetUtcNow();

        await DrainAsync(() => Task.WhenAll(sender.SendDueAsync(CancellationToken.None), second.SendDueAsync(CancellationToken.None)), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));

        var refusedAt = calls.First().At;
        var duringPause = calls.Where(c => c.At > refusedAt && c.At < refusedAt + TimeSpan.FromSeconds(10)).ToList();
        duringPause.Should().BeEmpty("the pause holds every instance");
        calls.Count(c => c.At == refusedAt).Should().BeLessThanOrEqualTo(new OutboxSenderOptions().Rate.Burst, "only the sends already on their way meet the 429");
        (await CountAsync("sent")).Should().Be(30);
        calls.Skip(1).Select(c => c.Text).Where(t => t != calls.First().Text).Should().OnlyHaveUniqueItems();
        calls.Count.Should().BeLessThanOrEqualTo(30 + new OutboxSenderOptions().Rate.Burst, "a refused send is repeated once, nothing else");
        (Clock.GetUtcNow() - start).Should().BeGreaterThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Two_instances_together_hold_the_rate_in_every_sliding_second_and_reach_it()
    {
        const int rate = 25, messages = 100;
        await EnqueueAsync(messages, i => 1000 + i);
        var a = Sender(new OutboxSenderOptions { QuickRetries = 0, GlobalRatePerSecond = rate });
        var b = Sender(new OutboxSenderOptions { QuickRetries = 0, GlobalRatePerSecond = rate });

        await DrainAsync(() => Task.WhenAll(a.SendDueAsync(CancellationToken.None), b.SendDueAsync(CancellationToken.None)), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(30));

        var times = calls.Select(c => c.At).Order().ToList();
        times.Should().HaveCount(messages);
        calls.Select(c => c.Text).Should().OnlyHaveUniqueItems();
        var most = times.Max(t => times.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1)));
        // Rounds every 5 ms start each request within 5 ms of its slot (≤ 25 slots per second); the first round
        // may take a slot up to half the start tolerance old, as after any idle spell.
        most.Should().BeLessThanOrEqualTo(new OutboxSenderOptions { GlobalRatePerSecond = rate }.Rate.MostInAnySecond).And.BeLessThanOrEqualTo(OutboxSenderOptions.BotApiLimitPerSecond);
        var achieved = (messages - 1) / (times[^1] - times[0]).TotalSeconds;
        achieved.Should().BeGreaterThanOrEqualTo(0.97 * rate);
    }
}
