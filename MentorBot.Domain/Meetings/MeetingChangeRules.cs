namespace MentorBot.Domain.Meetings;

/// <summary>Whether a saved meeting log may be corrected or deleted.</summary>
public enum MeetingChangeVerdict
{
    /// <summary>The author asks within the window.</summary>
    Allowed,

    /// <summary>Someone other than the mentor who logged it (a curator included).</summary>
    NotAuthor,

    /// <summary>More than <see cref="MeetingChangeRules.Window"/> has passed since it was logged.</summary>
    WindowClosed,

    /// <summary>The log is already deleted.</summary>
    Deleted,
}

/// <summary>
/// Issue 6: a mentor may correct or delete their own meeting log for 7 days after logging it; nobody
/// else can (the log is the mentor's account of the meeting; later errors go through the curator).
/// </summary>
public static class MeetingChangeRules
{
    /// <summary>How long after logging a log stays editable: 7 × 24 hours from <c>meetings.created_at</c>.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>The verdict for <paramref name="actorMembershipId"/> changing a log by <paramref name="loggedBy"/>, created at <paramref name="createdAt"/>.</summary>
    public static MeetingChangeVerdict Check(long loggedBy, long actorMembershipId, DateTimeOffset createdAt, bool deleted, DateTimeOffset now)
    {
        if (loggedBy != actorMembershipId) return MeetingChangeVerdict.NotAuthor;
        if (deleted) return MeetingChangeVerdict.Deleted;
        return now - createdAt > Window ? MeetingChangeVerdict.WindowClosed : MeetingChangeVerdict.Allowed;
    }
}
