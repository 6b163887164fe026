using Microsoft.Extensions.Logging;
using Npgsql;

namespace MentorBot.Host.Persistence;

/// <summary>
/// What a background loop logs while PostgreSQL is away (issue 12 item 10): one «database unavailable, retrying» line
/// when the first failure comes and one «database back» line when a round succeeds again — not a line (nor a stack
/// trace) per round, per row or per request. Safe to use from concurrent tasks of one component.
/// </summary>
/// <param name="logger">The component's logger.</param>
/// <param name="component">The component as the operator reads it, e.g. «Outbox sender».</param>
public sealed class DatabaseOutage(ILogger logger, string component)
{
    private int down;

    /// <summary>
    /// True when <paramref name="exception"/> (or an exception inside it, e.g. a transaction disposed by a dropped
    /// connection) says the server is out of reach: Npgsql could not reach it or lost it (a transient
    /// <see cref="NpgsqlException"/> that is not a server error), or the server refused or ended the connection
    /// (SQLSTATE class 08, 57P01–57P03 shutting down or starting up, 53300 too many connections). A constraint,
    /// syntax or deadlock error is not an outage.
    /// </summary>
    public static bool IsOutage(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException server:
                    return server.SqlState.StartsWith("08", StringComparison.Ordinal) || server.SqlState is PostgresErrorCodes.AdminShutdown
                        or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
                case NpgsqlException { IsTransient: true }:
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsOutage);
            }
        }

        return false;
    }

    /// <summary>The database failed as an outage does (<see cref="IsOutage"/>): logs the first such failure only.</summary>
    public void Failed(Exception exception)
    {
        if (Interlocked.Exchange(ref down, 1) == 0)
            logger.LogWarning("{Component}: database unavailable, retrying ({Error})", component, Describe(exception));
    }

    /// <summary>A round reached the database: logs «database back» once after <see cref="Failed"/>.</summary>
    public void Succeeded()
    {
        if (Interlocked.Exchange(ref down, 0) == 1)
            logger.LogWarning("{Component}: database back", component);
    }

    /// <summary>An outage in a few words for a log line: the message of the Npgsql exception inside any wrapper.</summary>
    public static string Describe(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            if (e is NpgsqlException) return e.Message;
        return exception.Message;
    }
}
