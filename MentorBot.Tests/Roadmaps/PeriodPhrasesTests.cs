using MentorBot.Domain.Roadmaps;

namespace MentorBot.Tests.Roadmaps;

/// <summary>One test per period form of issue 3.</summary>
public class PeriodPhrasesTests
{
    private static readonly PeriodYears Year2023 = new(2023, AcademicYear: false);
    private static readonly PeriodYears Academic2024 = new(2024, AcademicYear: true);

    private static Period Single(string cell, PeriodYears? years = null)
    {
        var periods = PeriodPhrases.Parse(cell, years ?? Year2023);
        periods.Should().ContainSingle();
        return periods[0];
    }

    private static void Range(string cell, string start, string end, PeriodYears? years = null)
    {
        var period = Single(cell, years);
        period.Should().Be(new Period(cell.Trim(), DateOnly.Parse(start), DateOnly.Parse(end), Recurrence.None));
    }

    [Theory]
    [InlineData("февраль", "2023-02-01", "2023-02-28")]
    [InlineData("февраля", "2023-02-01", "2023-02-28")]
    [InlineData("в марте", "2023-03-01", "2023-03-31")]
    [InlineData("МАЙ", "2023-05-01", "2023-05-31")]
    [InlineData("Февраль 2024", "2024-02-01", "2024-02-29")]
    [InlineData("Ноябрь 2022г", "2022-11-01", "2022-11-30")]
    [InlineData("сентябрь 2022 г.", "2022-09-01", "2022-09-30")]
    public void A_month_in_any_case_and_capitalisation(string cell, string start, string end)
    {
        var period = PeriodPhrases.Parse(cell, Year2023).Should().ContainSingle().Subject;
        (period.Start, period.End, period.Recurrence).Should().Be((DateOnly.Parse(start), DateOnly.Parse(end), Recurrence.None));
    }

    [Fact]
    public void A_bare_year_is_that_calendar_year() => Range("2022 г.", "2022-01-01", "2022-12-31");

    [Theory]
    [InlineData("июнь-август", "2023-06-01", "2023-08-31")]
    [InlineData("Апрель-май 2022", "2022-04-01", "2022-05-31")]
    [InlineData("август- сентябрь", "2023-08-01", "2023-09-30")]
    [InlineData("ноябрь-февраль", "2023-11-01", "2024-02-29")]
    public void A_month_range(string cell, string start, string end) => Range(cell, start, end);

    [Theory]
    [InlineData("1 неделя сентября", "2023-09-01", "2023-09-07")]
    [InlineData("2 неделя октября", "2023-10-08", "2023-10-14")]
    [InlineData("4-я неделя февраля", "2023-02-22", "2023-02-28")]
    [InlineData("5 неделя марта", "2023-03-29", "2023-03-31")]
    public void The_nth_week_of_a_month(string cell, string start, string end) => Range(cell, start, end);

    [Theory]
    [InlineData("15.03.2022", "2022-03-15", "2022-03-15")]
    [InlineData("15.03.22", "2022-03-15", "2022-03-15")]
    [InlineData("15.03", "2023-03-15", "2023-03-15")]
    [InlineData("01.09.2023 - 15.09.2023", "2023-09-01", "2023-09-15")]
    public void A_numeric_date(string cell, string start, string end) => Range(cell, start, end);

    [Theory]
    [InlineData("25 сентября - 8 октября 2022", "2022-09-25", "2022-10-08")]
    [InlineData("1-15 ноября", "2023-11-01", "2023-11-15")]
    [InlineData("10 декабря", "2023-12-10", "2023-12-10")]
    public void A_day_range(string cell, string start, string end) => Range(cell, start, end);

    [Fact]
    public void During_the_academic_year_is_september_to_may() =>
        Range("в течение учебного года", "2023-09-01", "2024-05-31");

    [Theory]
    [InlineData("в течение года")]
    [InlineData("в течение всего года")]
    public void During_the_year_is_the_calendar_year(string cell) => Range(cell, "2023-01-01", "2023-12-31");

    [Fact]
    public void Yearly_repeats_the_range() =>
        Single("сентябрь (ежегодно)").Should().Be(new Period("сентябрь (ежегодно)", new DateOnly(2023, 9, 1), new DateOnly(2023, 9, 30), Recurrence.Yearly));

    [Fact]
    public void Weekly_on_a_weekday_within_the_year() =>
        Single("еженедельно по средам").Should().Be(new Period("еженедельно по средам", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), Recurrence.Weekly, DayOfWeek.Wednesday));

    [Theory]
    [InlineData("по запросу")]
    [InlineData("по мере проведения")]
    [InlineData("по необходимости")]
    public void On_demand_has_no_range(string cell) =>
        Single(cell).Should().Be(new Period(cell, null, null, Recurrence.OnDemand));

    [Fact]
    public void Several_periods_in_one_cell()
    {
        var periods = PeriodPhrases.Parse("Февраль 2023 Август-сентябрь 2023", Year2023);

        periods.Select(p => (p.Text, p.Start, p.End)).Should().Equal(
            ("Февраль 2023", new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 28)),
            ("Август-сентябрь 2023", new DateOnly(2023, 8, 1), new DateOnly(2023, 9, 30)));
    }

    [Fact]
    public void A_qualifier_in_brackets_is_a_period_of_its_own()
    {
        var periods = PeriodPhrases.Parse("сентябрь (ежегодно) (дополнительно по запросу)", Year2023);

        periods.Select(p => (p.Text, p.Recurrence)).Should().Equal(("сентябрь (ежегодно)", Recurrence.Yearly), ("дополнительно по запросу", Recurrence.OnDemand));
    }

    [Theory]
    [InlineData("март", "2025-03-01", "2025-03-31")]
    [InlineData("октябрь", "2024-10-01", "2024-10-31")]
    [InlineData("15.01", "2025-01-15", "2025-01-15")]
    [InlineData("сентябрь-май", "2024-09-01", "2025-05-31")]
    public void In_an_academic_year_january_to_august_fall_in_its_second_year(string cell, string start, string end) =>
        Range(cell, start, end, Academic2024);

    [Fact]
    public void Unrecognised_text_is_kept_without_a_range() =>
        Single("постоянно").Should().Be(new Period("постоянно", null, null, Recurrence.None));
}
