using System.Text.Json.Nodes;
using MentorBot.Tests.Cli;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Roadmaps;

/// <summary>
/// The three real road maps in ../shared/roadmaps against golden JSON written by reading each
/// document (Golden/*.json), through the CLI a curator would use.
/// </summary>
public class RoadmapGoldenTests
{
    [Theory]
    [InlineData("kindergarten-333-volgograd")]
    [InlineData("school-75-42")]
    // The college's document states no year: the current-year fallback is pinned with --year.
    [InlineData("kineshma-polytechnic-college", "--year", "2024")]
    public async Task Parse_prints_the_golden_json(string name, params string[] extra)
    {
        var result = await CliRunner.RunAsync(["roadmap", "parse", RepositoryPaths.SharedRoadmap(name), .. extra]);

        result.Error.Should().BeEmpty();
        result.ExitCode.Should().Be(0);
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "MentorBot.Tests", "Roadmaps", "Golden", name + ".json")));
        var actual = JsonNode.Parse(result.Output);
        JsonNode.DeepEquals(actual, expected).Should().BeTrue($"the output for {name} should equal the golden file; got:\n{result.Output}");
    }
}
