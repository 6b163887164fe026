using MentorBot.Domain.Scheduling;

namespace MentorBot.Domain.Meetings;

/// <summary>A date as the message states it, resolved against the mentor's local «today» only at the end.</summary>
internal abstract record MeetingDateSpec
{
    /// <summary>The calendar day meant, or <c>null</c> when the stated date does not exist (31.02).</summary>
    public abstract DateOnly? Resolve(DateOnly today);
}

/// <summary>«сегодня» (0), «вчера» (1), «позавчера» (2), «завтра» (-1).</summary>
internal sealed record RelativeMeetingDate(int DaysBack) : MeetingDateSpec
{
    public override DateOnly? Resolve(DateOnly today) => today.AddDays(-DaysBack);
}

/// <summary>
/// A weekday name means its most recent occurrence up to and including today: a mentor writing
/// «в четверг» on a Thursday logs today's meeting (logs are written the same day far more often than
/// a week late). With «прошлый» («в прошлую среду») it is that day of the previous Monday-to-Sunday
/// week, as Russian speakers use it: on Thursday the 19th that is Wednesday the 11th, not yesterday.
/// </summary>
internal sealed record WeekdayMeetingDate(DayOfWeek Day, bool LastWeek) : MeetingDateSpec
{
    public override DateOnly? Resolve(DateOnly today)
    {
        if (LastWeek)
        {
            return CalendarWeeks.Monday(today).AddDays(-7 + ((int)Day + 6) % 7);
        }

        return today.AddDays(-(((int)today.DayOfWeek - (int)Day + 7) % 7));
    }
}

/// <summary>
/// «12.03», «12.03.26», «12 марта 2026 г.». Without a year it is today's year, unless that lands more
/// than two months ahead: «28.12» written on 10 January is last December. A date just ahead stays in
/// this year so that <see cref="MeetingDraftRules"/> questions it as a future date.
/// </summary>
internal sealed record CalendarMeetingDate(int Day, int Month, int? Year) : MeetingDateSpec
{
    public override DateOnly? Resolve(DateOnly today)
    {
        if (Year is { } year)
        {
            return Make(year < 100 ? 2000 + year : year);
        }

        var thisYear = Make(today.Year);
        return thisYear is { } date && date > today.AddMonths(2) ? Make(today.Year - 1) : thisYear ?? Make(today.Year - 1);
    }

    private DateOnly? Make(int year) =>
        year is >= 1 and <= 9999 && Month is >= 1 and <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(year, Month)
            ? new DateOnly(year, Month, Day)
            : null;
}
