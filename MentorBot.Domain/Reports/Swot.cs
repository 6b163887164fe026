using System.Text.Json.Nodes;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Questionnaires;

namespace MentorBot.Domain.Reports;

/// <summary>The four quadrants of a SWOT analysis, in the order they are asked and printed.</summary>
public enum SwotPart
{
    /// <summary>«Сильные стороны».</summary>
    Strengths,

    /// <summary>«Слабые стороны».</summary>
    Weaknesses,

    /// <summary>«Возможности».</summary>
    Opportunities,

    /// <summary>«Угрозы».</summary>
    Threats,
}

/// <summary>The SWOT summary of the stage-1 monitoring (issue 14): items per quadrant, each one line.</summary>
/// <param name="Strengths">«Сильные стороны».</param>
/// <param name="Weaknesses">«Слабые стороны».</param>
/// <param name="Opportunities">«Возможности».</param>
/// <param name="Threats">«Угрозы».</param>
public sealed record SwotAnalysis(IReadOnlyList<string> Strengths, IReadOnlyList<string> Weaknesses, IReadOnlyList<string> Opportunities, IReadOnlyList<string> Threats)
{
    /// <summary>Nothing in any quadrant.</summary>
    public static readonly SwotAnalysis Empty = new([], [], [], []);

    /// <summary>The items of <paramref name="part"/>.</summary>
    public IReadOnlyList<string> this[SwotPart part] => part switch
    {
        SwotPart.Strengths => Strengths,
        SwotPart.Weaknesses => Weaknesses,
        SwotPart.Opportunities => Opportunities,
        _ => Threats,
    };

    /// <summary>A copy with <paramref name="part"/> replaced by <paramref name="items"/>.</summary>
    public SwotAnalysis With(SwotPart part, IReadOnlyList<string> items) => part switch
    {
        SwotPart.Strengths => this with { Strengths = items },
        SwotPart.Weaknesses => this with { Weaknesses = items },
        SwotPart.Opportunities => this with { Opportunities = items },
        _ => this with { Threats = items },
    };
}

/// <summary>
/// Drafts the strengths and weaknesses of the SWOT (issue 14) from the highest and lowest satisfaction scales and the
/// curator's questionnaire; opportunities and threats are left for the curator. Pure.
/// </summary>
public static class SwotDraft
{
    /// <summary>At most this many scales go into each of strengths and weaknesses.</summary>
    public const int ScalesPerPart = 2;

    /// <summary>A scale with a mean of at least this is a strength.</summary>
    public const double StrongMean = 8.0;

    /// <summary>A scale with a mean below this is a weakness.</summary>
    public const double WeakMean = 7.0;

    /// <summary>
    /// The draft: the <see cref="ScalesPerPart"/> highest shown scales with a mean ≥ <see cref="StrongMean"/> and the
    /// conditions answered «да» are strengths; the lowest below <see cref="WeakMean"/> and the conditions answered
    /// «частично» or «нет» (with the comment) are weaknesses. Withheld scales are never used.
    /// </summary>
    public static SwotAnalysis From(IReadOnlyList<SatisfactionGroup> satisfaction, JsonObject? curatorAnswers)
    {
        var scales = satisfaction.SelectMany(g => g.Scales.Where(s => s.Mean is not null).Select(s => (Group: g.Questionnaire, Scale: s))).ToList();
        var strengths = scales.Where(s => s.Scale.Mean >= StrongMean).OrderByDescending(s => s.Scale.Mean).Take(ScalesPerPart)
            .Select(s => ReportsTexts.SwotScale(s.Group, s.Scale)).ToList();
        var weaknesses = scales.Where(s => s.Scale.Mean < WeakMean).OrderBy(s => s.Scale.Mean).Take(ScalesPerPart)
            .Select(s => ReportsTexts.SwotScale(s.Group, s.Scale)).ToList();
        if (curatorAnswers is not null && BuiltInQuestionnaires.Find(BuiltInQuestionnaires.CuratorQuestionnaire, CompetencyTaxonomy.Default) is { } definition)
        {
            foreach (var condition in BuiltInQuestionnaires.CuratorConditions)
            {
                var answer = Text(curatorAnswers, condition);
                var label = definition.Questions.First(q => q.Id == condition).Label!;
                var comment = Text(curatorAnswers, condition + "_comment");
                if (answer == "да") strengths.Add(ReportsTexts.SwotCondition(label, null, comment));
                else if (answer is "частично" or "нет") weaknesses.Add(ReportsTexts.SwotCondition(label, answer, comment));
            }
        }

        return new SwotAnalysis(strengths, weaknesses, [], []);
    }

    private static string? Text(JsonObject answers, string id) =>
        answers[id] is JsonValue v && v.TryGetValue<string>(out var text) && text.Trim().Length > 0 ? text.Trim() : null;
}
