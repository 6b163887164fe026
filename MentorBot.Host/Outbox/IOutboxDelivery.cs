namespace MentorBot.Host.Outbox;

/// <summary>The messenger adapter's half of the sender: performs one outbox row's call.</summary>
public interface IOutboxDelivery
{
    /// <summary>
    /// Performs the call of <paramref name="row"/>; returns the sent message's id when there is one, as messenger-neutral
    /// text (Telegram's number in decimal, MAX's <c>mid.…</c>), as incoming message ids are.
    /// </summary>
    /// <exception cref="DeliveryException">The messenger refused or failed; <see cref="DeliveryException.Failure"/> says how the sender reacts.</exception>
    Task<string?> DeliverAsync(ClaimedOutboxRow row, CancellationToken cancellationToken);
}

/// <summary>How a failed delivery is treated by the sender.</summary>
public enum DeliveryFailure
{
    /// <summary>Too many requests: pause every sender for <see cref="DeliveryException.RetryAfter"/> (Bot API 429).</summary>
    RateLimited,

    /// <summary>The person blocked the bot or the chat is gone: never retry, mark unreachable (Bot API 403).</summary>
    Blocked,

    /// <summary>The request itself is wrong (Bot API 400): retrying cannot help; the row fails.</summary>
    Permanent,

    /// <summary>A server error or the network (5xx, timeout): retry with backoff.</summary>
    Transient,
}

/// <summary>A failed delivery classified for the sender. The message never contains the bot token.</summary>
/// <param name="failure">How the sender reacts.</param>
/// <param name="message">Short reason, stored in <c>outbox.last_error</c>.</param>
/// <param name="retryAfter">For <see cref="DeliveryFailure.RateLimited"/>: how long to pause.</param>
/// <param name="inner">The adapter's exception.</param>
public sealed class DeliveryException(DeliveryFailure failure, string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How the sender reacts.</summary>
    public DeliveryFailure Failure { get; } = failure;

    /// <summary>For <see cref="DeliveryFailure.RateLimited"/>: the pause the messenger asked for.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
