using System.Globalization;
using System.Text.Json.Nodes;

namespace MentorBot.Domain.Questionnaires;

/// <summary>One answered question as a curator reads it (issue 4: the curator sees each person's answers).</summary>
/// <param name="QuestionId">The contract id.</param>
/// <param name="Prompt">The question as asked.</param>
/// <param name="Label">The question's short name (<see cref="Question.Label"/>, else the prompt).</param>
/// <param name="Answer">The answer as text: labels joined by «, », «да»/«нет», dates as дд.мм.гггг.</param>
public sealed record AnsweredQuestion(string QuestionId, string Prompt, string Label, string Answer);

/// <summary>Turns stored answers back into readable lines, in the questionnaire's order (a curator's bank card, bank exports).</summary>
public static class AnswerSummary
{
    /// <summary>The answered questions of <paramref name="definition"/> found in <paramref name="answers"/>; skipped ones are left out.</summary>
    public static IReadOnlyList<AnsweredQuestion> Describe(QuestionnaireDefinition definition, JsonObject answers)
    {
        var lines = new List<AnsweredQuestion>();
        foreach (var question in definition.Questions)
        {
            if (answers.TryGetPropertyValue(question.Id, out var value) && value is not null)
                lines.Add(new AnsweredQuestion(question.Id, question.Prompt, question.Label ?? question.Prompt, Text(value)));
        }

        return lines;
    }

    /// <summary>One stored value as text.</summary>
    public static string Text(JsonNode value) => value switch
    {
        JsonArray array => string.Join(", ", array.Select(n => n?.ToString())),
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? QuestionnaireTexts.Yes : QuestionnaireTexts.No,
        JsonValue v when v.TryGetValue<string>(out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
