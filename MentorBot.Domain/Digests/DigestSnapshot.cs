namespace MentorBot.Domain.Digests;

/// <summary>
/// Everything the curator's weekly digest (issue 7) says, read at one moment. "Last week" figures are the same
/// measure as of the start of this ISO week (or for the previous ISO week, for weekly counts).
/// </summary>
/// <param name="OrganisationName">The organisation.</param>
/// <param name="Today">The local date the digest is for.</param>
/// <param name="WeekStart">Monday of the ISO week of <paramref name="Today"/>.</param>
/// <param name="RoadMap">Road-map progress, or null when no road map is imported.</param>
/// <param name="Banks">Mentor and mentee banks.</param>
/// <param name="Pairs">Pairs.</param>
/// <param name="Meetings">Meetings logged.</param>
/// <param name="Feedback">Feedback poll answers.</param>
/// <param name="OpenFlags">Open «нужна помощь куратора» flags now.</param>
/// <param name="OpenFlagsLastWeek">Flags open at the start of the week.</param>
public sealed record DigestSnapshot(
    string OrganisationName,
    DateOnly Today,
    DateOnly WeekStart,
    RoadMapProgress? RoadMap,
    BankFigures Banks,
    PairFigures Pairs,
    MeetingFigures Meetings,
    FeedbackFigures Feedback,
    int OpenFlags,
    int OpenFlagsLastWeek)
{
    /// <summary>
    /// The impact monitoring of the current programme year (<see cref="Reports.ImpactMonitoring"/>, the same figures as the
    /// impact report); shown only once someone completed the final self-assessment. Null when not loaded.
    /// </summary>
    public Reports.ImpactReport? Impact { get; init; }

    /// <summary>
    /// Meetings held and road-map stages marked done per ISO week, the <see cref="DigestChart.Weeks"/> weeks up to and
    /// including the week of <see cref="WeekStart"/>, oldest first (the digest's picture, issue 14). Empty when not loaded.
    /// </summary>
    public IReadOnlyList<WeekActivity> Weekly { get; init; } = [];
}

/// <summary>One week of the digest's picture.</summary>
/// <param name="Monday">The week's Monday (local date).</param>
/// <param name="Meetings">Meetings held that week (by the day held; deleted ones not counted).</param>
/// <param name="StagesDone">Road-map stages marked done that week (by the organisation's local date).</param>
public sealed record WeekActivity(DateOnly Monday, int Meetings, int StagesDone);

/// <summary>Road-map progress: stages by state and the dated ones that need attention.</summary>
/// <param name="Total">Stages in the road map.</param>
/// <param name="Done">Marked done.</param>
/// <param name="DoneLastWeek">Marked done before this week.</param>
/// <param name="InProgress">Open stages whose period contains today.</param>
/// <param name="Overdue">Open stages whose (latest started) period ended before today.</param>
/// <param name="NextWeek">Stages and activities whose deadline falls within the next 7 days.</param>
public sealed record RoadMapProgress(int Total, int Done, int DoneLastWeek, int InProgress, IReadOnlyList<DatedItem> Overdue, IReadOnlyList<DatedItem> NextWeek);

/// <summary>A stage or activity with its deadline.</summary>
/// <param name="Number">As written («2», «6.3»), or null.</param>
/// <param name="Title">Stage title or activity text.</param>
/// <param name="Deadline">The last day of its period.</param>
public sealed record DatedItem(string? Number, string Title, DateOnly Deadline);

/// <summary>The banks (road map stages 2 and 3).</summary>
/// <param name="Mentors">Active mentors now.</param>
/// <param name="MentorsLastWeek">Active mentors who had joined before this week.</param>
/// <param name="Mentees">Active mentees now.</param>
/// <param name="MenteesLastWeek">Active mentees who had joined before this week.</param>
/// <param name="ConsentsPending">Members without a personal-data consent in force (or mentors without the mentoring-duties one).</param>
/// <param name="QuestionnairesUnfinished">Mentors and mentees whose intake questionnaire is not completed.</param>
public sealed record BankFigures(int Mentors, int MentorsLastWeek, int Mentees, int MenteesLastWeek, int ConsentsPending, int QuestionnairesUnfinished);

/// <summary>Pairs (road map stages 5 and 6).</summary>
/// <param name="Formed">Approved or active links now.</param>
/// <param name="FormedLastWeek">Of those, approved before this week.</param>
/// <param name="Active">Active links.</param>
/// <param name="UnmatchedMentees">Active mentees with no live link.</param>
/// <param name="AtRisk">Live pairs with no meeting for 21 days or more.</param>
public sealed record PairFigures(int Formed, int FormedLastWeek, int Active, int UnmatchedMentees, IReadOnlyList<AtRiskPair> AtRisk);

/// <summary>A pair without a logged meeting for a while.</summary>
/// <param name="Mentor">The mentor's name.</param>
/// <param name="Mentee">The mentee's name.</param>
/// <param name="QuietDays">Days since the last meeting (or since the pair started).</param>
public sealed record AtRiskPair(string Mentor, string Mentee, int QuietDays);

/// <summary>Meetings logged (not deleted), by the day they were held.</summary>
/// <param name="ThisWeek">Held from Monday of this week to today.</param>
/// <param name="LastWeek">Held in the previous ISO week.</param>
/// <param name="ByPair">Per live pair, this week and last.</param>
public sealed record MeetingFigures(int ThisWeek, int LastWeek, IReadOnlyList<PairMeetings> ByPair);

/// <summary>A pair's meeting counts.</summary>
/// <param name="Mentor">The mentor's name.</param>
/// <param name="Mentee">The mentee's name.</param>
/// <param name="ThisWeek">Meetings this week.</param>
/// <param name="LastWeek">Meetings last week.</param>
public sealed record PairMeetings(string Mentor, string Mentee, int ThisWeek, int LastWeek);

/// <summary>Feedback poll answers (1–5) of the whole programme so far.</summary>
/// <param name="Count">Answers.</param>
/// <param name="Average">Their mean, or null when none.</param>
/// <param name="CountLastWeek">Answers given before this week.</param>
/// <param name="AverageLastWeek">Their mean, or null.</param>
public sealed record FeedbackFigures(int Count, double? Average, int CountLastWeek, double? AverageLastWeek);
