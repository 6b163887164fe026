namespace MentorBot.Domain.Reports;

/// <summary>One block of a report, in reading order. The Host renders blocks to DOCX (and charts to PNG).</summary>
public abstract record ReportBlock;

/// <summary>A section heading.</summary>
/// <param name="Text">The heading.</param>
/// <param name="Level">1 for a section, 2 for a subsection.</param>
public sealed record HeadingBlock(string Text, int Level = 1) : ReportBlock;

/// <summary>A paragraph of text.</summary>
/// <param name="Text">The text (no markup).</param>
/// <param name="Bold">Bold.</param>
/// <param name="Center">Centred.</param>
public sealed record ParagraphBlock(string Text, bool Bold = false, bool Center = false) : ReportBlock;

/// <summary>A table with a header row; every row has as many cells as the header.</summary>
/// <param name="Header">Column headings.</param>
/// <param name="Rows">Cells as text.</param>
public sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>A chart, drawn where it stands.</summary>
/// <param name="Chart">What to draw.</param>
public sealed record ChartBlock(ChartSpec Chart) : ReportBlock;

/// <summary>How a chart draws its series.</summary>
public enum ChartKind
{
    /// <summary>Bars side by side per category.</summary>
    Bars,

    /// <summary>A line through the categories in order.</summary>
    Line,
}

/// <summary>One series of a chart: a value per category (NaN = nothing drawn there).</summary>
/// <param name="Name">The legend's name.</param>
/// <param name="Values">One per category.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>A chart as data (pure): the Host draws it with ScottPlot. Only aggregates that passed <see cref="Anonymity"/> go in.</summary>
/// <param name="Title">Shown above the chart.</param>
/// <param name="Categories">The x-axis labels.</param>
/// <param name="Series">One or more series.</param>
/// <param name="Kind">Bars or a line.</param>
/// <param name="YMax">A fixed top of the y-axis (10 for the 1–10 scales), or null to fit the data.</param>
public sealed record ChartSpec(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, ChartKind Kind = ChartKind.Bars, double? YMax = null);

/// <summary>
/// A report as data (issue 14): a title page, blocks and a signature line. Reproducible: the same data and
/// <see cref="Date"/> give the same document (no other timestamp goes in).
/// </summary>
/// <param name="FileName">The file's name («Отчёт о мониторинге качества 2026-2027.docx»).</param>
/// <param name="OrganisationName">Printed on top.</param>
/// <param name="Title">The report's title.</param>
/// <param name="Subtitle">The programme year and the like.</param>
/// <param name="Date">The stated report date.</param>
/// <param name="Blocks">The body.</param>
/// <param name="Signatures">Signature lines («Куратор __________»).</param>
public sealed record ReportDocument(string FileName, string OrganisationName, string Title, string Subtitle, DateOnly Date,
    IReadOnlyList<ReportBlock> Blocks, IReadOnlyList<string> Signatures)
{
    /// <summary>Every chart of the report, in order.</summary>
    public IEnumerable<ChartSpec> Charts => Blocks.OfType<ChartBlock>().Select(b => b.Chart);
}
