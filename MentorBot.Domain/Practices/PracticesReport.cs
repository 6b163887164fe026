using System.Globalization;
using MentorBot.Domain.Reports;

namespace MentorBot.Domain.Practices;

/// <summary>An approved case as the final report lists it (already anonymised as the library shows it).</summary>
/// <param name="Topic">Taxonomy label.</param>
/// <param name="Title">Title, anonymised.</param>
/// <param name="Authors">Byline, anonymised.</param>
/// <param name="ApprovedOn">The local date of approval.</param>
/// <param name="Materials">Files attached.</param>
public sealed record CaseLine(string Topic, string Title, string Authors, DateOnly ApprovedOn, int Materials);

/// <summary>
/// The practice-library section of the programme's final report (issue 15 → issue 14's <see cref="ProgrammeSection"/>,
/// order <see cref="Order"/>): the cases approved in the year by topic, as anonymised as the library (152-ФЗ ст. 10.1).
/// </summary>
public static class PracticesReport
{
    /// <summary>Where the section stands among the report's (cases: 80).</summary>
    public const int Order = 80;

    /// <summary>The section, or null when no case was approved in the year.</summary>
    public static ProgrammeSection? Section(IReadOnlyList<CaseLine> cases)
    {
        if (cases.Count == 0) return null;
        var ordered = cases.OrderBy(c => c.Topic, StringComparer.Ordinal).ThenBy(c => c.ApprovedOn).ToList();
        var topics = string.Join(", ", ordered.GroupBy(c => c.Topic).Select(g => $"{g.Key} — {g.Count().ToString(CultureInfo.InvariantCulture)}"));
        return new ProgrammeSection(Order,
        [
            new HeadingBlock(PracticesTexts.ReportHeading),
            new ParagraphBlock(PracticesTexts.ReportSummary(ordered.Count, topics)),
            new TableBlock(PracticesTexts.ReportColumns, [.. ordered.Select((c, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(CultureInfo.InvariantCulture), c.Topic, c.Title, c.Authors,
                c.ApprovedOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), c.Materials.ToString(CultureInfo.InvariantCulture),
            ])]),
        ]);
    }
}
