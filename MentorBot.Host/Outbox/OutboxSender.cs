using System.Collections.Concurrent;
using MentorBot.Host.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace MentorBot.Host.Outbox;

/// <summary>
/// The one sender (DESIGN.md decision 5): drains due outbox rows within the Bot API's limits — a global rate
/// shared by all instances as evenly spaced send slots (claimed <see cref="OutboxSenderOptions.ClaimAhead"/> ahead;
/// each request starts at its slot, on a timer, or gives the slot back when it wakes too late: issue 18), one
/// message per chat per <see cref="OutboxSenderOptions.ChatInterval"/>,
/// a bot-wide pause on 429, unreachable on 403, retries with capped backoff on 5xx, network errors and timeouts
/// for <see cref="OutboxSenderOptions.RetryWindow"/>. Sends run side by side, each with its own time limit, so a
/// slow chat holds one slot and never the others. All times come from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class OutboxSender : BackgroundService
{
    private readonly OutboxStore store;
    private readonly IOutboxDelivery delivery;
    private readonly OutboxSignal signal;
    private readonly TimeProvider time;
    private readonly OutboxSenderOptions options;
    private readonly ILogger<OutboxSender> logger;
    private readonly ResiliencePipeline quickRetry;
    private readonly DatabaseOutage outage;
    private readonly ConcurrentDictionary<long, Task> inFlight = new();
    private readonly Lock gate = new();
    private DateTimeOffset pausedUntil = DateTimeOffset.MinValue;
    private long slotsGivenBack;

    /// <summary>Creates the sender.</summary>
    public OutboxSender(OutboxStore store, IOutboxDelivery delivery, OutboxSignal signal, TimeProvider time, OutboxSenderOptions options, ILogger<OutboxSender> logger)
    {
        this.store = store;
        this.delivery = delivery;
        this.signal = signal;
        this.time = time;
        this.options = options;
        this.logger = logger;
        outage = new DatabaseOutage(logger, "Outbox sender");
        quickRetry = options.QuickRetries <= 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.QuickRetries,
                Delay = options.QuickRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // A 5xx or a dropped connection may pass in a moment; a timeout already took the attempt's time.
                ShouldHandle = new PredicateBuilder().Handle<DeliveryException>(e => e.Failure == DeliveryFailure.Transient && !IsPaused()),
            })
            .Build();
    }

    /// <summary>Sends that woke more than <see cref="SendRate.Late"/> after their slot and gave it back (printed by <c>bench sender</c>).</summary>
    public long SlotsGivenBack => Interlocked.Read(ref slotsGivenBack);

    /// <summary>
    /// Claims what is due for the slots up to now within the limits, sends it and waits for those sends; returns the
    /// number of rows attempted. Tests call it directly with a manual clock (no send waits: every slot is ≤ now).
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sends = await StartDueAsync(TimeSpan.Zero, cancellationToken);
        await Task.WhenAll(sends.Select(s => s.Done));
        return sends.Count;
    }

    /// <summary>
    /// Claims due rows for the free send slots of the shared rate from now up to <paramref name="ahead"/> (at most
    /// the free parallel sends) and starts a send for each, which waits for its slot on the injected clock's timers.
    /// The background loop calls it every half <see cref="OutboxSenderOptions.ClaimAhead"/>.
    /// </summary>
    /// <returns>Each started send: its row, its slot, and a task that completes when its outcome is recorded.</returns>
    public async Task<IReadOnlyList<StartedSend>> StartDueAsync(TimeSpan ahead, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var free = options.Parallelism - inFlight.Count;
        if (IsPaused() || free <= 0) return [];
        var claim = await store.ClaimAsync(free, now, ahead, now + options.Lease, options.ChatInterval, options.GroupInterval, options.Rate, cancellationToken, options.Messenger);
        lock (gate)
            if (claim.PausedUntil > pausedUntil) pausedUntil = claim.PausedUntil; // another instance's 429
        if (claim.Expired > 0) logger.LogInformation("Outbox: {Count} background messages expired before they could be sent; dropped", claim.Expired);
        var started = new List<StartedSend>(claim.Rows.Count);
        foreach (var row in claim.Rows)
        {
            // The slot's timer is armed here, at the claim's instant, and not in the send's own task: that task runs
            // later on the thread pool, and a clock read there may already have moved on (a test's fake clock moved
            // past the slot meanwhile left such a timer counting from the later instant — it never fired: a hang).
            var send = SendOneAsync(row, SlotReached(row.Slot, cancellationToken), cancellationToken);
            inFlight[row.Id] = send;
            var done = send.ContinueWith(_ => inFlight.TryRemove(row.Id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            started.Add(new StartedSend(row.Id, row.Slot ?? now, done));
        }

        return started;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.IdlePoll;
            try
            {
                var started = await StartDueAsync(options.ClaimAhead, stoppingToken);
                outage.Succeeded();
                // Busy: claim again while half the claimed slots are still ahead, so slots are never missed for want of a claim.
                if (started.Count > 0) wait = options.ClaimAhead / 2;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && DatabaseOutage.IsOutage(e))
            {
                // The database may be restarting: one line when it starts failing, not one per round (issue 12 item 10).
                outage.Failed(e);
                wait = TimeSpan.FromSeconds(1);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Outbox sender: claiming failed; retrying");
                wait = TimeSpan.FromSeconds(1);
            }

            if (inFlight.Count < options.Parallelism)
                await signal.WaitAsync(options.Messenger, wait, stoppingToken);
            else
                await Task.WhenAny(Task.WhenAny(inFlight.Values), Task.Delay(wait, time, stoppingToken)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await Task.WhenAll(inFlight.Values).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private bool IsPaused()
    {
        lock (gate) return pausedUntil > time.GetUtcNow();
    }

    /// <summary>A task that completes at <paramref name="slot"/> on the injected clock (at once when it has passed).</summary>
    private Task SlotReached(DateTimeOffset? slot, CancellationToken cancellationToken)
    {
        var early = slot - time.GetUtcNow();
        // Timers count whole milliseconds (a fraction is dropped): round up, so the send never starts before its slot.
        return early > TimeSpan.Zero
            ? Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(early.Value.TotalMilliseconds)), time, cancellationToken)
            : Task.CompletedTask;
    }

    private async Task SendOneAsync(ClaimedOutboxRow row, Task slotReached, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            if (row.Slot is { } slot)
            {
                await slotReached;
                if (time.GetUtcNow() > slot + options.Rate.Late)
                {
                    // Woke too late (a stalled process): starting now could bunch with the next slots' sends.
                    Interlocked.Increment(ref slotsGivenBack);
                    logger.LogDebug("Outbox row {Id} missed its send slot; claimed again", row.Id);
                    await store.GiveBackAsync(row.Id, time.GetUtcNow(), cancellationToken);
                    return;
                }
            }

            if (IsPaused())
            {
                // A 429 arrived after this row was claimed: it waits for the pause like every row not yet sent.
                DateTimeOffset until;
                lock (gate) until = pausedUntil;
                await store.RescheduleAsync(row.Id, until, "waiting for the Bot API's pause", countAttempt: false, cancellationToken);
                return;
            }

            string? messageId;
            using var limit = new CancellationTokenSource(options.SendTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
            try
            {
                messageId = await quickRetry.ExecuteAsync(async ct => await delivery.DeliverAsync(row, ct), linked.Token);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new DeliveryException(DeliveryFailure.Transient, $"timed out after {options.SendTimeout.TotalSeconds:0.#} s");
            }
            catch (Exception e) when (e is not DeliveryException && !cancellationToken.IsCancellationRequested)
            {
                // An adapter bug must not leave the row claimed forever: count it as a failed attempt.
                throw new DeliveryException(DeliveryFailure.Transient, $"{e.GetType().Name}: {e.Message}", inner: e);
            }

            await store.MarkSentAsync(row.Id, messageId, time.GetUtcNow(), cancellationToken);
        }
        catch (DeliveryException e)
        {
            await FailedAsync(row, e, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && DatabaseOutage.IsOutage(e))
        {
            // The database went away while recording the outcome: the lease runs out and the row is tried again. The
            // outage is the sender's one line, not one per row in flight.
            outage.Failed(e);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Outbox row {Id}: could not record the outcome ({Error})", row.Id, e.Message);
        }
    }

    private async Task FailedAsync(ClaimedOutboxRow row, DeliveryException e, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (e.Failure)
        {
            case DeliveryFailure.RateLimited:
                var until = now + (e.RetryAfter ?? TimeSpan.FromSeconds(5));
                lock (gate)
                    if (until > pausedUntil) pausedUntil = until;
                logger.LogWarning("Bot API asked to slow down; all sending paused until {Until:O}", until);
                await store.PauseAsync(until, cancellationToken, options.Messenger);
                await store.RescheduleAsync(row.Id, until, e.Message, countAttempt: false, cancellationToken);
                break;
            case DeliveryFailure.Blocked:
                var cancelled = await store.MarkChatUnreachableAsync(row.Id, row.ChatId, e.Message, now, cancellationToken, options.Messenger);
                logger.LogInformation("Chat {ChatId} is unreachable ({Reason}); cancelled {Count} outbox rows", row.ChatId, e.Message, cancelled);
                break;
            case DeliveryFailure.Permanent:
                logger.LogWarning("Outbox row {Id} failed: {Reason}", row.Id, e.Message);
                await store.MarkFailedAsync(row.Id, e.Message, cancellationToken);
                break;
            default:
                var retryUntil = row.RetryUntil ?? now + options.RetryWindow;
                if (now >= retryUntil)
                {
                    logger.LogWarning("Outbox row {Id} failed after {Attempts} attempts: {Reason}", row.Id, row.Attempts, e.Message);
                    await store.MarkFailedAsync(row.Id, $"{e.Message} (after {row.Attempts} attempts)", cancellationToken);
                }
                else
                {
                    var delay = TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, options.RetryDelay.Ticks * (1L << Math.Min(row.Attempts - 1, 20))));
                    logger.LogDebug("Outbox row {Id} attempt {Attempts} failed ({Reason}); next in {Delay}", row.Id, row.Attempts, e.Message, delay);
                    await store.RescheduleAsync(row.Id, now + delay, e.Message, countAttempt: true, cancellationToken, retryUntil);
                }

                break;
        }
    }
}

/// <summary>A send started by <see cref="OutboxSender.StartDueAsync"/>.</summary>
/// <param name="RowId">The outbox row.</param>
/// <param name="Slot">When its request starts (its slot of the shared rate).</param>
/// <param name="Done">Completes when the send's outcome is recorded (or the slot given back).</param>
public sealed record StartedSend(long RowId, DateTimeOffset Slot, Task Done);
