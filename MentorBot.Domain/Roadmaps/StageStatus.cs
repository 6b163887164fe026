namespace MentorBot.Domain.Roadmaps;

/// <summary>
/// Where a road-map stage or activity stands (issue 3, «статус»): only <see cref="Done"/> is stored
/// (<c>road_map_stages.status</c>); the other three are computed from the periods by
/// <see cref="StageStatusRules.Evaluate"/> as of a local date in the organisation's time zone.
/// </summary>
public enum StageStatus
{
    /// <summary>«запланировано»: not done, nothing under way now, and either a dated occurrence lies ahead or no period has dates (on demand).</summary>
    Planned,

    /// <summary>«выполняется»: not done and today falls inside one of its occurrences.</summary>
    InProgress,

    /// <summary>«выполнено»: the curator marked it done.</summary>
    Done,

    /// <summary>«просрочено»: not done and every dated occurrence has ended.</summary>
    Overdue,
}

/// <summary>An inclusive range of local dates, one occurrence of a <see cref="Period"/>.</summary>
/// <param name="Start">First day, inclusive.</param>
/// <param name="End">Last day, inclusive; not before <paramref name="Start"/>.</param>
public readonly record struct DateRange(DateOnly Start, DateOnly End)
{
    /// <summary>True when <paramref name="day"/> lies within the range.</summary>
    public bool Contains(DateOnly day) => Start <= day && day <= End;
}

/// <summary>
/// The years a road map covers: yearly («ежегодно») periods repeat from <paramref name="Year"/> to <paramref name="LastYear"/>;
/// nothing that ended before <paramref name="From"/>, the programme's start, counts (issue 17 item 1).
/// </summary>
/// <param name="Year">The document's first year (<c>road_maps.year</c>).</param>
/// <param name="LastYear">The last year a yearly period repeats in (<c>road_maps.last_year</c>); equal to <paramref name="Year"/> for a one-year plan.</param>
/// <param name="From">The programme's start (<c>road_maps.starts_on</c>, <see cref="StageStatusRules.ProgrammeStart"/>), or null for no floor.</param>
public readonly record struct RoadMapSpan(int Year, int LastYear, DateOnly? From = null);

/// <summary>A status with the occurrence it was read from.</summary>
/// <param name="Status">The status.</param>
/// <param name="Occurrence">
/// For <see cref="StageStatus.InProgress"/> the current occurrence, for <see cref="StageStatus.Planned"/> the
/// next one, for <see cref="StageStatus.Overdue"/> the last one that ended; null when done or when no
/// period has dates.
/// </param>
public sealed record StatusReading(StageStatus Status, DateRange? Occurrence)
{
    /// <summary>
    /// True for a <see cref="StageStatus.Planned"/> item without an occurrence because every dated one ended before the
    /// programme's start (<see cref="RoadMapSpan.From"/>): a template's past, shown as such, never overdue.
    /// </summary>
    public bool BeforeStart { get; init; }
}

/// <summary>
/// The status rules of stages and activities (pure), the one truth /roadmap, the digest and the deadline reminders
/// share (issue 17 item 1). A period contributes occurrences by its recurrence: <c>none</c> and <c>weekly</c> its own
/// [start, end] (a weekly period runs every week within that range, so the range is what can be late); <c>yearly</c>
/// that range shifted by 0 … LastYear − Year years; <c>on_demand</c> and unrecognised phrases (no dates) none; an
/// occurrence that ended before the programme's start (<see cref="RoadMapSpan.From"/>) none. A done mark is one mark
/// for the item, not one per year: a yearly stage marked done stays done until the curator reopens it.
/// </summary>
public static class StageStatusRules
{
    /// <summary>
    /// The programme's start for a plan first imported on <paramref name="importedOn"/> (a local date): that date, or
    /// 1 September of <paramref name="year"/> when the plan is for an academic year (<paramref name="academicYear"/>)
    /// that starts later — a plan loaded in June for the coming year owes nothing of June to August.
    /// </summary>
    public static DateOnly ProgrammeStart(DateOnly importedOn, int year, bool academicYear)
    {
        var september = new DateOnly(year, 9, 1);
        return academicYear && september > importedOn ? september : importedOn;
    }

    /// <summary>Every dated occurrence of <paramref name="periods"/> over <paramref name="span"/> (none that ended before its start), ordered by start then end.</summary>
    public static IReadOnlyList<DateRange> Occurrences(IEnumerable<Period> periods, RoadMapSpan span)
    {
        var result = new List<DateRange>();
        foreach (var period in periods)
        {
            if (period is not { Start: { } start, End: { } end } || period.Recurrence == Recurrence.OnDemand || end < start)
                continue;
            var repeats = period.Recurrence == Recurrence.Yearly ? Math.Max(0, span.LastYear - span.Year) : 0;
            for (var k = 0; k <= repeats; k++)
                if (span.From is not { } from || end.AddYears(k) >= from)
                    result.Add(new DateRange(start.AddYears(k), end.AddYears(k)));
        }

        return result.Distinct().OrderBy(r => r.Start).ThenBy(r => r.End).ToList();
    }

    /// <summary>
    /// The status of an item with <paramref name="periods"/> as of <paramref name="today"/> (a local date
    /// in the organisation's time zone): <see cref="StageStatus.Done"/> when <paramref name="done"/>; else
    /// <see cref="StageStatus.InProgress"/> when today is inside an occurrence; else <see cref="StageStatus.Overdue"/>
    /// since a yearly period's latest cycle that ended (until its next cycle starts); else
    /// <see cref="StageStatus.Planned"/> when an occurrence starts later (or none has dates); else
    /// <see cref="StageStatus.Overdue"/> (the last day of every occurrence has passed).
    /// </summary>
    public static StatusReading Evaluate(IEnumerable<Period> periods, RoadMapSpan span, bool done, DateOnly today)
    {
        if (done) return new StatusReading(StageStatus.Done, null);
        var occurrences = Occurrences(periods, span);
        if (occurrences.Count == 0)
            return new StatusReading(StageStatus.Planned, null) { BeforeStart = span.From is not null && Occurrences(periods, span with { From = null }).Count > 0 };

        var current = occurrences.Where(o => o.Contains(today)).OrderBy(o => o.End).Cast<DateRange?>().FirstOrDefault();
        if (current is not null) return new StatusReading(StageStatus.InProgress, current);

        // A yearly period whose latest cycle ended undone is overdue until its next cycle starts (a September missed is
        // late all winter), even when another period lies ahead; the reminders say the same (issue 17 item 1).
        var behind = periods.Where(p => p.Recurrence == Recurrence.Yearly)
            .Select(p => Occurrences([p], span).LastOrDefault(o => o.Start <= today))
            .Where(o => o != default && o.End < today)
            .Cast<DateRange?>().MaxBy(o => o!.Value.End);
        if (behind is not null) return new StatusReading(StageStatus.Overdue, behind);

        var next = occurrences.Where(o => o.Start > today).Cast<DateRange?>().FirstOrDefault();
        if (next is not null) return new StatusReading(StageStatus.Planned, next);

        return new StatusReading(StageStatus.Overdue, occurrences.MaxBy(o => o.End));
    }
}
