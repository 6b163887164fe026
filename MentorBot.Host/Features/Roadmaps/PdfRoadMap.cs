using MentorBot.Domain.Roadmaps;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace MentorBot.Host.Features.Roadmaps;

/// <summary>
/// Reads a PDF road map with a text layer (the usual «Сохранить как PDF» from Word) into the blocks
/// <see cref="RoadMapDocumentText.FromBlocks"/> turns into the parser's text (issue 13), with PdfPig: each
/// word with its position; lines by baseline; columns from the vertical ruling lines, or else from where
/// each cell of the header row starts; rows from the horizontal ruling lines, or else from the larger gap
/// between rows than between the lines of one cell. The lines of a cell are joined by spaces; the header repeated on each page comes through as a row the parser skips,
/// and a row cut by a page break as a row with an empty number, which the parser continues. Text above the
/// table on the first page is the title block.
/// </summary>
public static class PdfRoadMap
{
    /// <summary>
    /// The document's blocks in reading order. Throws <see cref="RoadMapFileException"/>:
    /// <see cref="RoadMapFileProblem.EncryptedPdf"/> when a password is needed,
    /// <see cref="RoadMapFileProblem.ScannedPdf"/> when no page has text,
    /// <see cref="RoadMapFileProblem.CorruptPdf"/> when PdfPig cannot read it.
    /// </summary>
    public static IReadOnlyList<DocumentBlock> Read(byte[] bytes)
    {
        List<PageContent> pages;
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true });
            pages = document.GetPages().Select(PageContent.Of).ToList();
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new RoadMapFileException(RoadMapFileProblem.EncryptedPdf, e.Message);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or RoadMapFileException or OperationCanceledException))
        {
            // PdfPig reports a broken file with many exception types (format, index, null reference…).
            throw new RoadMapFileException(RoadMapFileProblem.CorruptPdf, e.Message);
        }

        if (pages.All(p => p.Lines.Count == 0))
            throw new RoadMapFileException(RoadMapFileProblem.ScannedPdf, "no page has a text layer");

        var fontSize = Median(pages.SelectMany(p => p.Lines).Select(l => l.FontSize));
        return new Layout(fontSize).Blocks(pages);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 10 : sorted[sorted.Count / 2];
    }

    private sealed record PdfWord(string Text, double Left, double Right, double Baseline, double FontSize);

    private sealed record PdfLine(double Baseline, double FontSize, IReadOnlyList<PdfWord> Words)
    {
        public string Text => string.Join(' ', Words.Select(w => w.Text));
    }

    /// <summary>One page: its text lines top to bottom, and the positions of its ruling lines.</summary>
    private sealed record PageContent(IReadOnlyList<PdfLine> Lines, IReadOnlyList<double> RowRulings, IReadOnlyList<double> ColumnRulings)
    {
        public static PageContent Of(Page page)
        {
            var words = page.GetWords()
                .Where(w => !string.IsNullOrWhiteSpace(w.Text) && w.Letters.Count > 0)
                .Select(w => new PdfWord(w.Text, w.BoundingBox.Left, w.BoundingBox.Right, w.Letters[0].StartBaseLine.Y,
                    w.Letters[0].PointSize > 0 ? w.Letters[0].PointSize : Math.Max(1, w.BoundingBox.Height * 1.3)))
                .OrderByDescending(w => w.Baseline).ThenBy(w => w.Left).ToList();
            var lines = new List<PdfLine>();
            var current = new List<PdfWord>();
            foreach (var word in words)
            {
                if (current.Count > 0 && Math.Abs(current[0].Baseline - word.Baseline) > word.FontSize * 0.3)
                {
                    lines.Add(LineOf(current));
                    current = [];
                }

                current.Add(word);
            }

            if (current.Count > 0) lines.Add(LineOf(current));

            var horizontal = new List<double>();
            var vertical = new List<double>();
            foreach (var subpath in page.Paths.Where(p => p.IsStroked || p.IsFilled).SelectMany(p => p))
            {
                if (subpath.GetBoundingRectangle() is not { } box) continue;
                if (box.Height < 2 && box.Width > 5) horizontal.Add((box.Top + box.Bottom) / 2);
                else if (box.Width < 2 && box.Height > 5) vertical.Add((box.Left + box.Right) / 2);
                else if (subpath.IsDrawnAsRectangle && box is { Width: > 5, Height: > 5 })
                {
                    horizontal.AddRange([box.Top, box.Bottom]);
                    vertical.AddRange([box.Left, box.Right]);
                }
            }

            return new PageContent(lines, Cluster(horizontal).OrderDescending().ToList(), Cluster(vertical).Order().ToList());
        }

        private static PdfLine LineOf(List<PdfWord> words) =>
            new(words.Average(w => w.Baseline), words.Max(w => w.FontSize), words.OrderBy(w => w.Left).ToList());

        /// <summary>Positions within 2 points of each other are one ruling (a border drawn twice, a thick line).</summary>
        private static List<double> Cluster(List<double> positions)
        {
            var result = new List<double>();
            foreach (var position in positions.Order())
                if (result.Count == 0 || position - result[^1] > 2) result.Add(position);
            return result;
        }
    }

    private sealed class Layout(double fontSize)
    {
        private double[]? columnStarts;

        public List<DocumentBlock> Blocks(List<PageContent> pages)
        {
            var blocks = new List<DocumentBlock>();
            var tableStarted = false;
            foreach (var page in pages)
            {
                var ruled = page.ColumnRulings.Count >= 3 && page.RowRulings.Count >= 2;
                var lines = page.Lines;
                var first = 0;
                if (!tableStarted)
                {
                    first = ruled ? lines.TakeWhile(l => l.Baseline > page.RowRulings[0]).Count() : HeaderIndex(lines);
                    if (first < 0)
                    {
                        // No table on this page yet: all of it belongs above the table.
                        blocks.AddRange(Paragraphs(lines));
                        continue;
                    }

                    blocks.AddRange(Paragraphs(lines.Take(first)));
                    tableStarted = true;
                }

                if (ruled)
                {
                    var top = page.RowRulings[0];
                    var bottom = page.RowRulings[^1];
                    blocks.AddRange(Paragraphs(lines.Skip(first).Where(l => l.Baseline > top)));
                    for (var r = 0; r + 1 < page.RowRulings.Count; r++)
                    {
                        var (upper, lower) = (page.RowRulings[r], page.RowRulings[r + 1]);
                        var rowLines = lines.Where(l => l.Baseline < upper && l.Baseline > lower).ToList();
                        if (rowLines.Count > 0) blocks.Add(Row(rowLines, page.ColumnRulings));
                    }

                    blocks.AddRange(Paragraphs(lines.Where(l => l.Baseline < bottom)));
                }
                else
                {
                    foreach (var rowLines in RowsByGaps(lines.Skip(first).ToList()))
                        blocks.Add(Row(rowLines, null));
                }
            }

            return blocks;
        }

        /// <summary>The first line whose cells, split at wide gaps, are a road-map header; its cells' starts become the columns.</summary>
        private int HeaderIndex(IReadOnlyList<PdfLine> lines)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var chunks = Chunks(lines[i]);
                if (chunks.Count >= 3 && RoadMapParser.IsHeaderRow(chunks.Select(c => string.Join(' ', c.Select(w => w.Text))).ToList()))
                {
                    columnStarts = chunks.Select(c => c[0].Left - 2).ToArray();
                    return i;
                }
            }

            return -1;
        }

        private List<List<PdfWord>> Chunks(PdfLine line)
        {
            var chunks = new List<List<PdfWord>>();
            foreach (var word in line.Words)
            {
                if (chunks.Count == 0 || word.Left - chunks[^1][^1].Right > fontSize * 0.8) chunks.Add([]);
                chunks[^1].Add(word);
            }

            return chunks;
        }

        /// <summary>Without ruling lines a row ends where the gap to the next line is wider than between the lines of one cell.</summary>
        private IEnumerable<List<PdfLine>> RowsByGaps(List<PdfLine> lines)
        {
            var row = new List<PdfLine>();
            foreach (var line in lines)
            {
                if (row.Count > 0 && row[^1].Baseline - line.Baseline > fontSize * 1.45)
                {
                    yield return row;
                    row = [];
                }

                row.Add(line);
            }

            if (row.Count > 0) yield return row;
        }

        private DocumentBlock Row(List<PdfLine> lines, IReadOnlyList<double>? rulings)
        {
            var count = rulings is not null ? rulings.Count - 1 : columnStarts?.Length ?? 1;
            var cells = Enumerable.Range(0, count).Select(_ => "").ToArray();
            foreach (var line in lines)
            {
                foreach (var group in line.Words.GroupBy(w => ColumnOf(w, rulings, count)))
                {
                    var text = string.Join(' ', group.Select(w => w.Text));
                    cells[group.Key] = JoinLines(cells[group.Key], text);
                }
            }

            // A page number alone under the table is not a stage numbered like it.
            if (cells.Count(c => c.Length > 0) == 1 && cells[0].Length is > 0 and <= 3 && cells[0].All(char.IsDigit))
                return new DocumentParagraph(cells[0]);
            return new DocumentRow(cells.Select(c => (IReadOnlyList<string>)(c.Length > 0 ? [c] : [])).ToList());
        }

        private int ColumnOf(PdfWord word, IReadOnlyList<double>? rulings, int count)
        {
            var x = word.Left + 0.5;
            var starts = rulings ?? columnStarts ?? [double.MinValue];
            var column = 0;
            for (var i = 0; i < starts.Count; i++)
                if (starts[i] <= x) column = i;
            return Math.Min(column, count - 1);
        }

        /// <summary>
        /// Joins a wrapped line to the cell's text with a space. A line ending in «-» keeps it and the space: Word
        /// wraps at spaces and after hyphens («август- сентябрь», «психолого-педагогической») and the PDF does not say which.
        /// </summary>
        private static string JoinLines(string text, string line) => text.Length == 0 ? line : text + " " + line;

        /// <summary>Lines outside the table, with an empty paragraph where a wider gap separates blocks (approval, organisation, title).</summary>
        private IEnumerable<DocumentBlock> Paragraphs(IEnumerable<PdfLine> lines)
        {
            PdfLine? previous = null;
            foreach (var line in lines)
            {
                if (previous is not null && previous.Baseline - line.Baseline > fontSize * 1.9) yield return new DocumentParagraph("");
                yield return new DocumentParagraph(line.Text);
                previous = line;
            }
        }
    }
}
