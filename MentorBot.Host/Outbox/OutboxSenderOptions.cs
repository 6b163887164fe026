namespace MentorBot.Host.Outbox;

/// <summary>The sender's limits. Defaults follow the Bot API's limits (../shared/reference/telegram.md).</summary>
public sealed class OutboxSenderOptions
{
    /// <summary>Most messages this instance sends in any one-second window (Telegram allows about 30/s).</summary>
    public int GlobalRatePerSecond { get; set; } = 25;

    /// <summary>Least time between two messages to one private chat (Bot API: about one per second).</summary>
    public TimeSpan ChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Least time between two messages to one group: 3 s = 20 per minute (Bot API).</summary>
    public TimeSpan GroupInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Attempts before a row fails for good after server or network errors.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First persistent retry delay; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Cap of the persistent retry delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Quick in-call retries of a transient failure before the row is rescheduled.</summary>
    public int QuickRetries { get; set; } = 2;

    /// <summary>Delay before the first quick retry (exponential with jitter, Polly).</summary>
    public TimeSpan QuickRetryDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long a claimed row stays with this instance before another may take it (a crash mid-send).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the sender looks for due rows when nothing wakes it.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Calls in flight at once (different chats only).</summary>
    public int Parallelism { get; set; } = 8;
}
