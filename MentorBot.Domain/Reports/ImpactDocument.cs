using I = MentorBot.Domain.Reports.ReportsTexts.Impact;

namespace MentorBot.Domain.Reports;

/// <summary>A pair as the impact report names it.</summary>
/// <param name="Mentor">The mentor's name.</param>
/// <param name="Mentee">The mentee's name.</param>
public sealed record PairNames(string Mentor, string Mentee);

/// <summary>What the impact report states (stage 2 of the monitoring).</summary>
/// <param name="OrganisationName">The organisation.</param>
/// <param name="Year">The programme year reported.</param>
/// <param name="Date">The stated report date.</param>
/// <param name="Impact">The computed monitoring (<see cref="ImpactMonitoring.Compute"/>).</param>
/// <param name="People">Names by membership id (for the curator's per-person table).</param>
/// <param name="Pairs">Names by pair id.</param>
/// <param name="CuratorView">True for the curator (per participant and per pair); false for the head (aggregates only).</param>
/// <param name="CuratorName">The curator who signs, or null.</param>
public sealed record ImpactFigures(string OrganisationName, ProgrammeYear Year, DateOnly Date, ImpactReport Impact,
    IReadOnlyDictionary<long, string> People, IReadOnlyDictionary<long, PairNames> Pairs, bool CuratorView, string? CuratorName);

/// <summary>
/// «Отчёт о мониторинге влияния программы наставничества» (issue 14, stage 2) as a <see cref="ReportDocument"/>:
/// the programme and each indicator before/after/delta with who improved, stayed or declined, a chart, and — for the
/// curator only — each participant and pair. Pure.
/// </summary>
public static class ImpactDocument
{
    /// <summary>The document of <paramref name="figures"/>.</summary>
    public static ReportDocument Build(ImpactFigures figures)
    {
        var impact = figures.Impact;
        var blocks = new List<ReportBlock> { new ParagraphBlock(I.Method) };
        blocks.AddRange(SummaryBlocks(impact));
        if (figures.CuratorView && impact.People.Count > 0)
        {
            blocks.Add(new HeadingBlock(I.ByPerson));
            blocks.Add(new TableBlock(I.PersonColumns, [.. impact.People.OrderBy(p => Name(figures, p.MembershipId), StringComparer.Ordinal).ThenBy(p => p.MembershipId)
                .SelectMany(p => p.Changes.Select(c => (IReadOnlyList<string>)
                [
                    Name(figures, p.MembershipId), c.Competency, ReportsTexts.Count(c.Before), ReportsTexts.Count(c.After), ReportsTexts.Signed(c.Change),
                ]))]));
            if (impact.Pairs.Count > 0)
            {
                blocks.Add(new HeadingBlock(I.ByPair));
                blocks.Add(new TableBlock(I.PairColumns, [.. impact.Pairs.Select(p =>
                {
                    // The mentee is the person measured; the pair gives the mentor.
                    var mentor = figures.Pairs.GetValueOrDefault(p.PairId)?.Mentor ?? ReportsTexts.Dash;
                    return (IReadOnlyList<string>)
                    [
                        "№ " + ReportsTexts.Count((int)p.PairId), mentor, Name(figures, p.Person.MembershipId), ReportsTexts.Number(p.Person.Before),
                        ReportsTexts.Number(p.Person.After), ReportsTexts.Signed(p.Person.Change), I.Trend(p.Person.Trend),
                    ];
                })]));
            }
        }

        blocks.Add(new ParagraphBlock(ReportsTexts.AnonymityNote));
        return new ReportDocument(ReportsTexts.FileName("Мониторинг влияния", figures.Year), figures.OrganisationName, ReportsTexts.ImpactTitle,
            ReportsTexts.Subtitle(figures.Year, figures.Date), figures.Date, blocks,
            [ReportsTexts.CuratorSignature(figures.CuratorName), ReportsTexts.DateLine(figures.Date)]);
    }

    /// <summary>The programme-wide and per-indicator tables and the before/after chart (no names): also the final report's impact section.</summary>
    public static IEnumerable<ReportBlock> SummaryBlocks(ImpactReport impact)
    {
        yield return new HeadingBlock(I.Programme);
        yield return new ParagraphBlock(impact.People.Count == 0 ? I.Nobody : I.Measured(impact.People.Count));
        if (impact.People.Count == 0) yield break;
        if (impact.Programme.Hidden) yield return new ParagraphBlock(ReportsTexts.Withheld(impact.Programme.Respondents));
        yield return new TableBlock(I.AggregateColumns, [AggregateRow(impact.Programme, I.AllCompetencies)]);
        yield return new HeadingBlock(I.ByCompetency);
        yield return new TableBlock(I.AggregateColumns, [.. impact.Competencies.Select(c => AggregateRow(c, c.Name!))]);
        var shown = impact.Competencies.Where(c => !c.Hidden).ToList();
        if (shown.Count > 0)
        {
            yield return new ChartBlock(new ChartSpec(I.ChartTitle, [.. shown.Select(c => c.Name!)],
            [
                new ChartSeries(I.Before, [.. shown.Select(c => c.AverageBefore!.Value)]),
                new ChartSeries(I.After, [.. shown.Select(c => c.AverageAfter!.Value)]),
            ], ChartKind.Bars, 10));
        }
    }

    private static IReadOnlyList<string> AggregateRow(CompetencyAggregate a, string name) =>
    [
        name, ReportsTexts.Count(a.Respondents),
        a.AverageBefore is { } before ? ReportsTexts.Number(before) : ReportsTexts.Dash,
        a.AverageAfter is { } after ? ReportsTexts.Number(after) : ReportsTexts.Dash,
        a.AverageChange is { } change ? ReportsTexts.Signed(change) : ReportsTexts.Dash,
        a.Improved is { } improved ? ReportsTexts.Count(improved) : ReportsTexts.Dash,
        a.Stayed is { } stayed ? ReportsTexts.Count(stayed) : ReportsTexts.Dash,
        a.Declined is { } declined ? ReportsTexts.Count(declined) : ReportsTexts.Dash,
    ];

    private static string Name(ImpactFigures figures, long membershipId) =>
        figures.People.GetValueOrDefault(membershipId) ?? Banks.BanksTexts.Unnamed(membershipId);
}
