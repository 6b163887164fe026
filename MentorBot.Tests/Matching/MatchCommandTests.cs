using System.Text.Json;
using MentorBot.Host.Cli;
using MentorBot.Tests.Cli;

namespace MentorBot.Tests.Matching;

public sealed class MatchCommandTests : IDisposable
{
    private const string Sample = """
        {"mentors":[
          {"id":"m1","subject":"Математика","competencies":["работа с родителями","планирование уроков"],"capacity":1,"form":"очно","experienceYears":12},
          {"id":"m2","subject":"история","competencies":["оценивание"],"capacity":2,"form":"любой","experienceYears":22},
          {"id":"m3","subject":"физика","competencies":["ФГОС"],"capacity":0,"form":"очно","experienceYears":5}],
         "mentees":[
          {"id":"t1","subject":" математика ","difficulties":["Работа с  родителями","планирование уроков","оценивание"],"form":"очно","experienceYears":1,"preferredMentors":["m1"]},
          {"id":"t2","subject":"история","difficulties":["оценивание"],"form":"дистанционно","experienceYears":0,"preferredMentors":[]},
          {"id":"t3","subject":"физика","difficulties":["ФГОС"],"form":"очно","experienceYears":0,"preferredMentors":[]},
          {"id":"t4","subject":"химия","difficulties":["планирование уроков"],"form":"дистанционно","experienceYears":0,"preferredMentors":[]}]}
        """;

    private readonly List<string> _files = [];

    public void Dispose() => _files.ForEach(File.Delete);

    [Fact]
    public async Task Prints_scores_pairs_and_unmatched_mentees()
    {
        var result = await CliRunner.RunAsync("match", "--input", Write(Sample));

        result.ExitCode.Should().Be(0, result.Error);
        result.Error.Should().BeEmpty();
        var root = JsonDocument.Parse(result.Output).RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("minScore", "scores", "pairs", "unmatched");
        root.GetProperty("minScore").GetDouble().Should().Be(0.3);

        var scores = root.GetProperty("scores");
        scores.EnumerateObject().Select(p => p.Name).Should().Equal("t1", "t2", "t3", "t4");
        scores.GetProperty("t1").EnumerateObject().Select(p => p.Name).Should().Equal("m1", "m2", "m3");
        scores.GetProperty("t1").GetProperty("m2").GetDouble().Should().Be(0.333, "scores are rounded to 3 decimals");

        // Placing three mentees beats giving t1 its favourite: m1 goes to t4, t1 to m2.
        var pairs = root.GetProperty("pairs").EnumerateArray().ToList();
        pairs.Select(p => (p.GetProperty("mentee").GetString(), p.GetProperty("mentor").GetString()))
            .Should().Equal(("t1", "m2"), ("t2", "m2"), ("t4", "m1"));
        pairs[1].GetProperty("score").GetDouble().Should().Be(0.8);
        pairs[1].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).Should().Equal(
            "совпадает: оценивание",
            "один предмет (история)",
            "формат совместим (наставник: любой, наставляемый: дистанционно)",
            "стаж наставника 22 года");

        var unmatched = root.GetProperty("unmatched").EnumerateArray().Should().ContainSingle().Subject;
        unmatched.GetProperty("mentee").GetString().Should().Be("t3");
        unmatched.GetProperty("reason").GetString().Should().Contain("компетенциями");
    }

    [Fact]
    public async Task Weights_in_the_file_override_the_defaults()
    {
        var result = await CliRunner.RunAsync("match", "--input", Write(Sample.TrimEnd()[..^1] + """, "weights":{"minScore":0.9}}"""));

        result.ExitCode.Should().Be(0, result.Error);
        var root = JsonDocument.Parse(result.Output).RootElement;
        root.GetProperty("minScore").GetDouble().Should().Be(0.9);
        root.GetProperty("pairs").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("{", "invalid JSON")]
    [InlineData("""{"mentors":[]}""", "\"mentees\"")]
    [InlineData("""{"mentors":[{"id":"m","capacity":1},{"id":"m","capacity":1}],"mentees":[]}""", "'m' is used twice")]
    [InlineData("""{"mentors":[],"mentees":[{"id":"t"},{"id":"t"}]}""", "'t' is used twice")]
    [InlineData("""{"mentors":[{"id":"m","capacity":-1}],"mentees":[]}""", "capacity -1")]
    [InlineData("""{"mentors":[{"id":"m"}],"mentees":[]}""", "no capacity")]
    [InlineData("""{"mentors":[{"id":"m","capacity":1,"form":"онлайн"}],"mentees":[]}""", "unknown form 'онлайн'")]
    [InlineData("""{"mentors":[{"id":"m","capacity":1}],"mentees":[{"id":"t","preferredMentors":["x"]}]}""", "mentor 'x'")]
    [InlineData("""{"mentors":[{"id":"m","capacity":1,"competences":[]}],"mentees":[]}""", "competences")]
    [InlineData("""{"mentors":[{"capacity":1}],"mentees":[]}""", "mentors[0] has no id")]
    [InlineData("""{"mentors":[],"mentees":[],"weights":{"competency":-1}}""", "Competency")]
    public async Task Bad_input_exits_2_with_one_line_naming_the_problem(string json, string expected)
    {
        var result = await CliRunner.RunAsync("match", "--input", Write(json));

        ShouldBeBadInput(result, expected);
    }

    [Fact]
    public async Task A_missing_file_is_bad_input() =>
        ShouldBeBadInput(await CliRunner.RunAsync("match", "--input", "/nonexistent/people.json"), "cannot read input file");

    [Fact]
    public async Task A_missing_input_option_is_bad_input() =>
        ShouldBeBadInput(await CliRunner.RunAsync("match"), "--input");

    [Fact]
    public async Task Bench_match_reports_both_measurements()
    {
        var result = await CliRunner.RunAsync("bench", "match", "--mentees", "12", "--mentors", "4", "--runs", "1");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("12 mentees x 4 mentors").And.Contain("propose").And.Contain("solve only").And.Contain("allocated");
    }

    [Fact]
    public async Task Bench_match_rejects_zero_runs() =>
        ShouldBeBadInput(await CliRunner.RunAsync("bench", "match", "--runs", "0"), "--runs");

    private static void ShouldBeBadInput(CliRunner.Result result, string expected)
    {
        result.ExitCode.Should().Be(CliApp.BadInputExitCode);
        result.Output.Should().BeEmpty();
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle().Which.Should().StartWith("error:").And.Contain(expected);
    }

    private string Write(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"match-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        _files.Add(path);
        return path;
    }
}
