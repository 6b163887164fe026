using System.Text.Json.Nodes;
using MentorBot.Domain.Questionnaires;

namespace MentorBot.Domain.Reports;

/// <summary>One mentee's two self-assessments: the intake (first measurement) and the final one (second).</summary>
/// <param name="MembershipId">Whose answers these are.</param>
/// <param name="Intake">The answers of <c>mentee_intake</c> (only <c>self:*</c> integers are read).</param>
/// <param name="Final">The answers of <c>final_self_assessment</c>.</param>
public sealed record SelfAssessmentPair(long MembershipId, JsonObject Intake, JsonObject Final)
{
    /// <summary>The pair the final self-assessment was asked for (<c>pair:&lt;id&gt;</c>), or null.</summary>
    public long? PairId { get; init; }
}

/// <summary>Which way a self-assessment moved between the two measurements.</summary>
public enum Trend
{
    /// <summary>The final score is higher.</summary>
    Improved,

    /// <summary>The same score.</summary>
    Stayed,

    /// <summary>The final score is lower.</summary>
    Declined,
}

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
/// <param name="PairId">The pair of the final self-assessment, or null.</param>
/// <param name="Changes">In the order of the intake's answers; never empty.</param>
public sealed record PersonImpact(long MembershipId, long? PairId, IReadOnlyList<CompetencyChange> Changes)
{
    /// <summary>The mean intake score over <see cref="Changes"/>.</summary>
    public double Before => Changes.Average(c => c.Before);

    /// <summary>The mean final score over <see cref="Changes"/>.</summary>
    public double After => Changes.Average(c => c.After);

    /// <summary><see cref="After"/> − <see cref="Before"/>.</summary>
    public double Change => Changes.Average(c => c.Change);

    /// <summary>Improved when the changes add up to more than zero, declined below zero, else stayed.</summary>
    public Trend Trend => ImpactMonitoring.TrendOf(Changes.Sum(c => c.Change));
}

/// <summary>
/// Before, after and how many moved which way, for one competency or for the whole programme. With fewer than
/// <see cref="Anonymity.Threshold"/> people every figure but the count is withheld (null) and <see cref="Hidden"/> is true.
/// </summary>
/// <param name="Name">The competency's taxonomy label, or null for the whole programme.</param>
/// <param name="Respondents">People measured twice.</param>
/// <param name="AverageBefore">Mean intake score, or null when hidden.</param>
/// <param name="AverageAfter">Mean final score, or null when hidden.</param>
/// <param name="AverageChange">Mean of the personal changes, or null when hidden.</param>
/// <param name="Improved">People whose score rose, or null when hidden.</param>
/// <param name="Stayed">People whose score stayed, or null when hidden.</param>
/// <param name="Declined">People whose score fell, or null when hidden.</param>
public sealed record CompetencyAggregate(string? Name, int Respondents, double? AverageBefore, double? AverageAfter, double? AverageChange,
    int? Improved = null, int? Stayed = null, int? Declined = null)
{
    /// <summary>True when too few people answered for the figures to be shown.</summary>
    public bool Hidden => AverageChange is null;
}

/// <summary>A pair's (mentor and mentee) change: the mentee's mean scores. The curator's view only — it names one person.</summary>
/// <param name="PairId">The pair.</param>
/// <param name="Person">The mentee's change.</param>
public sealed record PairImpact(long PairId, PersonImpact Person);

/// <summary>The impact monitoring of a programme (stage 7, two measurements).</summary>
/// <param name="People">Each person with both measurements (the curator's view only).</param>
/// <param name="Competencies">One aggregate per competency rated by anyone in both measurements, by label order of first appearance.</param>
/// <param name="Pairs">Per pair, by pair id (the curator's view only).</param>
/// <param name="Programme">The whole programme: mean scores over people and who improved, stayed or declined.</param>
public sealed record ImpactReport(IReadOnlyList<PersonImpact> People, IReadOnlyList<CompetencyAggregate> Competencies, IReadOnlyList<PairImpact> Pairs,
    CompetencyAggregate Programme);

/// <summary>
/// Computes the impact monitoring (issue 6, issue 14 stage 2; stage 7 of the road maps): the competency
/// self-assessment of the intake is compared with the final one. The one implementation behind the impact report,
/// the impact export, the digest and the bank card. Pure; the answers come from <c>questionnaire_responses</c>.
/// </summary>
public static class ImpactMonitoring
{
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

    /// <summary>The trend of a (summed or single) change.</summary>
    public static Trend TrendOf(double change) => change > 0 ? Trend.Improved : change < 0 ? Trend.Declined : Trend.Stayed;

    /// <summary>One person's change; null when no competency was rated in both measurements.</summary>
    public static PersonImpact? Person(SelfAssessmentPair pair)
    {
        var after = Scores(pair.Final);
        var changes = new List<CompetencyChange>();
        foreach (var (label, before) in Scores(pair.Intake))
            if (after.TryGetValue(label, out var final)) changes.Add(new CompetencyChange(label, before, final));
        return changes.Count == 0 ? null : new PersonImpact(pair.MembershipId, pair.PairId, changes);
    }

    /// <summary>
    /// The change per person, per competency, per pair and for the programme. A competency counts for a person only
    /// when rated in both measurements; a person with no such competency is left out.
    /// </summary>
    public static ImpactReport Compute(IEnumerable<SelfAssessmentPair> pairs)
    {
        var people = pairs.Select(Person).OfType<PersonImpact>().ToList();
        var byCompetency = new Dictionary<string, List<CompetencyChange>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var change in people.SelectMany(p => p.Changes))
        {
            if (!byCompetency.TryGetValue(change.Competency, out var list))
            {
                byCompetency[change.Competency] = list = [];
                order.Add(change.Competency);
            }

            list.Add(change);
        }

        var competencies = order.Select(label => Aggregate(label, byCompetency[label].Select(c => ((double)c.Before, (double)c.After, TrendOf(c.Change))).ToList())).ToList();
        var programme = Aggregate(null, people.Select(p => (p.Before, p.After, p.Trend)).ToList());
        var byPair = people.Where(p => p.PairId is not null).OrderBy(p => p.PairId).Select(p => new PairImpact(p.PairId!.Value, p)).ToList();
        return new ImpactReport(people, competencies, byPair, programme);
    }

    private static CompetencyAggregate Aggregate(string? name, IReadOnlyList<(double Before, double After, Trend Trend)> measured)
    {
        if (Anonymity.Withholds(measured.Count)) return new CompetencyAggregate(name, measured.Count, null, null, null);
        var trends = measured.Select(m => m.Trend).ToList();
        return new CompetencyAggregate(name, measured.Count, measured.Average(m => m.Before), measured.Average(m => m.After),
            measured.Average(m => m.After - m.Before), trends.Count(t => t == Trend.Improved), trends.Count(t => t == Trend.Stayed),
            trends.Count(t => t == Trend.Declined));
    }
}
