namespace MentorBot.Host.Outbox;

/// <summary>The sender's limits. Defaults follow the Bot API's limits (../shared/reference/telegram.md).</summary>
public sealed class OutboxSenderOptions
{
    /// <summary>
    /// Most messages the bot sends in any sliding one-second window, across all its instances (Telegram allows
    /// about 30/s per bot). Shared through PostgreSQL (<see cref="OutboxStore.ClaimAsync"/>).
    /// </summary>
    public int GlobalRatePerSecond { get; set; } = 25;

    /// <summary>Telegram's limit of messages per second for one bot (Bot API FAQ): no sliding second may hold more request starts.</summary>
    public const int BotApiLimitPerSecond = 30;

    /// <summary>
    /// Added to the one-second window: the time between a request's start and its arrival at the Bot API varies by a
    /// few milliseconds, so slots are spaced over a slightly longer window (the rate reached is 1/1.01 = 0.99 of the configured one).
    /// </summary>
    public TimeSpan RateWindowMargin { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// How far ahead the sender claims send slots (and their rows) from the shared rate: each send then waits for its
    /// own slot with a timer, so a claim round that runs late (a loaded machine, a slow database) loses no slot.
    /// </summary>
    public TimeSpan ClaimAhead { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Most a request may start after its slot; a send that wakes later gives the slot back and its row is claimed
    /// again (a stalled process must not bunch its requests with the next slots').
    /// </summary>
    public TimeSpan MaxLateStart { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>The messenger whose outbox rows this sender delivers (<c>telegram</c>, <c>max</c>, <c>console</c>): one sender per messenger (issue 16).</summary>
    public string Messenger { get; set; } = Pipeline.Messengers.Telegram;

    /// <summary>The key of the shared rate window: one per bot whose instances share the database.</summary>
    public string RateKey { get; set; } = "telegram";

    /// <summary>Least time between two messages to one private chat (Bot API: about one per second).</summary>
    public TimeSpan ChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Least time between two messages to one group: 3 s = 20 per minute (Bot API).</summary>
    public TimeSpan GroupInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long transient failures (network, 5xx, timeouts) of a row are retried, from its first such failure,
    /// before it fails for good: a reminder that arrives late beats one that never arrives.
    /// </summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>First persistent retry delay; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Cap of the persistent retry delay: after an outage, a row waits at most this long to be tried again.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Quick in-call retries of a fast transient failure (not of a timeout) before the row is rescheduled.</summary>
    public int QuickRetries { get; set; } = 2;

    /// <summary>Delay before the first quick retry (exponential with jitter, Polly).</summary>
    public TimeSpan QuickRetryDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Time limit of one attempt (quick retries included). A send that takes longer counts as one failed
    /// attempt of its row; other chats' rows are sent meanwhile.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a claimed row stays with this instance before another may take it (a crash mid-send).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the sender looks for due rows when nothing wakes it.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Calls in flight at once (different chats only); a slow chat holds one of them, not the others.</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>
    /// The shared rate these options describe: <see cref="GlobalRatePerSecond"/> slots per second plus the margin, spaced
    /// widely enough that starts up to <see cref="MaxLateStart"/> late never put more than
    /// <see cref="BotApiLimitPerSecond"/> in one sliding second (at 30/s the slots are 34.7 ms apart: 28.8/s).
    /// </summary>
    public SendRate Rate
    {
        get
        {
            var window = TimeSpan.FromSeconds(1) + RateWindowMargin;
            var roomForLateStarts = (TimeSpan.FromSeconds(1) + MaxLateStart) * GlobalRatePerSecond / BotApiLimitPerSecond;
            return new SendRate(RateKey, GlobalRatePerSecond, window > roomForLateStarts ? window : roomForLateStarts, MaxLateStart);
        }
    }
}
