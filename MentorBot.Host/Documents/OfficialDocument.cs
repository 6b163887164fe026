using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MentorBot.Host.Documents;

/// <summary>
/// The layout of a Russian organisational document (orders, acts) written with DocumentFormat.OpenXml, as
/// ГОСТ Р 7.0.97-2016 recommends: A4 portrait (п. 5.1), margins 20 mm left, 10 mm right, 20 mm top and bottom
/// (п. 5.1), Times New Roman 14 in the text and 12 in tables (п. 5.2 allows a smaller size in tables), single
/// spacing, a 1.25 cm first-line indent in clauses.
/// </summary>
public static class OfficialDocument
{
    /// <summary>A4 width in twentieths of a point (210 mm).</summary>
    public const int PageWidth = 11906;

    /// <summary>A4 height in twentieths of a point (297 mm).</summary>
    public const int PageHeight = 16838;

    /// <summary>Left, top and bottom margins: 20 mm in twentieths of a point (ГОСТ Р 7.0.97-2016 п. 5.1).</summary>
    public const int Margin20Mm = 1134;

    /// <summary>Right margin: 10 mm in twentieths of a point (ГОСТ Р 7.0.97-2016 п. 5.1).</summary>
    public const int Margin10Mm = 567;

    /// <summary>The typeface of the whole document.</summary>
    public const string Font = "Times New Roman";

    /// <summary>The text size in half-points (14 pt).</summary>
    public const int TextSize = 28;

    /// <summary>The size inside tables in half-points (12 pt).</summary>
    public const int TableSize = 24;

    /// <summary>First-line indent of a clause: 1.25 cm in twentieths of a point.</summary>
    private const int Indent = 709;

    /// <summary>How a paragraph is aligned.</summary>
    public enum Align
    {
        /// <summary>Justified, with a first-line indent: the clauses of the text.</summary>
        Clause,

        /// <summary>Left, no indent: requisites, signatures.</summary>
        Left,

        /// <summary>Centred: the document's kind and title.</summary>
        Center,

        /// <summary>Right: a confirmation stamp («УТВЕРЖДАЮ»).</summary>
        Right,
    }

    /// <summary>Writes a DOCX whose body <paramref name="fill"/> appends (paragraphs and tables); returns its bytes.</summary>
    public static byte[] Write(Action<Body> fill)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = TextSize.ToString(CultureInfo.InvariantCulture) },
                    new FontSizeComplexScript { Val = TextSize.ToString(CultureInfo.InvariantCulture) },
                    new Languages { Val = "ru-RU" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));
            styles.Styles.Save();

            var body = new Body();
            fill(body);
            body.Append(new SectionProperties(
                new PageSize { Width = (UInt32Value)(uint)PageWidth, Height = (UInt32Value)(uint)PageHeight, Orient = PageOrientationValues.Portrait },
                new PageMargin
                {
                    Top = Margin20Mm, Bottom = Margin20Mm, Left = (UInt32Value)(uint)Margin20Mm, Right = (UInt32Value)(uint)Margin10Mm,
                    Header = 709, Footer = 709, Gutter = 0,
                }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph of <paramref name="text"/>; an empty text is an empty line.</summary>
    public static Paragraph Paragraph(string text, Align align = Align.Clause, bool bold = false) => Paragraph(text, align, bold, size: null);

    /// <summary>
    /// A table with borders over the text's width: a bold header row repeated on each page, then the rows; a cell
    /// holds one paragraph per line (a group's mentees one under another). <paramref name="shares"/> are the
    /// columns' relative widths (one per header cell).
    /// </summary>
    public static Table Table(IReadOnlyList<string> header, IReadOnlyList<int> shares, IEnumerable<IReadOnlyList<IReadOnlyList<string>>> rows)
    {
        if (shares.Count != header.Count) throw new ArgumentException("one width per column", nameof(shares));
        const int textWidth = PageWidth - Margin20Mm - Margin10Mm;
        var total = shares.Sum();
        // tblPr and tblBorders keep the schema's order (CT_TblPr, CT_TblBorders); tblGrid is required before the rows.
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(shares.Select(w => new GridColumn { Width = (textWidth * w / total).ToString(CultureInfo.InvariantCulture) })));
        table.Append(new TableRow(
            [new TableRowProperties(new TableHeader()), .. header.Select(h => new TableCell(Paragraph(h, Align.Center, bold: true, TableSize)))]));
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(lines =>
                new TableCell(lines.Count == 0 ? [Paragraph("", Align.Left, false, TableSize)] : lines.Select(l => Paragraph(l, Align.Left, false, TableSize))))));
        }

        return table;
    }

    private static Paragraph Paragraph(string text, Align align, bool bold, int? size)
    {
        var runProperties = new RunProperties();
        if (bold) runProperties.Append(new Bold());
        if (size is { } s)
        {
            var value = s.ToString(CultureInfo.InvariantCulture);
            runProperties.Append(new FontSize { Val = value }, new FontSizeComplexScript { Val = value });
        }

        // pPr children keep the schema's order: the indent before the justification.
        var properties = new ParagraphProperties();
        if (align == Align.Clause) properties.Append(new Indentation { FirstLine = Indent.ToString(CultureInfo.InvariantCulture) });
        properties.Append(new Justification
        {
            Val = align switch
            {
                Align.Clause => JustificationValues.Both,
                Align.Center => JustificationValues.Center,
                Align.Right => JustificationValues.Right,
                _ => JustificationValues.Left,
            },
        });
        var run = new Run();
        if (runProperties.HasChildren) run.Append(runProperties);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(properties, run);
    }
}
