using System.Globalization;
using System.Text.Json;

namespace MentorBot.Domain.Scheduling;

/// <summary>
/// Which dates are working days: Monday–Friday except public holidays, plus Saturdays or Sundays the
/// government transferred a working day to. Built from the production calendar («производственный
/// календарь») of each year; for a year with no data, the statutory holidays of ТК РФ ст. 112 apply
/// without transfers.
/// </summary>
public sealed class WorkCalendar
{
    private readonly HashSet<DateOnly> holidays;
    private readonly HashSet<DateOnly> workingWeekends;
    private readonly HashSet<int> yearsWithData;

    /// <summary>A calendar from explicit lists; years mentioned in either list count as fully described.</summary>
    /// <param name="holidays">Non-working days that would otherwise be working days (holidays and the days off they moved to).</param>
    /// <param name="workingWeekends">Saturdays or Sundays that are working days by transfer.</param>
    public WorkCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingWeekends)
    {
        this.holidays = [.. holidays];
        this.workingWeekends = [.. workingWeekends];
        yearsWithData = [.. this.holidays.Select(d => d.Year).Concat(this.workingWeekends.Select(d => d.Year))];
    }

    /// <summary>
    /// Russia's calendar for the years we ship (2026: Постановление Правительства РФ о переносе
    /// выходных дней в 2026 году — 1–11 January, 23 February, 9 March, 1 and 11 May, 12 June,
    /// 4 November, 31 December).
    /// </summary>
    public static WorkCalendar Russia { get; } = new(
        [
            .. Range(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 11)),
            new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 9), new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 11),
            new DateOnly(2026, 6, 12), new DateOnly(2026, 11, 4), new DateOnly(2026, 12, 31),
        ],
        []);

    /// <summary>The years this calendar has production-calendar data for (others use ТК РФ ст. 112 without transfers).</summary>
    public IReadOnlySet<int> Years => yearsWithData;

    /// <summary>
    /// Reads one year's production calendar from the calendar-file format (e.g. <c>calendars/ru-2026.json</c>):
    /// <c>{"year": 2026, "holidays": ["2026-01-01", …], "workingDays": ["2026-…"]}</c> — <c>holidays</c> lists
    /// every non-working weekday (public holidays and the days off moved onto weekdays), <c>workingDays</c> the
    /// Saturdays and Sundays made working days by transfer (may be empty or absent). Every date must fall in <c>year</c>.
    /// </summary>
    /// <exception cref="FormatException">Not JSON of that shape, a date that is not YYYY-MM-DD, or a date outside the year.</exception>
    public static WorkCalendar FromJson(string json)
    {
        CalendarFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CalendarFile>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a calendar file: {e.Message}", e);
        }

        if (file?.Year is not (>= 1900 and <= 2200) || file.Year is not { } year)
            throw new FormatException("a calendar file needs \"year\" between 1900 and 2200.");
        var calendar = new WorkCalendar(Dates(file.Holidays, year, "holidays"), Dates(file.WorkingDays, year, "workingDays"));
        calendar.yearsWithData.Add(year);
        return calendar;
    }

    /// <summary>
    /// This calendar with the years <paramref name="other"/> describes taken from <paramref name="other"/>
    /// (a calendar file for a year replaces the built-in data of that year); other years stay as they are.
    /// </summary>
    public WorkCalendar With(WorkCalendar other)
    {
        var merged = new WorkCalendar(
            holidays.Where(d => !other.yearsWithData.Contains(d.Year)).Concat(other.holidays),
            workingWeekends.Where(d => !other.yearsWithData.Contains(d.Year)).Concat(other.workingWeekends));
        merged.yearsWithData.UnionWith(yearsWithData);
        merged.yearsWithData.UnionWith(other.yearsWithData);
        return merged;
    }

    /// <summary>True when <paramref name="date"/> is a working day.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (workingWeekends.Contains(date)) return true;
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
        if (holidays.Contains(date)) return false;
        return yearsWithData.Contains(date.Year) || !IsStatutoryHoliday(date);
    }

    /// <summary>The first working day after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var day = date.AddDays(1);
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>ТК РФ ст. 112: 1–6 and 8 January (New Year holidays), 7 January (Christmas), 23 February, 8 March, 1 and 9 May, 12 June, 4 November.</summary>
    public static bool IsStatutoryHoliday(DateOnly date) => (date.Month, date.Day) switch
    {
        (1, >= 1 and <= 8) or (2, 23) or (3, 8) or (5, 1) or (5, 9) or (6, 12) or (11, 4) => true,
        _ => false,
    };

    /// <summary>The last working day before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date)
    {
        var day = date.AddDays(-1);
        while (!IsWorkingDay(day)) day = day.AddDays(-1);
        return day;
    }

    private static List<DateOnly> Dates(string[]? texts, int year, string field)
    {
        var dates = new List<DateOnly>();
        foreach (var text in texts ?? [])
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new FormatException($"\"{field}\": '{text}' is not a YYYY-MM-DD date.");
            if (date.Year != year)
                throw new FormatException($"\"{field}\": {text} is not in {year}.");
            dates.Add(date);
        }

        return dates;
    }

    private sealed class CalendarFile
    {
        public int? Year { get; set; }
        public string[]? Holidays { get; set; }
        public string[]? WorkingDays { get; set; }
    }

    private static IEnumerable<DateOnly> Range(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1)) yield return d;
    }
}
