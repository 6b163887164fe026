using System.Text.RegularExpressions;

namespace MentorBot.Domain.Roadmaps;

/// <summary>
/// Reads the lines above a road map's table: the approval block («Утверждаю …», «УТВЕРЖДЕНА приказом
/// … от 31.08.2020»), the title («Дорожная карта …», lines up to the next blank one) and the
/// organisation (another block, or the «в МБОУ …» end of the title).
/// </summary>
internal static partial class TitleBlock
{
    /// <summary>What the lines above the table say.</summary>
    /// <param name="Title">The title block's text, or null.</param>
    /// <param name="Organization">The organisation's block (or the end of the title), or null.</param>
    /// <param name="ApprovedOn">The approval date, or null.</param>
    /// <param name="Unused">Blocks that are none of these (a second organisation block, a note), each as one line.</param>
    public sealed record Result(string? Title, string? Organization, DateOnly? ApprovedOn, IReadOnlyList<string> Unused);

    [GeneratedRegex(@"дорожн\w*\s+карт|план\s+мероприятий", RegexOptions.IgnoreCase)]
    private static partial Regex TitleStart();

    [GeneratedRegex(@"^(?:утвержд|утверждаю|согласован)", RegexOptions.IgnoreCase)]
    private static partial Regex ApprovalStart();

    [GeneratedRegex(@"(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})")]
    private static partial Regex NumericDate();

    // The organisation at the end of a title: «… в МБОУ СОШ №75/42», «… в ОБГ ПОУ «…»».
    [GeneratedRegex(@"(?:^|\s)[вВ]\s+(?<org>[А-ЯЁ]{2,}.*)$")]
    private static partial Regex OrganizationInTitle();

    [GeneratedRegex(@"\s+(?:на|в)\s+\d{4}.*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingYears();

    [GeneratedRegex(@"(?<a>(?:19|20)\d{2})\s*[-–—/]\s*(?<b>(?:19|20)?\d{2})\s*(?:гг?\.?\s*)?учебн", RegexOptions.IgnoreCase)]
    private static partial Regex AcademicYears();

    [GeneratedRegex(@"(?<![№\d/])(?<a>(?:19|20)\d{2})(?:\s*[-–—]\s*(?<b>(?:19|20)\d{2}))?(?!\d)")]
    private static partial Regex CalendarYears();

    /// <summary>Reads the title block from the lines above the table header.</summary>
    public static Result Read(IReadOnlyList<string> lines)
    {
        var blocks = new List<List<string>>();
        var current = new List<string>();
        foreach (var line in lines.Select(RoadMapText.OneLine))
        {
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    blocks.Add(current);
                    current = [];
                }

                continue;
            }

            // The title starts a block of its own even when no blank line separates it.
            if (TitleStart().IsMatch(line) && current.Count > 0 && !current.Any(l => TitleStart().IsMatch(l)))
            {
                blocks.Add(current);
                current = [];
            }

            current.Add(line);
        }

        if (current.Count > 0)
        {
            blocks.Add(current);
        }

        var titleBlock = blocks.FirstOrDefault(b => TitleStart().IsMatch(b[0]));
        var approval = blocks.FirstOrDefault(b => ApprovalStart().IsMatch(b[0]));
        var other = blocks.FirstOrDefault(b => b != titleBlock && b != approval);
        var title = titleBlock is null ? null : JoinLines(titleBlock);
        var organization = other is not null ? JoinLines(other) : OrganizationFrom(title);
        var unused = blocks.Where(b => b != titleBlock && b != approval && b != other).Select(JoinLines).ToList();
        return new Result(title, organization, approval is null ? null : ApprovalDate(JoinLines(approval)), unused);
    }

    /// <summary>
    /// The years a title states: «2024-2025 учебный год» (academic), «на 2020-2024 гг.» (a span),
    /// «в 2024 году» / «на 2023 год» (one year); null when it states none.
    /// </summary>
    public static (int First, int Last, bool Academic)? Years(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var academic = AcademicYears().Match(title);
        if (academic.Success)
        {
            var first = int.Parse(academic.Groups["a"].Value);
            return (first, first, true);
        }

        var calendar = CalendarYears().Match(title);
        if (!calendar.Success)
        {
            return null;
        }

        var start = int.Parse(calendar.Groups["a"].Value);
        var end = calendar.Groups["b"].Success ? int.Parse(calendar.Groups["b"].Value) : start;
        return (start, Math.Max(start, end), false);
    }

    private static string JoinLines(IEnumerable<string> lines) =>
        lines.Aggregate("", (text, line) => RoadMapText.Glue(text, line, " "));

    private static string? OrganizationFrom(string? title)
    {
        var match = title is null ? Match.Empty : OrganizationInTitle().Match(title);
        return match.Success ? TrailingYears().Replace(match.Groups["org"].Value, "").Trim() : null;
    }

    private static DateOnly? ApprovalDate(string block)
    {
        var numeric = NumericDate().Match(block);
        if (numeric.Success && DateOf(numeric.Groups["y"].Value, numeric.Groups["m"].Value, numeric.Groups["d"].Value) is { } date)
        {
            return date;
        }

        var worded = PeriodPhrases.MonthPattern.Match(block);
        return worded.Success ? DateOf(worded.Groups["y"].Value, PeriodPhrases.MonthNumber(worded.Groups["m"].Value).ToString(), worded.Groups["d"].Value) : null;
    }

    private static DateOnly? DateOf(string year, string month, string day) =>
        DateOnly.TryParse($"{year}-{month.PadLeft(2, '0')}-{day.PadLeft(2, '0')}", System.Globalization.CultureInfo.InvariantCulture, out var date) ? date : null;
}
