using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MentorBot.Domain.Questionnaires;

/// <summary>
/// Where a person stands in one questionnaire: the answers so far (PREAMBLE contract shape), the
/// question ids answered or skipped in the order asked (the stack <c>/back</c> pops), the open
/// question, and the ticks of an unfinished multiple choice. Mirrors a <c>questionnaire_responses</c>
/// row (plus the ticks, which live in the conversation row).
/// </summary>
public sealed class QuestionnaireProgress
{
    /// <summary>Creates progress from its parts.</summary>
    /// <param name="answers">Question id → value; owned by the progress from now on.</param>
    /// <param name="history">Question ids answered or skipped, in the order asked.</param>
    /// <param name="current">The open question's id; null once completed.</param>
    /// <param name="completed">True when every applicable question was answered or skipped.</param>
    /// <param name="ticks">Labels ticked so far on the open multiple-choice question.</param>
    public QuestionnaireProgress(JsonObject answers, IEnumerable<string> history, string? current, bool completed, IEnumerable<string>? ticks = null)
    {
        Answers = answers;
        History = history.ToList();
        Current = current;
        Completed = completed;
        Ticks = ticks?.ToList() ?? [];
    }

    /// <summary>Question id → stored value; a skipped or not-applicable question is absent.</summary>
    public JsonObject Answers { get; }

    /// <summary>Question ids answered or skipped, in the order asked.</summary>
    public List<string> History { get; }

    /// <summary>The open question's id; null when completed (or not started).</summary>
    public string? Current { get; set; }

    /// <summary>True once the questionnaire is completed.</summary>
    public bool Completed { get; set; }

    /// <summary>Option labels ticked on the open multiple-choice question, not yet confirmed with «Готово».</summary>
    public List<string> Ticks { get; }

    /// <summary>Fresh progress at the first question of <paramref name="definition"/> that applies.</summary>
    public static QuestionnaireProgress Start(QuestionnaireDefinition definition)
    {
        var answers = new JsonObject();
        var first = definition.Questions.First(q => q.AppliesTo(answers));
        return new QuestionnaireProgress(answers, [], first.Id, completed: false);
    }

    /// <summary>Reads progress from the stored JSON texts of <c>answers</c> and <c>history</c> (and the conversation's ticks).</summary>
    /// <exception cref="JsonException">A text is not the JSON the contract says (a broken invariant).</exception>
    public static QuestionnaireProgress FromJson(string answersJson, string historyJson, string? current, bool completed, IEnumerable<string>? ticks = null) =>
        new(JsonNode.Parse(answersJson) as JsonObject ?? throw new JsonException("answers is not a JSON object"),
            JsonSerializer.Deserialize<List<string>>(historyJson) ?? [], current, completed, ticks);

    /// <summary>The answers as stored JSON text.</summary>
    public string AnswersJson() => Answers.ToJsonString(Json);

    /// <summary>The history as stored JSON text (an array of question ids).</summary>
    public string HistoryJson() => JsonSerializer.Serialize(History, Json);

    // Cyrillic kept readable in the stored text (jsonb normalises escapes anyway).
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
