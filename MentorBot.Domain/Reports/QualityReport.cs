using System.Text.Json.Nodes;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Questionnaires;
using Q = MentorBot.Domain.Reports.ReportsTexts.Quality;

namespace MentorBot.Domain.Reports;

/// <summary>What the quality report states (stage 1 of the monitoring).</summary>
/// <param name="OrganisationName">The organisation.</param>
/// <param name="Year">The programme year reported.</param>
/// <param name="Date">The stated report date.</param>
/// <param name="Satisfaction">The satisfaction aggregates (<see cref="SatisfactionMonitoring.Compute"/>).</param>
/// <param name="CuratorAnswers">The curator's questionnaire of the year, or null when not completed.</param>
/// <param name="Swot">The saved SWOT, or null (then the draft is printed and marked as such).</param>
/// <param name="CuratorName">The curator who signs, or null.</param>
public sealed record QualityFigures(string OrganisationName, ProgrammeYear Year, DateOnly Date, IReadOnlyList<SatisfactionGroup> Satisfaction,
    JsonObject? CuratorAnswers, SwotAnalysis? Swot, string? CuratorName);

/// <summary>
/// «Отчёт о мониторинге качества реализации программы наставничества» (issue 14) as a <see cref="ReportDocument"/>:
/// satisfaction per group and scale with the change against the previous year and a chart, open answers without
/// names, the curator's questionnaire and the SWOT analysis. Pure.
/// </summary>
public static class QualityReport
{
    /// <summary>The document of <paramref name="figures"/>.</summary>
    public static ReportDocument Build(QualityFigures figures)
    {
        var blocks = new List<ReportBlock>();
        blocks.AddRange(SatisfactionBlocks(figures.Satisfaction, withOpenAnswers: true));
        blocks.AddRange(CuratorBlocks(figures.CuratorAnswers));
        blocks.AddRange(SwotBlocks(figures.Swot ?? SwotDraft.From(figures.Satisfaction, figures.CuratorAnswers), saved: figures.Swot is not null));
        blocks.Add(new ParagraphBlock(ReportsTexts.AnonymityNote));
        return new ReportDocument(ReportsTexts.FileName("Мониторинг качества", figures.Year), figures.OrganisationName, ReportsTexts.QualityTitle,
            ReportsTexts.Subtitle(figures.Year, figures.Date), figures.Date, blocks,
            [ReportsTexts.CuratorSignature(figures.CuratorName), ReportsTexts.DateLine(figures.Date)]);
    }

    /// <summary>The satisfaction section: per group a table of scales (or the withheld line), a chart, and the open answers.</summary>
    public static IEnumerable<ReportBlock> SatisfactionBlocks(IReadOnlyList<SatisfactionGroup> groups, bool withOpenAnswers)
    {
        yield return new HeadingBlock(Q.Satisfaction);
        yield return new ParagraphBlock(Q.Responses(Responses(groups, BuiltInQuestionnaires.SatisfactionMentee), Responses(groups, BuiltInQuestionnaires.SatisfactionMentor)));
        foreach (var group in groups)
        {
            yield return new HeadingBlock(Q.Group(group.Questionnaire, group.Responses), 2);
            if (group.Hidden)
            {
                yield return new ParagraphBlock(ReportsTexts.Withheld(group.Responses));
                continue;
            }

            yield return new TableBlock(Q.ScaleColumns, [.. group.Scales.Select(ScaleRow)]);
        }

        var shown = groups.Where(g => !g.Hidden).ToList();
        if (shown.Count > 0)
        {
            yield return new ChartBlock(new ChartSpec(Q.ChartTitle, [.. SatisfactionMonitoring.Scales.Select(ReportsTexts.ScaleName)],
                [.. shown.Select(g => new ChartSeries(ReportsTexts.GroupName(g.Questionnaire), [.. g.Scales.Select(s => s.Mean ?? double.NaN)]))], ChartKind.Bars, 10));
        }

        if (!withOpenAnswers) yield break;
        foreach (var (heading, answers) in new[] { (Q.Valuable, shown.SelectMany(g => g.Valuable)), (Q.Missing, shown.SelectMany(g => g.Missing)) })
        {
            yield return new HeadingBlock(heading, 2);
            var list = answers.Order(StringComparer.Ordinal).ToList();
            if (list.Count == 0) yield return new ParagraphBlock(Q.NoAnswers);
            foreach (var answer in list) yield return new ParagraphBlock("— " + answer);
        }
    }

    private static int Responses(IReadOnlyList<SatisfactionGroup> groups, string questionnaire) =>
        groups.FirstOrDefault(g => g.Questionnaire == questionnaire)?.Responses ?? 0;

    private static IReadOnlyList<string> ScaleRow(ScaleAggregate s) =>
    [
        ReportsTexts.ScaleName(s.Scale), ReportsTexts.Count(s.Count),
        s.Mean is { } mean ? ReportsTexts.Number(mean) : ReportsTexts.Dash,
        s.Median is { } median ? ReportsTexts.Number(median) : ReportsTexts.Dash,
        s.Distribution is { } d ? string.Join("; ", d.Select((n, i) => (Score: i + 1, n)).Where(x => x.n > 0).Select(x => $"{x.Score} — {x.n}")) : ReportsTexts.Dash,
        s.PreviousMean is { } previous ? ReportsTexts.Number(previous) : ReportsTexts.Dash,
        s.Change is { } change ? ReportsTexts.Signed(change) : ReportsTexts.Dash,
    ];

    private static IEnumerable<ReportBlock> CuratorBlocks(JsonObject? answers)
    {
        yield return new HeadingBlock(Q.CuratorQuestionnaire);
        var definition = BuiltInQuestionnaires.Find(BuiltInQuestionnaires.CuratorQuestionnaire, CompetencyTaxonomy.Default)!;
        if (answers is null)
        {
            yield return new ParagraphBlock(Q.CuratorNotFilled);
            yield break;
        }

        yield return new TableBlock(Q.ConditionColumns, [.. BuiltInQuestionnaires.CuratorConditions.Select(id => (IReadOnlyList<string>)
        [
            definition.Questions.First(q => q.Id == id).Label!,
            answers[id] is { } answer ? AnswerSummary.Text(answer) : ReportsTexts.Dash,
            answers[id + "_comment"] is { } comment ? AnswerSummary.Text(comment) : "",
        ])]);
    }

    private static IEnumerable<ReportBlock> SwotBlocks(SwotAnalysis swot, bool saved)
    {
        yield return new HeadingBlock(Q.Swot);
        if (!saved) yield return new ParagraphBlock(Q.SwotDraftNote);
        foreach (var part in Enum.GetValues<SwotPart>())
        {
            yield return new HeadingBlock(ReportsTexts.SwotName(part), 2);
            if (swot[part].Count == 0) yield return new ParagraphBlock(Q.NotGiven);
            foreach (var item in swot[part]) yield return new ParagraphBlock("— " + item);
        }
    }
}
