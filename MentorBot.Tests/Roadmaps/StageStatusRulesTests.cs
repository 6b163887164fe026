using MentorBot.Domain.Roadmaps;

namespace MentorBot.Tests.Roadmaps;

public class StageStatusRulesTests
{
    private static readonly RoadMapSpan OneYear = new(2024, 2024);
    private static readonly RoadMapSpan FiveYears = new(2020, 2024);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static Period Once(string start, string end) => new("срок", D(start), D(end), Recurrence.None);

    private static Period Yearly(string start, string end) => new("ежегодно", D(start), D(end), Recurrence.Yearly);

    private static StatusReading At(string today, RoadMapSpan span, bool done, params Period[] periods) =>
        StageStatusRules.Evaluate(periods, span, done, D(today));

    [Fact]
    public void A_done_mark_wins_over_any_period() =>
        At("2030-01-01", OneYear, true, Once("2024-09-01", "2024-09-30")).Should().Be(new StatusReading(StageStatus.Done, null));

    [Fact]
    public void No_period_is_planned_without_a_date() =>
        At("2024-10-01", OneYear, false).Should().Be(new StatusReading(StageStatus.Planned, null));

    [Fact]
    public void On_demand_is_planned_without_a_date_and_never_overdue() =>
        At("2030-01-01", OneYear, false, new Period("по запросу", null, null, Recurrence.OnDemand))
            .Should().Be(new StatusReading(StageStatus.Planned, null));

    [Fact]
    public void An_unrecognised_phrase_counts_as_no_date() =>
        At("2030-01-01", OneYear, false, new Period("после педсовета", null, null, Recurrence.None))
            .Should().Be(new StatusReading(StageStatus.Planned, null));

    [Theory]
    [InlineData("2024-08-31", StageStatus.Planned)]
    [InlineData("2024-09-01", StageStatus.InProgress)]
    [InlineData("2024-09-30", StageStatus.InProgress)]
    [InlineData("2024-10-01", StageStatus.Overdue)]
    public void A_one_off_range_is_planned_before_in_progress_on_its_days_inclusive_and_overdue_after(string today, StageStatus status)
    {
        var reading = At(today, OneYear, false, Once("2024-09-01", "2024-09-30"));

        reading.Status.Should().Be(status);
        reading.Occurrence.Should().Be(new DateRange(D("2024-09-01"), D("2024-09-30")));
    }

    [Fact]
    public void A_yearly_range_between_two_years_is_overdue_until_its_next_year_starts()
    {
        // The reminders say the same (issue 17 item 1): September 2021 was missed, September 2022 has not begun.
        At("2021-10-10", FiveYears, false, Yearly("2020-09-01", "2020-09-30"))
            .Should().Be(new StatusReading(StageStatus.Overdue, new DateRange(D("2021-09-01"), D("2021-09-30"))));
        At("2021-08-10", FiveYears, false, Yearly("2020-09-01", "2020-09-30"))
            .Should().Be(new StatusReading(StageStatus.Overdue, new DateRange(D("2020-09-01"), D("2020-09-30"))));
        At("2020-08-10", FiveYears, false, Yearly("2020-09-01", "2020-09-30"))
            .Should().Be(new StatusReading(StageStatus.Planned, new DateRange(D("2020-09-01"), D("2020-09-30"))));
    }

    [Fact]
    public void A_yearly_range_is_in_progress_in_a_later_year_of_the_span() =>
        At("2023-09-15", FiveYears, false, Yearly("2020-09-01", "2020-09-30"))
            .Should().Be(new StatusReading(StageStatus.InProgress, new DateRange(D("2023-09-01"), D("2023-09-30"))));

    [Fact]
    public void A_yearly_range_is_overdue_only_after_its_last_year() =>
        At("2024-10-01", FiveYears, false, Yearly("2020-09-01", "2020-09-30"))
            .Should().Be(new StatusReading(StageStatus.Overdue, new DateRange(D("2024-09-01"), D("2024-09-30"))));

    [Fact]
    public void A_yearly_academic_year_range_repeats_across_the_new_year() =>
        At("2022-01-20", FiveYears, false, Yearly("2020-09-01", "2021-05-31"))
            .Should().Be(new StatusReading(StageStatus.InProgress, new DateRange(D("2021-09-01"), D("2022-05-31"))));

    [Fact]
    public void A_weekly_period_counts_its_whole_range()
    {
        var weekly = new Period("еженедельно по средам", D("2024-01-01"), D("2024-12-31"), Recurrence.Weekly, DayOfWeek.Wednesday);

        At("2024-06-03", OneYear, false, weekly).Status.Should().Be(StageStatus.InProgress);
        At("2025-01-01", OneYear, false, weekly).Status.Should().Be(StageStatus.Overdue);
    }

    [Fact]
    public void Several_periods_a_past_one_and_a_future_one_is_planned_for_the_future_one() =>
        At("2024-10-15", OneYear, false, Once("2024-06-01", "2024-08-31"), Once("2024-11-01", "2024-11-15"))
            .Should().Be(new StatusReading(StageStatus.Planned, new DateRange(D("2024-11-01"), D("2024-11-15"))));

    [Fact]
    public void Several_periods_any_current_one_makes_it_in_progress_with_the_one_ending_first() =>
        At("2024-09-10", OneYear, false, Once("2024-09-01", "2025-05-31"), Once("2024-09-01", "2024-09-30"), Once("2024-06-01", "2024-06-30"))
            .Should().Be(new StatusReading(StageStatus.InProgress, new DateRange(D("2024-09-01"), D("2024-09-30"))));

    [Fact]
    public void Several_periods_all_ended_is_overdue_since_the_latest_end() =>
        At("2025-01-10", OneYear, false, Once("2024-06-01", "2024-06-30"), Once("2024-09-01", "2024-12-31"))
            .Should().Be(new StatusReading(StageStatus.Overdue, new DateRange(D("2024-09-01"), D("2024-12-31"))));

    [Fact]
    public void Occurrences_list_every_year_of_a_yearly_period_in_order() =>
        StageStatusRules.Occurrences([Yearly("2020-05-01", "2020-05-31"), Once("2021-01-01", "2021-01-31")], new RoadMapSpan(2020, 2022))
            .Should().Equal(
                new DateRange(D("2020-05-01"), D("2020-05-31")),
                new DateRange(D("2021-01-01"), D("2021-01-31")),
                new DateRange(D("2021-05-01"), D("2021-05-31")),
                new DateRange(D("2022-05-01"), D("2022-05-31")));

    [Fact]
    public void Nothing_that_ended_before_the_programmes_start_counts()
    {
        var started = new RoadMapSpan(2020, 2024, D("2022-11-30"));

        At("2023-01-10", started, false, Once("2020-06-01", "2020-08-31")).Should().Be(new StatusReading(StageStatus.Planned, null) { BeforeStart = true });
        At("2022-12-01", started, false, Yearly("2020-09-01", "2020-09-30"))
            .Should().Be(new StatusReading(StageStatus.Planned, new DateRange(D("2023-09-01"), D("2023-09-30"))));
        At("2024-10-01", started, false, Once("2022-11-01", "2022-12-15"))
            .Should().Be(new StatusReading(StageStatus.Overdue, new DateRange(D("2022-11-01"), D("2022-12-15"))), "it was still running when the programme started");
    }

    [Theory]
    [InlineData("2026-11-30", 2026, false, "2026-11-30")]
    [InlineData("2026-06-15", 2026, false, "2026-06-15")]
    [InlineData("2026-06-15", 2026, true, "2026-09-01")]
    [InlineData("2026-11-30", 2026, true, "2026-11-30")]
    public void The_programme_starts_at_the_import_or_at_the_academic_year_it_is_for(string importedOn, int year, bool academic, string start) =>
        StageStatusRules.ProgrammeStart(D(importedOn), year, academic).Should().Be(D(start));
}
