using MentorBot.Host.Cli;
using MentorBot.Tests.Features.Organisations;

namespace MentorBot.Tests.Cli;

/// <summary>
/// bench pipeline's bad input. It clears MENTORBOT_CONNECTION_STRING for a moment, so it runs in the collection of the tests
/// that set it (in parallel with them it could hide their database, or run a real bench against it).
/// </summary>
[Collection(DatabaseCliCollection.Name)]
public class BenchPipelineCommandTests
{
    [Fact]
    public async Task Without_a_connection_string_it_exits_2_with_one_line()
    {
        // scripts/test never sets it; a developer's shell might, and then the bench would really run.
        var saved = Environment.GetEnvironmentVariable("MENTORBOT_CONNECTION_STRING");
        Environment.SetEnvironmentVariable("MENTORBOT_CONNECTION_STRING", null);
        try
        {
            var result = await CliRunner.RunAsync("bench", "pipeline");

            result.ExitCode.Should().Be(CliApp.BadInputExitCode);
            result.Output.Should().BeEmpty();
            result.Error.TrimEnd('\n', '\r').Should().Contain("MENTORBOT_CONNECTION_STRING").And.NotContain("\n");
        }
        finally
        {
            Environment.SetEnvironmentVariable("MENTORBOT_CONNECTION_STRING", saved);
        }
    }
}
