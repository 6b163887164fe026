using Dapper;
using MentorBot.Domain.Pairs;
using Npgsql;

namespace MentorBot.Host.Features.Pairs;

/// <summary>A stored plan item (<c>plan_items</c>).</summary>
public sealed class PlanItemRecord
{
    /// <summary><c>plan_items.id</c>.</summary>
    public long Id { get; init; }

    /// <summary>The pair it belongs to.</summary>
    public long PairId { get; init; }

    /// <summary>Order of creation within the pair (items are shown by date, then position).</summary>
    public int Position { get; init; }

    /// <summary><see cref="PlanItemKinds.Code"/>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Russian title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The planned date.</summary>
    public DateTime DueOn { get; init; }

    /// <summary>When the item was ticked off (by a logged meeting), or null.</summary>
    public DateTime? DoneAt { get; init; }
}

/// <summary>SQL of <c>plan_items</c>: a pair's personal mentoring plan.</summary>
public static class PlanStore
{
    /// <summary>Stores the generated plan of a freshly approved pair (positions 1…n); a pair that already has items is left alone.</summary>
    public static async Task CreateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long pairId, IReadOnlyList<PlanItemDraft> items, CancellationToken cancellationToken)
    {
        const string exists = "SELECT EXISTS (SELECT 1 FROM plan_items WHERE pair_id = @pairId)";
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(exists, new { pairId }, transaction, cancellationToken: cancellationToken)))
            return;
        const string sql = "INSERT INTO plan_items (pair_id, position, kind, title, due_on) VALUES (@pairId, @position, @kind, @title, @dueOn)";
        var rows = items.Select((item, k) => new { pairId, position = k + 1, kind = item.Kind.Code(), title = item.Title, dueOn = item.DueOn }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The pair's items by date, then position.</summary>
    public static async Task<List<PlanItemRecord>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long pairId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, pair_id, position, kind, title, due_on, done_at FROM plan_items WHERE pair_id = @pairId ORDER BY due_on, position
            """;
        return [.. await connection.QueryAsync<PlanItemRecord>(new CommandDefinition(sql, new { pairId }, transaction, cancellationToken: cancellationToken))];
    }

    /// <summary>Moves an item of the pair to <paramref name="dueOn"/>; false when the item is not the pair's.</summary>
    public static async Task<bool> MoveAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long pairId, long itemId, DateOnly dueOn, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE plan_items SET due_on = @dueOn WHERE id = @itemId AND pair_id = @pairId";
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { pairId, itemId, dueOn }, transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Adds a custom item at the end of the pair's positions.</summary>
    public static Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long pairId, string title, DateOnly dueOn, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO plan_items (pair_id, position, kind, title, due_on)
            SELECT @pairId, coalesce(max(position), 0) + 1, 'custom', @title, @dueOn FROM plan_items WHERE pair_id = @pairId
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new { pairId, title, dueOn }, transaction, cancellationToken: cancellationToken));
    }
}
