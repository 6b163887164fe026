using MentorBot.Domain.Scheduling;

namespace MentorBot.Domain.Meetings;

/// <summary>
/// When a feedback poll (road map 6.5) reaches a mentee. Issue 6: «not before 2 hours after the
/// meeting's end of day, within the organisation's hours for polls, never at night». Read here as:
/// the meeting's day ends at <see cref="EndOfDay"/> local time (a log carries a date, not a time, and
/// school meetings happen by the end of the working day), so the poll is due no earlier than
/// 18:00 + 2 h = 20:00 local on the meeting day, and no earlier than 2 hours after the log was saved
/// (a meeting logged days later); then the next moment inside <see cref="DeliveryWindow.Polls"/>
/// (09:00–20:00 local, every day). A meeting logged today is therefore asked about tomorrow at 09:00;
/// one logged three days late at 10:00 is asked about at 12:00 the same day.
/// </summary>
public static class FeedbackPollTiming
{
    /// <summary>Local time at which a meeting's day counts as over.</summary>
    public static readonly TimeOnly EndOfDay = new(18, 0);

    /// <summary>The pause after the meeting's day (and after saving) before asking.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromHours(2);

    /// <summary>How long a poll accepts an answer after it is due.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>The moment the poll for a meeting held on <paramref name="heldOn"/> and saved at <paramref name="savedAt"/> is sent.</summary>
    public static DateTimeOffset DueAt(DateOnly heldOn, DateTimeOffset savedAt, TimeZoneInfo timeZone)
    {
        var afterMeeting = DeliveryWindow.ToInstant(heldOn, EndOfDay, timeZone) + Delay;
        var afterSaving = savedAt + Delay;
        return DeliveryWindow.Polls.Next(afterMeeting > afterSaving ? afterMeeting : afterSaving, timeZone);
    }

    /// <summary>The moment a poll due at <paramref name="dueAt"/> stops accepting answers.</summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset dueAt) => dueAt + Lifetime;
}
