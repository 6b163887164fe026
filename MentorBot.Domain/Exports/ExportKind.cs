namespace MentorBot.Domain.Exports;

/// <summary>What can be exported (issue 7 «Exports»).</summary>
public enum ExportKind
{
    /// <summary>The mentor bank.</summary>
    Mentors,

    /// <summary>The mentee bank.</summary>
    Mentees,

    /// <summary>Pairs and groups with their state and meeting counts.</summary>
    Pairs,

    /// <summary>Logged meetings (deleted ones excluded).</summary>
    Meetings,

    /// <summary>Answered feedback polls after meetings (road map 6.5), without mentees' names.</summary>
    Feedback,

    /// <summary>The satisfaction survey (road map 6.8), anonymous.</summary>
    Satisfaction,

    /// <summary>Impact monitoring (stage 7): self-assessment before and after, per person and competency.</summary>
    Impact,
}

/// <summary>The file format of an export.</summary>
public enum ExportFormat
{
    /// <summary>CSV: UTF-8 with BOM, <c>;</c>-separated (what Excel in a Russian locale opens as is).</summary>
    Csv,

    /// <summary>An Excel workbook (Office Open XML).</summary>
    Xlsx,
}

/// <summary>Codes of <see cref="ExportKind"/> and <see cref="ExportFormat"/> (CLI values, button data).</summary>
public static class ExportCodes
{
    /// <summary>Every kind, in the order the bot offers them.</summary>
    public static IReadOnlyList<ExportKind> Kinds { get; } = Enum.GetValues<ExportKind>();

    /// <summary>The code: mentors | mentees | pairs | meetings | feedback | satisfaction | impact.</summary>
    public static string Code(this ExportKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The code: csv | xlsx (also the file extension).</summary>
    public static string Code(this ExportFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>Parses a kind's code (exactly, lower case); false for anything else.</summary>
    public static bool TryParseKind(string? code, out ExportKind kind)
    {
        kind = Kinds.FirstOrDefault(k => k.Code() == code);
        return Kinds.Any(k => k.Code() == code);
    }

    /// <summary>Parses a format's code (exactly, lower case); false for anything else.</summary>
    public static bool TryParseFormat(string? code, out ExportFormat format)
    {
        format = code == "xlsx" ? ExportFormat.Xlsx : ExportFormat.Csv;
        return code is "csv" or "xlsx";
    }
}
