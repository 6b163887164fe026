using System.Globalization;
using System.Text.RegularExpressions;
using MentorBot.Domain.Scheduling;

namespace MentorBot.Domain.Digests;

/// <summary>
/// When the weekly digest goes out: <c>organisations.digest_cron</c>, a five-field cron with a named weekday
/// (<see cref="CronRules"/>) in the organisation's time zone, default Monday 09:00 (issue 7). The curator sets a
/// weekday and a time in chat, or types a cron.
/// </summary>
public static partial class DigestSchedule
{
    /// <summary>The default: Mondays at 09:00.</summary>
    public const string DefaultCron = "0 9 * * MON";

    private static readonly (string Prefix, DayOfWeek Day)[] RussianDays =
    [
        ("пн", DayOfWeek.Monday), ("пон", DayOfWeek.Monday), ("вт", DayOfWeek.Tuesday), ("ср", DayOfWeek.Wednesday),
        ("чт", DayOfWeek.Thursday), ("чет", DayOfWeek.Thursday), ("пт", DayOfWeek.Friday), ("пят", DayOfWeek.Friday),
        ("сб", DayOfWeek.Saturday), ("суб", DayOfWeek.Saturday), ("вс", DayOfWeek.Sunday), ("вос", DayOfWeek.Sunday),
    ];

    /// <summary>
    /// Reads «пн 09:00», «понедельник 9:30», «пятница 15.00»: a Russian weekday (full or abbreviated) and a time
    /// 00:00–23:59. False for anything else.
    /// </summary>
    public static bool TryParse(string? text, out DayOfWeek day, out TimeOnly time)
    {
        day = default;
        time = default;
        var match = Pattern().Match(text?.Trim().ToLowerInvariant() ?? "");
        if (!match.Success) return false;
        var word = match.Groups["day"].Value;
        var found = RussianDays.Where(d => word.StartsWith(d.Prefix, StringComparison.Ordinal)).Select(d => (DayOfWeek?)d.Day).FirstOrDefault();
        if (found is null) return false;
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (hour > 23 || minute > 59) return false;
        day = found.Value;
        time = new TimeOnly(hour, minute);
        return true;
    }

    /// <summary>The cron for a weekday and a time: <c>30 15 * * FRI</c>.</summary>
    public static string ToCron(DayOfWeek day, TimeOnly time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.Minute} {time.Hour} * * {CronRules.WeekdayNames[(int)day]}");

    /// <summary>Reads back a cron written by <see cref="ToCron"/>; false for any other shape.</summary>
    public static bool TryReadCron(string cron, out DayOfWeek day, out TimeOnly time)
    {
        day = default;
        time = default;
        var parts = CronRules.Fields(cron);
        if (parts.Length != 5 || parts[2] != "*" || parts[3] != "*") return false;
        var index = CronRules.WeekdayNames.ToList().IndexOf(parts[4].ToUpperInvariant());
        if (index < 0 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour > 23 || minute > 59) return false;
        day = (DayOfWeek)index;
        time = new TimeOnly(hour, minute);
        return true;
    }

    /// <summary>The curator's words for a cron: «по понедельникам в 09:00».</summary>
    public static string Describe(string cron) =>
        TryReadCron(cron, out var day, out var time) ? DigestTexts.Schedule(day, time) : DigestTexts.CustomSchedule(cron);

    /// <summary>The ISO week of a date, «2026-W37»: the digest's idempotency period (one per organisation per week).</summary>
    public static string IsoWeek(DateOnly date)
    {
        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dateTime)}-W{ISOWeek.GetWeekOfYear(dateTime):00}");
    }

    /// <summary>
    /// Monday of the week a digest made on <paramref name="today"/> reports: the week holding yesterday. The
    /// Monday-morning digest therefore reports the week that just ended (compared with the one before), not
    /// the hours of the week just begun; on other days it is the current week so far.
    /// </summary>
    public static DateOnly ReportWeekStart(DateOnly today) => CalendarWeeks.Monday(today.AddDays(-1));

    [GeneratedRegex(@"^(?<day>[а-яё]+)\.?\s*,?\s*(?:в\s+)?(?<h>\d{1,2})[:.](?<m>\d{2})$")]
    private static partial Regex Pattern();
}
