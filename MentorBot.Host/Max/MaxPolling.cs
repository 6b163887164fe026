using Dapper;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MentorBot.Host.Max;

/// <summary>
/// Receives MAX updates by long polling (<c>GET /updates</c>, "for development" per MAX; production uses the webhook).
/// Each batch is recorded in the inbox first; only then is the returned <c>marker</c> stored (<c>max_polling_state</c>)
/// and sent on the next call, so a crash in between fetches the batch again, which the inbox records once (the ids are
/// derived from the events, <see cref="MaxUpdates.UpdateId"/>). Starts by removing webhook subscriptions: MAX serves
/// no polling while one exists. A failed poll is one log line and a growing pause.
/// </summary>
public sealed class MaxPolling(MaxBotClient client, UpdateInbox inbox, InboxSignal signal, NpgsqlDataSource dataSource, MaxHealth health, TimeProvider time, ILogger<MaxPolling> logger) : BackgroundService
{
    /// <summary>Seconds MAX holds a poll open when nothing is pending (0–90).</summary>
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>Least time between two polls that brought nothing.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>Polls once: fetches after the stored marker, records the batch (unreadable elements as poison rows), then stores the new marker; returns how many readable updates came.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        long? marker;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            marker = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT marker FROM max_polling_state", cancellationToken: cancellationToken));
        var batch = await client.GetUpdates(marker, 100, TimeoutSeconds, UpdateTypes.Handled, cancellationToken);
        foreach (var (_, reason) in batch.Unreadable)
            logger.LogWarning("A MAX update cannot be read and is kept aside: {Reason}", reason);
        var rows = batch.Updates.Select(MaxUpdates.ToInbound).Concat(batch.Unreadable.Select(u => MaxUpdates.Poison(u.Json, u.Reason))).ToList();
        if (rows.Count > 0)
        {
            await inbox.RecordAsync(MaxUpdates.Source, rows, cancellationToken);
            signal.Notify();
        }

        if (batch.Marker is { } next && next != marker)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO max_polling_state (marker) VALUES (@next) ON CONFLICT (id) DO UPDATE SET marker = excluded.marker", new { next }, cancellationToken: cancellationToken));
        }

        return batch.Updates.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var apiFailing = false;
        var outage = new DatabaseOutage(logger, "MAX polling");
        var unsubscribed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!unsubscribed)
                {
                    foreach (var subscription in await client.GetSubscriptions(stoppingToken))
                        await client.Unsubscribe(subscription.Url, stoppingToken);
                    unsubscribed = true;
                }

                var started = time.GetUtcNow();
                var received = await PollOnceAsync(stoppingToken);
                if (apiFailing) logger.LogInformation("MAX polling works again");
                outage.Succeeded();
                health.Healthy();
                failures = 0;
                apiFailing = false;
                // A server that answers at once with nothing (not holding the poll) is not asked more than once a second.
                var elapsed = time.GetUtcNow() - started;
                if (received == 0 && elapsed < MinInterval) await Task.Delay(MinInterval - elapsed, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (MaxTooManyRequestsException e)
            {
                await Task.Delay(e.RetryAfter ?? TimeSpan.FromSeconds(1), time, stoppingToken);
            }
            catch (Exception e)
            {
                failures++;
                var delay = TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures, 5)));
                if (DatabaseOutage.IsOutage(e))
                {
                    outage.Failed(e);
                }
                else
                {
                    health.Unhealthy("MAX polling failed: " + MaxHealth.Describe(e));
                    logger.LogWarning("MAX polling failed: {Problem}; retrying in {Delay:g}", MaxHealth.Describe(e), delay);
                    apiFailing = true;
                }

                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }
}
