using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MentorBot.Host.Persistence;

/// <summary>One schema migration: a file <c>NNNN_verb_object.sql</c> and its content.</summary>
/// <param name="Name">File name, e.g. <c>0001_create_organisations.sql</c>.</param>
/// <param name="Sql">The SQL, applied in one transaction.</param>
public sealed partial record Migration(string Name, string Sql)
{
    /// <summary>The version: the file's four-digit prefix.</summary>
    public int Version => int.Parse(Name.AsSpan(0, 4));

    /// <summary>SHA-256 of the content with line endings normalised to LF, lower-case hex.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The migrations embedded in the Host from <c>migrations/</c>, in order.</summary>
    /// <exception cref="InvalidOperationException">A file name breaks the <c>NNNN_verb_object.sql</c> rule or a version repeats.</exception>
    public static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal))
            .Select(n => new Migration(n["migrations/".Length..], Read(assembly, n)));
        return Ordered(migrations);
    }

    /// <summary>Checks names and orders by version.</summary>
    /// <exception cref="InvalidOperationException">A bad file name or a repeated version.</exception>
    public static IReadOnlyList<Migration> Ordered(IEnumerable<Migration> migrations)
    {
        var list = migrations.ToList();
        foreach (var m in list)
            if (!NamePattern().IsMatch(m.Name))
                throw new InvalidOperationException($"Migration file '{m.Name}' must be named NNNN_verb_object.sql.");
        var repeated = list.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new InvalidOperationException($"Migration version {repeated.Key:D4} is used by {string.Join(" and ", repeated.Select(m => m.Name))}.");
        return list.OrderBy(m => m.Version).ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^[0-9]{4}_[a-z0-9]+(_[a-z0-9]+)+\\.sql$")]
    private static partial Regex NamePattern();
}

/// <summary>A migration already applied whose file content changed since (forward-only rule, DESIGN.md decision 7).</summary>
/// <param name="message">Names the file.</param>
public sealed class MigrationChecksumException(string message) : Exception(message);

/// <summary>
/// Applies <c>migrations/</c> in order, each in its own transaction, recording name and checksum in
/// <c>schema_migrations</c>. A session-level advisory lock makes instances starting together take turns.
/// </summary>
/// <param name="dataSource">The database.</param>
/// <param name="logger">Logs each applied file.</param>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    // Arbitrary but fixed: every MentorBot instance contends for the same advisory lock key.
    private const long AdvisoryLockKey = 0x4D656E746F72; // "Mentor"

    /// <summary>Applies pending migrations; returns the names applied now (empty when up to date).</summary>
    /// <exception cref="MigrationChecksumException">An applied file changed; nothing is applied then.</exception>
    public async Task<IReadOnlyList<string>> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken));
        try
        {
            const string createTable = """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version     integer PRIMARY KEY,
                    name        text NOT NULL,
                    checksum    text NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                )
                """;
            await connection.ExecuteAsync(new CommandDefinition(createTable, cancellationToken: cancellationToken));

            const string selectApplied = "SELECT version, name, checksum FROM schema_migrations";
            var applied = (await connection.QueryAsync<AppliedMigration>(new CommandDefinition(selectApplied, cancellationToken: cancellationToken)))
                .ToDictionary(a => a.Version);

            // Verify everything first so a changed file stops the run before anything new is applied.
            foreach (var migration in migrations)
                if (applied.TryGetValue(migration.Version, out var done) && (done.Checksum != migration.Checksum || done.Name != migration.Name))
                    throw new MigrationChecksumException(
                        $"Migration '{done.Name}' was applied with checksum {done.Checksum[..12]}… but '{migration.Name}' now has {migration.Checksum[..12]}…; applied migrations are forward-only, add a new file instead.");

            var appliedNow = new List<string>();
            foreach (var migration in migrations.Where(m => !applied.ContainsKey(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
                const string record = "INSERT INTO schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)";
                await connection.ExecuteAsync(new CommandDefinition(record, new { migration.Version, migration.Name, migration.Checksum }, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Migration}", migration.Name);
                appliedNow.Add(migration.Name);
            }

            return appliedNow;
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    private sealed record AppliedMigration(int Version, string Name, string Checksum);
}
