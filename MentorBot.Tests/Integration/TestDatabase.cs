using Dapper;
using MentorBot.Host.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MentorBot.Tests.Integration;

/// <summary>
/// A fresh, migrated database on the throwaway PostgreSQL that scripts/test starts
/// (MENTORBOT_TEST_CONNECTION). Each instance copies a migrated template, so tests never share rows.
/// Without the variable the test fails: no test is skipped for lack of a database.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private const string TemplateName = "mentorbot_template";
    private static readonly SemaphoreSlim CreateLock = new(1, 1);
    private static bool templateReady;

    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public string Name { get; } = "t_" + Guid.NewGuid().ToString("N")[..16];

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("MENTORBOT_TEST_CONNECTION")
        ?? throw new InvalidOperationException("MENTORBOT_TEST_CONNECTION is not set: run the tests with ./scripts/test, which starts PostgreSQL.");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    public async Task InitializeAsync()
    {
        await CreateLock.WaitAsync();
        try
        {
            await using var server = new NpgsqlConnection(ServerConnectionString);
            await server.OpenAsync();
            if (!templateReady)
            {
                await server.ExecuteAsync($"DROP DATABASE IF EXISTS {TemplateName} WITH (FORCE)");
                await server.ExecuteAsync($"CREATE DATABASE {TemplateName}");
                await using (var template = Database.CreateDataSource(ConnectionStringFor(TemplateName) + ";Pooling=false"))
                    await new MigrationRunner(template, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadEmbedded());
                templateReady = true;
            }

            await server.ExecuteAsync($"CREATE DATABASE {Name} TEMPLATE {TemplateName}");
        }
        finally
        {
            CreateLock.Release();
        }

        ConnectionString = ConnectionStringFor(Name);
        DataSource = Database.CreateDataSource(ConnectionString);
    }

    /// <summary>An empty database (no migrations), for migration tests.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = "e_" + Guid.NewGuid().ToString("N")[..16];
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await server.ExecuteAsync($"CREATE DATABASE {name}");
        return ConnectionStringFor(name);
    }

    /// <summary>
    /// A new database with the migrations before <paramref name="version"/> applied, for a test that writes data of the
    /// old shape; <see cref="MigratedDatabase.ApplyAllAsync"/> then applies the rest.
    /// </summary>
    public static async Task<MigratedDatabase> MigratedBeforeAsync(int version)
    {
        var dataSource = Database.CreateDataSource(await CreateEmptyAsync());
        var database = new MigratedDatabase(dataSource, new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance));
        await database.Runner.ApplyAsync(database.All.Where(m => m.Version < version).ToList());
        return database;
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await server.ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }
}

/// <summary>A migration test's database: its data source and runner (<see cref="TestDatabase.MigratedBeforeAsync"/>).</summary>
/// <param name="DataSource">The database.</param>
/// <param name="Runner">Its migration runner.</param>
public sealed record MigratedDatabase(NpgsqlDataSource DataSource, MigrationRunner Runner) : IAsyncDisposable
{
    /// <summary>Every embedded migration.</summary>
    public IReadOnlyList<Migration> All { get; } = Migration.LoadEmbedded();

    /// <summary>Applies the migrations not applied yet.</summary>
    public Task ApplyAllAsync() => Runner.ApplyAsync(All);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
