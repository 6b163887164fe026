namespace MentorBot.Domain.Reports;

/// <summary>The documents of issue 14.</summary>
public enum ReportKind
{
    /// <summary>«Отчёт о мониторинге качества реализации программы наставничества» (stage 1).</summary>
    Quality,

    /// <summary>«Отчёт о мониторинге влияния программы наставничества» (stage 2).</summary>
    Impact,

    /// <summary>«Итоговый отчёт о реализации программы наставничества».</summary>
    Programme,
}

/// <summary>The codes of <see cref="ReportKind"/> in the CLI (<c>--what</c>) and in button data.</summary>
public static class ReportKinds
{
    /// <summary>Every kind, in menu order.</summary>
    public static readonly IReadOnlyList<ReportKind> All = [ReportKind.Quality, ReportKind.Impact, ReportKind.Programme];

    /// <summary><c>quality</c>, <c>impact</c> or <c>programme</c>.</summary>
    public static string Code(this ReportKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Reads a code; false for anything else.</summary>
    public static bool TryParse(string? code, out ReportKind kind)
    {
        foreach (var candidate in All)
        {
            if (candidate.Code() != code) continue;
            kind = candidate;
            return true;
        }

        kind = default;
        return false;
    }
}
