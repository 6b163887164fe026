using Dapper;
using Npgsql;

namespace MentorBot.Host.Features.Organisations;

/// <summary>A stored organisation: the unit that runs one mentoring programme.</summary>
/// <param name="Id">The organisation's id (what <c>--org</c> takes).</param>
/// <param name="Name">Its name, as the curator typed it.</param>
/// <param name="TimeZone">Its IANA time zone id («Asia/Omsk»); DESIGN.md decision 6.</param>
public sealed record Organisation(Guid Id, string Name, string TimeZone);

/// <summary>SQL of <c>organisations</c>.</summary>
public static class OrganisationStore
{
    /// <summary>The longest organisation name accepted (a full official name fits easily).</summary>
    public const int MaxNameLength = 500;

    /// <summary>
    /// Inserts an organisation with a fresh id and returns it. <paramref name="name"/> must be a
    /// non-blank name (trimmed here) and <paramref name="timeZone"/> an id already resolved by
    /// <see cref="IanaTimeZone.TryResolve"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A blank or over-long name: callers validate first.</exception>
    public static async Task<Organisation> CreateAsync(NpgsqlDataSource dataSource, string name, string timeZone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length == 0 || name.Length > MaxNameLength)
            throw new ArgumentException($"an organisation name is 1 to {MaxNameLength} characters", nameof(name));

        const string sql = """
            INSERT INTO organisations (id, name, time_zone, created_at)
            VALUES (@id, @name, @timeZone, @now)
            """;
        var id = Guid.CreateVersion7(now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, name, timeZone, now = now.UtcDateTime }, cancellationToken: cancellationToken));
        return new Organisation(id, name, timeZone);
    }

    /// <summary>The organisation with <paramref name="id"/>, or null when there is none.</summary>
    public static async Task<Organisation?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, name, time_zone AS TimeZone FROM organisations WHERE id = @id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Organisation>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }
}
