using System.CommandLine;
using MentorBot.Host.Configuration;
using MentorBot.Host.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Host.Cli;

/// <summary>The verbs that run the bot or migrate its database: <c>run</c>, <c>migrate</c> (and the option loading other verbs share).</summary>
public static class HostCommands
{
    /// <summary>Runs the bot (the default verb): validates options, applies migrations, starts receivers and workers.</summary>
    public static async Task<int> RunBotAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = LoadValidOptions();
        await MigrateAsync(options, parse.InvocationConfiguration.Output, quiet: true, cancellationToken);
        using var host = BotHost.Build(options, Console.In, parse.InvocationConfiguration.Output);
        await host.RunAsync(cancellationToken);
        return 0;
    }

    /// <summary>The <c>run</c> verb.</summary>
    public static Command CreateRun()
    {
        var command = new Command("run", "Run the bot and its workers (console chat when no bot token is set).");
        command.SetAction(RunBotAsync);
        return command;
    }

    /// <summary>The <c>migrate</c> verb.</summary>
    public static Command CreateMigrate()
    {
        var command = new Command("migrate", "Apply migrations/ to the database.");
        command.SetAction(async (parse, ct) =>
        {
            await MigrateAsync(LoadOptions(requireDatabase: true), parse.InvocationConfiguration.Output, quiet: false, ct);
            return 0;
        });
        return command;
    }

    /// <summary>Reads the options, failing with a one-line reason when they cannot be used to run the bot.</summary>
    /// <exception cref="CliInputException">Invalid configuration.</exception>
    public static MentorBotOptions LoadValidOptions()
    {
        var options = LoadOptions(requireDatabase: true);
        var problems = options.Validate();
        return problems.Count == 0 ? options : throw new CliInputException(string.Join(" ", problems));
    }

    /// <summary>Reads the options; with <paramref name="requireDatabase"/>, a missing connection string is an error.</summary>
    /// <exception cref="CliInputException">Unreadable configuration or no connection string.</exception>
    public static MentorBotOptions LoadOptions(bool requireDatabase)
    {
        MentorBotOptions options;
        try { options = HostConfiguration.LoadOptions(); }
        catch (OptionsException e) { throw new CliInputException(e.Message); }
        if (requireDatabase && string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new CliInputException("MENTORBOT_CONNECTION_STRING is not set (./scripts/run starts a private PostgreSQL and sets it).");
        return options;
    }

    /// <summary>Applies the embedded migrations; prints what was applied unless <paramref name="quiet"/>.</summary>
    /// <exception cref="CliInputException">A changed applied migration or an unreachable database.</exception>
    internal static async Task MigrateAsync(MentorBotOptions options, TextWriter output, bool quiet, CancellationToken cancellationToken)
    {
        await using var dataSource = Database.CreateDataSource(options.ConnectionString);
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);
        IReadOnlyList<string> applied;
        try
        {
            applied = await runner.ApplyAsync(Migration.LoadEmbedded(), cancellationToken);
        }
        catch (MigrationChecksumException e)
        {
            throw new CliInputException(e.Message);
        }
        catch (Npgsql.NpgsqlException e)
        {
            throw new CliInputException($"cannot reach the database: {e.Message}");
        }

        if (quiet) return;
        foreach (var name in applied) output.WriteLine($"applied {name}");
        output.WriteLine(applied.Count == 0 ? "database is up to date" : $"{applied.Count} migration(s) applied");
    }
}
