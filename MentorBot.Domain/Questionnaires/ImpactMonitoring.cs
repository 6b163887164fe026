using System.Text.Json.Nodes;

namespace MentorBot.Domain.Questionnaires;

/// <summary>One person's two self-assessments: the intake (first measurement) and the final one (second).</summary>
/// <param name="MembershipId">Whose answers these are.</param>
/// <param name="Intake">The answers of <c>mentee_intake</c> (only <c>self:*</c> integers are read).</param>
/// <param name="Final">The answers of <c>final_self_assessment</c>.</param>
public sealed record SelfAssessmentPair(long MembershipId, JsonObject Intake, JsonObject Final);

/// <summary>How one person's self-assessment of one competency changed (1–10 scale points).</summary>
/// <param name="Competency">The taxonomy label.</param>
/// <param name="Before">The intake score, 1–10.</param>
/// <param name="After">The final score, 1–10.</param>
public sealed record CompetencyChange(string Competency, int Before, int After)
{
    /// <summary><see cref="After"/> − <see cref="Before"/>: positive means the person feels more confident.</summary>
    public int Change => After - Before;
}

/// <summary>One person's change per competency answered in both measurements.</summary>
/// <param name="MembershipId">Whose change.</param>
/// <param name="Changes">In the order of the intake's answers.</param>
public sealed record PersonImpact(long MembershipId, IReadOnlyList<CompetencyChange> Changes);

/// <summary>
/// The organisation's change in one competency. With fewer than <see cref="ImpactMonitoring.MinimumRespondents"/>
/// people the averages are hidden (null) and <see cref="Hidden"/> is true: only the count is shown.
/// </summary>
/// <param name="Competency">The taxonomy label.</param>
/// <param name="Respondents">People who rated it in both measurements.</param>
/// <param name="AverageBefore">Mean intake score, or null when hidden.</param>
/// <param name="AverageAfter">Mean final score, or null when hidden.</param>
/// <param name="AverageChange">Mean of the personal changes, or null when hidden.</param>
public sealed record CompetencyAggregate(string Competency, int Respondents, double? AverageBefore, double? AverageAfter, double? AverageChange)
{
    /// <summary>True when too few people answered for the averages to be shown.</summary>
    public bool Hidden => AverageChange is null;
}

/// <summary>The impact monitoring of a programme (stage 7, two measurements): per person and per organisation.</summary>
/// <param name="People">Each person with both measurements.</param>
/// <param name="Competencies">One aggregate per competency rated by anyone in both measurements, by label order of first appearance.</param>
public sealed record ImpactReport(IReadOnlyList<PersonImpact> People, IReadOnlyList<CompetencyAggregate> Competencies);

/// <summary>
/// Computes the impact monitoring (issue 6, stage 7 of the road maps): the competency self-assessment
/// of the intake is compared with the final one. Pure; the answers come from <c>questionnaire_responses</c>.
/// </summary>
public static class ImpactMonitoring
{
    /// <summary>
    /// Aggregates shown to anyone need at least this many respondents (issue 6: a small school has 3–10
    /// pairs; anonymity matters). Other features (satisfaction results, reports, exports) use the same threshold.
    /// </summary>
    public const int MinimumRespondents = 5;

    /// <summary>The <c>self:&lt;label&gt;</c> integer answers of <paramref name="answers"/>, label → score.</summary>
    public static IReadOnlyDictionary<string, int> Scores(JsonObject answers)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, value) in answers)
        {
            if (id.StartsWith(CompetencyTaxonomy.SelfAssessmentPrefix, StringComparison.Ordinal)
                && value is JsonValue v && v.TryGetValue<int>(out var score))
                scores[id[CompetencyTaxonomy.SelfAssessmentPrefix.Length..]] = score;
        }

        return scores;
    }

    /// <summary>
    /// The change per person and per competency. A competency counts for a person only when rated in
    /// both measurements; a person with no such competency is left out.
    /// </summary>
    public static ImpactReport Compute(IEnumerable<SelfAssessmentPair> pairs)
    {
        var people = new List<PersonImpact>();
        var byCompetency = new Dictionary<string, List<CompetencyChange>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var pair in pairs)
        {
            var after = Scores(pair.Final);
            var changes = new List<CompetencyChange>();
            foreach (var (label, before) in Scores(pair.Intake))
            {
                if (!after.TryGetValue(label, out var final)) continue;
                var change = new CompetencyChange(label, before, final);
                changes.Add(change);
                if (!byCompetency.TryGetValue(label, out var list))
                {
                    byCompetency[label] = list = [];
                    order.Add(label);
                }

                list.Add(change);
            }

            if (changes.Count > 0) people.Add(new PersonImpact(pair.MembershipId, changes));
        }

        var aggregates = order.Select(label =>
        {
            var list = byCompetency[label];
            return list.Count < MinimumRespondents
                ? new CompetencyAggregate(label, list.Count, null, null, null)
                : new CompetencyAggregate(label, list.Count, list.Average(c => c.Before), list.Average(c => c.After), list.Average(c => c.Change));
        }).ToList();
        return new ImpactReport(people, aggregates);
    }
}
