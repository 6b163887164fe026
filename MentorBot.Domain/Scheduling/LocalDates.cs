namespace MentorBot.Domain.Scheduling;

/// <summary>
/// The calendar date an instant falls on in an organisation's IANA time zone: «today», the day a meeting was logged,
/// the day an event is held. Dates a person reads are always the organisation's, never UTC's (DESIGN.md, time zones).
/// </summary>
public static class LocalDates
{
    /// <summary>The date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The date in <paramref name="zone"/> of <paramref name="utc"/>, a UTC time as read from a <c>timestamptz</c>
    /// column (its <see cref="DateTime.Kind"/> is taken as UTC whatever it says).
    /// </summary>
    public static DateOnly OfUtc(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeOfUtc(utc, zone));

    /// <summary>
    /// The wall-clock time in <paramref name="zone"/> of <paramref name="utc"/>, a UTC time as read from a
    /// <c>timestamptz</c> column (its <see cref="DateTime.Kind"/> is taken as UTC whatever it says): an event's start,
    /// the moment a consent was given, as the person reads them.
    /// </summary>
    public static DateTime TimeOfUtc(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
