using System.Collections.Concurrent;
using MentorBot.Host.Outbox;
using MentorBot.Host.Telegram;
using MentorBot.Tests.Telegram;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Outbox;

/// <summary>
/// The outbox sender against a real PostgreSQL with a manual clock, delivering through Telegram.Bot over HTTP to
/// a fake Bot API (DESIGN.md decision 5): idempotent
/// enqueue, global and per-chat rates, the bot-wide 429 pause, 403 → unreachable, retries and failures,
/// leases, and two senders on one database sending each row exactly once.
/// </summary>
public sealed class OutboxSenderTests : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private readonly PipelineHarness harness = new();
    private readonly List<IAsyncDisposable> disposables = [];

    public Task InitializeAsync() => harness.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var disposable in disposables) await disposable.DisposeAsync();
        await harness.DisposeAsync();
    }

    private ManualTimeProvider Clock => harness.Clock;

    private OutboxStore Store => harness.Services.GetRequiredService<OutboxStore>();

    private OutboxMessage Message(string key, long chatId, TimeSpan? dueIn = null, bool isGroup = false) =>
        new(key, chatId, OutboxKind.Message, $$"""{"text":"{{key}}"}""", Clock.GetUtcNow() + (dueIn ?? TimeSpan.Zero), Paced: true, IsGroup: isGroup);

    private OutboxMessage Answer(string key, long chatId) =>
        new(key, chatId, OutboxKind.AnswerChoice, $$"""{"callback_query_id":"cb1","text":"{{key}}"}""", Clock.GetUtcNow(), Paced: false);

    private Task<int> EnqueueAsync(params OutboxMessage[] messages) => Store.EnqueueAsync(messages, CancellationToken.None);

    private Task<string> StatusAsync(string key) => harness.ScalarAsync<string>("SELECT status FROM outbox WHERE idempotency_key = @key", new { key });

    private static OutboxSenderOptions Options(int rate = 25, TimeSpan? retryWindow = null) =>
        new() { GlobalRatePerSecond = rate, QuickRetries = 0, RetryWindow = retryWindow ?? TimeSpan.FromHours(24) };

    /// <summary>Steps the clock by 100 ms and calls the sender until no row is pending or sending, or the clock passed <paramref name="limit"/>.</summary>
    private Task DrainAsync(Func<Task> round, TimeSpan limit) => harness.DrainOutboxAsync(round, Step, limit);

    [Fact]
    public async Task The_same_idempotency_key_enqueued_twice_is_sent_once()
    {
        (await EnqueueAsync(Message("upd:1:0", 10))).Should().Be(1);
        (await EnqueueAsync(Message("upd:1:0", 10))).Should().Be(0);
        var delivery = new RecordingDelivery(Clock, disposables);
        var sender = harness.NewSender(delivery, Options());

        await DrainAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromSeconds(10));

        delivery.Calls.Should().ContainSingle().Which.Key.Should().Be("upd:1:0");
        (await StatusAsync("upd:1:0")).Should().Be("sent");
    }

    [Fact]
    public async Task The_global_rate_is_held_in_every_one_second_window()
    {
        await EnqueueAsync(Enumerable.Range(0, 60).Select(i => Message($"m{i}", 1000 + i)).ToArray());
        var delivery = new RecordingDelivery(Clock, disposables);
        var sender = harness.NewSender(delivery, Options(rate: 25));

        await DrainAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromSeconds(10));

        delivery.Calls.Should().HaveCount(60);
        delivery.Calls.Select(c => c.Key).Should().OnlyHaveUniqueItems();
        var times = delivery.Calls.Select(c => c.At).OrderBy(t => t).ToList();
        foreach (var start in times)
            times.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)).Should().BeLessThanOrEqualTo(25, $"no window starting at {start:HH:mm:ss.fff} may hold more than 25 sends");
        // 60 messages at 25/s cannot go out faster than in three one-second windows.
        (times[^1] - times[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task One_chat_gets_at_most_one_message_per_second_in_the_order_enqueued()
    {
        await EnqueueAsync(Enumerable.Range(0, 5).Select(i => Message($"a{i}", 1, dueIn: TimeSpan.FromMilliseconds(i))).ToArray());
        await EnqueueAsync(Enumerable.Range(0, 3).Select(i => Message($"b{i}", 2, dueIn: TimeSpan.FromMilliseconds(i))).ToArray());
        var delivery = new RecordingDelivery(Clock, disposables);
        var sender = harness.NewSender(delivery, Options());

        await DrainAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromSeconds(20));

        AssertChat(delivery, 1, ["a0", "a1", "a2", "a3", "a4"], TimeSpan.FromSeconds(1));
        AssertChat(delivery, 2, ["b0", "b1", "b2"], TimeSpan.FromSeconds(1));
        // Pacing one chat does not hold up another: both start within the next slots (a round of 100 ms each).
        delivery.Calls.First(c => c.ChatId == 2).At.Should().BeCloseTo(delivery.Calls.First(c => c.ChatId == 1).At, Step);
    }

    [Fact]
    public async Task Rows_enqueued_with_the_same_due_time_keep_their_order_within_a_chat()
    {
        await EnqueueAsync(Enumerable.Range(0, 4).Select(i => Message($"s{i}", 7)).ToArray());
        var delivery = new RecordingDelivery(Clock, disposables);
        var sender = harness.NewSender(delivery, Options());

        await DrainAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromSeconds(10));

        AssertChat(delivery, 7, ["s0", "s1", "s2", "s3"], TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_group_gets_at_most_one_message_per_three_seconds()
    {
        await EnqueueAsync(Enumerable.Range(0, 4).Select(i => Message($"g{i}", -1001, dueIn: TimeSpan.FromMilliseconds(i), isGroup: true)).ToArray());
        var delivery = new RecordingDelivery(Clock, disposables);
        var sender = harness.NewSender(delivery, Options());

        await DrainAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromSeconds(30));

        AssertChat(delivery, -1001, ["g0", "g1", "g2", "g3"], TimeSpan.FromSeconds(3));
        // 20 messages per minute (Bot API): 4 messages span at least 9 s.
        var times = delivery.Calls.Select(c => c.At).ToList();
        (times[^1] - times[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(9));
    }

    [Fact]
    public async Task A_429_pauses_every_chat_and_every_sender_for_retry_after_then_the_row_is_sent()
    {
        await EnqueueAsync(Message("limited", 1));
        var delivery = new RecordingDelivery(Clock, disposables);
        delivery.FailNext("limited", FakeBotApi.Responses.TooManyRequests(35));
        var sender = harness.NewSender(delivery, Options());
        var start = Clock.GetUtcNow();

        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(1);
        await EnqueueAsync(Message("other-chat", 2), Message("third-chat", 3));
        // A second instance (fresh memory) must see the pause too: it lives in the database.
        var secondDelivery = new RecordingDelivery(Clock, disposables);
        var second = harness.NewSender(secondDelivery, Options());
        while (Clock.GetUtcNow() < start + TimeSpan.FromSeconds(35))
        {
            (await sender.SendDueAsync(CancellationToken.None)).Should().Be(0, $"the bot is paused at {Clock.GetUtcNow() - start}");
            (await second.SendDueAsync(CancellationToken.None)).Should().Be(0, $"the pause applies to every instance at {Clock.GetUtcNow() - start}");
            Clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        delivery.Calls.Should().ContainSingle("only the refused attempt happened during the pause");
        secondDelivery.Calls.Should().BeEmpty();
        Clock.Set(start + TimeSpan.FromSeconds(35));
        await DrainAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromSeconds(5));

        var after = delivery.Calls.Skip(1).ToList();
        after.Select(c => c.Key).Should().BeEquivalentTo("limited", "other-chat", "third-chat");
        after.Should().OnlyContain(c => c.At >= start + TimeSpan.FromSeconds(35));
        (await StatusAsync("limited")).Should().Be("sent");
        (await harness.ScalarAsync<int>("SELECT attempts FROM outbox WHERE idempotency_key = 'limited'"))
            .Should().Be(1, "a 429 is not the row's fault and does not use up an attempt");
    }

    [Fact]
    public async Task A_photo_is_paced_in_its_chats_order_and_waits_out_a_429_like_any_message()
    {
        var adapter = new TelegramAdapter();
        var start = Clock.GetUtcNow();
        await EnqueueAsync(
            Message("intro", 31),
            adapter.RenderPhoto([0x89, 0x50, 0x4E, 0x47], "chart", 31, false, "photo", start + TimeSpan.FromMilliseconds(1)),
            Message("after", 31, dueIn: TimeSpan.FromMilliseconds(2)));
        var delivery = new RecordingDelivery(Clock, disposables);
        delivery.FailNext("chart", FakeBotApi.Responses.TooManyRequests(4));
        var sender = harness.NewSender(delivery, Options());

        await DrainAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromSeconds(20));

        delivery.Calls.Select(c => c.Key).Should().Equal("intro", "chart", "chart", "after");
        var calls = delivery.Calls;
        (calls[2].At - calls[1].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4), "the 429's retry_after holds the photo");
        (calls[3].At - calls[2].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), "the chat's pacing holds after the photo");
        (await StatusAsync("photo")).Should().Be("sent");
        (await harness.ScalarAsync<int>("SELECT attempts FROM outbox WHERE idempotency_key = 'photo'")).Should().Be(1);
    }

    [Fact]
    public async Task A_403_marks_the_participant_unreachable_and_cancels_that_chats_pending_rows_only()
    {
        await using (var connection = await harness.Database.DataSource.OpenConnectionAsync())
        {
            await ProgrammeSetup.TelegramPersonAsync(connection, 55, "Борис");
            await ProgrammeSetup.TelegramPersonAsync(connection, 66, "Вера");
        }

        await EnqueueAsync(Message("b0", 55), Message("b1", 55, dueIn: TimeSpan.FromMilliseconds(1)), Message("b-later", 55, dueIn: TimeSpan.FromHours(1)), Message("v0", 66));
        var delivery = new RecordingDelivery(Clock, disposables);
        delivery.FailNext("b0", FakeBotApi.Responses.BlockedByUser());
        var sender = harness.NewSender(delivery, Options());

        await DrainAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromSeconds(10));
        Clock.Advance(TimeSpan.FromHours(2));
        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(0);

        delivery.Calls.Where(c => c.ChatId == 55).Select(c => c.Key).Should().Equal("b0");
        delivery.Calls.Where(c => c.ChatId == 66).Select(c => c.Key).Should().Equal("v0");
        (await harness.ScalarAsync<string>("SELECT p.status FROM participants p JOIN messenger_accounts a ON a.participant_id = p.id WHERE a.private_chat_id = 55")).Should().Be("unreachable");
        (await harness.ScalarAsync<DateTime>("SELECT p.updated_at FROM participants p JOIN messenger_accounts a ON a.participant_id = p.id WHERE a.private_chat_id = 55"))
            .Should().BeBefore(Clock.GetUtcNow().UtcDateTime, "the mark is stamped at the bot's clock, during the drain (before the 2 h advance)");
        (await harness.ScalarAsync<string>("SELECT p.status FROM participants p JOIN messenger_accounts a ON a.participant_id = p.id WHERE a.private_chat_id = 66")).Should().Be("active");
        foreach (var key in new[] { "b0", "b1", "b-later" })
            (await StatusAsync(key)).Should().Be("cancelled", key);
        (await StatusAsync("v0")).Should().Be("sent");
        (await harness.ScalarAsync<string>("SELECT last_error FROM outbox WHERE idempotency_key = 'b1'")).Should().Contain("blocked");
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_growing_delays_then_the_row_fails_with_the_reason()
    {
        await EnqueueAsync(Message("flaky", 9));
        var delivery = new RecordingDelivery(Clock, disposables) { AlwaysFail = BadGatewayJson() };
        // Attempts at 0, 5, 15 and 35 s; the fourth is past the 30-second window, so the row fails there.
        var options = Options(retryWindow: TimeSpan.FromSeconds(30));
        options.RetryDelay = TimeSpan.FromSeconds(5);
        var sender = harness.NewSender(delivery, options);
        var start = Clock.GetUtcNow();

        await DrainAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromMinutes(2));

        var times = delivery.Calls.Select(c => c.At - start).ToList();
        times.Should().HaveCount(4);
        // Backoff doubles: 5 s, 10 s, 20 s after the previous attempt (stepping the clock by 100 ms).
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        gaps[0].Should().BeCloseTo(TimeSpan.FromSeconds(5), Step);
        gaps[1].Should().BeCloseTo(TimeSpan.FromSeconds(10), Step);
        gaps[2].Should().BeCloseTo(TimeSpan.FromSeconds(20), Step);
        (await StatusAsync("flaky")).Should().Be("failed");
        (await harness.ScalarAsync<string>("SELECT last_error FROM outbox WHERE idempotency_key = 'flaky'")).Should().Contain("502: Bad Gateway");
        (await harness.ScalarAsync<int>("SELECT attempts FROM outbox WHERE idempotency_key = 'flaky'")).Should().Be(4);
    }

    [Fact]
    public async Task A_transient_failure_followed_by_success_sends_the_row()
    {
        await EnqueueAsync(Message("once", 9));
        var delivery = new RecordingDelivery(Clock, disposables);
        delivery.FailNext("once", FakeBotApi.Responses.BadGatewayHtml());
        var sender = harness.NewSender(delivery, Options());

        await DrainAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromSeconds(30));

        delivery.Calls.Select(c => c.Key).Should().Equal("once", "once");
        (await StatusAsync("once")).Should().Be("sent");
        (await harness.ScalarAsync<string>("SELECT sent_message_id FROM outbox WHERE idempotency_key = 'once'")).Should().MatchRegex("^[1-9][0-9]*$", "the Bot API's message id as decimal text");
    }

    [Theory]
    [InlineData(DeliveryFailure.Transient)]
    [InlineData(DeliveryFailure.RateLimited)]
    public async Task A_retried_message_keeps_its_place_in_the_chat(DeliveryFailure failure)
    {
        // A long reply split in three: if the first part hits a 502 or a 429, the person must still read 1, 2, 3.
        await EnqueueAsync(Message("part1", 21), Message("part2", 21, dueIn: TimeSpan.FromMilliseconds(1)), Message("part3", 21, dueIn: TimeSpan.FromMilliseconds(2)));
        var delivery = new RecordingDelivery(Clock, disposables);
        delivery.FailNext("part1", failure == DeliveryFailure.RateLimited ? FakeBotApi.Responses.TooManyRequests(3) : BadGatewayJson());
        var sender = harness.NewSender(delivery, Options());

        await DrainAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromSeconds(30));

        delivery.Calls.Select(c => c.Key).Should().Equal("part1", "part1", "part2", "part3");
        var delivered = delivery.Calls.Skip(1).ToList();
        delivered.Zip(delivered.Skip(1), (x, y) => y.At - x.At).Should().OnlyContain(gap => gap >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_400_fails_the_row_at_once_and_the_chat_goes_on()
    {
        await EnqueueAsync(Message("bad", 4), Message("next", 4, dueIn: TimeSpan.FromMilliseconds(1)));
        var delivery = new RecordingDelivery(Clock, disposables);
        delivery.FailNext("bad", new FakeResponse(400, """{"ok":false,"error_code":400,"description":"Bad Request: can't parse entities"}"""));
        var sender = harness.NewSender(delivery, Options());

        await DrainAsync(() => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromSeconds(10));

        delivery.Calls.Select(c => c.Key).Should().Equal("bad", "next");
        (await StatusAsync("bad")).Should().Be("failed");
        (await harness.ScalarAsync<int>("SELECT attempts FROM outbox WHERE idempotency_key = 'bad'")).Should().Be(1);
        (await harness.ScalarAsync<string>("SELECT last_error FROM outbox WHERE idempotency_key = 'bad'")).Should().Contain("can't parse entities");
        (await StatusAsync("next")).Should().Be("sent");
    }

    [Fact]
    public async Task Rows_not_yet_due_are_not_sent()
    {
        await EnqueueAsync(Message("later", 3, dueIn: TimeSpan.FromSeconds(10)));
        var delivery = new RecordingDelivery(Clock, disposables);
        var sender = harness.NewSender(delivery, Options());
        var start = Clock.GetUtcNow();

        for (var i = 0; i < 99; i++)
        {
            (await sender.SendDueAsync(CancellationToken.None)).Should().Be(0);
            Clock.Advance(Step);
        }

        delivery.Calls.Should().BeEmpty();
        Clock.Set(start + TimeSpan.FromSeconds(10));
        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(1);
        delivery.Calls.Should().ContainSingle().Which.At.Should().Be(start + TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Callback_answers_are_not_held_behind_the_chats_pacing()
    {
        await EnqueueAsync(Message("first", 8));
        var delivery = new RecordingDelivery(Clock, disposables);
        var sender = harness.NewSender(delivery, Options());
        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(1);

        Clock.Advance(TimeSpan.FromMilliseconds(200));
        await EnqueueAsync(Message("second", 8), Answer("answer", 8));
        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(1);

        delivery.Calls.Select(c => c.Key).Should().Equal("first", "answer");
        (await StatusAsync("second")).Should().Be("pending", "the chat's one-second pacing still holds the message");
        // The chat is held a second plus the start tolerance of both messages' slots (OutboxStore.ClaimAsync).
        Clock.Advance(TimeSpan.FromSeconds(1) + 2 * Options().Rate.Late - TimeSpan.FromMilliseconds(200));
        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(1);
        delivery.Calls.Select(c => c.Key).Should().Equal("first", "answer", "second");
    }

    [Fact]
    public async Task A_row_whose_lease_ran_out_is_claimed_again_and_a_live_lease_is_not()
    {
        await EnqueueAsync(Message("orphan", 12), Message("in-flight", 13));
        var now = Clock.GetUtcNow().UtcDateTime;
        await harness.ExecuteAsync("UPDATE outbox SET status = 'sending', attempts = 1, lease_until = @expired WHERE idempotency_key = 'orphan'", new { expired = now.AddSeconds(-1) });
        await harness.ExecuteAsync("UPDATE outbox SET status = 'sending', attempts = 1, lease_until = @live WHERE idempotency_key = 'in-flight'", new { live = now.AddMinutes(1) });
        var delivery = new RecordingDelivery(Clock, disposables);
        var sender = harness.NewSender(delivery, Options());

        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(1);

        delivery.Calls.Should().ContainSingle().Which.Key.Should().Be("orphan");
        (await StatusAsync("orphan")).Should().Be("sent");
        (await harness.ScalarAsync<int>("SELECT attempts FROM outbox WHERE idempotency_key = 'orphan'")).Should().Be(2);
        (await StatusAsync("in-flight")).Should().Be("sending");

        Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromMilliseconds(1));
        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(1);
        delivery.Calls.Select(c => c.Key).Should().Equal("orphan", "in-flight");
    }

    [Fact]
    public async Task Two_senders_on_one_database_send_each_row_exactly_once_and_keep_each_chats_order()
    {
        const int chats = 50, perChat = 4;
        var messages = new List<OutboxMessage>();
        for (var round = 0; round < perChat; round++)
            for (var chat = 0; chat < chats; chat++)
                messages.Add(Message($"c{chat}.{round}", 5000 + chat));
        await EnqueueAsync(messages.ToArray());
        var first = new RecordingDelivery(Clock, disposables);
        var second = new RecordingDelivery(Clock, disposables);
        var a = harness.NewSender(first, Options(rate: 30));
        var b = harness.NewSender(second, Options(rate: 30));

        await DrainAsync(async () =>
        {
            // Several concurrent rounds per clock step, so the two claim queries really race.
            for (var i = 0; i < 3; i++)
                await Task.WhenAll(Task.Run(() => a.SendDueAsync(CancellationToken.None)), Task.Run(() => b.SendDueAsync(CancellationToken.None)));
        }, TimeSpan.FromSeconds(60));

        var all = first.Calls.Concat(second.Calls).ToList();
        all.Should().HaveCount(chats * perChat);
        all.Select(c => c.Key).Should().OnlyHaveUniqueItems();
        first.Calls.Should().NotBeEmpty("both senders should take part");
        second.Calls.Should().NotBeEmpty("both senders should take part");
        for (var chat = 0; chat < chats; chat++)
        {
            var mine = all.Where(c => c.ChatId == 5000 + chat).OrderBy(c => c.At).ThenBy(c => c.Sequence).ToList();
            mine.Select(c => c.Key).Should().Equal(Enumerable.Range(0, perChat).Select(r => $"c{chat}.{r}"));
            mine.Zip(mine.Skip(1), (x, y) => y.At - x.At).Should().OnlyContain(gap => gap >= TimeSpan.FromSeconds(1));
        }

        (await harness.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE status = 'sent'")).Should().Be(chats * perChat);
    }

    private static void AssertChat(RecordingDelivery delivery, long chatId, string[] keys, TimeSpan interval)
    {
        var calls = delivery.Calls.Where(c => c.ChatId == chatId).ToList();
        calls.Select(c => c.Key).Should().Equal(keys);
        calls.Zip(calls.Skip(1), (x, y) => y.At - x.At).Should().OnlyContain(gap => gap >= interval, $"chat {chatId} needs {interval} between messages");
    }

    /// <summary>One call the fake Bot API received: the row's key (its text), chat, the manual clock's time, and arrival order.</summary>
    public sealed record Call(string Key, long ChatId, DateTimeOffset At, long Sequence);

    /// <summary>
    /// The real delivery (Telegram.Bot's client and <see cref="TelegramDelivery"/>) over HTTP to a fake Bot API that
    /// records every call with the manual clock's time and answers the calls a test programs with Telegram's real
    /// error bodies.
    /// </summary>
    private sealed class RecordingDelivery : IOutboxDelivery, IAsyncDisposable
    {
        private readonly ConcurrentQueue<Call> calls = new();
        private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> failures = new();
        private readonly FakeBotApi api = new();
        private readonly TelegramDelivery delivery;
        private long sequence;

        public RecordingDelivery(TimeProvider clock, ICollection<IAsyncDisposable> owner)
        {
            owner.Add(this);
            delivery = new TelegramDelivery(api.CreateClient());
            api.Handler = request =>
            {
                // Messages carry their key as text; photos and documents (multipart) as caption.
                var key = request.Json is null ? request.Form.GetValueOrDefault("caption") ?? "" : request["text"].GetString()!;
                var chatId = request.Json is null ? long.Parse(request.Form["chat_id"], System.Globalization.CultureInfo.InvariantCulture)
                    : request.Has("chat_id") ? request["chat_id"].GetInt64() : 0;
                calls.Enqueue(new Call(key, chatId, clock.GetUtcNow(), Interlocked.Increment(ref sequence)));
                if (AlwaysFail is { } always) return always;
                return failures.TryGetValue(key, out var queue) && queue.TryDequeue(out var failure) ? failure : null;
            };
        }

        public IReadOnlyList<Call> Calls => calls.OrderBy(c => c.Sequence).ToList();

        public FakeResponse? AlwaysFail { get; init; }

        public void FailNext(string key, FakeResponse failure) =>
            failures.GetOrAdd(key, _ => new ConcurrentQueue<FakeResponse>()).Enqueue(failure);

        public Task<string?> DeliverAsync(ClaimedOutboxRow row, CancellationToken cancellationToken) => delivery.DeliverAsync(row, cancellationToken);

        public ValueTask DisposeAsync() => api.DisposeAsync();
    }

    private static FakeResponse BadGatewayJson() => new(502, """{"ok":false,"error_code":502,"description":"Bad Gateway"}""");
}
