using System.Text.Json.Nodes;
using MentorBot.Domain.Questionnaires;

namespace MentorBot.Tests.Questionnaires;

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
