using System.Text;

namespace MentorBot.Domain.Roadmaps;

/// <summary>Why a document's bytes are not readable text.</summary>
public enum TextDecodingProblem
{
    /// <summary>The bytes hold a NUL: a binary file (a .docx, a PDF, a picture), not text.</summary>
    Binary,

    /// <summary>Neither valid UTF-8 nor windows-1251 Russian text.</summary>
    UnknownEncoding,
}

/// <summary>The outcome of <see cref="RoadMapDocumentText.Decode"/>: the text, or the problem and the 1-based line it was found on.</summary>
/// <param name="Text">The decoded text (BOM removed), or null on a problem.</param>
/// <param name="Problem">What is wrong, or null when decoded.</param>
/// <param name="Line">The 1-based line of the problem; 0 when decoded.</param>
public sealed record TextDecoding(string? Text, TextDecodingProblem? Problem, int Line);

/// <summary>One piece of a Word or PDF document in reading order (<see cref="RoadMapDocumentText.FromBlocks"/>).</summary>
public abstract record DocumentBlock;

/// <summary>A paragraph outside any table; an empty one separates blocks of the title (approval, organisation, title).</summary>
/// <param name="Text">The paragraph's text, list numbering included.</param>
public sealed record DocumentParagraph(string Text) : DocumentBlock;

/// <summary>A table row: its cells left to right (a merged cell padded with empty ones to the header's columns), each a list of paragraphs.</summary>
/// <param name="Cells">Each cell's paragraphs in order.</param>
public sealed record DocumentRow(IReadOnlyList<IReadOnlyList<string>> Cells) : DocumentBlock;

/// <summary>
/// Turns a road-map file's bytes into text. Curators save the document from Word: «Текст Unicode»
/// (UTF-16 with a BOM), «UTF-8», or — the Russian default «Текст DOS/Windows» — windows-1251.
/// </summary>
public static class RoadMapDocumentText
{
    /// <summary>
    /// UTF-16 with a BOM; else UTF-8 (BOM optional); bytes that are not valid UTF-8 are read as
    /// windows-1251 when that gives mostly Cyrillic letters. A NUL byte outside UTF-16 is
    /// <see cref="TextDecodingProblem.Binary"/>; anything else unreadable is <see cref="TextDecodingProblem.UnknownEncoding"/>.
    /// </summary>
    public static TextDecoding Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
            return new TextDecoding(new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd(), null, 0);

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
            return new TextDecoding(null, TextDecodingProblem.Binary, LineOf(bytes, nul));

        try
        {
            return new TextDecoding(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF'), null, 0);
        }
        catch (DecoderFallbackException e)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var text = Encoding.GetEncoding(1251).GetString(bytes);
            var letters = text.Count(char.IsLetter);
            var cyrillic = text.Count(c => c is >= 'А' and <= 'я' or 'ё' or 'Ё');
            return letters > 0 && cyrillic * 2 >= letters
                ? new TextDecoding(text, null, 0)
                : new TextDecoding(null, TextDecodingProblem.UnknownEncoding, LineOf(bytes, e.Index));
        }
    }

    /// <summary>
    /// Writes a Word or PDF document's content as the text form <see cref="RoadMapParser"/> reads, so all
    /// formats go through the same rules: a paragraph is a line, a table row is a line of tab-separated cells,
    /// and the paragraphs of one cell are joined by <c>&lt;br&gt;</c> (the parser's cleaner turns it into the
    /// line break that separates responsible persons and list items). Tabs inside text become spaces and
    /// <c>&amp; &lt; &gt;</c> are escaped, so a document's own text is never taken for markup.
    /// </summary>
    /// <param name="blocks">The document's paragraphs and table rows in reading order.</param>
    public static string FromBlocks(IEnumerable<DocumentBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            text.AppendLine(block switch
            {
                DocumentParagraph paragraph => Escape(paragraph.Text),
                DocumentRow row => string.Join('\t', row.Cells.Select(cell => string.Join("<br>", cell.Select(Escape).Where(p => p.Length > 0)))),
                _ => throw new ArgumentException($"unknown block {block.GetType().Name}", nameof(blocks)),
            });
        }

        return text.ToString();
    }

    private static string Escape(string text) =>
        text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ').Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Trim();

    private static int LineOf(byte[] bytes, int index) => 1 + bytes.Take(Math.Max(0, index)).Count(b => b == (byte)'\n');
}
