using System.Text.Json.Nodes;
using MentorBot.Domain.Exports;
using MentorBot.Domain.Questionnaires;

namespace MentorBot.Domain.Reports;

/// <summary>
/// One 1–10 scale of the satisfaction survey over a programme year. With fewer than <see cref="Anonymity.Threshold"/>
/// answers only <see cref="Count"/> is given (the rest null); the previous year's mean likewise.
/// </summary>
/// <param name="Scale">The question id (<c>effectiveness</c>, …).</param>
/// <param name="Count">Answers this year (n).</param>
/// <param name="Mean">Mean, or null when withheld.</param>
/// <param name="Median">Median, or null when withheld.</param>
/// <param name="Distribution">How many answered 1, 2, …, 10 (ten counts), or null when withheld.</param>
/// <param name="PreviousCount">Answers in the previous programme year.</param>
/// <param name="PreviousMean">The previous year's mean, or null when there were none or too few.</param>
public sealed record ScaleAggregate(string Scale, int Count, double? Mean, double? Median, IReadOnlyList<int>? Distribution, int PreviousCount, double? PreviousMean)
{
    /// <summary>True when too few answered for the figures to be shown.</summary>
    public bool Hidden => Mean is null;

    /// <summary>This year's mean − the previous year's, when both are shown.</summary>
    public double? Change => Mean is { } now && PreviousMean is { } before ? now - before : null;
}

/// <summary>The satisfaction of one group (mentees or mentors) over a programme year.</summary>
/// <param name="Questionnaire"><c>satisfaction_mentee</c> or <c>satisfaction_mentor</c>.</param>
/// <param name="Responses">Completed surveys this year.</param>
/// <param name="Scales">One per <see cref="SatisfactionMonitoring.Scales"/>, in that order.</param>
/// <param name="Valuable">«Что было самым ценным», without names, sorted; empty when withheld.</param>
/// <param name="Missing">«Чего не хватило», without names, sorted; empty when withheld.</param>
public sealed record SatisfactionGroup(string Questionnaire, int Responses, IReadOnlyList<ScaleAggregate> Scales, IReadOnlyList<string> Valuable, IReadOnlyList<string> Missing)
{
    /// <summary>True when the group's answers are withheld (fewer than <see cref="Anonymity.Threshold"/> surveys).</summary>
    public bool Hidden => Anonymity.Withholds(Responses);
}

/// <summary>
/// Stage 1 of the monitoring («мониторинг качества реализации программы», issue 14): the satisfaction surveys
/// (road map 6.8, the methodology's 1–10 scales) aggregated per group and scale — n, mean, median, distribution and
/// the change against the previous programme year. Pure; open answers are listed without names and sorted so their
/// order says nothing of who answered when.
/// </summary>
public static class SatisfactionMonitoring
{
    /// <summary>The 1–10 scales of both satisfaction surveys, in the survey's order.</summary>
    public static readonly IReadOnlyList<string> Scales = ["effectiveness", "comfort", "usefulness", "support", "plan_clarity", "safety"];

    /// <summary>The groups in report order: mentees, then mentors.</summary>
    public static readonly IReadOnlyList<string> Groups = [BuiltInQuestionnaires.SatisfactionMentee, BuiltInQuestionnaires.SatisfactionMentor];

    /// <summary>Both groups' aggregates for this year's <paramref name="surveys"/> against <paramref name="previous"/> (the year before).</summary>
    public static IReadOnlyList<SatisfactionGroup> Compute(IReadOnlyList<SurveyRecord> surveys, IReadOnlyList<SurveyRecord> previous) =>
        Groups.Select(group => Group(group, [.. surveys.Where(s => s.Questionnaire == group).Select(s => s.Answers)],
            [.. previous.Where(s => s.Questionnaire == group).Select(s => s.Answers)])).ToList();

    private static SatisfactionGroup Group(string questionnaire, IReadOnlyList<JsonObject> answers, IReadOnlyList<JsonObject> previous)
    {
        var scales = Scales.Select(scale =>
        {
            var now = Values(answers, scale);
            var before = Values(previous, scale);
            double? previousMean = before.Count > 0 && !Anonymity.Withholds(before.Count) ? before.Average() : null;
            if (Anonymity.Withholds(now.Count)) return new ScaleAggregate(scale, now.Count, null, null, null, before.Count, previousMean);
            var distribution = Enumerable.Range(1, 10).Select(v => now.Count(x => x == v)).ToList();
            return new ScaleAggregate(scale, now.Count, now.Average(), Median(now), distribution, before.Count, previousMean);
        }).ToList();
        var hidden = Anonymity.Withholds(answers.Count);
        return new SatisfactionGroup(questionnaire, answers.Count, scales,
            hidden ? [] : Texts(answers, "valuable"), hidden ? [] : Texts(answers, "missing"));
    }

    private static List<int> Values(IEnumerable<JsonObject> answers, string scale) =>
        [.. answers.Select(a => a[scale] is JsonValue v && v.TryGetValue<int>(out var n) && n is >= 1 and <= 10 ? n : (int?)null).OfType<int>()];

    /// <summary>The median of <paramref name="values"/> (not empty): the middle one, or the mean of the two middle ones.</summary>
    public static double Median(IReadOnlyList<int> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static List<string> Texts(IEnumerable<JsonObject> answers, string id) =>
        [.. answers.Select(a => a[id] is JsonValue v && v.TryGetValue<string>(out var text) ? text.Trim() : null)
            .Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).Order(StringComparer.Ordinal)];
}
