using System.Text.Json;
using MentorBot.Host.Cli;

namespace MentorBot.Tests.Cli;

public class MeetingCommandTests
{
    [Fact]
    public async Task Prints_the_parsed_draft_as_json()
    {
        var result = await CliRunner.RunAsync("meeting", "parse", "14.03 пробная встреча по видеосвязи 1,5 часа — посетили урок", "--today", "2026-03-19");

        result.ExitCode.Should().Be(0, result.Error);
        result.Error.Should().BeEmpty();
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("date", "durationMinutes", "kind", "format", "topic");
        root.GetProperty("date").GetString().Should().Be("2026-03-14");
        root.GetProperty("durationMinutes").GetInt32().Should().Be(90);
        root.GetProperty("kind").GetString().Should().Be("trial");
        root.GetProperty("format").GetString().Should().Be("online");
        root.GetProperty("topic").GetString().Should().Be("посетили урок");
    }

    [Fact]
    public async Task Prints_nulls_for_what_the_message_does_not_say_and_in_person_in_snake_case()
    {
        var result = await CliRunner.RunAsync("meeting", "parse", "очно, обсудили портфолио", "--today", "2026-03-19");

        result.ExitCode.Should().Be(0, result.Error);
        var root = JsonDocument.Parse(result.Output).RootElement;
        root.GetProperty("date").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("durationMinutes").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("kind").GetString().Should().Be("regular");
        root.GetProperty("format").GetString().Should().Be("in_person");
        root.GetProperty("topic").GetString().Should().Be("портфолио");
    }

    [Fact]
    public async Task Joins_an_unquoted_message()
    {
        var result = await CliRunner.RunAsync("meeting", "parse", "вчера", "час", "онлайн", "--today", "2026-03-19");

        result.ExitCode.Should().Be(0, result.Error);
        var root = JsonDocument.Parse(result.Output).RootElement;
        root.GetProperty("date").GetString().Should().Be("2026-03-18");
        root.GetProperty("durationMinutes").GetInt32().Should().Be(60);
    }

    [Theory]
    [InlineData("meeting", "parse", "--today", "2026-03-19")]
    [InlineData("meeting", "parse", "   ", "--today", "2026-03-19")]
    [InlineData("meeting", "parse", "вчера час", "--today", "19.03.2026")]
    [InlineData("meeting", "parse", "вчера час", "--today", "2026-02-30")]
    public async Task Bad_input_exits_2_with_one_line(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        result.ExitCode.Should().Be(CliApp.BadInputExitCode);
        result.Output.Should().BeEmpty();
        result.Error.TrimEnd('\n', '\r').Should().NotBeEmpty().And.NotContain("\n");
    }
}
