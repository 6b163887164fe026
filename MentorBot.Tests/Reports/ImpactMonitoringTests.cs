using System.Text.Json.Nodes;
using MentorBot.Domain.Reports;

namespace MentorBot.Tests.Reports;

public class ImpactMonitoringTests
{
    private static JsonObject Scores(params (string Label, int Score)[] scores)
    {
        var answers = new JsonObject { ["full_name"] = "не оценка", ["experience_years"] = 3 };
        foreach (var (label, score) in scores) answers["self:" + label] = score;
        return answers;
    }

    [Fact]
    public void Each_persons_change_is_final_minus_intake_for_competencies_rated_twice()
    {
        var report = ImpactMonitoring.Compute([
            new SelfAssessmentPair(1, Scores(("уроки", 3), ("родители", 5)), Scores(("уроки", 7), ("родители", 4))) { PairId = 17 },
            new SelfAssessmentPair(2, Scores(("уроки", 6)), Scores(("родители", 9))),
        ]);

        var person = report.People.Should().ContainSingle().Subject;
        person.MembershipId.Should().Be(1);
        person.Changes.Select(c => (c.Competency, c.Before, c.After, c.Change)).Should().Equal(("уроки", 3, 7, 4), ("родители", 5, 4, -1));
        (person.Before, person.After, person.Change, person.Trend).Should().Be((4.0, 5.5, 1.5, Trend.Improved));
        report.Pairs.Should().ContainSingle().Which.PairId.Should().Be(17);
    }

    [Fact]
    public void Aggregates_are_withheld_below_the_anonymity_threshold_and_count_who_improved_stayed_declined()
    {
        Anonymity.Threshold.Should().Be(5);
        var four = Enumerable.Range(1, 4).Select(i => new SelfAssessmentPair(i, Scores(("уроки", 2)), Scores(("уроки", 6)))).ToList();
        var hidden = ImpactMonitoring.Compute(four);
        hidden.Competencies.Single().Should().Be(new CompetencyAggregate("уроки", 4, null, null, null));
        hidden.Programme.Should().Be(new CompetencyAggregate(null, 4, null, null, null));
        hidden.Programme.Hidden.Should().BeTrue();

        var six = four.Append(new SelfAssessmentPair(5, Scores(("уроки", 7)), Scores(("уроки", 6))))
            .Append(new SelfAssessmentPair(6, Scores(("уроки", 5)), Scores(("уроки", 5)))).ToList();
        var shown = ImpactMonitoring.Compute(six).Competencies.Single();
        shown.Hidden.Should().BeFalse();
        shown.Respondents.Should().Be(6);
        shown.AverageBefore.Should().BeApproximately(20 / 6.0, 1e-9);
        shown.AverageAfter.Should().BeApproximately(35 / 6.0, 1e-9);
        shown.AverageChange.Should().BeApproximately(15 / 6.0, 1e-9);
        (shown.Improved, shown.Stayed, shown.Declined).Should().Be((4, 1, 1));
    }
}
