using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace MentorBot.Host.Outbox;

/// <summary>
/// The one sender (DESIGN.md decision 5): drains due outbox rows within the Bot API's limits — a global rate
/// over any sliding second shared by all instances, one message per chat per <see cref="OutboxSenderOptions.ChatInterval"/>,
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
    private readonly ConcurrentDictionary<long, Task> inFlight = new();
    private readonly Lock gate = new();
    private DateTimeOffset pausedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset nextPermitAt = DateTimeOffset.MinValue;
    private DateTimeOffset nextStartAt = DateTimeOffset.MinValue;

    /// <summary>Creates the sender.</summary>
    public OutboxSender(OutboxStore store, IOutboxDelivery delivery, OutboxSignal signal, TimeProvider time, OutboxSenderOptions options, ILogger<OutboxSender> logger)
    {
        this.store = store;
        this.delivery = delivery;
        this.signal = signal;
        this.time = time;
        this.options = options;
        this.logger = logger;
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

    /// <summary>
    /// Claims what is due now within the limits, sends it and waits for those sends; returns the number of rows
    /// attempted. Tests call it directly with a manual clock; the background loop starts sends without waiting.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var started = await StartDueAsync(cancellationToken);
        await Task.WhenAll(started);
        return started.Count;
    }

    /// <summary>Claims due rows for the free send slots and the free permits of the shared rate; starts a send for each.</summary>
    private async Task<IReadOnlyList<Task>> StartDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var free = options.Parallelism - inFlight.Count;
        if (IsPaused() || free <= 0) return [];
        var claim = await store.ClaimAsync(free, now, now + options.Lease, options.ChatInterval, options.GroupInterval, options.Rate, cancellationToken, options.Messenger);
        lock (gate) nextPermitAt = claim.NextPermitAt;
        var started = new List<Task>(claim.Rows.Count);
        foreach (var row in claim.Rows)
        {
            var send = SendOneAsync(row, cancellationToken);
            inFlight[row.Id] = send;
            started.Add(send.ContinueWith(_ => inFlight.TryRemove(row.Id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
        }

        return started;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.IdlePoll;
            try
            {
                var started = await StartDueAsync(stoppingToken);
                if (failing) logger.LogWarning("Outbox sender: database back");
                failing = false;
                if (started.Count > 0)
                {
                    // Wake again when a slot frees up or the shared rate allows the next claim.
                    wait = TimeSpan.FromMilliseconds(50);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting: one line when it starts failing, not one per round.
                if (!failing) logger.LogWarning("Outbox sender: database unavailable, retrying ({Error})", e.Message);
                failing = true;
                wait = TimeSpan.FromSeconds(1);
            }

            DateTimeOffset permit;
            lock (gate) permit = pausedUntil > nextPermitAt ? pausedUntil : nextPermitAt;
            var untilPermit = permit - time.GetUtcNow();
            if (untilPermit > TimeSpan.Zero && untilPermit < wait) wait = untilPermit;
            if (inFlight.IsEmpty || wait > TimeSpan.FromMilliseconds(50))
                await signal.WaitAsync(wait, stoppingToken);
            else
                await Task.WhenAny(Task.WhenAny(inFlight.Values), Task.Delay(wait, time, stoppingToken)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await Task.WhenAll(inFlight.Values).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private bool IsPaused()
    {
        lock (gate) return pausedUntil > time.GetUtcNow();
    }

    /// <summary>
    /// How long a send waits so that this instance's requests start at least one rate interval apart: rows claimed
    /// together after a late wake-up (a loaded machine) leave spaced, not in one instant, and the shared sliding
    /// second holds at the Bot API as well as in the claims (issue 18: 33 in one second at a configured 25).
    /// </summary>
    private TimeSpan StartDelay()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var at = nextStartAt > now ? nextStartAt : now;
            nextStartAt = at + options.Rate.Interval;
            return at - now;
        }
    }

    private async Task SendOneAsync(ClaimedOutboxRow row, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            var delay = StartDelay();
            if (delay > TimeSpan.Zero) await Task.Delay(delay, time, cancellationToken);
            if (IsPaused())
            {
                // A 429 arrived after this row was claimed: it waits for the pause like every row not yet sent.
                DateTimeOffset until;
                lock (gate) until = pausedUntil;
                await store.RescheduleAsync(row.Id, until, "waiting for the Bot API's pause", countAttempt: false, cancellationToken);
                return;
            }

            long? messageId;
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
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The database failed while recording the outcome: the lease runs out and the row is tried again.
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
                var cancelled = await store.MarkChatUnreachableAsync(row.Id, row.ChatId, e.Message, cancellationToken, options.Messenger);
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
