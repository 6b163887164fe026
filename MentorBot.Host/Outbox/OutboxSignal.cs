using System.Collections.Concurrent;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Outbox;

/// <summary>
/// Wakes a messenger's sender at once after rows for it are enqueued, so interactive replies are not delayed (DESIGN.md
/// decision 5). One wake-up per messenger (issue 16): a reply for MAX wakes MAX's sender, not Telegram's.
/// </summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<string, WakeSignal> signals = new();

    /// <summary>Signals that rows for <paramref name="messenger"/> (<c>telegram</c>, <c>max</c>) may be due.</summary>
    public void Notify(string messenger) => For(messenger).Notify();

    /// <summary>
    /// Waits for <see cref="Notify"/> of <paramref name="messenger"/> or the timeout, whichever comes first; true when
    /// notified. Returns quietly (false) on cancellation.
    /// </summary>
    public Task<bool> WaitAsync(string messenger, TimeSpan timeout, CancellationToken cancellationToken) => For(messenger).WaitAsync(timeout, cancellationToken);

    private WakeSignal For(string messenger) => signals.GetOrAdd(messenger, _ => new WakeSignal());
}
