using System.Globalization;
using MentorBot.Domain.Exports;
using MentorBot.Domain.Roadmaps;
using P = MentorBot.Domain.Reports.ReportsTexts.Programme;

namespace MentorBot.Domain.Reports;

/// <summary>A road-map stage as the final report lists it.</summary>
/// <param name="Number">As written («1», «IV»).</param>
/// <param name="Title">The stage's title.</param>
/// <param name="Status">As of the report date (<see cref="StageStatusRules"/>).</param>
/// <param name="DoneOn">The local date it was marked done, or null.</param>
public sealed record StageLine(string Number, string Title, StageStatus Status, DateOnly? DoneOn);

/// <summary>Meetings of one kind in the year.</summary>
/// <param name="Kind"><c>meetings.kind</c> code (organizational | trial | planning | regular | final).</param>
/// <param name="Held">Logged meetings (deleted ones left out).</param>
/// <param name="Minutes">Their total duration.</param>
/// <param name="Planned">Items of that kind in the pairs' personal plans.</param>
public sealed record MeetingKindLine(string Kind, int Held, int Minutes, int Planned);

/// <summary>One kind of consent in figures: events in the year (152-ФЗ ст. 9; ТК РФ ст. 351.8).</summary>
/// <param name="Kind"><c>consent_events.kind</c>.</param>
/// <param name="Given">«given» events.</param>
/// <param name="Withdrawn">«withdrawn» events.</param>
public sealed record ConsentLine(string Kind, int Given, int Withdrawn);

/// <summary>Everything the final report states, loaded for one organisation and programme year.</summary>
/// <param name="OrganisationName">The organisation.</param>
/// <param name="Year">The programme year.</param>
/// <param name="Date">The stated report date.</param>
/// <param name="Stages">The road map's stages in order, or null without a road map.</param>
/// <param name="Mentors">Active mentors.</param>
/// <param name="Mentees">Active mentees.</param>
/// <param name="PairsByForm">Approved, active or completed pairs of the year by form code, in a fixed order.</param>
/// <param name="Groups">Mentors with more than one such pair (a group).</param>
/// <param name="Meetings">Per meeting kind.</param>
/// <param name="MeetingsPerWeek">Meetings per week (Monday → count), every week of the year up to the report date.</param>
/// <param name="PollScores">The scores (1–5) of answered feedback polls.</param>
/// <param name="PollsAsked">Feedback polls sent.</param>
/// <param name="Satisfaction">Stage-1 aggregates.</param>
/// <param name="Impact">Stage-2 monitoring.</param>
/// <param name="Consents">Per consent kind.</param>
/// <param name="Destroyed">Destruction records of the year (152-ФЗ ст. 21).</param>
/// <param name="CuratorName">The curator who signs, or null.</param>
/// <param name="HeadName">The head, or null.</param>
public sealed record ProgrammeFigures(string OrganisationName, ProgrammeYear Year, DateOnly Date, IReadOnlyList<StageLine>? Stages,
    int Mentors, int Mentees, IReadOnlyList<(string Form, int Pairs)> PairsByForm, int Groups, IReadOnlyList<MeetingKindLine> Meetings,
    IReadOnlyList<(DateOnly Week, int Meetings)> MeetingsPerWeek, IReadOnlyList<int> PollScores, int PollsAsked,
    IReadOnlyList<SatisfactionGroup> Satisfaction, ImpactReport Impact, IReadOnlyList<ConsentLine> Consents, int Destroyed,
    string? CuratorName, string? HeadName);

/// <summary>
/// One section of the final report. <paramref name="Order"/> places it: the standard sections use 10, 20, …, 90
/// (road map 10, participants 20, meetings 30, feedback 40, satisfaction 50, impact 60, consents 90), so a feature
/// adds its own in between (events and cases of the practice library: 70, 80) without touching the others.
/// </summary>
/// <param name="Order">Where the section goes.</param>
/// <param name="Blocks">Its blocks, starting with a heading.</param>
public sealed record ProgrammeSection(int Order, IReadOnlyList<ReportBlock> Blocks);

/// <summary>
/// «Итоговый отчёт о реализации программы наставничества» for the head (issue 14), pure: the road map's stages with
/// status and dates done, participants, pairs and groups by form, meetings held against the personal plans, feedback
/// polls, satisfaction and impact summaries, the consents ledger in figures, and signature lines; plus any sections
/// other features add (<see cref="ProgrammeSection"/>).
/// </summary>
public static class ProgrammeReport
{
    /// <summary>The document: the standard sections and <paramref name="extra"/> ones, by order (stable).</summary>
    public static ReportDocument Build(ProgrammeFigures figures, IEnumerable<ProgrammeSection> extra)
    {
        var sections = StandardSections(figures).Concat(extra).OrderBy(s => s.Order).SelectMany(s => s.Blocks).ToList();
        sections.Add(new ParagraphBlock(ReportsTexts.AnonymityNote));
        return new ReportDocument(ReportsTexts.FileName("Итоговый отчёт", figures.Year), figures.OrganisationName, ReportsTexts.ProgrammeTitle,
            ReportsTexts.Subtitle(figures.Year, figures.Date), figures.Date, sections,
            [ReportsTexts.CuratorSignature(figures.CuratorName), ReportsTexts.HeadSignature(figures.HeadName), ReportsTexts.DateLine(figures.Date)]);
    }

    /// <summary>The sections every final report has.</summary>
    public static IReadOnlyList<ProgrammeSection> StandardSections(ProgrammeFigures f) =>
    [
        new(10, [.. RoadMap(f)]),
        new(20, [.. Participants(f)]),
        new(30, [.. Meetings(f)]),
        new(40, [.. Feedback(f)]),
        new(50, [.. Satisfaction(f)]),
        new(60, [new HeadingBlock(P.Impact), .. ImpactDocument.SummaryBlocks(f.Impact).Select(Demote)]),
        new(90, [.. Consents(f)]),
    ];

    private static ReportBlock Demote(ReportBlock block) => block is HeadingBlock h ? h with { Level = 2 } : block;

    private static IEnumerable<ReportBlock> RoadMap(ProgrammeFigures f)
    {
        yield return new HeadingBlock(P.RoadMap);
        if (f.Stages is not { } stages)
        {
            yield return new ParagraphBlock(P.NoRoadMap);
            yield break;
        }

        yield return new ParagraphBlock(P.StagesDone(stages.Count(s => s.Status == StageStatus.Done), stages.Count));
        yield return new TableBlock(P.StageColumns, [.. stages.Select(s => (IReadOnlyList<string>)
            [s.Number, s.Title, StatusName(s.Status), s.DoneOn is { } d ? ReportsTexts.Date(d) : ""])]);
        var months = Months(f.Year, f.Date);
        var before = stages.Count(s => s.DoneOn is { } d && d < f.Year.Starts);
        yield return new ChartBlock(new ChartSpec(P.StagesChartTitle, [.. months.Select(MonthName)],
            [new ChartSeries(P.StagesSeries, [.. months.Select(m => (double)(before + stages.Count(s => s.DoneOn is { } d && d >= f.Year.Starts && d <= EndOfMonth(m))))])],
            ChartKind.Line));
    }

    private static IEnumerable<ReportBlock> Participants(ProgrammeFigures f)
    {
        yield return new HeadingBlock(P.Participants);
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { P.Mentors, ReportsTexts.Count(f.Mentors) },
            new[] { P.Mentees, ReportsTexts.Count(f.Mentees) },
            new[] { P.Pairs, ReportsTexts.Count(f.PairsByForm.Sum(p => p.Pairs)) },
        };
        rows.AddRange(f.PairsByForm.Select(p => (IReadOnlyList<string>)[P.PairsOfForm(ExportTexts.Form(p.Form)), ReportsTexts.Count(p.Pairs)]));
        rows.Add([P.Groups, ReportsTexts.Count(f.Groups)]);
        yield return new TableBlock(P.ParticipantColumns, rows);
    }

    private static IEnumerable<ReportBlock> Meetings(ProgrammeFigures f)
    {
        yield return new HeadingBlock(P.Meetings);
        var rows = f.Meetings.Select(m => (IReadOnlyList<string>)[ExportTexts.MeetingKind(m.Kind), ReportsTexts.Count(m.Held), Hours(m.Minutes), ReportsTexts.Count(m.Planned)]).ToList();
        rows.Add([P.MeetingsTotal, ReportsTexts.Count(f.Meetings.Sum(m => m.Held)), Hours(f.Meetings.Sum(m => m.Minutes)), ReportsTexts.Count(f.Meetings.Sum(m => m.Planned))]);
        yield return new TableBlock(P.MeetingColumns, rows);
        if (f.MeetingsPerWeek.Count > 0)
        {
            yield return new ChartBlock(new ChartSpec(P.MeetingsChartTitle, [.. f.MeetingsPerWeek.Select(w => w.Week.ToString("dd.MM", CultureInfo.InvariantCulture))],
                [new ChartSeries(P.MeetingsSeries, [.. f.MeetingsPerWeek.Select(w => (double)w.Meetings)])]));
        }
    }

    private static IEnumerable<ReportBlock> Feedback(ProgrammeFigures f)
    {
        yield return new HeadingBlock(P.Feedback);
        yield return new ParagraphBlock(P.FeedbackFigures(f.PollsAsked, f.PollScores.Count));
        if (f.PollScores.Count == 0) yield break;
        yield return new ParagraphBlock(Anonymity.Withholds(f.PollScores.Count) ? ReportsTexts.Withheld(f.PollScores.Count) : P.FeedbackAverage(f.PollScores.Average()));
    }

    private static IEnumerable<ReportBlock> Satisfaction(ProgrammeFigures f)
    {
        yield return new HeadingBlock(P.Satisfaction);
        yield return new TableBlock(P.SatisfactionColumns, [.. f.Satisfaction.Select(g => (IReadOnlyList<string>)
        [
            ReportsTexts.GroupName(g.Questionnaire), ReportsTexts.Count(g.Responses),
            .. g.Scales.Select(s => s.Mean is { } mean ? ReportsTexts.Number(mean) : ReportsTexts.Dash),
        ])]);
        foreach (var group in f.Satisfaction.Where(g => g.Hidden && g.Responses > 0))
            yield return new ParagraphBlock($"{ReportsTexts.GroupName(group.Questionnaire)}: {ReportsTexts.Withheld(group.Responses)}");
    }

    private static IEnumerable<ReportBlock> Consents(ProgrammeFigures f)
    {
        yield return new HeadingBlock(P.Consents);
        yield return new TableBlock(P.ConsentColumns, [.. f.Consents.Select((c, i) => (IReadOnlyList<string>)
        [
            P.ConsentKind(c.Kind), ReportsTexts.Count(c.Given), ReportsTexts.Count(c.Withdrawn), i == 0 ? ReportsTexts.Count(f.Destroyed) : "",
        ])]);
    }

    /// <summary>The status as the road map in chat names it.</summary>
    public static string StatusName(StageStatus status) => status switch
    {
        StageStatus.Done => "выполнено",
        StageStatus.InProgress => "выполняется",
        StageStatus.Overdue => "просрочено",
        _ => "запланировано",
    };

    private static string Hours(int minutes) => ReportsTexts.Number(minutes / 60.0);

    /// <summary>The first days of the year's months up to the report date's month (all twelve when the year is over).</summary>
    private static List<DateOnly> Months(ProgrammeYear year, DateOnly date)
    {
        var months = new List<DateOnly>();
        for (var m = year.Starts; m <= year.Ends && (m <= date || months.Count == 0); m = m.AddMonths(1)) months.Add(m);
        return months;
    }

    private static DateOnly EndOfMonth(DateOnly first) => first.AddMonths(1).AddDays(-1);

    private static string MonthName(DateOnly first) =>
        new[] { "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек" }[first.Month - 1];
}
