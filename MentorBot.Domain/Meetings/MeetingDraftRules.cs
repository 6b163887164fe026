namespace MentorBot.Domain.Meetings;

/// <summary>
/// Plausibility rules for a meeting draft (issue 6): a future date, a duration over 8 hours or under
/// 5 minutes is questioned, not saved. Pure: the caller passes the organisation's local
/// <c>today</c>. Missing parts are not concerns here; the check-in asks for them.
/// </summary>
public static class MeetingDraftRules
{
    /// <summary>Longest plausible meeting, in minutes (8 hours: a working day).</summary>
    public const int MaxDurationMinutes = 8 * 60;

    /// <summary>Shortest plausible meeting, in minutes; anything shorter is more likely a typo.</summary>
    public const int MinDurationMinutes = 5;

    /// <summary>True when <paramref name="date"/> is after <paramref name="today"/>.</summary>
    public static bool IsInFuture(DateOnly date, DateOnly today) => date > today;

    /// <summary>
    /// The approval day of the pair the check-in has chosen when <paramref name="date"/> is before it (a pair meets
    /// only once it exists), else null.
    /// </summary>
    public static DateOnly? BeforeApproval(DateOnly? date, long? pairId, IReadOnlyList<CheckInPair> pairs) =>
        date is { } d && pairs.FirstOrDefault(p => p.PairId == pairId)?.ApprovedOn is { } approved && d < approved ? approved : null;

    /// <summary>True when the duration exceeds <see cref="MaxDurationMinutes"/>.</summary>
    public static bool IsTooLong(int durationMinutes) => durationMinutes > MaxDurationMinutes;

    /// <summary>True when the duration is below <see cref="MinDurationMinutes"/>.</summary>
    public static bool IsTooShort(int durationMinutes) => durationMinutes < MinDurationMinutes;

    /// <summary>
    /// Every reason to question <paramref name="draft"/>, in a stable order (date, then duration);
    /// empty when the draft is plausible. Never throws.
    /// </summary>
    public static IReadOnlyList<MeetingDraftConcern> Concerns(MeetingDraft draft, DateOnly today)
    {
        var concerns = new List<MeetingDraftConcern>();
        if (draft.Date is { } date && IsInFuture(date, today))
        {
            concerns.Add(MeetingDraftConcern.DateInFuture);
        }

        if (draft.DurationMinutes is { } minutes)
        {
            if (IsTooLong(minutes))
            {
                concerns.Add(MeetingDraftConcern.DurationTooLong);
            }
            else if (IsTooShort(minutes))
            {
                concerns.Add(MeetingDraftConcern.DurationTooShort);
            }
        }

        return concerns;
    }
}
