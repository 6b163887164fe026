using System.Text.Json;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace MentorBot.Host.Telegram;

/// <summary>Long-polling settings.</summary>
public sealed class PollingOptions
{
    /// <summary>The default of <see cref="TimeoutSeconds"/>; the client's HTTP timeout is set above it.</summary>
    public const int DefaultTimeoutSeconds = 25;

    /// <summary>getUpdates long-poll timeout in seconds (Bot API: 25–50 is usual); keep it below the client's HTTP timeout.</summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>Least time between two polls when the server answers at once with nothing (an emulator never long-polls).</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Receives updates by long polling (Bot API getUpdates). Each batch is recorded in the inbox first; only
/// then does the offset move past it, so a crash in between re-delivers rather than loses (DESIGN.md decision 4).
/// Starts once <see cref="TelegramStartup"/> has deleted the webhook; each failed poll is one log line and sets
/// <see cref="TelegramHealth"/> unhealthy until a poll succeeds.
/// </summary>
public sealed class TelegramPolling(ITelegramBotClient client, UpdateInbox inbox, InboxSignal signal, PollingOptions options, TelegramHealth health, TimeProvider time, ILogger<TelegramPolling> logger) : BackgroundService
{
    /// <summary>The inbox source name of Telegram updates.</summary>
    public const string Source = "telegram";

    /// <summary>Polls once: fetches from <paramref name="offset"/>, records, returns the next offset.</summary>
    public async Task<long?> PollOnceAsync(long? offset, CancellationToken cancellationToken)
    {
        var raw = await client.SendRequest(new RawGetUpdatesRequest { Offset = (int?)offset, Limit = 100, Timeout = options.TimeoutSeconds }, cancellationToken);
        var updates = raw.Select(TelegramUpdates.ToInbound).OfType<InboundUpdate>().ToList();
        if (updates.Count == 0) return offset;
        foreach (var poison in updates.Where(u => u.Error is not null))
            logger.LogWarning("Update {UpdateId} cannot be read and is kept aside: {Reason}", poison.UpdateId, poison.Error);
        await inbox.RecordAsync(Source, updates, cancellationToken);
        signal.Notify();
        return updates.Max(u => u.UpdateId) + 1;
    }

    /// <summary>Wraps a Bot API update for the inbox (see <see cref="TelegramUpdates.ToInbound(Update)"/>).</summary>
    public static InboundUpdate ToInbound(Update update) => TelegramUpdates.ToInbound(update);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? offset = null;
        var failures = 0;
        var apiFailing = false;
        // A database outage is one line down and one back, however many polls it fails (issue 12 item 10).
        var outage = new DatabaseOutage(logger, "Polling");
        try
        {
            await health.StartedUp.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetUtcNow();
            try
            {
                var next = await PollOnceAsync(offset, stoppingToken);
                if (apiFailing) logger.LogInformation("getUpdates works again");
                outage.Succeeded();
                health.Healthy();
                failures = 0;
                apiFailing = false;
                var elapsed = time.GetUtcNow() - started;
                if (next == offset && elapsed < options.MinInterval)
                    await Task.Delay(options.MinInterval - elapsed, time, stoppingToken);
                offset = next;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                await Task.Delay(TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 5), time, stoppingToken);
            }
            catch (Exception e)
            {
                // 409 means a webhook is set or another poller runs; the others are network or database trouble.
                failures++;
                var delay = TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures, 5)));
                if (DatabaseOutage.IsOutage(e))
                {
                    outage.Failed(e);
                }
                else
                {
                    var problem = TelegramHealth.Describe(e);
                    health.Unhealthy("getUpdates failed: " + problem);
                    logger.LogWarning("getUpdates failed: {Problem}; retrying in {Delay:g}", problem, delay);
                    apiFailing = true;
                }

                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }
}
