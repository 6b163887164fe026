using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using MentorBot.Domain.Matching;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>match --input FILE</c>: runs the matcher on a JSON file (no database) and prints every pair's score,
/// the proposed pairs with Russian reasons and the unmatched mentees with why (issue 5, «Matching»).
/// <para>
/// Input: <c>{"mentors":[{"id","subject","competencies":[…],"capacity","form","experienceYears","preferredMentees":[…]}],
/// "mentees":[{"id","subject","difficulties":[…],"form","experienceYears","preferredMentors":[…]}],"weights":{…}}</c>.
/// <c>capacity</c> and <c>id</c> are required; <c>form</c> («очно» | «дистанционно» | «любой») defaults to «любой»,
/// lists to empty, numbers to 0; <c>preferredMentees</c> and <c>weights</c> (the properties of
/// <see cref="MatchingWeights"/>, camelCase) are optional. Unknown properties are errors, so a misspelt
/// field is caught rather than silently ignored.
/// </para>
/// Output: <c>{"minScore","scores":{mentee:{mentor:score}},"pairs":[{"mentee","mentor","score","reasons"}],"unmatched":[{"mentee","reason"}]}</c>,
/// scores rounded to 3 decimals, everything in input order.
/// </summary>
public static class MatchCommand
{
    private static readonly JsonSerializerOptions ReadOptions = new(CliJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Builds the <c>match</c> verb.</summary>
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "JSON file with mentors and mentees", Required = true };
        var command = new Command("match", "Run the matcher on a JSON file (no database); print scores, pairs and unmatched mentees.") { input };
        command.SetAction(parseResult =>
        {
            var (mentors, mentees, weights) = Read(parseResult.GetValue(input)!);
            var proposal = Matchmaker.Propose(mentors, mentees, weights);
            CliJson.Write(parseResult.InvocationConfiguration.Output, ToOutput(proposal));
        });
        return command;
    }

    /// <summary>
    /// Reads and validates a match input file. Throws <see cref="CliInputException"/> naming the problem:
    /// a missing file, invalid JSON, a missing id or capacity, an unknown form, or what
    /// <see cref="Matchmaker.FindProblem"/> and <see cref="MatchingWeights.FindProblem"/> report.
    /// </summary>
    internal static (IReadOnlyList<MentorProfile> Mentors, IReadOnlyList<MenteeProfile> Mentees, MatchingWeights Weights) Read(FileInfo file)
    {
        InputFile? parsed;
        try
        {
            using var stream = file.OpenRead();
            parsed = JsonSerializer.Deserialize<InputFile>(stream, ReadOptions);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read input file {file.FullName}: {OneLine(e.Message)}");
        }
        catch (JsonException e)
        {
            throw new CliInputException($"invalid JSON in {file.Name}: {OneLine(e.Message)}");
        }

        if (parsed is null)
        {
            throw new CliInputException($"{file.Name} holds null, expected an object with \"mentors\" and \"mentees\"");
        }

        var mentors = Required(parsed.Mentors, "mentors").Select((m, k) => ToMentor(m, k)).ToList();
        var mentees = Required(parsed.Mentees, "mentees").Select((m, k) => ToMentee(m, k)).ToList();
        var weights = parsed.Weights ?? MatchingWeights.Default;
        var problem = Matchmaker.FindProblem(mentors, mentees) ?? weights.FindProblem();
        return problem is null ? (mentors, mentees, weights) : throw new CliInputException(problem);
    }

    private static MentorProfile ToMentor(MentorInput? m, int index)
    {
        var at = $"mentors[{index}]";
        var input = m ?? throw new CliInputException($"{at} is null");
        var id = Id(input.Id, at);
        return new MentorProfile(
            id,
            input.Subject ?? string.Empty,
            Strings(input.Competencies, $"{at}.competencies"),
            input.Capacity ?? throw new CliInputException($"mentor '{id}' has no capacity"),
            Format(input.Form, $"mentor '{id}'"),
            input.ExperienceYears ?? 0,
            Strings(input.PreferredMentees, $"{at}.preferredMentees"));
    }

    private static MenteeProfile ToMentee(MenteeInput? m, int index)
    {
        var at = $"mentees[{index}]";
        var input = m ?? throw new CliInputException($"{at} is null");
        var id = Id(input.Id, at);
        return new MenteeProfile(
            id,
            input.Subject ?? string.Empty,
            Strings(input.Difficulties, $"{at}.difficulties"),
            Format(input.Form, $"mentee '{id}'"),
            input.ExperienceYears ?? 0,
            Strings(input.PreferredMentors, $"{at}.preferredMentors"));
    }

    private static string Id(string? id, string at) =>
        string.IsNullOrWhiteSpace(id) ? throw new CliInputException($"{at} has no id") : id;

    private static MeetingFormat Format(string? form, string who) => form is null ? MeetingFormat.Any
        : MeetingFormats.TryParse(form, out var format) ? format
        : throw new CliInputException($"{who} has unknown form '{form}'; expected очно, дистанционно or любой");

    private static List<string> Strings(List<string?>? values, string at) =>
        values?.Select((v, k) => v ?? throw new CliInputException($"{at}[{k}] is null")).ToList() ?? [];

    private static List<T> Required<T>(List<T>? list, string name) =>
        list ?? throw new CliInputException($"input has no \"{name}\" array");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static Output ToOutput(MatchingProposal proposal)
    {
        var scores = new OrderedDictionary<string, OrderedDictionary<string, double>>(StringComparer.Ordinal);
        for (var i = 0; i < proposal.Mentees.Count; i++)
        {
            var row = new OrderedDictionary<string, double>(StringComparer.Ordinal);
            for (var j = 0; j < proposal.Mentors.Count; j++)
            {
                row.Add(proposal.Mentors[j].Id, Round(proposal.Scores[i][j].Score));
            }

            scores.Add(proposal.Mentees[i].Id, row);
        }

        return new Output(
            Round(proposal.Weights.MinScore),
            scores,
            [.. proposal.Pairs.Select(p => new PairOutput(p.MenteeId, p.MentorId, Round(p.Score), p.Reasons))],
            [.. proposal.Unmatched.Select(u => new UnmatchedOutput(u.MenteeId, u.Reason))]);
    }

    private static double Round(double score) => Math.Round(score, 3, MidpointRounding.AwayFromZero);

    private sealed record InputFile(List<MentorInput?>? Mentors, List<MenteeInput?>? Mentees, MatchingWeights? Weights);

    private sealed record MentorInput(string? Id, string? Subject, List<string?>? Competencies, int? Capacity, string? Form, int? ExperienceYears, List<string?>? PreferredMentees);

    private sealed record MenteeInput(string? Id, string? Subject, List<string?>? Difficulties, string? Form, int? ExperienceYears, List<string?>? PreferredMentors);

    private sealed record Output(double MinScore, OrderedDictionary<string, OrderedDictionary<string, double>> Scores, List<PairOutput> Pairs, List<UnmatchedOutput> Unmatched);

    private sealed record PairOutput(string Mentee, string Mentor, double Score, IReadOnlyList<string> Reasons);

    private sealed record UnmatchedOutput(string Mentee, string Reason);
}
