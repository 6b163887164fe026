using Dapper;
using MentorBot.Host.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MentorBot.Host.Cli;

/// <summary>
/// A migrated database <c>mentorbot_bench_…</c> on the server of <c>MENTORBOT_CONNECTION_STRING</c> for a benchmark,
/// dropped on dispose (the connection's user needs CREATEDB).
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string serverConnectionString;

    private ScratchDatabase(NpgsqlConnectionStringBuilder server, string name)
    {
        serverConnectionString = server.ConnectionString;
        Server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>The server's connection settings (host, port).</summary>
    public NpgsqlConnectionStringBuilder Server { get; }

    /// <summary>The scratch database's name.</summary>
    public string Name { get; }

    /// <summary>A connection string to the scratch database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates and migrates a scratch database.</summary>
    /// <exception cref="CliInputException">The connection string cannot be read, or the database cannot be created.</exception>
    public static async Task<ScratchDatabase> CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder server;
        try { server = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (ArgumentException e) { throw new CliInputException($"MENTORBOT_CONNECTION_STRING cannot be read: {e.Message}"); }

        var scratch = new ScratchDatabase(server, "mentorbot_bench_" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await using var admin = new NpgsqlConnection(server.ConnectionString);
            await admin.OpenAsync(cancellationToken);
            await admin.ExecuteAsync($"CREATE DATABASE {scratch.Name}");
        }
        catch (NpgsqlException e)
        {
            throw new CliInputException($"cannot create a scratch database on the server of MENTORBOT_CONNECTION_STRING: {e.Message}");
        }

        try
        {
            await using var dataSource = Database.CreateDataSource(scratch.ConnectionString);
            await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadEmbedded(), cancellationToken);
        }
        catch
        {
            await scratch.DisposeAsync();
            throw;
        }

        return scratch;
    }

    /// <summary>The server's version, e.g. «15.18».</summary>
    public async Task<string> ServerVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection.PostgreSqlVersion.ToString();
    }

    /// <summary>Nearest-rank percentile <paramref name="p"/> (0–1) of <paramref name="sorted"/> values; NaN when empty.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Drops the database.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(serverConnectionString);
        await admin.OpenAsync(CancellationToken.None);
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }
}
