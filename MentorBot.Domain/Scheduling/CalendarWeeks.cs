namespace MentorBot.Domain.Scheduling;

/// <summary>
/// The Monday-to-Sunday week (ISO 8601, as Russian calendars and speakers count weeks): the one rule that the
/// digest, the nudges, the final report's weeks and «в прошлую среду» in a meeting message share.
/// </summary>
public static class CalendarWeeks
{
    /// <summary>Monday of the week of <paramref name="date"/> (the date itself when it is a Monday).</summary>
    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
