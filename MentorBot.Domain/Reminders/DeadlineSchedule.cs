using System.Globalization;
using MentorBot.Domain.Roadmaps;
using MentorBot.Domain.Scheduling;

namespace MentorBot.Domain.Reminders;

/// <summary>What a road-map reminder is about: a stage («этап») or an activity («мероприятие»).</summary>
public enum DeadlineSubject
{
    /// <summary>A stage (<c>road_map_stages</c>).</summary>
    Stage,

    /// <summary>An activity (<c>road_map_activities</c>).</summary>
    Activity,
}

/// <summary>Which reminder of an occurrence (issue 7, «Stage-deadline reminders»).</summary>
public enum DeadlineReminderKind
{
    /// <summary>On the first day of the period («сегодня начинается»).</summary>
    Start,

    /// <summary>A few days (default 3) before the end («через 3 дня срок»).</summary>
    BeforeEnd,

    /// <summary>The working day after the end when not done, then every 7 days while overdue.</summary>
    Overdue,

    /// <summary>A weekly period: on the day itself («сегодня по плану»).</summary>
    OnDay,
}

/// <summary>A road-map stage or activity the reminders look at.</summary>
/// <param name="Subject">Stage or activity.</param>
/// <param name="Id">Its row id.</param>
/// <param name="Number">Its number as written («2», «6.3»), or null.</param>
/// <param name="Title">The stage title or activity text.</param>
/// <param name="ExpectedResult">What it must produce, when the road map says.</param>
/// <param name="Periods">Its periods.</param>
/// <param name="DoneOn">The local date it was marked done, or null while open.</param>
/// <param name="FirstYear">The road map's first year (<c>road_maps.year</c>).</param>
/// <param name="LastYear">The last year a yearly period repeats in (<c>road_maps.last_year</c>).</param>
/// <param name="From">The programme's start (<c>road_maps.starts_on</c>): nothing that ended before it is reminded; null for no floor.</param>
public sealed record DeadlineItem(
    DeadlineSubject Subject, long Id, string? Number, string Title, string? ExpectedResult,
    IReadOnlyList<Period> Periods, DateOnly? DoneOn, int FirstYear, int LastYear, DateOnly? From = null)
{
    /// <summary>The span <see cref="StageStatusRules"/> reads this item over.</summary>
    public RoadMapSpan Span => new(FirstYear, LastYear, From);

    /// <summary>Its status on <paramref name="today"/> by the one rule /roadmap and the digest use (<see cref="StageStatusRules.Evaluate"/>).</summary>
    public StatusReading StatusOn(DateOnly today) => StageStatusRules.Evaluate(Periods, Span, DoneOn is not null, today);

    /// <summary>
    /// A key of the item that survives a re-import (which gives every stage and activity a new id): its kind, number
    /// and title, hashed. A re-imported plan never repeats a reminder already sent about the same item.
    /// </summary>
    public string StableKey => StableKeyOf(Subject, Number, Title);

    /// <summary>The <see cref="StableKey"/> of a stage or activity: «s» or «a» and 12 hex digits of a SHA-256 of its number and title (spaces and case folded).</summary>
    public static string StableKeyOf(DeadlineSubject subject, string? number, string title)
    {
        var kind = subject == DeadlineSubject.Stage ? "s" : "a";
        var identity = $"{kind}|{number?.Trim()}|{string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant()}";
        return kind + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)))[..12];
    }
}

/// <summary>One reminder of one occurrence of an item's period.</summary>
/// <param name="Item">The stage or activity.</param>
/// <param name="Kind">Which reminder.</param>
/// <param name="OccurrenceStart">First day of the occurrence (a yearly period's year, a weekly period's day).</param>
/// <param name="OccurrenceEnd">Last day of the occurrence (the deadline).</param>
/// <param name="Day">The local day it is due on (a working day unless the period itself falls on a day off).</param>
/// <param name="Notice">1 for every reminder but overdue notices, which count 1, 2, 3… weekly by the schedule; the number a
/// person reads is that of the reminders they were actually sent (the job counts them).</param>
/// <param name="PeriodText">The period as the road map wrote it.</param>
public sealed record DeadlineReminder(DeadlineItem Item, DeadlineReminderKind Kind, DateOnly OccurrenceStart, DateOnly OccurrenceEnd, DateOnly Day, int Notice, string PeriodText)
{
    /// <summary>From the second overdue notice on, the curator gets a copy (issue 7).</summary>
    public bool CopiesCurator => Kind == DeadlineReminderKind.Overdue && Notice >= 2;

    /// <summary>
    /// The unique key of this reminder to <paramref name="membershipId"/> (what, whom, which occurrence, which day for
    /// overdue notices): <c>dl:s1a2b3c4d5e6f:20260901:overdue:20261109:m5</c>. Running a job twice, or after a re-import of
    /// the same plan, enqueues once (outbox idempotency key).
    /// </summary>
    public string Key(long membershipId) => Kind == DeadlineReminderKind.Overdue
        ? string.Create(CultureInfo.InvariantCulture, $"{OverduePrefix}:{Day:yyyyMMdd}:m{membershipId}")
        : string.Create(CultureInfo.InvariantCulture, $"dl:{Item.StableKey}:{OccurrenceStart:yyyyMMdd}:{KindCode}{Notice}:m{membershipId}");

    /// <summary>
    /// A SQL LIKE pattern matching every overdue notice about this occurrence to <paramref name="membershipId"/> (to count
    /// the ones sent).
    /// </summary>
    public string OverdueKeys(long membershipId) => string.Create(CultureInfo.InvariantCulture, $"{OverduePrefix}:%:m{membershipId}");

    private string OverduePrefix => string.Create(CultureInfo.InvariantCulture, $"dl:{Item.StableKey}:{OccurrenceStart:yyyyMMdd}:overdue");

    private string KindCode => Kind switch
    {
        DeadlineReminderKind.Start => "start",
        DeadlineReminderKind.BeforeEnd => "before",
        DeadlineReminderKind.Overdue => "overdue",
        _ => "day",
    };
}

/// <summary>
/// The stage-deadline reminder rules (issue 7), pure: for an item and a local date, which reminders are due.
/// Per occurrence of a dated period: one on the start day, one <see cref="DaysBeforeEnd"/> days before the end
/// (moved back to the previous working day, skipped when that is not after the start), and an overdue notice on the
/// first working day after the end, then every 7 days (the curator copied from the second on) — but only while
/// <see cref="StageStatusRules"/>, the rule /roadmap and the digest show, calls the item overdue since that occurrence
/// (issue 17 item 1: a yearly stage with a next occurrence ahead is «запланировано», not overdue). A done item gets
/// nothing (one mark for the item, as /roadmap shows it). Yearly periods repeat in every year of the road map's span
/// (<see cref="DeadlineItem.FirstYear"/>..<see cref="DeadlineItem.LastYear"/>); an occurrence that ended before the
/// programme's start (<see cref="DeadlineItem.From"/>) never reminds; weekly ones remind on their weekday (working days
/// only) and never go overdue; on-demand and unrecognised ones never remind.
/// </summary>
public sealed class DeadlineSchedule(WorkCalendar calendar, int daysBeforeEnd = DeadlineSchedule.DefaultDaysBeforeEnd)
{
    /// <summary>The default lead time of the before-the-end reminder, days (issue 7).</summary>
    public const int DefaultDaysBeforeEnd = 3;

    /// <summary>
    /// How long a reminder stays sendable after its day, days: a job that did not run for a while still sends
    /// the latest reminder of each occurrence, but never a backlog. Overdue notices are 7 days apart, so the
    /// latest one is always within this.
    /// </summary>
    public const int GraceDays = 6;

    /// <summary>The lead time of the before-the-end reminder, days.</summary>
    public int DaysBeforeEnd { get; } = daysBeforeEnd >= 0 ? daysBeforeEnd : throw new ArgumentOutOfRangeException(nameof(daysBeforeEnd));

    /// <summary>
    /// The reminders to send on <paramref name="today"/> (local date): per occurrence, the latest reminder whose
    /// day is at most <paramref name="today"/> and at most <see cref="GraceDays"/> old. Earlier ones either went out
    /// already (same key) or are superseded.
    /// </summary>
    public IReadOnlyList<DeadlineReminder> Due(DeadlineItem item, DateOnly today)
    {
        var due = new List<DeadlineReminder>();
        if (item.DoneOn is not null) return due;
        var overdueSince = OverdueOccurrence(item, today);
        foreach (var period in item.Periods)
        {
            var occurrences = Occurrences(item, period).ToList();
            for (var i = 0; i < occurrences.Count; i++)
            {
                var (start, end) = occurrences[i];
                if (start > today) break;
                var reminder = period.Recurrence == Recurrence.Weekly
                    ? (start == today ? OnDay(item, period, start) : null)
                    : Latest(item, period, start, end, overdueSince == new DateRange(start, end), today);
                if (reminder is not null && reminder.Day <= today && today.DayNumber - reminder.Day.DayNumber <= GraceDays)
                    due.Add(reminder);
            }
        }

        return due;
    }

    /// <summary>Every reminder of <paramref name="item"/> up to <paramref name="through"/>, for previews and tests.</summary>
    public IReadOnlyList<DeadlineReminder> All(DeadlineItem item, DateOnly through)
    {
        var all = new List<DeadlineReminder>();
        if (item.DoneOn is not null) return all;
        var overdueSince = OverdueOccurrence(item, through);
        foreach (var period in item.Periods)
        {
            foreach (var (start, end) in Occurrences(item, period))
            {
                if (period.Recurrence == Recurrence.Weekly)
                {
                    if (OnDay(item, period, start) is { } onDay) all.Add(onDay);
                    continue;
                }

                all.AddRange(Sequence(item, period, start, end, overdueSince == new DateRange(start, end), through));
            }
        }

        return all.Where(r => r.Day <= through).OrderBy(r => r.Day).ToList();
    }

    /// <summary>The occurrence <see cref="StageStatusRules"/> says the item is overdue since on <paramref name="today"/>, or null when it is not overdue.</summary>
    private static DateRange? OverdueOccurrence(DeadlineItem item, DateOnly today) =>
        item.StatusOn(today) is { Status: StageStatus.Overdue, Occurrence: { } last } ? last : null;

    private DeadlineReminder? Latest(DeadlineItem item, Period period, DateOnly start, DateOnly end, bool overdue, DateOnly today) =>
        Sequence(item, period, start, end, overdue, today).LastOrDefault(r => r.Day <= today);

    private IEnumerable<DeadlineReminder> Sequence(DeadlineItem item, Period period, DateOnly start, DateOnly end, bool overdue, DateOnly through)
    {
        yield return new DeadlineReminder(item, DeadlineReminderKind.Start, start, end, start, 1, period.Text);

        var before = end.AddDays(-DaysBeforeEnd);
        if (!calendar.IsWorkingDay(before)) before = calendar.PreviousWorkingDay(before);
        if (DaysBeforeEnd > 0 && before > start)
            yield return new DeadlineReminder(item, DeadlineReminderKind.BeforeEnd, start, end, before, 1, period.Text);

        if (!overdue) yield break;
        var overdueDay = calendar.NextWorkingDay(end);
        for (var notice = 1; overdueDay <= through; notice++, overdueDay = overdueDay.AddDays(7))
        {
            var day = calendar.IsWorkingDay(overdueDay) ? overdueDay : calendar.NextWorkingDay(overdueDay);
            yield return new DeadlineReminder(item, DeadlineReminderKind.Overdue, start, end, day, notice, period.Text);
        }
    }

    private DeadlineReminder? OnDay(DeadlineItem item, Period period, DateOnly day) =>
        item.DoneOn is null && calendar.IsWorkingDay(day)
            ? new DeadlineReminder(item, DeadlineReminderKind.OnDay, day, day, day, 1, period.Text)
            : null;

    /// <summary>
    /// The occurrences of a period: its range once; a yearly range in each year of the span; each weekday of a
    /// weekly range (one-day occurrences); nothing for on-demand or undated periods, nor any that ended before the
    /// programme's start (<see cref="DeadlineItem.From"/>).
    /// </summary>
    public static IEnumerable<(DateOnly Start, DateOnly End)> Occurrences(DeadlineItem item, Period period) =>
        AllOccurrences(item, period).Where(o => item.From is not { } from || o.End >= from);

    private static IEnumerable<(DateOnly Start, DateOnly End)> AllOccurrences(DeadlineItem item, Period period)
    {
        if (period.Start is not { } start || period.End is not { } end || period.Recurrence == Recurrence.OnDemand) yield break;
        switch (period.Recurrence)
        {
            case Recurrence.Yearly:
                for (var k = 0; k <= Math.Max(0, item.LastYear - item.FirstYear); k++)
                    yield return (start.AddYears(k), end.AddYears(k));
                break;
            case Recurrence.Weekly:
                var weekday = period.Weekday ?? DayOfWeek.Monday;
                var day = start.AddDays(((int)weekday - (int)start.DayOfWeek + 7) % 7);
                for (; day <= end; day = day.AddDays(7))
                    yield return (day, day);
                break;
            default:
                yield return (start, end);
                break;
        }
    }

    /// <summary>
    /// The items a stage is reminded through. A stage's stored periods are its own plus its activities'
    /// (deduplicated), so reminding every activity as well would repeat each message. Numbered activities
    /// («1.1», rows of their own with their own responsible persons) are reminded for their periods and the stage
    /// only for the periods none of them has; items split out of a content cell are covered by the stage.
    /// </summary>
    public static IReadOnlyList<DeadlineItem> Remindable(DeadlineItem stage, IEnumerable<DeadlineItem> activities)
    {
        var numbered = activities.Where(a => a.Number is { Length: > 0 } && a.Periods.Count > 0).ToList();
        var covered = numbered.SelectMany(a => a.Periods).ToHashSet();
        var items = new List<DeadlineItem>();
        var own = stage.Periods.Where(p => !covered.Contains(p)).ToList();
        if (own.Count > 0) items.Add(stage with { Periods = own });
        items.AddRange(numbered);
        return items;
    }
}
