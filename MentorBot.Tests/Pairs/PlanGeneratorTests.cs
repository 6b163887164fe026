using MentorBot.Domain.Pairs;
using MentorBot.Domain.Scheduling;

namespace MentorBot.Tests.Pairs;

public sealed class PlanGeneratorTests
{
    private static readonly WorkCalendar Russia = WorkCalendar.Russia;

    [Fact]
    public void A_school_year_term_follows_stage_six_in_order()
    {
        var term = new PairTerm(new DateOnly(2026, 11, 2), new DateOnly(2027, 4, 30));

        var plan = PlanGenerator.Build(term, 14, Russia);

        plan.Select(i => i.Kind).Should().StartWith([PlanItemKind.Organizational, PlanItemKind.Trial, PlanItemKind.Planning])
            .And.EndWith([PlanItemKind.Final, PlanItemKind.SatisfactionSurvey]);
        plan.Count(i => i.Kind == PlanItemKind.Regular).Should().BeGreaterThan(5);
        plan[0].DueOn.Should().Be(new DateOnly(2026, 11, 2));
        plan[0].Title.Should().Be("Организационная встреча (знакомство)");
        plan[1].DueOn.Should().Be(new DateOnly(2026, 11, 9));
        plan[2].DueOn.Should().Be(new DateOnly(2026, 11, 16));
        plan[^1].DueOn.Should().Be(new DateOnly(2027, 4, 30));
        plan[^2].DueOn.Should().Be(new DateOnly(2027, 4, 23));
        plan.Where(i => i.Kind == PlanItemKind.Regular).Select(i => i.Title).First().Should().Be("Регулярная встреча № 1");
    }

    [Fact]
    public void Every_date_is_a_working_day_inside_the_term_and_in_order()
    {
        var term = new PairTerm(new DateOnly(2026, 12, 20), new DateOnly(2027, 5, 31));

        var plan = PlanGenerator.Build(term, 14, Russia);

        plan.Should().OnlyContain(i => i.DueOn >= term.Start && i.DueOn <= term.End && Russia.IsWorkingDay(i.DueOn));
        plan.Select(i => i.DueOn).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Holidays_push_a_meeting_to_the_next_working_day()
    {
        // 31 December 2026 and 1–11 January are days off; the term starts on 31 December.
        var term = new PairTerm(new DateOnly(2026, 12, 31), new DateOnly(2027, 5, 31));

        var plan = PlanGenerator.Build(term, 14, Russia);

        plan[0].DueOn.Should().Be(new DateOnly(2027, 1, 11), "2027 has no production calendar yet, so ТК РФ ст. 112: 1–8 January off, then the weekend of 9–10 January");
    }

    [Fact]
    public void The_2026_production_calendar_moves_a_regular_meeting_off_the_may_holidays()
    {
        // Planning on Monday 20 April 2026, a three-week cadence lands on 11 May (a day off by transfer).
        var term = new PairTerm(new DateOnly(2026, 4, 6), new DateOnly(2026, 6, 30));

        var plan = PlanGenerator.Build(term, 21, Russia);

        plan[2].DueOn.Should().Be(new DateOnly(2026, 4, 20));
        plan.Single(i => i.Title == "Регулярная встреча № 1").DueOn.Should().Be(new DateOnly(2026, 5, 12));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(14)]
    [InlineData(30)]
    public void Regular_meetings_follow_the_cadence(int cadence)
    {
        var term = new PairTerm(new DateOnly(2026, 9, 1), new DateOnly(2027, 5, 31));

        var regular = PlanGenerator.Build(term, cadence, Russia).Where(i => i.Kind == PlanItemKind.Regular).Select(i => i.DueOn).ToList();

        var gaps = regular.Zip(regular.Skip(1), (a, b) => b.DayNumber - a.DayNumber).ToList();
        gaps.Average().Should().BeApproximately(cadence, 2.0);
        gaps.Should().OnlyContain(g => g > 0);
        regular.Count.Should().BeCloseTo((term.End.DayNumber - term.Start.DayNumber - 21) / cadence, 2);
    }

    [Fact]
    public void A_short_term_keeps_the_five_fixed_steps_on_its_working_days()
    {
        var term = new PairTerm(new DateOnly(2026, 9, 7), new DateOnly(2026, 9, 18));

        var plan = PlanGenerator.Build(term, 14, Russia);

        plan.Select(i => i.Kind).Should().Equal(PlanItemKind.Organizational, PlanItemKind.Trial, PlanItemKind.Planning, PlanItemKind.Final, PlanItemKind.SatisfactionSurvey);
        plan.Should().OnlyContain(i => i.DueOn >= term.Start && i.DueOn <= term.End && Russia.IsWorkingDay(i.DueOn));
        plan[0].DueOn.Should().Be(term.Start);
        plan[^1].DueOn.Should().Be(term.End);
    }

    [Fact]
    public void A_term_of_days_off_has_no_plan_and_a_reversed_term_is_refused()
    {
        PlanGenerator.Build(new PairTerm(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 11)), 14, Russia).Should().BeEmpty();
        var reversed = () => PlanGenerator.Build(new PairTerm(new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1)), 14, Russia);
        reversed.Should().Throw<ArgumentException>();
    }
}

public sealed class PairTermTests
{
    [Fact]
    public void The_pair_work_stage_gives_the_term()
    {
        var term = PairTerm.Default(new DateOnly(2026, 9, 1), [(new DateOnly(2026, 11, 1), new DateOnly(2027, 4, 30)), (new DateOnly(2026, 12, 1), new DateOnly(2027, 5, 15))]);

        term.Should().Be(new PairTerm(new DateOnly(2026, 11, 1), new DateOnly(2027, 5, 15)));
    }

    [Fact]
    public void A_stage_already_running_starts_today()
    {
        PairTerm.Default(new DateOnly(2026, 12, 10), [(new DateOnly(2026, 11, 1), new DateOnly(2027, 4, 30))])
            .Should().Be(new PairTerm(new DateOnly(2026, 12, 10), new DateOnly(2027, 4, 30)));
    }

    [Fact]
    public void Without_a_usable_stage_the_term_ends_on_31_may()
    {
        PairTerm.Default(new DateOnly(2026, 9, 1), []).Should().Be(new PairTerm(new DateOnly(2026, 9, 1), new DateOnly(2027, 5, 31)));
        PairTerm.Default(new DateOnly(2027, 2, 1), [(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))])
            .Should().Be(new PairTerm(new DateOnly(2027, 2, 1), new DateOnly(2027, 5, 31)));
        PairTerm.Default(new DateOnly(2027, 5, 20), []).End.Should().Be(new DateOnly(2028, 5, 31));
    }
}
