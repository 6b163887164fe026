using System.Text.Json.Nodes;
using MentorBot.Domain.Questionnaires;

namespace MentorBot.Tests.Questionnaires;

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
            new SelfAssessmentPair(1, Scores(("уроки", 3), ("родители", 5)), Scores(("уроки", 7), ("родители", 4))),
            new SelfAssessmentPair(2, Scores(("уроки", 6)), Scores(("родители", 9))),
        ]);

        report.People.Should().ContainSingle().Which.Should().Be(new PersonImpact(1, report.People[0].Changes));
        report.People[0].Changes.Select(c => (c.Competency, c.Before, c.After, c.Change))
            .Should().Equal(("уроки", 3, 7, 4), ("родители", 5, 4, -1));
    }

    [Fact]
    public void Organisation_averages_are_hidden_below_five_respondents()
    {
        ImpactMonitoring.MinimumRespondents.Should().Be(5);
        var four = Enumerable.Range(1, 4).Select(i => new SelfAssessmentPair(i, Scores(("уроки", 2)), Scores(("уроки", 6)))).ToList();
        var hidden = ImpactMonitoring.Compute(four).Competencies.Single();
        hidden.Should().Be(new CompetencyAggregate("уроки", 4, null, null, null));
        hidden.Hidden.Should().BeTrue();

        var five = four.Append(new SelfAssessmentPair(5, Scores(("уроки", 7)), Scores(("уроки", 6)))).ToList();
        var shown = ImpactMonitoring.Compute(five).Competencies.Single();
        shown.Hidden.Should().BeFalse();
        shown.Respondents.Should().Be(5);
        shown.AverageBefore.Should().BeApproximately(3.0, 1e-9);
        shown.AverageAfter.Should().BeApproximately(6.0, 1e-9);
        shown.AverageChange.Should().BeApproximately(3.0, 1e-9);
    }
}

public class AnswerSummaryTests
{
    [Fact]
    public void Stored_answers_read_back_in_questionnaire_order()
    {
        var definition = QuestionnaireFlowTests.Sample();
        var answers = new JsonObject { ["agree"] = false, ["name"] = "Анна", ["topics"] = new JsonArray("уроки", "другое"), ["since"] = "2026-03-13", ["rate"] = 4 };
        AnswerSummary.Describe(definition, answers).Select(a => $"{a.QuestionId}: {a.Answer}")
            .Should().Equal("name: Анна", "topics: уроки, другое", "rate: 4", "since: 13.03.2026", "agree: нет");
    }
}
