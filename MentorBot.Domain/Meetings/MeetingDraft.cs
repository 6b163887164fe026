namespace MentorBot.Domain.Meetings;

/// <summary>
/// What a mentor's meeting message says, before the mentor confirms it: every part the message does
/// not state is <c>null</c> (the check-in asks for a missing date or duration), except the kind,
/// which defaults to <see cref="MeetingKind.Regular"/>.
/// </summary>
/// <param name="Date">The day of the meeting, or <c>null</c> when the message names none.</param>
/// <param name="DurationMinutes">Length in whole minutes, or <c>null</c> when the message names none.</param>
/// <param name="Kind">The stage-6 meeting kind.</param>
/// <param name="Format">In person or online, or <c>null</c> when the message does not say.</param>
/// <param name="Topic">What the meeting was about, in the mentor's words, or <c>null</c>.</param>
public sealed record MeetingDraft(
    DateOnly? Date,
    int? DurationMinutes,
    MeetingKind Kind,
    MeetingFormat? Format,
    string? Topic);
