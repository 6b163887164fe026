using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MentorBot.Host.Persistence;

/// <summary>The one <see cref="NpgsqlDataSource"/> of the process and Dapper's global settings.</summary>
public static class Database
{
    private static int configured;

    /// <summary>Sets Dapper to map snake_case columns to PascalCase members (once per process).</summary>
    public static void ConfigureDapper()
    {
        if (Interlocked.Exchange(ref configured, 1) == 0)
            DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    /// <summary>Creates the data source for <paramref name="connectionString"/>.</summary>
    /// <exception cref="ArgumentException">The connection string cannot be parsed.</exception>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        ConfigureDapper();
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "mentorbot";
        return builder.Build();
    }

    /// <summary>Registers the single data source as a singleton.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, string connectionString) =>
        services.AddSingleton(_ => CreateDataSource(connectionString));
}
