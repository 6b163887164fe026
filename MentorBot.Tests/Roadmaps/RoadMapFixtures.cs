using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace MentorBot.Tests.Roadmaps;

/// <summary>
/// Builds the Word and PDF forms of a road map from its text form, as an author would have typed it:
/// a real table with a repeated header row (<c>w:tblHeader</c>), the stage number and title merged down
/// over the rows that continue the stage (<c>w:vMerge</c>), trailing empty cells merged across
/// (<c>w:gridSpan</c>), items of a content cell as paragraphs with Word's automatic numbering («1.», «1)»,
/// «–»), responsible persons one per paragraph, and optionally the table split in two. PDFs are drawn with
/// PDFsharp 6.2.4 (MIT; later versions name the AGPL) in DejaVu Sans, across pages with the header repeated,
/// with ruling lines or without.
/// </summary>
public static partial class RoadMapFixtures
{
    /// <summary>What a reader of the document sees: the lines above the table and the table's rows of cells.</summary>
    public sealed record Source(IReadOnlyList<string> TitleLines, IReadOnlyList<string[]> Rows);

    /// <summary>Reads the text form: lines above the first tab-separated header are the title, the rest are rows; markup is what Word would show.</summary>
    public static Source Read(string text)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        var header = Array.FindIndex(lines, l => l.Split('\t').Length >= 3);
        var title = lines[..header].Select(Visible).ToList();
        var rows = lines[header..].Where(l => l.Trim().Length > 0).Select(l => l.Split('\t').Select(Visible).ToArray()).ToList();
        return new Source(title, rows);
    }

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    private static string Visible(string text) =>
        Regex.Replace(WebUtility.HtmlDecode(Tag().Replace(text, " ")).Replace("**", "").Replace('\u00A0', ' '), @"\s+", " ").Trim();

    // ---- Word ----

    /// <summary>The document as .docx; <paramref name="splitTable"/> splits the table in two after its middle row, the second part starting with the header again.</summary>
    public static byte[] Docx(Source source, bool splitTable = false)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var lists = new WordLists();
            foreach (var line in source.TitleLines)
                body.Append(new Paragraph(new Run(new RunProperties(new Bold()), new Text(line) { Space = SpaceProcessingModeValues.Preserve })));

            var header = source.Rows[0];
            var split = splitTable ? source.Rows.Count / 2 + 1 : source.Rows.Count;
            body.Append(WordTable(source.Rows.Take(split).ToList(), header, lists));
            if (split < source.Rows.Count)
            {
                body.Append(new Paragraph());
                body.Append(WordTable([header, .. source.Rows.Skip(split)], header, lists));
            }

            main.AddNewPart<NumberingDefinitionsPart>().Numbering = lists.Numbering();
        }

        return stream.ToArray();
    }

    private static Table WordTable(List<string[]> rows, string[] header, WordLists lists)
    {
        var columns = header.Length;
        var table = new Table(new TableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single }, new LeftBorder { Val = BorderValues.Single },
                new RightBorder { Val = BorderValues.Single }, new InsideHorizontalBorder { Val = BorderValues.Single }, new InsideVerticalBorder { Val = BorderValues.Single })),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (9000 / columns).ToString() })));
        var numberColumn = Array.FindIndex(header, h => h.Contains('№'));
        var titleColumn = numberColumn + 1;
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = Enumerable.Range(0, columns).Select(c => c < rows[r].Length ? rows[r][c] : "").ToArray();
            var isHeader = r == 0;
            var continues = !isHeader && numberColumn >= 0 && cells[numberColumn].Length == 0 && cells[titleColumn].Length == 0;
            var nextContinues = r + 1 < rows.Count && numberColumn >= 0 && rows[r + 1][numberColumn].Trim().Length == 0 && rows[r + 1][titleColumn].Trim().Length == 0;
            var lastFilled = Array.FindLastIndex(cells, c => c.Length > 0);
            var row = new TableRow();
            if (isHeader) row.Append(new TableRowProperties(new TableHeader()));
            for (var c = 0; c < columns; c++)
            {
                var properties = new TableCellProperties();
                // Trailing empty cells become one cell spanning them.
                var span = c == lastFilled && c < columns - 1 && !isHeader ? columns - c : 1;
                if (span > 1) properties.Append(new GridSpan { Val = span });
                if (!isHeader && (c == numberColumn || c == titleColumn) && (continues || nextContinues))
                    properties.Append(new VerticalMerge { Val = continues ? MergedCellValues.Continue : MergedCellValues.Restart });
                List<Paragraph> paragraphs = continues && (c == numberColumn || c == titleColumn) ? [new Paragraph()] : CellParagraphs(cells[c], header[c], lists);
                row.Append(new TableCell([properties, .. paragraphs]));
                if (span > 1) break;
            }

            table.Append(row);
        }

        return table;
    }

    /// <summary>A content cell's list items become numbered paragraphs; responsible persons one per paragraph.</summary>
    private static List<Paragraph> CellParagraphs(string cell, string header, WordLists lists)
    {
        if (header.StartsWith("Ответствен", StringComparison.Ordinal) && cell.Contains(", "))
            return cell.Split(", ").Select(Plain).ToList();
        if (!header.StartsWith("Содержание", StringComparison.Ordinal))
            return [Plain(cell)];

        var numbered = Regex.Match(cell, @"(?:^|(?<=[\s:]))1([.)])\s");
        if (numbered.Success)
        {
            var delimiter = numbered.Groups[1].Value;
            var starts = new List<int> { numbered.Index };
            for (var n = 2; ; n++)
            {
                var next = new Regex($@"(?<=[\s:;.,]){n}{Regex.Escape(delimiter)}\s").Match(cell, starts[^1] + 2);
                if (!next.Success) break;
                starts.Add(next.Index);
            }

            var numId = lists.New("%1" + delimiter, NumberFormatValues.Decimal);
            var paragraphs = new List<Paragraph>();
            if (numbered.Index > 0) paragraphs.Add(Plain(cell[..numbered.Index].Trim()));
            for (var i = 0; i < starts.Count; i++)
            {
                var end = i + 1 < starts.Count ? starts[i + 1] : cell.Length;
                var item = cell[starts[i]..end];
                paragraphs.Add(Numbered(item[(item.IndexOf(delimiter, StringComparison.Ordinal) + 1)..].Trim(), numId));
            }

            return paragraphs;
        }

        var dash = Regex.Match(cell, @"^([-–])\s");
        if (dash.Success)
        {
            var numId = lists.New(dash.Groups[1].Value, NumberFormatValues.Bullet);
            return Regex.Split(cell[2..], $@"(?<=[;:.,»)])\s{Regex.Escape(dash.Groups[1].Value)}\s").Select(item => Numbered(item.Trim(), numId)).ToList();
        }

        return [Plain(cell)];
    }

    private static Paragraph Plain(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Numbered(string text, int numId) => new(
        new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId })),
        new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>One list definition per list, each restarting at 1 (as Word does for a new list).</summary>
    private sealed class WordLists
    {
        private readonly List<AbstractNum> definitions = [];
        private readonly List<NumberingInstance> instances = [];

        public int New(string levelText, NumberFormatValues format)
        {
            var id = definitions.Count + 1;
            definitions.Add(new AbstractNum(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = levelText }) { LevelIndex = 0 }) { AbstractNumberId = id });
            instances.Add(new NumberingInstance(new AbstractNumId { Val = id }) { NumberID = id });
            return id;
        }

        public Numbering Numbering() => new([.. definitions, .. instances]);
    }

    // ---- PDF ----

    private static readonly System.Threading.Lock FontLock = new();

    /// <summary>PDFsharp on Linux finds no system fonts: every face is DejaVu Sans (Cyrillic), which the test command installs.</summary>
    private sealed class DejaVuFonts : IFontResolver
    {
        public const string Path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

        public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) => new("DejaVuSans");

        public byte[] GetFont(string faceName) => File.ReadAllBytes(Path);
    }

    private static void UseDejaVu()
    {
        lock (FontLock)
        {
            if (GlobalFontSettings.FontResolver is not DejaVuFonts)
                GlobalFontSettings.FontResolver = new DejaVuFonts();
        }
    }

    /// <summary>
    /// The document as a PDF on A4 pages: the title lines (a blank line between blocks), then the table with the
    /// header repeated at the top of each page; <paramref name="rulings"/> draws the cell borders. A userPassword encrypts it.
    /// </summary>
    public static byte[] Pdf(Source source, bool rulings, string? userPassword = null)
    {
        UseDejaVu();
        // Short pages, so that every road map runs over several; wide ones for six columns, so no word is wider than its column.
        const double margin = 30, padding = 4, pageHeight = 420;
        var header = source.Rows[0];
        var pageWidth = header.Length > 4 ? 842.0 : 595.0;
        var width = pageWidth - 2 * margin;
        var font = new XFont("DejaVu Sans", 7);
        var document = new PdfSharp.Pdf.PdfDocument();
        var widths = ColumnWidths(header, width);
        XGraphics gfx = null!;
        var lineHeight = 0.0;
        double y = 0;

        void NewPage()
        {
            gfx?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(pageWidth);
            page.Height = XUnit.FromPoint(pageHeight);
            gfx = XGraphics.FromPdfPage(page);
            lineHeight = font.GetHeight();
            y = margin;
        }

        NewPage();
        foreach (var line in source.TitleLines)
        {
            if (line.Length > 0) gfx.DrawString(line, font, XBrushes.Black, new XPoint(margin, y), XStringFormats.TopLeft);
            y += lineHeight;
        }

        y += lineHeight;
        for (var r = 0; r < source.Rows.Count; r++)
        {
            var cells = source.Rows[r];
            var wrapped = widths.Select((w, c) => Wrap(gfx, c < cells.Length ? cells[c] : "", font, w - 2 * padding)).ToList();
            var height = wrapped.Max(l => l.Count) * lineHeight + 2 * padding;
            if (y + height > pageHeight - margin)
            {
                NewPage();
                if (r > 0) y += DrawRow(gfx, header.Select((h, c) => Wrap(gfx, h, font, widths[c] - 2 * padding)).ToList(), widths, margin, y, font, lineHeight, padding, rulings);
            }

            y += DrawRow(gfx, wrapped, widths, margin, y, font, lineHeight, padding, rulings);
        }

        gfx.Dispose();
        if (userPassword is not null)
        {
            document.SecuritySettings.UserPassword = userPassword;
            document.SecuritySettings.OwnerPassword = userPassword + "-owner";
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    /// <summary>A PDF whose only page is a picture-like filled rectangle: a scan has no text layer.</summary>
    public static byte[] ScannedPdf()
    {
        UseDejaVu();
        var document = new PdfSharp.Pdf.PdfDocument();
        using (var gfx = XGraphics.FromPdfPage(document.AddPage()))
            gfx.DrawRectangle(XBrushes.Gray, 50, 50, 400, 600);
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static double[] ColumnWidths(string[] header, double width)
    {
        // The number column is narrow; the rest share the width, the content column twice over.
        var weights = header.Select(h => h.Contains('№') ? 0.35 : h.StartsWith("Содержание", StringComparison.Ordinal) ? 2.0 : 1.0).ToArray();
        return weights.Select(w => width * w / weights.Sum()).ToArray();
    }

    private static double DrawRow(XGraphics gfx, List<List<string>> cells, double[] widths, double left, double top, XFont font, double lineHeight, double padding, bool rulings)
    {
        var height = cells.Max(l => l.Count) * lineHeight + 2 * padding;
        var x = left;
        for (var c = 0; c < widths.Length; c++)
        {
            for (var i = 0; i < cells[c].Count; i++)
                gfx.DrawString(cells[c][i], font, XBrushes.Black, new XPoint(x + padding, top + padding + i * lineHeight), XStringFormats.TopLeft);
            if (rulings) gfx.DrawRectangle(XPens.Black, x, top, widths[c], height);
            x += widths[c];
        }

        return height;
    }

    private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0) lines.Add(line);
        return lines;
    }
}
