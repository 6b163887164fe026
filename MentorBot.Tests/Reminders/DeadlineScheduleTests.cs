using MentorBot.Domain.Reminders;
using MentorBot.Domain.Roadmaps;
using MentorBot.Domain.Scheduling;

namespace MentorBot.Tests.Reminders;

public sealed class DeadlineScheduleTests
{
    private static readonly DeadlineSchedule Schedule = new(WorkCalendar.Russia);

    private static DeadlineItem Item(Period period, DateOnly? doneOn = null, int firstYear = 2026, int lastYear = 2026, DeadlineSubject subject = DeadlineSubject.Stage, long id = 7, string? number = "2") =>
        new(subject, id, number, "Формирование банка наставляемых", null, [period], doneOn, firstYear, lastYear);

    private static Period Once(string from, string to) => new("октябрь", D(from), D(to), Recurrence.None);

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<string> Describe(IEnumerable<DeadlineReminder> reminders) =>
        reminders.Select(r => $"{r.Kind}{r.Notice} {r.Day:yyyy-MM-dd}{(r.CopiesCurator ? " +curator" : "")}");

    [Fact]
    public void A_one_off_period_reminds_on_the_start_three_days_before_the_end_and_weekly_while_overdue_copying_the_curator_from_the_second_notice()
    {
        // 1 October 2026 is a Thursday, 30 October a Friday.
        var all = Schedule.All(Item(Once("2026-10-01", "2026-10-30")), D("2026-11-20"));

        Describe(all).Should().Equal(
            "Start1 2026-10-01",
            "BeforeEnd1 2026-10-27",
            "Overdue1 2026-11-02",            // the working day after Friday the 30th is Monday
            "Overdue2 2026-11-09 +curator",
            "Overdue3 2026-11-16 +curator");
    }

    [Fact]
    public void Holidays_move_the_overdue_notice_forward_and_the_early_reminder_back()
    {
        // Ends Tuesday 3 November; 4 November is a public holiday; 31 October is a Saturday.
        var all = Schedule.All(Item(Once("2026-10-01", "2026-11-03")), D("2026-11-05"));

        Describe(all).Should().Equal("Start1 2026-10-01", "BeforeEnd1 2026-10-30", "Overdue1 2026-11-05");
    }

    [Fact]
    public void A_transferred_working_day_from_a_calendar_file_counts_as_a_working_day()
    {
        // A made-up calendar: Saturday 31 October 2026 is a working day by transfer.
        var calendar = WorkCalendar.Russia.With(WorkCalendar.FromJson("""
            {"year": 2026, "holidays": ["2026-11-04"], "workingDays": ["2026-10-31"]}
            """));
        var all = new DeadlineSchedule(calendar).All(Item(Once("2026-10-01", "2026-11-03")), D("2026-11-04"));

        Describe(all).Should().Contain("BeforeEnd1 2026-10-31");
    }

    [Fact]
    public void Nothing_is_due_once_the_item_is_done()
    {
        Schedule.All(Item(Once("2026-10-01", "2026-10-30"), doneOn: D("2026-10-20")), D("2026-12-31")).Should().BeEmpty();
    }

    [Fact]
    public void A_short_period_gets_no_before_the_end_reminder()
    {
        Describe(Schedule.All(Item(Once("2026-10-28", "2026-10-30")), D("2026-10-30"))).Should().Equal("Start1 2026-10-28");
    }

    [Fact]
    public void A_yearly_period_rolls_over_within_the_road_maps_span_and_a_done_mark_is_one_for_the_item()
    {
        var september = new Period("сентябрь (ежегодно)", D("2026-09-01"), D("2026-09-30"), Recurrence.Yearly);

        var twoYears = Schedule.All(Item(september, lastYear: 2027), D("2027-10-02"));
        twoYears.Where(r => r.OccurrenceStart.Year == 2027).Select(r => $"{r.Kind}{r.Notice} {r.Day:yyyy-MM-dd}")
            .Should().Equal("Start1 2027-09-01", "BeforeEnd1 2027-09-27", "Overdue1 2027-10-01");

        // Marked done, it stays done in every year, as /roadmap shows it.
        Schedule.All(Item(september, doneOn: D("2026-09-20"), lastYear: 2027), D("2027-12-31")).Should().BeEmpty();
    }

    [Fact]
    public void Overdue_notices_of_a_yearly_occurrence_stop_when_the_next_occurrence_starts()
    {
        var may = new Period("май (ежегодно)", D("2026-05-04"), D("2026-05-29"), Recurrence.Yearly);
        var item = Item(may, lastYear: 2027);

        // The rule /roadmap uses: overdue from the working day after 29 May 2026 until 4 May 2027.
        Describe(Schedule.Due(item, D("2026-06-01"))).Should().Equal("Overdue1 2026-06-01");
        Schedule.Due(item, D("2027-05-04")).Should().ContainSingle(r => r.Kind == DeadlineReminderKind.Start && r.OccurrenceStart == D("2027-05-04"));
        Schedule.Due(item, D("2027-05-10")).Should().NotContain(r => r.OccurrenceStart.Year == 2026);
    }

    [Fact]
    public void Nothing_that_ended_before_the_programmes_start_is_reminded_or_overdue()
    {
        // A 2020 template period and a yearly one; the programme started on 30 November 2026.
        var template = Item(Once("2020-06-01", "2020-08-31")) with { FirstYear = 2020, LastYear = 2026, From = D("2026-11-30") };
        var september = Item(new Period("сентябрь (ежегодно)", D("2026-09-01"), D("2026-09-30"), Recurrence.Yearly), lastYear: 2027) with { From = D("2026-11-30") };

        Schedule.All(template, D("2026-12-31")).Should().BeEmpty();
        Schedule.Due(template, D("2026-11-30")).Should().BeEmpty();
        Describe(Schedule.All(september, D("2027-10-01"))).Should().Equal("Start1 2027-09-01", "BeforeEnd1 2027-09-27", "Overdue1 2027-10-01");
        september.StatusOn(D("2026-12-01")).Should().Be(new StatusReading(StageStatus.Planned, new DateRange(D("2027-09-01"), D("2027-09-30"))));
        template.StatusOn(D("2026-11-30")).Status.Should().Be(StageStatus.Planned);
    }

    [Fact]
    public void A_weekly_period_reminds_on_its_weekday_skipping_holidays_and_never_goes_overdue()
    {
        var wednesdays = new Period("еженедельно по средам", D("2026-10-26"), D("2026-11-15"), Recurrence.Weekly, DayOfWeek.Wednesday);
        var all = Schedule.All(Item(wednesdays), D("2026-12-31"));

        // 4 November (a Wednesday) is a public holiday.
        Describe(all).Should().Equal("OnDay1 2026-10-28", "OnDay1 2026-11-11");
        Schedule.Due(Item(wednesdays), D("2026-10-28")).Should().ContainSingle();
        Schedule.Due(Item(wednesdays), D("2026-10-29")).Should().BeEmpty();
    }

    [Fact]
    public void On_demand_and_unrecognised_periods_never_remind()
    {
        Schedule.All(Item(new Period("по запросу", null, null, Recurrence.OnDemand)), D("2027-12-31")).Should().BeEmpty();
        Schedule.All(Item(new Period("по мере готовности", null, null, Recurrence.None)), D("2027-12-31")).Should().BeEmpty();
    }

    [Fact]
    public void Due_gives_the_latest_reminder_of_an_occurrence_within_six_days_only()
    {
        var item = Item(Once("2026-10-01", "2026-10-30"));

        Describe(Schedule.Due(item, D("2026-09-30"))).Should().BeEmpty();
        Describe(Schedule.Due(item, D("2026-10-01"))).Should().Equal("Start1 2026-10-01");
        Describe(Schedule.Due(item, D("2026-10-08"))).Should().BeEmpty();           // the start reminder is a week old
        Describe(Schedule.Due(item, D("2026-10-28"))).Should().Equal("BeforeEnd1 2026-10-27");
        Describe(Schedule.Due(item, D("2026-11-20"))).Should().Equal("Overdue3 2026-11-16 +curator");
    }

    [Fact]
    public void Keys_name_the_item_the_occurrence_the_notice_and_the_person()
    {
        var item = Item(Once("2026-10-01", "2026-10-30"));
        var keys = Schedule.All(item, D("2026-11-20")).SelectMany(r => new[] { r.Key(5), r.Key(6) }).ToList();

        keys.Should().OnlyHaveUniqueItems();
        var stable = item.StableKey;
        stable.Should().MatchRegex("^s[0-9a-f]{12}$").And.Be((item with { Id = 99 }).StableKey, "a re-import gives new ids, not a new item");
        keys.Should().Contain($"dl:{stable}:20261001:overdue:20261109:m5").And.Contain($"dl:{stable}:20261001:start1:m6");
        var activity = Schedule.All(item with { Subject = DeadlineSubject.Activity }, D("2026-10-01")).Single();
        activity.Key(5).Should().Be($"dl:{activity.Item.StableKey}:20261001:start1:m5").And.StartWith("dl:a");
        Schedule.All(item, D("2026-11-20")).Last().OverdueKeys(5).Should().Be($"dl:{stable}:20261001:overdue:%:m5");
    }

    [Fact]
    public void Content_items_are_covered_by_their_stage_while_numbered_activities_are_reminded_themselves()
    {
        var october = Once("2026-10-01", "2026-10-30");
        var november = Once("2026-11-02", "2026-11-30");
        var stage = new DeadlineItem(DeadlineSubject.Stage, 1, "1", "Подготовка", null, [october, november], null, 2026, 2026);
        var content = new DeadlineItem(DeadlineSubject.Activity, 10, null, "Приказ", null, [october], null, 2026, 2026);
        var numbered = new DeadlineItem(DeadlineSubject.Activity, 11, "1.2", "Положение", null, [november], null, 2026, 2026);

        var items = DeadlineSchedule.Remindable(stage, [content, numbered]);

        items.Select(i => (i.Subject, i.Id, i.Periods.Count)).Should().Equal((DeadlineSubject.Stage, 1L, 1), (DeadlineSubject.Activity, 11L, 1));
        items[0].Periods.Single().Should().Be(october);
    }
}
