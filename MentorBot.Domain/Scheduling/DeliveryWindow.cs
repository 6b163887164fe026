namespace MentorBot.Domain.Scheduling;

/// <summary>
/// When a background message may reach a person (DESIGN.md decision 6): between <see cref="Start"/>
/// and <see cref="End"/> local time in the organisation's time zone, on working days only when
/// <see cref="WorkingDaysOnly"/>. Feedback polls use 09:00–20:00 any day (issue 6); reminders and
/// nudges 09:00–18:00 on working days (issue 7).
/// </summary>
/// <param name="Start">Local time the window opens (inclusive).</param>
/// <param name="End">Local time the window closes (exclusive); after <paramref name="Start"/>.</param>
/// <param name="WorkingDaysOnly">Skip weekends and public holidays of <see cref="Calendar"/>.</param>
/// <param name="Calendar">The production calendar; <see cref="WorkCalendar.Russia"/> when null.</param>
public sealed record DeliveryWindow(TimeOnly Start, TimeOnly End, bool WorkingDaysOnly, WorkCalendar? Calendar = null)
{
    /// <summary>Feedback polls: 09:00–20:00 every day (issue 6).</summary>
    public static DeliveryWindow Polls { get; } = new(new TimeOnly(9, 0), new TimeOnly(20, 0), WorkingDaysOnly: false);

    /// <summary>Reminders and nudges: 09:00–18:00 on working days (issue 7).</summary>
    public static DeliveryWindow WorkingHours { get; } = new(new TimeOnly(9, 0), new TimeOnly(18, 0), WorkingDaysOnly: true);

    /// <summary>
    /// The earliest moment at or after <paramref name="notBefore"/> inside the window, in the zone
    /// <paramref name="timeZone"/>. Searches at most a year ahead.
    /// </summary>
    /// <exception cref="InvalidOperationException">The window is empty (End ≤ Start) or no day in a year qualifies.</exception>
    public DateTimeOffset Next(DateTimeOffset notBefore, TimeZoneInfo timeZone)
    {
        if (End <= Start) throw new InvalidOperationException("A delivery window must end after it starts.");
        var calendar = Calendar ?? WorkCalendar.Russia;
        var local = TimeZoneInfo.ConvertTime(notBefore, timeZone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        for (var i = 0; i < 370; i++, day = day.AddDays(1), time = TimeOnly.MinValue)
        {
            if (WorkingDaysOnly && !calendar.IsWorkingDay(day)) continue;
            if (time >= End) continue;
            var at = time < Start ? Start : time;
            if (at == time && i == 0) return notBefore;
            return ToInstant(day, at, timeZone);
        }

        throw new InvalidOperationException("No delivery moment within a year.");
    }

    /// <summary>True when <paramref name="instant"/> is inside the window.</summary>
    public bool Contains(DateTimeOffset instant, TimeZoneInfo timeZone) => Next(instant, timeZone) == instant;

    /// <summary>The instant of local <paramref name="day"/> <paramref name="time"/> in <paramref name="timeZone"/>.</summary>
    public static DateTimeOffset ToInstant(DateOnly day, TimeOnly time, TimeZoneInfo timeZone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        // A local time skipped by a clock change does not exist; move past the gap.
        while (timeZone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, timeZone.GetUtcOffset(local));
    }
}
