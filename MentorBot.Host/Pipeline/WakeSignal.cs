namespace MentorBot.Host.Pipeline;

/// <summary>An in-process wake-up: a worker waits on it between rounds, a producer notifies after committing work.</summary>
public class WakeSignal
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    /// <summary>Signals that new work may be there.</summary>
    public void Notify()
    {
        // At most one pending wake-up: the worker drains everything when it wakes.
        if (semaphore.CurrentCount == 0)
        {
            try { semaphore.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    /// <summary>Waits for <see cref="Notify"/> or the timeout, whichever comes first; true when notified; returns quietly (false) on cancellation.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try { return await semaphore.WaitAsync(timeout, cancellationToken); }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { return false; }
    }
}

/// <summary>Wakes the update processor after updates are recorded.</summary>
public sealed class InboxSignal : WakeSignal;
