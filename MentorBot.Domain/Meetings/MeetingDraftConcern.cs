namespace MentorBot.Domain.Meetings;

/// <summary>A reason to question a meeting draft with the mentor instead of saving it (issue 6).</summary>
public enum MeetingDraftConcern
{
    /// <summary>The date is after today: a log records a meeting that already happened.</summary>
    DateInFuture,

    /// <summary>The duration is over <see cref="MeetingDraftRules.MaxDurationMinutes"/> minutes.</summary>
    DurationTooLong,

    /// <summary>The duration is under <see cref="MeetingDraftRules.MinDurationMinutes"/> minutes.</summary>
    DurationTooShort,
}
