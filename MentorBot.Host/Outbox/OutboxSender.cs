using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace MentorBot.Host.Outbox;

/// <summary>
/// The one sender (DESIGN.md decision 5): drains due outbox rows within the Bot API's limits — a global
/// rate over a sliding second, one message per chat per <see cref="OutboxSenderOptions.ChatInterval"/>,
/// a bot-wide pause on 429, unreachable on 403, retries with backoff on 5xx and network errors.
/// All times come from the injected <see cref="TimeProvider"/>.
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

    // When the last sends of this instance happened, for the sliding one-second window.
    private readonly Queue<DateTimeOffset> recentSends = new();
    private readonly Lock gate = new();
    private DateTimeOffset pausedUntil = DateTimeOffset.MinValue;

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
                ShouldHandle = new PredicateBuilder().Handle<DeliveryException>(e => e.Failure == DeliveryFailure.Transient),
            })
            .Build();
    }

    /// <summary>
    /// Claims and sends what is due now within the limits; returns the number of rows attempted.
    /// The background loop calls it repeatedly; tests call it directly with a fake clock.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        int budget;
        lock (gate)
        {
            if (pausedUntil > now) return 0;
            while (recentSends.Count > 0 && recentSends.Peek() <= now - TimeSpan.FromSeconds(1))
                recentSends.Dequeue();
            budget = options.GlobalRatePerSecond - recentSends.Count;
        }

        if (budget <= 0) return 0;
        var rows = await store.ClaimAsync(budget, now, now + options.Lease, options.ChatInterval, options.GroupInterval, cancellationToken);
        if (rows.Count == 0) return 0;
        lock (gate)
            foreach (var _ in rows) recentSends.Enqueue(now);

        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (row, ct) => await SendOneAsync(row, ct));
        return rows.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await SendDueAsync(stoppingToken);
                if (sent > 0) continue;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting; keep the loop alive and try again shortly.
                logger.LogError(e, "Outbox sender round failed");
            }

            await signal.WaitAsync(options.IdlePoll, stoppingToken);
        }
    }

    private async Task SendOneAsync(ClaimedOutboxRow row, CancellationToken cancellationToken)
    {
        try
        {
            long? messageId;
            try
            {
                messageId = await quickRetry.ExecuteAsync(async ct => await delivery.DeliverAsync(row, ct), cancellationToken);
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
            var now = time.GetUtcNow();
            switch (e.Failure)
            {
                case DeliveryFailure.RateLimited:
                    var until = now + (e.RetryAfter ?? TimeSpan.FromSeconds(5));
                    lock (gate)
                        if (until > pausedUntil) pausedUntil = until;
                    logger.LogWarning("Bot API asked to slow down; all sending paused until {Until:O}", until);
                    await store.PauseAsync(until, cancellationToken);
                    await store.RescheduleAsync(row.Id, until, e.Message, countAttempt: false, cancellationToken);
                    break;
                case DeliveryFailure.Blocked:
                    var cancelled = await store.MarkChatUnreachableAsync(row.Id, row.ChatId, e.Message, cancellationToken);
                    logger.LogInformation("Chat {ChatId} is unreachable ({Reason}); cancelled {Count} outbox rows", row.ChatId, e.Message, cancelled);
                    break;
                case DeliveryFailure.Permanent:
                    logger.LogWarning("Outbox row {Id} failed: {Reason}", row.Id, e.Message);
                    await store.MarkFailedAsync(row.Id, e.Message, cancellationToken);
                    break;
                default:
                    if (row.Attempts >= options.MaxAttempts)
                    {
                        logger.LogWarning("Outbox row {Id} failed after {Attempts} attempts: {Reason}", row.Id, row.Attempts, e.Message);
                        await store.MarkFailedAsync(row.Id, $"{e.Message} (after {row.Attempts} attempts)", cancellationToken);
                    }
                    else
                    {
                        var delay = TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, options.RetryDelay.Ticks * (1L << Math.Min(row.Attempts - 1, 20))));
                        await store.RescheduleAsync(row.Id, now + delay, e.Message, countAttempt: true, cancellationToken);
                    }

                    break;
            }
        }
    }
}
