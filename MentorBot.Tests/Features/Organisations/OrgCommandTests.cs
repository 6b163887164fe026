using Dapper;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Cli;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Organisations;

/// <summary>
/// The CLI reads MENTORBOT_CONNECTION_STRING from the environment: tests that run database verbs
/// in-process set it, so they run in this non-parallel collection (after the parallel ones).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DatabaseCliCollection
{
    public const string Name = "database CLI";
}

/// <summary>
/// Points the in-process CLI at a fresh test database for one test, with the bot username
/// <see cref="BotUsername"/> for invite links, and restores the environment after.
/// </summary>
public sealed class CliDatabase : IAsyncLifetime
{
    public const string BotUsername = "mentor_test_bot";
    private const string Variable = "MENTORBOT_CONNECTION_STRING";
    private const string UsernameVariable = "MENTORBOT_BOT_USERNAME";
    private string? previous;
    private string? previousUsername;

    public TestDatabase Database { get; } = new();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        previous = Environment.GetEnvironmentVariable(Variable);
        previousUsername = Environment.GetEnvironmentVariable(UsernameVariable);
        Environment.SetEnvironmentVariable(Variable, Database.ConnectionString);
        Environment.SetEnvironmentVariable(UsernameVariable, BotUsername);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(Variable, previous);
        Environment.SetEnvironmentVariable(UsernameVariable, previousUsername);
        await Database.DisposeAsync();
    }

    public async Task<long> CountAsync(string table)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }
}

[Collection(DatabaseCliCollection.Name)]
public sealed class OrgCommandTests : IAsyncLifetime
{
    private readonly CliDatabase cli = new();

    public Task InitializeAsync() => cli.InitializeAsync();

    public Task DisposeAsync() => cli.DisposeAsync();

    [Theory]
    [InlineData("Asia/Omsk", "Asia/Omsk")]
    [InlineData("Europe/Volgograd", "Europe/Volgograd")]
    [InlineData(" Europe/Volgograd ", "Europe/Volgograd")]
    public async Task Creates_an_organisation_in_an_iana_zone_and_prints_its_id_and_a_curator_invite(string zone, string stored)
    {
        var result = await CliRunner.RunAsync("org", "create", "--name", "МБОУ СОШ № 75/42", "--time-zone", zone);

        result.Error.Should().BeEmpty();
        result.ExitCode.Should().Be(0);
        var lines = result.Output.TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(2);
        Guid.TryParse(lines[0], out var id).Should().BeTrue(result.Output);
        var organisation = await OrganisationStore.FindAsync(cli.Database.DataSource, id, CancellationToken.None);
        organisation.Should().Be(new Organisation(id, "МБОУ СОШ № 75/42", stored));
        lines[1].Should().MatchRegex($"^https://t\\.me/{CliDatabase.BotUsername}\\?start=[A-Za-z0-9_-]{{24}}$");
        var token = lines[1][(lines[1].IndexOf('=') + 1)..];
        (await cli.Database.DataSource.CreateCommand($"SELECT role || ':' || max_uses || ':' || organisation_id FROM invites WHERE token = '{token}'").ExecuteScalarAsync())
            .Should().Be($"curator:1:{id}");
    }

    [Theory]
    [InlineData("Russian Standard Time")]
    [InlineData("Omsk")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    [InlineData("localtime")]
    [InlineData("posixrules")]
    [InlineData("Factory")]
    [InlineData("right/Europe/Moscow")]
    [InlineData("posix/Asia/Omsk")]
    public async Task An_invalid_zone_is_refused_with_one_line_and_creates_nothing(string zone)
    {
        var result = await CliRunner.RunAsync("org", "create", "--name", "Школа", "--time-zone", zone);

        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.TrimEnd('\n').Should().NotContain("\n").And.Contain("--time-zone").And.Contain("IANA");
        (await cli.CountAsync("organisations")).Should().Be(0);
    }

    [Fact]
    public async Task A_blank_name_is_refused()
    {
        var result = await CliRunner.RunAsync("org", "create", "--name", "  ", "--time-zone", "Asia/Omsk");

        result.ExitCode.Should().Be(2);
        result.Error.TrimEnd('\n').Should().NotContain("\n").And.Contain("--name");
        (await cli.CountAsync("organisations")).Should().Be(0);
    }
}

/// <summary><see cref="IanaTimeZone"/> without a database.</summary>
public class IanaTimeZoneTests
{
    [Theory]
    [InlineData("Asia/Omsk", true, "Asia/Omsk")]
    [InlineData("Europe/Volgograd", true, "Europe/Volgograd")]
    [InlineData("Etc/UTC", true, "Etc/UTC")]
    [InlineData("UTC", true, "UTC")]
    [InlineData("Europe/Kyiv", true, "Europe/Kyiv")]
    [InlineData("Antarctica/Troll", true, "Antarctica/Troll")]
    [InlineData("localtime", false, "")]
    [InlineData("posixrules", false, "")]
    [InlineData("Factory", false, "")]
    [InlineData("right/Asia/Omsk", false, "")]
    [InlineData("posix/Asia/Omsk", false, "")]
    [InlineData("Russian Standard Time", false, "")]
    [InlineData("garbage", false, "")]
    [InlineData(null, false, "")]
    public void Accepts_iana_ids_only(string? id, bool valid, string canonical)
    {
        IanaTimeZone.TryResolve(id, out var resolved).Should().Be(valid);
        resolved.Should().Be(canonical);
    }
}

[Collection(DatabaseCliCollection.Name)]
public sealed class OrgWeightsCommandTests : IAsyncLifetime
{
    private readonly CliDatabase cli = new();
    private readonly string folder = Directory.CreateTempSubdirectory("mentorbot-weights").FullName;

    public Task InitializeAsync() => cli.InitializeAsync();

    public async Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        await cli.DisposeAsync();
    }

    private async Task<Guid> CreateAsync() =>
        Guid.Parse((await CliRunner.RunAsync("org", "create", "--name", "Школа", "--time-zone", "Asia/Omsk")).Output.Split('\n')[0]);

    private async Task<Domain.Matching.MatchingWeights> StoredAsync(Guid id)
    {
        await using var connection = await cli.Database.DataSource.OpenConnectionAsync();
        return (await Host.Features.Pairs.BankStore.LoadAsync(connection, null, id, default)).Weights;
    }

    [Fact]
    public async Task An_organisation_gets_its_own_weights_which_the_banks_load_for_matching_and_reset_restores_the_defaults()
    {
        var id = await CreateAsync();
        var file = Path.Combine(folder, "weights.json");
        await File.WriteAllTextAsync(file, """{ "competency": 0.7, "subject": 0.05 }""");

        var result = await CliRunner.RunAsync("org", "weights", "--org", id.ToString(), "--file", file);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("\"competency\":0.7").And.Contain("\"subject\":0.05");
        (await StoredAsync(id)).Should().Be(Domain.Matching.MatchingWeights.Default with { Competency = 0.7, Subject = 0.05 });

        (await CliRunner.RunAsync("org", "weights", "--org", id.ToString(), "--reset")).ExitCode.Should().Be(0);
        (await StoredAsync(id)).Should().Be(Domain.Matching.MatchingWeights.Default);
    }

    [Theory]
    [InlineData("""{ "competency": -1 }""", "Competency")]
    [InlineData("""{ "competance": 0.5 }""", "competance")]
    [InlineData("not json", "weights.json")]
    public async Task Bad_weights_are_refused_with_one_line_and_change_nothing(string json, string named)
    {
        var id = await CreateAsync();
        var file = Path.Combine(folder, "weights.json");
        await File.WriteAllTextAsync(file, json);

        var result = await CliRunner.RunAsync("org", "weights", "--org", id.ToString(), "--file", file);

        result.ExitCode.Should().Be(2);
        result.Error.TrimEnd('\n').Should().NotContain("\n").And.Contain(named);
        (await StoredAsync(id)).Should().Be(Domain.Matching.MatchingWeights.Default);
    }
}
