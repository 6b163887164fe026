using Dapper;
using Npgsql;

namespace MentorBot.Host.Scheduling;

/// <summary>
/// Deletes what has served its purpose: handled inbox rows after 7 days (Telegram never re-delivers an update
/// older than 24 h) and finished outbox rows after 30 days, so the tables stay small over a school year.
/// </summary>
public sealed class HousekeepingJob(NpgsqlDataSource dataSource) : IScheduledJob
{
    /// <summary>How long handled updates are kept.</summary>
    public static readonly TimeSpan InboxRetention = TimeSpan.FromDays(7);

    /// <summary>How long sent, failed and cancelled outbox rows are kept (for support questions).</summary>
    public static readonly TimeSpan OutboxRetention = TimeSpan.FromDays(30);

    /// <inheritdoc />
    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        const string inbox = "DELETE FROM inbound_updates WHERE handled_at < @before";
        const string outbox = "DELETE FROM outbox WHERE status IN ('sent', 'failed', 'cancelled', 'expired') AND created_at < @before";
        var updates = await connection.ExecuteAsync(new CommandDefinition(inbox, new { before = (now - InboxRetention).UtcDateTime }, transaction, cancellationToken: cancellationToken));
        var messages = await connection.ExecuteAsync(new CommandDefinition(outbox, new { before = (now - OutboxRetention).UtcDateTime }, transaction, cancellationToken: cancellationToken));
        JobRun.Note($"handled updates deleted: {updates}; finished outbox rows deleted: {messages}");
        await JobRun.CommitAsync(transaction, cancellationToken);
    }
}
