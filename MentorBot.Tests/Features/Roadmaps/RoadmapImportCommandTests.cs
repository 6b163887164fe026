using System.Text;
using Dapper;
using MentorBot.Tests.Cli;
using MentorBot.Tests.Features.Organisations;
using MentorBot.Tests.Integration;
using MentorBot.Tests.Roadmaps;

namespace MentorBot.Tests.Features.Roadmaps;

/// <summary><c>roadmap import</c> through the CLI: summary, refusal without --replace, bad input leaves the database untouched.</summary>
[Collection(DatabaseCliCollection.Name)]
public sealed class RoadmapImportCommandTests : IAsyncLifetime
{
    private readonly CliDatabase cli = new();
    private readonly string directory = Directory.CreateTempSubdirectory("roadmap-import-").FullName;

    public Task InitializeAsync() => cli.InitializeAsync();

    public async Task DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        await cli.DisposeAsync();
    }

    private async Task<string> CreateOrganisationAsync()
    {
        var result = await CliRunner.RunAsync("org", "create", "--name", "МБОУ СОШ №75/42", "--time-zone", "Asia/Omsk");
        result.ExitCode.Should().Be(0, result.Error);
        return result.Output.Split('\n')[0].Trim(); // line 2 is the curator invite link
    }

    private async Task<string> SnapshotAsync()
    {
        await using var connection = await cli.Database.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<string>(
            """
            SELECT concat_ws('|', 'map', id, source_name, imported_at) FROM road_maps
            UNION ALL SELECT concat_ws('|', 'stage', id, number, title, status) FROM road_map_stages
            UNION ALL SELECT concat_ws('|', 'activity', id, text, status) FROM road_map_activities
            UNION ALL SELECT concat_ws('|', 'period', id, text, starts_on, is_default) FROM road_map_periods
            UNION ALL SELECT concat_ws('|', 'person', id, name) FROM road_map_responsible_persons
            ORDER BY 1
            """);
        return string.Join('\n', rows);
    }

    [Fact]
    public async Task Imports_and_prints_a_summary()
    {
        var org = await CreateOrganisationAsync();

        var result = await CliRunner.RunAsync("roadmap", "import", RepositoryPaths.SharedRoadmap("kindergarten-333-volgograd"), "--org", org);

        result.Error.Should().BeEmpty();
        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("7 stages, 17 activities, 7 periods (7 from the default schedule), 0 responsible persons");
        (await cli.CountAsync("road_map_stages")).Should().Be(7);
    }

    [Fact]
    public async Task Without_replace_a_second_import_is_refused_and_with_it_the_plan_is_replaced()
    {
        var org = await CreateOrganisationAsync();
        (await CliRunner.RunAsync("roadmap", "import", RepositoryPaths.SharedRoadmap("school-75-42"), "--org", org)).ExitCode.Should().Be(0);
        var before = await SnapshotAsync();

        var refused = await CliRunner.RunAsync("roadmap", "import", RepositoryPaths.SharedRoadmap("kindergarten-333-volgograd"), "--org", org);

        refused.ExitCode.Should().Be(2);
        refused.Output.Should().BeEmpty();
        refused.Error.TrimEnd('\n').Should().NotContain("\n").And.Contain("already has a road map").And.Contain("--replace");
        (await SnapshotAsync()).Should().Be(before);

        var replaced = await CliRunner.RunAsync("roadmap", "import", RepositoryPaths.SharedRoadmap("kindergarten-333-volgograd"), "--org", org, "--replace");

        replaced.ExitCode.Should().Be(0, replaced.Error);
        replaced.Output.Should().StartWith("replaced").And.Contain("done marks kept: 0");
        (await cli.CountAsync("road_maps")).Should().Be(1);
        (await cli.CountAsync("road_map_stages")).Should().Be(7);
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty.txt", [], "empty.txt: the file is empty" },
        { "binary.txt", [0x01, 0x02, 0x00, 0x0A], "binary content" },
        { "corrupt.docx", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x0A], "not a readable Word document" },
        { "no-table.txt", Encoding.UTF8.GetBytes("Дорожная карта\n\nбез таблицы\n"), "no table found" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_exits_2_and_leaves_the_plan_untouched(string name, byte[] bytes, string reason)
    {
        var org = await CreateOrganisationAsync();
        (await CliRunner.RunAsync("roadmap", "import", RepositoryPaths.SharedRoadmap("school-75-42"), "--org", org)).ExitCode.Should().Be(0);
        var before = await SnapshotAsync();
        var path = Path.Combine(directory, name);
        await File.WriteAllBytesAsync(path, bytes);

        var result = await CliRunner.RunAsync("roadmap", "import", path, "--org", org, "--replace");

        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.TrimEnd('\n').Should().NotContain("\n").And.Contain(name).And.Contain(reason);
        (await SnapshotAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("0196a1c2-0000-7000-8000-000000000000", "no such organisation")]
    [InlineData("school-75", "not an organisation id")]
    public async Task An_unknown_organisation_exits_2_and_stores_nothing(string org, string reason)
    {
        await CreateOrganisationAsync();

        var result = await CliRunner.RunAsync("roadmap", "import", RepositoryPaths.SharedRoadmap("school-75-42"), "--org", org);

        result.ExitCode.Should().Be(2);
        result.Error.TrimEnd('\n').Should().NotContain("\n").And.Contain(reason);
        (await cli.CountAsync("road_maps")).Should().Be(0);
    }
}
