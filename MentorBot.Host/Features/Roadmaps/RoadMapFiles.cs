using System.IO.Compression;
using System.Text;
using MentorBot.Domain.Roadmaps;

namespace MentorBot.Host.Features.Roadmaps;

/// <summary>Why a road-map file cannot be read (issue 13, «Bad files»). The chat and the CLI word each their own way.</summary>
public enum RoadMapFileProblem
{
    /// <summary>The file has no bytes.</summary>
    Empty,

    /// <summary>Larger than <see cref="RoadmapFeature.MaxUploadBytes"/>.</summary>
    TooLarge,

    /// <summary>A binary file of no format we read (a picture, an archive…).</summary>
    Binary,

    /// <summary>Text neither UTF-8, UTF-16 nor windows-1251 (<see cref="RoadMapFileException.Line"/> says where).</summary>
    Encoding,

    /// <summary>An OLE compound file: a Word 97–2003 .doc, or a .docx protected by a password.</summary>
    LegacyWord,

    /// <summary>Rich Text Format.</summary>
    Rtf,

    /// <summary>An OpenDocument text (.odt).</summary>
    Odt,

    /// <summary>A zip that is broken or is not a Word document.</summary>
    CorruptDocx,

    /// <summary>A Word document whose body has no table.</summary>
    DocxWithoutTable,

    /// <summary>A PDF that cannot be parsed.</summary>
    CorruptPdf,

    /// <summary>A PDF that needs a password to be read.</summary>
    EncryptedPdf,

    /// <summary>A PDF without a text layer (a scan).</summary>
    ScannedPdf,
}

/// <summary>A road-map file that cannot be read; nothing was parsed or stored.</summary>
/// <param name="problem">What is wrong.</param>
/// <param name="detail">Details in English (the library's message), for the CLI.</param>
/// <param name="line">For <see cref="RoadMapFileProblem.Encoding"/>: the 1-based line; else 0.</param>
public sealed class RoadMapFileException(RoadMapFileProblem problem, string detail, int line = 0) : Exception(detail)
{
    /// <summary>What is wrong.</summary>
    public RoadMapFileProblem Problem { get; } = problem;

    /// <summary>The 1-based line of an encoding problem; 0 otherwise.</summary>
    public int Line { get; } = line;
}

/// <summary>
/// Turns a road-map file of any format a curator has — Word (.docx), PDF with a text layer, or text (UTF-8,
/// UTF-16, windows-1251) — into the one text form <see cref="RoadMapParser"/> reads, so every format goes
/// through the same rules (issue 13). The format is told by the bytes, not the file name.
/// </summary>
public static class RoadMapFiles
{
    /// <summary>
    /// The parser's text of <paramref name="bytes"/>. Throws <see cref="RoadMapFileException"/> for an empty,
    /// oversized, unsupported, broken, encrypted or scanned file.
    /// </summary>
    public static string ReadText(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) throw new RoadMapFileException(RoadMapFileProblem.Empty, "the file is empty");
        if (bytes.Length > RoadmapFeature.MaxUploadBytes) throw new RoadMapFileException(RoadMapFileProblem.TooLarge, "the file is over the limit");
        if (StartsWith(bytes, "PK\u0003\u0004"u8) || StartsWith(bytes, "PK\u0005\u0006"u8)) return ReadZip(bytes);
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) >= 0) return RoadMapDocumentText.FromBlocks(PdfRoadMap.Read(bytes));
        if (StartsWith(bytes, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            throw new RoadMapFileException(RoadMapFileProblem.LegacyWord, "a Word 97-2003 .doc or a password-protected .docx (an OLE compound file)");
        if (StartsWith(bytes, "{\\rtf"u8)) throw new RoadMapFileException(RoadMapFileProblem.Rtf, "an RTF document");

        var decoded = RoadMapDocumentText.Decode(bytes);
        return decoded switch
        {
            { Text: { } text } => text,
            { Problem: TextDecodingProblem.Binary } => throw new RoadMapFileException(RoadMapFileProblem.Binary, $"line {decoded.Line}: binary content (a NUL byte) of no known format", decoded.Line),
            _ => throw new RoadMapFileException(RoadMapFileProblem.Encoding, $"line {decoded.Line}: not valid UTF-8 and not windows-1251 Russian text", decoded.Line),
        };
    }

    /// <summary>A one-line English reason for the CLI.</summary>
    public static string Describe(RoadMapFileException e) => e.Problem switch
    {
        RoadMapFileProblem.Empty => "the file is empty",
        RoadMapFileProblem.TooLarge => $"the file is over {RoadmapFeature.MaxUploadBytes / (1024 * 1024)} MB",
        RoadMapFileProblem.LegacyWord => "a Word 97-2003 .doc or a password-protected .docx: save it as .docx (Word 2007 or later) without a password",
        RoadMapFileProblem.Rtf => "an RTF document: save it as .docx",
        RoadMapFileProblem.Odt => "an OpenDocument text (.odt): save it as .docx",
        RoadMapFileProblem.CorruptDocx => $"not a readable Word document ({e.Message})",
        RoadMapFileProblem.DocxWithoutTable => "the Word document has no table (a road map is a table: № | этап | сроки | ответственный)",
        RoadMapFileProblem.CorruptPdf => $"not a readable PDF ({e.Message})",
        RoadMapFileProblem.EncryptedPdf => "the PDF is protected by a password",
        RoadMapFileProblem.ScannedPdf => "the PDF is a scan without a text layer: send the Word file or a PDF saved from Word",
        _ => e.Message,
    };

    private static string ReadZip(byte[] bytes)
    {
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            try
            {
                using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
                if (zip.GetEntry("mimetype") is { } mimetype && zip.GetEntry("word/document.xml") is null)
                {
                    using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                    if (reader.ReadToEnd().Contains("opendocument.text", StringComparison.Ordinal))
                        throw new RoadMapFileException(RoadMapFileProblem.Odt, "an OpenDocument text");
                }

                if (zip.GetEntry("word/document.xml") is null)
                    throw new RoadMapFileException(RoadMapFileProblem.CorruptDocx, "a zip archive without word/document.xml");
            }
            catch (InvalidDataException e)
            {
                throw new RoadMapFileException(RoadMapFileProblem.CorruptDocx, e.Message);
            }
        }

        using var document = new MemoryStream(bytes, writable: false);
        return RoadMapDocumentText.FromBlocks(DocxRoadMap.Read(document));
    }

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> prefix) => bytes.AsSpan().StartsWith(prefix);
}
