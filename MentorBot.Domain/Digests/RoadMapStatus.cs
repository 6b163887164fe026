using MentorBot.Domain.Reminders;
using MentorBot.Domain.Roadmaps;

namespace MentorBot.Domain.Digests;

/// <summary>
/// Where the road map stands on a date (for the digest), pure: a stage is done when marked; in progress when one of
/// its dated occurrences contains the date; overdue when not in progress and its latest started occurrence ended
/// before the date — the same occurrences the deadline reminders use (<see cref="DeadlineSchedule.Occurrences"/>).
/// </summary>
public static class RoadMapStatus
{
    /// <summary>Days ahead the digest lists deadlines for.</summary>
    public const int LookAheadDays = 7;

    /// <summary>Progress of <paramref name="stages"/> (full periods) on <paramref name="today"/>; upcoming deadlines from <paramref name="remindable"/>.</summary>
    public static RoadMapProgress Progress(IReadOnlyList<DeadlineItem> stages, IReadOnlyList<DeadlineItem> remindable, DateOnly today, DateOnly weekStart)
    {
        int done = 0, doneLastWeek = 0, inProgress = 0;
        var overdue = new List<DatedItem>();
        foreach (var stage in stages)
        {
            var occurrences = stage.Periods.Where(p => p.Recurrence != Recurrence.Weekly)
                .SelectMany(p => DeadlineSchedule.Occurrences(stage, p)).OrderBy(o => o.Start).ToList();
            if (stage.DoneOn is { } doneOn)
            {
                // a yearly stage marked done in an earlier year is open again once a later occurrence started
                var reopened = occurrences.Any(o => o.Start > doneOn && o.Start <= today);
                if (!reopened)
                {
                    done++;
                    if (doneOn < weekStart) doneLastWeek++;
                    continue;
                }
            }

            if (occurrences.Any(o => o.Start <= today && today <= o.End)) { inProgress++; continue; }
            var latest = occurrences.LastOrDefault(o => o.Start <= today);
            if (latest != default && latest.End < today) overdue.Add(new DatedItem(stage.Number, stage.Title, latest.End));
        }

        var nextWeek = remindable
            .SelectMany(item => item.Periods.Where(p => p.Recurrence != Recurrence.Weekly)
                .SelectMany(p => DeadlineSchedule.Occurrences(item, p))
                .Where(o => o.End >= today && o.End < today.AddDays(LookAheadDays) && o.Start <= o.End && item.DoneOn is null)
                .Select(o => new DatedItem(item.Number, item.Title, o.End)))
            .Distinct()
            .OrderBy(d => d.Deadline)
            .ToList();
        return new RoadMapProgress(stages.Count, done, doneLastWeek, inProgress, overdue.OrderBy(o => o.Deadline).ToList(), nextWeek);
    }
}
