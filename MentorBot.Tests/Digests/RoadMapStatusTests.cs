using FluentAssertions;
using MentorBot.Domain.Digests;
using MentorBot.Domain.Reminders;
using MentorBot.Domain.Roadmaps;

namespace MentorBot.Tests.Digests;

public sealed class RoadMapStatusTests
{
    private static DeadlineItem Stage(long id, Period period, DateOnly? doneOn = null) =>
        new(DeadlineSubject.Stage, id, id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Этап {id}", null, [period], doneOn, 2026, 2027);

    [Fact]
    public void The_digest_counts_stages_as_the_road_map_shows_them()
    {
        var today = new DateOnly(2026, 11, 20);
        var late = Stage(1, new Period("октябрь", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), Recurrence.None));
        var running = Stage(2, new Period("ноябрь", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Recurrence.None));
        // A yearly stage whose 2026 occurrence has ended undone: overdue until September 2027 on /roadmap, so in the digest too.
        var yearly = Stage(3, new Period("сентябрь (ежегодно)", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), Recurrence.Yearly));
        var done = Stage(4, new Period("октябрь", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), Recurrence.None), new DateOnly(2026, 10, 10));
        // The same yearly stage in a programme that started on 1 November: its September was before the start.
        var startedLater = Stage(5, yearly.Periods[0]) with { From = new DateOnly(2026, 11, 1) };

        var progress = RoadMapStatus.Progress([late, running, yearly, done, startedLater], [], today, new DateOnly(2026, 11, 16));

        progress.Done.Should().Be(1);
        progress.DoneLastWeek.Should().Be(1);
        progress.InProgress.Should().Be(1);
        progress.Overdue.Should().Equal(new DatedItem("3", "Этап 3", new DateOnly(2026, 9, 30)), new DatedItem("1", "Этап 1", new DateOnly(2026, 10, 31)));
        yearly.StatusOn(today).Status.Should().Be(StageStatusRules.Evaluate(yearly.Periods, new RoadMapSpan(2026, 2027), false, today).Status).And.Be(StageStatus.Overdue);
        startedLater.StatusOn(today).Status.Should().Be(StageStatus.Planned);
    }
}
