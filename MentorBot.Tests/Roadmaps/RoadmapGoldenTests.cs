using System.Text.Json.Nodes;
using MentorBot.Tests.Cli;

namespace MentorBot.Tests.Roadmaps;

/// <summary>
/// The three real road maps in ../shared/roadmaps against golden JSON written by reading each
/// document (Golden/*.json), through the CLI a curator would use.
/// </summary>
public class RoadmapGoldenTests
{
    public static string SolutionDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MentorBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MentorBot.sln not found above " + AppContext.BaseDirectory);
    }

    public static string SharedRoadmap(string name) =>
        Path.Combine(Directory.GetParent(SolutionDirectory())!.FullName, "shared", "roadmaps", name + ".txt");

    [Theory]
    [InlineData("kindergarten-333-volgograd")]
    [InlineData("school-75-42")]
    // The college's document states no year: the current-year fallback is pinned with --year.
    [InlineData("kineshma-polytechnic-college", "--year", "2024")]
    public async Task Parse_prints_the_golden_json(string name, params string[] extra)
    {
        var result = await CliRunner.RunAsync(["roadmap", "parse", SharedRoadmap(name), .. extra]);

        result.Error.Should().BeEmpty();
        result.ExitCode.Should().Be(0);
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(SolutionDirectory(), "MentorBot.Tests", "Roadmaps", "Golden", name + ".json")));
        var actual = JsonNode.Parse(result.Output);
        JsonNode.DeepEquals(actual, expected).Should().BeTrue($"the output for {name} should equal the golden file; got:\n{result.Output}");
    }
}
