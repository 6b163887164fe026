using MentorBot.Domain.Reminders;
using MentorBot.Domain.Roadmaps;

namespace MentorBot.Domain.Digests;

/// <summary>
/// Where the road map stands on a date (for the digest), pure. A stage's status is the one <c>/roadmap</c> shows
/// (<see cref="StageStatusRules.Evaluate"/>), so the digest and the road map never disagree; the coming deadlines
/// come from the same occurrences the deadline reminders use (<see cref="DeadlineSchedule.Occurrences"/>).
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
            var reading = stage.StatusOn(today);
            switch (reading.Status)
            {
                case StageStatus.Done:
                    done++;
                    if (stage.DoneOn < weekStart) doneLastWeek++;
                    break;
                case StageStatus.InProgress:
                    inProgress++;
                    break;
                case StageStatus.Overdue when reading.Occurrence is { } last:
                    overdue.Add(new DatedItem(stage.Number, stage.Title, last.End));
                    break;
            }
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
