using System.Text.RegularExpressions;

namespace MentorBot.Domain.Roadmaps;

/// <summary>
/// Reads the Russian period phrases of a road map's «Сроки» cell («Апрель-май 2023»,
/// «2 неделя сентября», «15.03.23», «в течение учебного года (ежегодно)», «еженедельно по средам»,
/// «по запросу»…) into <see cref="Period"/>s. A cell may hold several phrases one after another;
/// text that matches no form is kept as a period with no range so nothing written is lost.
/// </summary>
public static class PeriodPhrases
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Every case form a month name takes in a «сроки» cell: nominative, genitive, prepositional, dative.
    private const string Month =
        @"(?:январ[ьяеюй]|феврал[ьяеюй]|март[аеу]?|апрел[ьяеюй]|ма[йяею]|июн[ьяеюй]|июл[ьяеюй]|август[аеу]?|сентябр[ьяеюй]|октябр[ьяеюй]|ноябр[ьяеюй]|декабр[ьяеюй])(?![а-яё])";

    private const string Dash = @"\s*(?:[-–—]|по|до)\s*";
    private const string YearWord = @"(?:\s*(?:гг?|год[ау]?|годы)\.?(?![а-яё]))";

    private static string Year(string name) =>
        $@"(?:\s*,?\s*(?<{name}>\d{{4}}){YearWord}?|\s+(?<{name}>\d{{2}}){YearWord})?";

    private static string NumericDate(string d, string m, string y) =>
        $@"(?<{d}>\d{{1,2}})\.(?<{m}>\d{{1,2}})(?:\.(?<{y}>\d{{4}}|\d{{2}}))?(?:\s*г\.?)?(?!\d)";

    private static Regex Form(string pattern) => new(@"\G(?:" + pattern + ")", Options);

    private delegate Period? Build(Match match, string text, PeriodYears years);

    // «до 15 декабря», «не позднее 15.12.2026», «к 1 марта»: a deadline (issue 17: what a curator types).
    private const string Deadline = @"(?:до|не\s+позднее|не\s+позже|к)\s+";

    private static readonly (Regex Pattern, Build Build)[] Forms =
    [
        (Form($@"{Deadline}(?<d2>\d{{1,2}})\s+(?<m2>{Month}){Year("y2")}"), DeadlineBy),
        (Form($@"{Deadline}{NumericDate("d2", "m2", "y2")}"), DeadlineBy),
        (Form(@"в\s+течени[ие]\s+(?:одного\s+|1\s+)?(?<unit>месяца|недели)"), WithinFromToday),
        (Form($@"(?:с\s+)?(?<d1>\d{{1,2}})\s+(?<m1>{Month}){Year("y1")}{Dash}(?<d2>\d{{1,2}})\s+(?<m2>{Month}){Year("y2")}"), DayRange),
        (Form($@"(?:с\s+)?(?<d1>\d{{1,2}}){Dash}(?<d2>\d{{1,2}})\s+(?<m2>{Month}){Year("y2")}"), DayRange),
        (Form($@"(?:с\s+)?{NumericDate("d1", "m1", "y1")}{Dash}{NumericDate("d2", "m2", "y2")}"), DayRange),
        (Form($@"(?<n>[1-5]|перв|втор|трет|четв[её]рт|пят)[а-яё]*(?:\s*-?\s*(?:я|ая))?\s+недел[яиюе]\s+(?<m>{Month}){Year("y")}"), Week),
        (Form($@"(?<d2>\d{{1,2}})\s+(?<m2>{Month}){Year("y2")}"), DayRange),
        (Form(NumericDate("d2", "m2", "y2")), DayRange),
        (Form($@"(?:с\s+)?(?<m1>{Month}){Year("y1")}{Dash}(?<m2>{Month}){Year("y2")}"), MonthRange),
        (Form($@"(?<m2>{Month}){Year("y2")}"), MonthRange),
        (Form(@"в\s+течени[ие]\s+(?:всего\s+)?учебного\s+года"), AcademicYearRange),
        (Form(@"в\s+течени[ие]\s+(?:всего\s+)?(?:календарного\s+)?года"), CalendarYear),
        (Form(@"еженедельно(?:\s*,?\s*по\s+(?<wd>понедельникам|вторникам|средам|четвергам|пятницам|субботам|воскресеньям))?"), Weekly),
        (Form(@"(?:дополнительно\s+)?по\s+(?:запросу|мере\s+(?:их\s+)?(?:проведения|необходимости)|необходимости)"), OnDemand),
        (Form($@"(?<y1>\d{{4}})\s*[-–—]\s*(?<y2>\d{{4}}){YearWord}?"), YearRange),
        (Form($@"(?<y2>\d{{4}}){YearWord}?"), YearRange),
    ];

    // «(ежегодно)» after a phrase makes it yearly; «ежегодно» alone stands for every whole year.
    private static readonly Regex YearlySuffix = new(@"\G\s*,?\s*(?:\(\s*ежегодно\s*\)|ежегодно(?![а-яё]))", Options);
    private static readonly Regex YearlyAlone = new(@"\G\(?\s*ежегодно\s*\)?", Options);
    // «в марте», «и май» read as the month; «в течение …» keeps its «в» (it is part of the phrase).
    private static readonly Regex Separators = new(@"\G(?:[\s,;()./]+|(?:и|а\s+также|во?(?=\s+(?!течени)))(?![а-яё]))+", Options);

    /// <summary>
    /// Parses a «Сроки» cell into its periods, in the order written. Month-only phrases resolve
    /// against <paramref name="years"/>; an empty cell gives no periods.
    /// </summary>
    public static IReadOnlyList<Period> Parse(string cell, PeriodYears years)
    {
        var text = cell.Trim();
        var periods = new List<Period>();
        var position = 0;
        while (true)
        {
            position = Skip(Separators, text, position);
            if (position >= text.Length)
            {
                break;
            }

            var yearly = YearlyAlone.Match(text, position);
            if (yearly.Success && yearly.Length > 0)
            {
                periods.Add(new Period(yearly.Value.Trim('(', ')', ' '), new DateOnly(years.Year, 1, 1), new DateOnly(years.Year, 12, 31), Recurrence.Yearly));
                position += yearly.Length;
                continue;
            }

            var (period, end) = MatchAt(text, position, years);
            if (period is null)
            {
                end = NextPhraseStart(text, position, years);
                var unknown = text[position..end].Trim().TrimEnd(',', ';', '(').Trim();
                if (unknown.Any(char.IsLetterOrDigit))
                {
                    periods.Add(new Period(unknown, null, null, Recurrence.None));
                }

                position = end;
                continue;
            }

            var suffix = YearlySuffix.Match(text, end);
            if (suffix.Success && period.Recurrence == Recurrence.None)
            {
                end += suffix.Length;
                period = period with { Text = text[position..end].Trim(), Recurrence = Recurrence.Yearly };
            }

            periods.Add(period);
            position = end;
        }

        return periods;
    }

    private static int Skip(Regex regex, string text, int position)
    {
        var match = regex.Match(text, position);
        return match.Success ? position + match.Length : position;
    }

    private static (Period? Period, int End) MatchAt(string text, int position, PeriodYears years)
    {
        // A phrase must start at a word boundary, or «15.03» would match inside «2015.03».
        if (position > 0 && char.IsLetterOrDigit(text[position - 1]))
        {
            return (null, position);
        }

        foreach (var (pattern, build) in Forms)
        {
            var match = pattern.Match(text, position);
            if (!match.Success || match.Length == 0)
            {
                continue;
            }

            var period = build(match, match.Value.Trim(), years);
            if (period is not null)
            {
                return (period, position + match.Length);
            }
        }

        return (null, position);
    }

    private static int NextPhraseStart(string text, int position, PeriodYears years)
    {
        for (var i = position + 1; i < text.Length; i++)
        {
            if (!char.IsLetterOrDigit(text[i - 1]) && (MatchAt(text, i, years).Period is not null || YearlyAlone.Match(text, i) is { Success: true, Length: > 0 }))
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>Month number (1–12) of a month word in any case form.</summary>
    internal static int MonthNumber(string word)
    {
        var w = word.ToLowerInvariant();
        string[] stems = ["янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
        // «мар» must win over «ма» (март vs май), so look for the longest stem first.
        for (var i = 0; i < stems.Length; i++)
        {
            if (i != 4 && w.StartsWith(stems[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return w.StartsWith("ма", StringComparison.Ordinal) ? 5 : throw new ArgumentException($"not a month: {word}", nameof(word));
    }

    /// <summary>The regex that finds the first month name in a text (used for approval dates).</summary>
    internal static Regex MonthPattern { get; } = new($@"(?<d>\d{{1,2}})»?\s+(?<m>{Month})\s+(?<y>\d{{4}})", Options);

    /// <summary>A written year; two digits («15.03.23») mean 20xx.</summary>
    private static int? ExplicitYear(Group group) =>
        !group.Success ? null : int.Parse(group.Value) is var year && year < 100 ? 2000 + year : year;

    private static int MonthOf(Group group) =>
        int.TryParse(group.Value, out var number) ? number : MonthNumber(group.Value);

    private static DateOnly? Date(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static DateOnly LastDay(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>
    /// Resolves the years of a range whose ends may or may not state one: a year written only at
    /// the end applies to the start too; a range that wraps past December moves its end a year on.
    /// </summary>
    private static (int Start, int End) RangeYears(Match match, int startMonth, int endMonth, PeriodYears years)
    {
        var y1 = ExplicitYear(match.Groups["y1"]);
        var y2 = ExplicitYear(match.Groups["y2"]);
        var wraps = startMonth > endMonth;
        return (y1, y2) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, wraps ? s + 1 : s),
            (null, { } e) => (wraps ? e - 1 : e, e),
            _ => (years.YearOf(startMonth), years.YearOf(startMonth) + (wraps ? 1 : 0)),
        };
    }

    private static Period? DayRange(Match match, string text, PeriodYears years)
    {
        var endMonth = MonthOf(match.Groups["m2"]);
        var startMonth = match.Groups["m1"].Success ? MonthOf(match.Groups["m1"]) : endMonth;
        var endDay = int.Parse(match.Groups["d2"].Value);
        var startDay = match.Groups["d1"].Success ? int.Parse(match.Groups["d1"].Value) : endDay;
        var (y1, y2) = RangeYears(match, startMonth, endMonth, years);
        if (!match.Groups["m1"].Success)
        {
            y1 = y2;
        }

        var start = Date(y1, startMonth, startDay);
        var end = Date(y2, endMonth, endDay);
        return start is null || end is null || start > end ? null : new Period(text, start, end, Recurrence.None);
    }

    private static Period? MonthRange(Match match, string text, PeriodYears years)
    {
        var endMonth = MonthOf(match.Groups["m2"]);
        var startMonth = match.Groups["m1"].Success ? MonthOf(match.Groups["m1"]) : endMonth;
        var (y1, y2) = RangeYears(match, startMonth, endMonth, years);
        if (!match.Groups["m1"].Success)
        {
            y1 = y2;
        }

        return new Period(text, new DateOnly(y1, startMonth, 1), LastDay(y2, endMonth), Recurrence.None);
    }

    /// <summary>«N неделя месяца» = days 7(N−1)+1 … 7N; the fifth week ends on the month's last day.</summary>
    private static Period? Week(Match match, string text, PeriodYears years)
    {
        var n = match.Groups["n"].Value.ToLowerInvariant() switch
        {
            "перв" => 1,
            "втор" => 2,
            "трет" => 3,
            "четверт" or "четвёрт" => 4,
            "пят" => 5,
            var digits => int.Parse(digits),
        };
        var month = MonthNumber(match.Groups["m"].Value);
        var year = ExplicitYear(match.Groups["y"]) ?? years.YearOf(month);
        var last = LastDay(year, month);
        var end = n == 5 ? last : new DateOnly(year, month, Math.Min(7 * n, last.Day));
        return new Period(text, new DateOnly(year, month, 7 * (n - 1) + 1), end, Recurrence.None);
    }

    /// <summary>
    /// «до 15 декабря» = from the start of the plan's year (1 September of an academic year, else 1 January) to that
    /// day; a deadline before that start is a single day.
    /// </summary>
    private static Period? DeadlineBy(Match match, string text, PeriodYears years)
    {
        var month = MonthOf(match.Groups["m2"]);
        var end = Date(ExplicitYear(match.Groups["y2"]) ?? years.YearOf(month), month, int.Parse(match.Groups["d2"].Value));
        if (end is null) return null;
        var start = years.AcademicYear ? new DateOnly(years.Year, 9, 1) : new DateOnly(years.Year, 1, 1);
        return new Period(text, start <= end ? start : end, end, Recurrence.None);
    }

    /// <summary>«в течение месяца» / «в течение недели» from <see cref="PeriodYears.Today"/>; not understood (kept as text) without a today.</summary>
    private static Period? WithinFromToday(Match match, string text, PeriodYears years)
    {
        if (years.Today is not { } today) return null;
        var end = match.Groups["unit"].Value.StartsWith("мес", StringComparison.OrdinalIgnoreCase) ? today.AddMonths(1).AddDays(-1) : today.AddDays(6);
        return new Period(text, today, end, Recurrence.None);
    }

    /// <summary>«в течение учебного года» = 1 September … 31 May of the academic year starting in the document's year.</summary>
    private static Period? AcademicYearRange(Match match, string text, PeriodYears years) =>
        new(text, new DateOnly(years.Year, 9, 1), new DateOnly(years.Year + 1, 5, 31), Recurrence.None);

    /// <summary>«в течение (всего) года» = the document's calendar year.</summary>
    private static Period? CalendarYear(Match match, string text, PeriodYears years) =>
        new(text, new DateOnly(years.Year, 1, 1), new DateOnly(years.Year, 12, 31), Recurrence.None);

    /// <summary>«еженедельно по средам» = weekly on that weekday within the document's calendar year.</summary>
    private static Period? Weekly(Match match, string text, PeriodYears years)
    {
        DayOfWeek? weekday = match.Groups["wd"].Value.ToLowerInvariant() switch
        {
            "понедельникам" => DayOfWeek.Monday,
            "вторникам" => DayOfWeek.Tuesday,
            "средам" => DayOfWeek.Wednesday,
            "четвергам" => DayOfWeek.Thursday,
            "пятницам" => DayOfWeek.Friday,
            "субботам" => DayOfWeek.Saturday,
            "воскресеньям" => DayOfWeek.Sunday,
            _ => null,
        };
        return new Period(text, new DateOnly(years.Year, 1, 1), new DateOnly(years.Year, 12, 31), Recurrence.Weekly, weekday);
    }

    private static Period? OnDemand(Match match, string text, PeriodYears years) => new(text, null, null, Recurrence.OnDemand);

    /// <summary>«2023 г.» = that calendar year; «2020-2024 гг.» = 1 January of the first … 31 December of the last.</summary>
    private static Period? YearRange(Match match, string text, PeriodYears years)
    {
        var last = int.Parse(match.Groups["y2"].Value);
        var first = match.Groups["y1"].Success ? int.Parse(match.Groups["y1"].Value) : last;
        return first is < 1900 or > 2100 || last < first ? null : new Period(text, new DateOnly(first, 1, 1), new DateOnly(last, 12, 31), Recurrence.None);
    }
}
