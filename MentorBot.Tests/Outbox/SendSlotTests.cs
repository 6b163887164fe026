using System.Collections.Concurrent;
using Dapper;
using MentorBot.Host.Outbox;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Integration;
using MentorBot.Tests.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Tests.Outbox;

/// <summary>
/// The sender as its background loop runs it (issue 18): send slots of the shared rate claimed ahead, each request
/// started by a timer of the injected clock at its slot. A <see cref="FakeTimeProvider"/> fires those timers only when
/// the test moves it, so every request reaches the fake Bot API (over HTTP, real PostgreSQL) at a known instant.
/// </summary>
public sealed class SendSlotTests : IAsyncLifetime
{
    private readonly PipelineHarness harness = new();
    private readonly FakeBotApi api = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 9, 1, 6, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<(string Text, long ChatId, DateTimeOffset At)> calls = new();
    private readonly List<OutboxSender> senders = [];

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        api.Handler = request =>
        {
            calls.Enqueue((request["text"].GetString()!, request["chat_id"].GetInt64(), clock.GetUtcNow()));
            return Respond?.Invoke(request);
        };
    }

    public async Task DisposeAsync()
    {
        foreach (var sender in senders) sender.Dispose();
        await api.DisposeAsync();
        await harness.DisposeAsync();
    }

    /// <summary>The fake API's answer to a sendMessage; null for Telegram's success.</summary>
    private Func<RecordedRequest, FakeResponse?>? Respond { get; set; }

    private static OutboxSenderOptions Options => new() { QuickRetries = 0, GlobalRatePerSecond = 25 };

    private OutboxSender NewSender()
    {
        var sender = new OutboxSender(harness.Services.GetRequiredService<OutboxStore>(), new TelegramDelivery(api.CreateClient()), new OutboxSignal(), clock, Options, NullLogger<OutboxSender>.Instance);
        senders.Add(sender);
        return sender;
    }

    private Task EnqueueAsync(int count, Func<int, long> chatOf) => harness.EnqueueTextsAsync(count, chatOf, _ => clock.GetUtcNow());

    /// <summary>The bot's next free send slot, as if earlier sends had taken the slots up to it.</summary>
    private Task SetNextSlotAsync(DateTimeOffset at) =>
        harness.ExecuteAsync("INSERT INTO outbox_rate_window (bot, next_slot) VALUES ('telegram', @at) ON CONFLICT (bot) DO UPDATE SET next_slot = @at", new { at = at.UtcDateTime });

    private Task<long> CountAsync(string status) => harness.OutboxRowsAsync(status);

    /// <summary>
    /// Moves the clock to <paramref name="to"/> (rounded up to a whole millisecond: timers count milliseconds) and waits
    /// for the sends whose slots it reached to finish.
    /// </summary>
    private async Task AdvanceToAsync(DateTimeOffset to, List<StartedSend> started)
    {
        to = new DateTimeOffset((to.UtcTicks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        // First the sends due at the current instant, so none of them starts at a later one.
        await Task.WhenAll(started.Where(s => s.Slot <= clock.GetUtcNow()).Select(s => s.Done));
        if (to > clock.GetUtcNow()) clock.SetUtcNow(to);
        await Task.WhenAll(started.Where(s => s.Slot <= to).Select(s => s.Done));
    }

    [Fact]
    public async Task Two_instances_claiming_ahead_start_every_request_at_its_slot_within_the_rate_and_reach_it()
    {
        const int messages = 150;
        await EnqueueAsync(messages, i => 1000 + i % 50);
        await SetNextSlotAsync(clock.GetUtcNow());
        var loops = new[] { (Sender: NewSender(), Next: clock.GetUtcNow()), (Sender: NewSender(), Next: clock.GetUtcNow() + TimeSpan.FromMilliseconds(60)) };
        var round = Options.ClaimAhead / 2;
        var started = new List<StartedSend>();
        var taken = new int[loops.Length];
        var limit = clock.GetUtcNow() + TimeSpan.FromSeconds(20);

        while (calls.Count < messages)
        {
            clock.GetUtcNow().Should().BeBefore(limit, "the outbox should drain in time");
            for (var i = 0; i < loops.Length; i++)
            {
                if (clock.GetUtcNow() < loops[i].Next) continue;
                // Each instance's loop, as ExecuteAsync runs it: claim the free slots up to ClaimAhead ahead, every half of it.
                var claimed = await loops[i].Sender.StartDueAsync(Options.ClaimAhead, CancellationToken.None);
                taken[i] += claimed.Count;
                started.AddRange(claimed);
                loops[i].Next += round;
            }

            var nextRound = loops.Min(l => l.Next);
            var nextSlot = started.Select(s => s.Slot).Where(s => s > clock.GetUtcNow()).DefaultIfEmpty(nextRound).Min();
            await AdvanceToAsync(nextSlot < nextRound ? nextSlot : nextRound, started);
        }

        var (a, b) = (loops[0].Sender, loops[1].Sender);
        taken.Should().OnlyContain(n => n > 0, "both instances send");

        started.Should().HaveCount(messages, "every slot claimed was used");
        started.Select(s => s.RowId).Should().OnlyHaveUniqueItems();
        (await CountAsync("sent")).Should().Be(messages);
        (a.SlotsGivenBack + b.SlotsGivenBack).Should().Be(0);
        calls.Select(c => c.Text).Should().OnlyHaveUniqueItems().And.HaveCount(messages);
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        var texts = (await connection.QueryAsync<(long Id, string Text)>("SELECT id, payload->>'text' FROM outbox")).ToDictionary(r => r.Id, r => r.Text);
        var at = calls.ToDictionary(c => c.Text, c => c.At);
        started.Select(s => (Text: texts[s.RowId], s.Slot, At: at[texts[s.RowId]])).Should()
            .OnlyContain(s => s.At >= s.Slot && s.At < s.Slot + TimeSpan.FromMilliseconds(1), "each request starts at its slot (to the timer's millisecond), never before");
        started.GroupBy(s => s.Slot).Should().OnlyContain(g => g.Count() == 1, "the two instances never share a slot");

        var times = calls.Select(c => c.At).Order().ToList();
        times.Max(t => times.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1))).Should().BeLessThanOrEqualTo(25);
        ((messages - 1) / (times[^1] - times[0]).TotalSeconds).Should().BeGreaterThanOrEqualTo(0.97 * 25);
        foreach (var chat in calls.GroupBy(c => c.ChatId))
        {
            var sent = chat.OrderBy(c => c.At).ToList();
            sent.Select(c => c.Text).Should().Equal(sent.Select(c => c.Text).OrderBy(t => int.Parse(t[1..])), "a chat's messages keep their order");
            sent.Zip(sent.Skip(1), (x, y) => y.At - x.At).Should().OnlyContain(gap => gap >= TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task A_send_that_wakes_too_late_for_its_slot_gives_it_back_and_its_row_goes_later()
    {
        await EnqueueAsync(3, i => 2000 + i);
        await SetNextSlotAsync(clock.GetUtcNow() + TimeSpan.FromMilliseconds(100));
        var sender = NewSender();
        var started = (await sender.StartDueAsync(Options.ClaimAhead, CancellationToken.None)).ToList();
        started.Should().HaveCount(3);

        // The process stalls for a second: every timer fires long after its slot.
        await AdvanceToAsync(clock.GetUtcNow() + TimeSpan.FromSeconds(1), started);

        calls.Should().BeEmpty("a request that started this late would bunch with the next slots' requests");
        sender.SlotsGivenBack.Should().Be(3);
        (await CountAsync("pending")).Should().Be(3);
        (await harness.ScalarAsync<int>("SELECT max(attempts) FROM outbox")).Should().Be(0, "a missed slot is no attempt");

        // Nothing was sent: each chat may have its message at the next round, not a chat interval later.
        var again = (await sender.StartDueAsync(Options.ClaimAhead, CancellationToken.None)).ToList();
        again.Should().HaveCount(3);
        foreach (var slot in again.Select(s => s.Slot).Order()) await AdvanceToAsync(slot, again);

        calls.Select(c => c.Text).Should().BeEquivalentTo("m0", "m1", "m2");
        (await CountAsync("sent")).Should().Be(3);
    }

    [Fact]
    public async Task A_429_holds_the_sends_both_instances_claimed_ahead_until_the_pause_ends()
    {
        await EnqueueAsync(12, i => 3000 + i);
        var first = true;
        Respond = _ =>
        {
            if (!first) return null;
            first = false;
            return FakeBotApi.Responses.TooManyRequests(5);
        };
        await SetNextSlotAsync(clock.GetUtcNow() + TimeSpan.FromMilliseconds(100));
        var (a, b) = (NewSender(), NewSender());
        var start = clock.GetUtcNow();
        var started = (await a.StartDueAsync(Options.ClaimAhead, CancellationToken.None)).ToList();
        await AdvanceToAsync(start + TimeSpan.FromMilliseconds(60), started);
        var ofB = await b.StartDueAsync(Options.ClaimAhead, CancellationToken.None);
        started.AddRange(ofB);
        ofB.Should().NotBeEmpty("B holds later slots, waiting for them");

        await AdvanceToAsync(started.Min(s => s.Slot), started);
        calls.Should().ContainSingle("the first request meets the 429");
        // B's next round reads the pause from the shared state; its waiting sends then hold back too.
        await AdvanceToAsync(start + TimeSpan.FromMilliseconds(125), started);
        (await b.StartDueAsync(Options.ClaimAhead, CancellationToken.None)).Should().BeEmpty("the bot is paused");
        await AdvanceToAsync(start + TimeSpan.FromSeconds(4), started);

        calls.Should().ContainSingle("no send leaves during the pause, in either instance");
        (await CountAsync("pending")).Should().Be(12);
        clock.Advance(TimeSpan.FromSeconds(3));
        for (var i = 0; i < 100 && await CountAsync("pending") + await CountAsync("sending") > 0; i++)
        {
            await Task.WhenAll(a.SendDueAsync(CancellationToken.None), b.SendDueAsync(CancellationToken.None));
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        (await CountAsync("sent")).Should().Be(12);
        calls.Should().HaveCount(13, "each row once, and the refused one again");
        calls.Skip(1).Select(c => c.Text).Should().OnlyHaveUniqueItems();
        calls.Skip(1).Should().OnlyContain(c => c.At >= start + TimeSpan.FromMilliseconds(100) + TimeSpan.FromSeconds(5));
    }
}
