namespace MentorBot.Domain.Meetings;

/// <summary>One of the mentor's live pairs, as the check-in offers it.</summary>
/// <param name="PairId"><c>pairs.id</c>.</param>
/// <param name="MenteeName">The mentee's full name (or a placeholder when none was given).</param>
/// <param name="ApprovedOn">The local day the curator approved the pair: no meeting of the pair is before it (null: unknown).</param>
public sealed record CheckInPair(long PairId, string MenteeName, DateOnly? ApprovedOn = null);

/// <summary>
/// What a meeting check-in holds between messages (stored as JSON in the conversation row): the
/// draft so far, the mentor's pairs to choose from and, when correcting a saved log, its id.
/// </summary>
/// <param name="Date">The meeting's day, or null until known.</param>
/// <param name="DurationMinutes">Its length in minutes, or null until known.</param>
/// <param name="Kind">The stage-6 kind (regular unless stated).</param>
/// <param name="Format">In person / online, or null when not stated.</param>
/// <param name="Topic">The topic, or null.</param>
/// <param name="PairId">The chosen pair, or null until known.</param>
/// <param name="Pairs">The mentor's live pairs (at least one).</param>
/// <param name="MeetingId">The saved meeting being corrected, or null for a new log.</param>
/// <param name="SourceText">The mentor's original message, kept with the log.</param>
/// <param name="SourceMessageId">
/// The messenger's id of that message as text (Telegram's number, MAX's <c>mid.…</c>; its edits correct the log, issue 12
/// item 8), or null.
/// </param>
public sealed record MeetingCheckInData(
    DateOnly? Date,
    int? DurationMinutes,
    MeetingKind Kind,
    MeetingFormat? Format,
    string? Topic,
    long? PairId,
    IReadOnlyList<CheckInPair> Pairs,
    long? MeetingId = null,
    string? SourceText = null,
    string? SourceMessageId = null)
{
    /// <summary>A fresh draft for <paramref name="pairs"/>: the pair is preset when there is only one.</summary>
    public static MeetingCheckInData For(IReadOnlyList<CheckInPair> pairs, MeetingDraft? draft = null, string? sourceText = null) =>
        new(draft?.Date, draft?.DurationMinutes, draft?.Kind ?? MeetingKind.Regular, draft?.Format, draft?.Topic,
            pairs.Count == 1 ? pairs[0].PairId : null, pairs, SourceText: sourceText);

    /// <summary>True when everything a log needs is known: date, duration and pair.</summary>
    public bool IsComplete => Date is not null && DurationMinutes is not null && PairId is not null;

    /// <summary>The draft part, for the plausibility rules.</summary>
    public MeetingDraft Draft => new(Date, DurationMinutes, Kind, Format, Topic);
}
