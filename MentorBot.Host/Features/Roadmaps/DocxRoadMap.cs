using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MentorBot.Domain.Roadmaps;

namespace MentorBot.Host.Features.Roadmaps;

/// <summary>
/// Reads a Word (.docx) road map into the blocks <see cref="RoadMapDocumentText.FromBlocks"/> turns into the
/// parser's text (issue 13), with the Open XML SDK: the body's paragraphs and every table in order; a vertically
/// merged cell (<c>w:vMerge</c>) is read once, in its first row, and empty below (so the rows it spans continue
/// the stage); a horizontally merged one (<c>w:gridSpan</c>) is padded with empty cells to keep the columns;
/// a cell's paragraphs stay separate; automatic numbering (<c>w:numPr</c>) is written out as Word draws it
/// («1.», «1)», «–»); nested tables and text boxes add their paragraphs; tracked changes give the accepted text
/// (insertions kept, deletions and moved-away text left out); fields give their result, not their code.
/// </summary>
public static class DocxRoadMap
{
    /// <summary>
    /// The document's blocks in reading order. Throws <see cref="RoadMapFileException"/> with
    /// <see cref="RoadMapFileProblem.CorruptDocx"/> when the package cannot be opened, and
    /// <see cref="RoadMapFileProblem.DocxWithoutTable"/> when its body has no table.
    /// </summary>
    public static IReadOnlyList<DocumentBlock> Read(Stream stream)
    {
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            throw new RoadMapFileException(RoadMapFileProblem.CorruptDocx, e.Message);
        }

        using (document)
        {
            Body? body;
            try
            {
                body = document.MainDocumentPart?.Document?.Body;
            }
            catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException or OpenXmlPackageException)
            {
                throw new RoadMapFileException(RoadMapFileProblem.CorruptDocx, e.Message);
            }

            if (body is null)
                throw new RoadMapFileException(RoadMapFileProblem.CorruptDocx, "the package has no main document");
            var numbering = new ListNumbering(document.MainDocumentPart!.NumberingDefinitionsPart?.Numbering);
            var blocks = new List<DocumentBlock>();
            var tables = 0;
            foreach (var element in BlockElements(body))
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        var lines = ParagraphLines(paragraph, numbering);
                        blocks.AddRange(lines.Count == 0 ? [new DocumentParagraph("")] : lines.Select(line => new DocumentParagraph(line)));
                        break;
                    case Table table:
                        tables++;
                        blocks.AddRange(Rows(table, numbering));
                        break;
                }
            }

            return tables == 0 ? throw new RoadMapFileException(RoadMapFileProblem.DocxWithoutTable, "the document has no table") : blocks;
        }
    }

    /// <summary>Paragraphs and tables of a body or cell, looking through content controls.</summary>
    private static IEnumerable<OpenXmlElement> BlockElements(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is Paragraph or Table)
                yield return child;
            else if (child is SdtBlock { SdtContentBlock: { } content })
                foreach (var inner in BlockElements(content))
                    yield return inner;
        }
    }

    private static IEnumerable<DocumentRow> Rows(Table table, ListNumbering numbering)
    {
        foreach (var row in Children<TableRow, SdtRow>(table, sdt => sdt.SdtContentRow))
        {
            var cells = new List<IReadOnlyList<string>>();
            foreach (var cell in Children<TableCell, SdtCell>(row, sdt => sdt.SdtContentCell))
            {
                var properties = cell.TableCellProperties;
                var merge = properties?.VerticalMerge;
                // «continue» (or no value) is a cell covered by the merged cell above: its text was read there.
                var covered = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                cells.Add(covered ? [] : CellParagraphs(cell, numbering));
                var span = properties?.GridSpan?.Val?.Value ?? 1;
                for (var k = 1; k < span; k++) cells.Add([]);
            }

            yield return new DocumentRow(cells);
        }
    }

    private static IEnumerable<T> Children<T, TSdt>(OpenXmlElement parent, Func<TSdt, OpenXmlElement?> content)
        where T : OpenXmlElement where TSdt : OpenXmlElement
    {
        foreach (var child in parent.ChildElements)
        {
            if (child is T item)
                yield return item;
            else if (child is TSdt sdt && content(sdt) is { } inner)
                foreach (var nested in Children<T, TSdt>(inner, content))
                    yield return nested;
        }
    }

    private static List<string> CellParagraphs(OpenXmlElement cell, ListNumbering numbering)
    {
        var paragraphs = new List<string>();
        foreach (var element in BlockElements(cell))
        {
            if (element is Paragraph paragraph)
                paragraphs.AddRange(ParagraphLines(paragraph, numbering));
            else if (element is Table nested)
                foreach (var row in Rows(nested, numbering))
                    paragraphs.AddRange(row.Cells.SelectMany(c => c));
        }

        return paragraphs;
    }

    /// <summary>
    /// The paragraph's text with its list marker, split at manual line breaks, followed by the paragraphs of
    /// its text boxes. Empty when it has no text.
    /// </summary>
    private static List<string> ParagraphLines(Paragraph paragraph, ListNumbering numbering)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        var textBoxes = new List<TextBoxContent>();
        Collect(paragraph, current, lines, textBoxes);
        lines.Add(current.ToString());
        lines = lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > 0 && numbering.Marker(paragraph.ParagraphProperties?.NumberingProperties) is { } marker)
            lines[0] = marker + " " + lines[0];
        foreach (var box in textBoxes)
            lines.AddRange(CellParagraphs(box, numbering));
        return lines;
    }

    private static void Collect(OpenXmlElement element, StringBuilder current, List<string> lines, List<TextBoxContent> textBoxes)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text text:
                    current.Append(text.Text);
                    break;
                case TabChar or PositionalTab:
                    current.Append(' ');
                    break;
                case NoBreakHyphen:
                    current.Append('-');
                    break;
                case Break lineBreak when lineBreak.Type is null || lineBreak.Type.Value == BreakValues.TextWrapping:
                case CarriageReturn:
                    lines.Add(current.ToString());
                    current.Clear();
                    break;
                case TextBoxContent box:
                    textBoxes.Add(box);
                    break;
                // Tracked deletions and moved-away text are not the accepted text; a field's code is not its result;
                // the fallback of alternate content repeats its choice.
                case DeletedRun or MoveFromRun or DeletedText or FieldCode or DeletedFieldCode or AlternateContentFallback or ParagraphProperties:
                    break;
                default:
                    Collect(child, current, lines, textBoxes);
                    break;
            }
        }
    }

    /// <summary>Word's automatic list numbering, counted per list (<c>w:numId</c>) and level as Word draws it.</summary>
    private sealed class ListNumbering(Numbering? numbering)
    {
        private readonly Dictionary<int, int[]> counters = [];

        public string? Marker(NumberingProperties? properties)
        {
            var numId = properties?.NumberingId?.Val?.Value;
            if (numbering is null || numId is null or 0) return null;
            var level = properties!.NumberingLevelReference?.Val?.Value ?? 0;
            var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var definition = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            var levels = definition?.Elements<Level>().ToDictionary(l => l.LevelIndex?.Value ?? 0) ?? [];
            if (!levels.TryGetValue(level, out var definitionLevel)) return null;

            if (!counters.TryGetValue(numId.Value, out var counts))
            {
                counts = new int[9];
                for (var i = 0; i < 9; i++)
                    counts[i] = (levels.GetValueOrDefault(i)?.StartNumberingValue?.Val?.Value ?? 1) - 1;
                counters[numId.Value] = counts;
            }

            counts[level]++;
            for (var deeper = level + 1; deeper < 9; deeper++)
                counts[deeper] = (levels.GetValueOrDefault(deeper)?.StartNumberingValue?.Val?.Value ?? 1) - 1;

            var format = definitionLevel.NumberingFormat?.Val?.Value;
            var text = definitionLevel.LevelText?.Val?.Value ?? "";
            if (format == NumberFormatValues.Bullet)
                return text is "-" or "–" or "—" or "•" ? text : "•";
            for (var i = 0; i < 9; i++)
            {
                var placeholder = "%" + (i + 1).ToString(CultureInfo.InvariantCulture);
                if (text.Contains(placeholder, StringComparison.Ordinal))
                    text = text.Replace(placeholder, Format(counts[i], levels.GetValueOrDefault(i)?.NumberingFormat?.Val?.Value), StringComparison.Ordinal);
            }

            return text.Trim() is { Length: > 0 } marker ? marker : null;
        }

        private static string Format(int value, NumberFormatValues? format)
        {
            if (format == NumberFormatValues.LowerLetter) return ((char)('a' + ((value - 1) % 26))).ToString();
            if (format == NumberFormatValues.UpperLetter) return ((char)('A' + ((value - 1) % 26))).ToString();
            if (format == NumberFormatValues.RussianLower) return "абвгдежзиклмнопрстуфхцчшщэюя"[(value - 1) % 28].ToString();
            if (format == NumberFormatValues.RussianUpper) return "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"[(value - 1) % 28].ToString();
            if (format == NumberFormatValues.UpperRoman || format == NumberFormatValues.LowerRoman)
            {
                var roman = Roman(value);
                return format == NumberFormatValues.LowerRoman ? roman.ToLowerInvariant() : roman;
            }

            return value.ToString(CultureInfo.InvariantCulture);
        }

        private static string Roman(int value)
        {
            (int, string)[] digits = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
            var text = new StringBuilder();
            foreach (var (amount, letters) in digits)
                for (; value >= amount; value -= amount) text.Append(letters);
            return text.ToString();
        }
    }
}
