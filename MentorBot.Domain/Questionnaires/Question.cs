using System.Globalization;
using System.Text.Json.Nodes;

namespace MentorBot.Domain.Questionnaires;

/// <summary>What kind of answer a question takes, and so how it is asked and what is stored (PREAMBLE answers contract).</summary>
public enum QuestionKind
{
    /// <summary>One of <see cref="Question.Options"/>, by button, number or label; stored as the label (string).</summary>
    SingleChoice,

    /// <summary>Any of <see cref="Question.Options"/>: toggle buttons with ✓ and «Готово», or «1, 3» typed; stored as an array of labels.</summary>
    MultipleChoice,

    /// <summary>An integer from <see cref="Question.Min"/> to <see cref="Question.Max"/> (1–5, 1–10) as buttons; stored as a number.</summary>
    Scale,

    /// <summary>«Да» / «Нет»; stored as a boolean.</summary>
    YesNo,

    /// <summary>Free text of up to <see cref="Question.MaxLength"/> characters with at least one letter or digit; stored as a string.</summary>
    FreeText,

    /// <summary>An integer from <see cref="Question.Min"/> to <see cref="Question.Max"/>, typed; stored as a number.</summary>
    Number,

    /// <summary>A date «дд.мм.гггг», «сегодня», «вчера» (and «завтра»), within <see cref="Question.Dates"/>; stored as "YYYY-MM-DD".</summary>
    Date,
}

/// <summary>Which dates a <see cref="QuestionKind.Date"/> question accepts, relative to the organisation's local today.</summary>
public enum DateRange
{
    /// <summary>Any date.</summary>
    Any,

    /// <summary>Today or earlier (when something happened).</summary>
    PastOrToday,

    /// <summary>Today or later (when something is planned).</summary>
    TodayOrFuture,
}

/// <summary>
/// Shows a question only when an earlier answer matches (issue 4: conditional questions): the answer
/// to <paramref name="QuestionId"/> equals one of <paramref name="AnyOf"/>, or — for a multiple choice —
/// contains one of them. A yes/no answer matches «да» or «нет». An unanswered question matches nothing.
/// </summary>
/// <param name="QuestionId">An earlier question of the same questionnaire.</param>
/// <param name="AnyOf">Option labels (or «да»/«нет», or numbers as text); compared case-insensitively.</param>
public sealed record AnswerCondition(string QuestionId, IReadOnlyList<string> AnyOf)
{
    /// <summary>True when the stored <paramref name="answers"/> satisfy the condition.</summary>
    public bool IsMetBy(JsonObject answers)
    {
        if (!answers.TryGetPropertyValue(QuestionId, out var node) || node is null) return false;
        IEnumerable<string> given = node switch
        {
            JsonArray array => array.Select(n => n?.ToString() ?? ""),
            JsonValue value when value.TryGetValue<bool>(out var flag) => [flag ? QuestionnaireTexts.Yes : QuestionnaireTexts.No],
            JsonValue value when value.TryGetValue<int>(out var number) => [number.ToString(CultureInfo.InvariantCulture)],
            _ => [node.ToString()],
        };
        return given.Any(g => AnyOf.Contains(g, StringComparer.OrdinalIgnoreCase));
    }
}

/// <summary>
/// One question of a questionnaire definition (data, not code: issue 4). Build with the factory methods;
/// the <c>init</c> properties add optionality and conditions.
/// </summary>
/// <param name="Id">The answer's key in <c>questionnaire_responses.answers</c> (PREAMBLE contract), unique in the questionnaire.</param>
/// <param name="Kind">The kind of answer.</param>
/// <param name="Prompt">The Russian question as the person reads it.</param>
public sealed record Question(string Id, QuestionKind Kind, string Prompt)
{
    /// <summary>The default length limit of free text, in characters.</summary>
    public const int DefaultMaxLength = 1000;

    /// <summary>The option labels of a choice question (what is stored); empty for other kinds.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>The smallest accepted integer of a scale or number.</summary>
    public int Min { get; init; }

    /// <summary>The largest accepted integer of a scale or number.</summary>
    public int Max { get; init; }

    /// <summary>The length limit of free text, in characters (UTF-16 code units).</summary>
    public int MaxLength { get; init; } = DefaultMaxLength;

    /// <summary>
    /// The fewest words a free-text answer must have (0 = any): 2 for a full name, so that a bare surname
    /// («Иванова») is asked again.
    /// </summary>
    public int MinWords { get; init; }

    /// <summary>Which dates a date question accepts.</summary>
    public DateRange Dates { get; init; } = DateRange.Any;

    /// <summary>True when the person may answer «Пропустить»; the answer is then absent.</summary>
    public bool Optional { get; init; }

    /// <summary>When set, the question is asked only when the condition holds.</summary>
    public AnswerCondition? ShowIf { get; init; }

    /// <summary>
    /// A short name of the question for lists, a curator's card and export headers («ФИО», «Педагогический
    /// стаж, лет»); null = the prompt. The one place such names are kept.
    /// </summary>
    public string? Label { get; init; }

    /// <summary>A one-line explanation under the prompt, or null.</summary>
    public string? Note { get; init; }

    /// <summary>A single-choice question.</summary>
    public static Question SingleChoice(string id, string prompt, params string[] options) => new(id, QuestionKind.SingleChoice, prompt) { Options = options };

    /// <summary>A multiple-choice question.</summary>
    public static Question MultipleChoice(string id, string prompt, IReadOnlyList<string> options) => new(id, QuestionKind.MultipleChoice, prompt) { Options = options };

    /// <summary>A scale from <paramref name="min"/> to <paramref name="max"/> (at most 10 steps: one button each).</summary>
    public static Question Scale(string id, string prompt, int min, int max) => new(id, QuestionKind.Scale, prompt) { Min = min, Max = max };

    /// <summary>A yes/no question.</summary>
    public static Question YesNo(string id, string prompt) => new(id, QuestionKind.YesNo, prompt);

    /// <summary>A free-text question of at most <paramref name="maxLength"/> characters.</summary>
    public static Question FreeText(string id, string prompt, int maxLength = DefaultMaxLength) => new(id, QuestionKind.FreeText, prompt) { MaxLength = maxLength };

    /// <summary>An integer from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Question Number(string id, string prompt, int min, int max) => new(id, QuestionKind.Number, prompt) { Min = min, Max = max };

    /// <summary>A date within <paramref name="dates"/>.</summary>
    public static Question Date(string id, string prompt, DateRange dates) => new(id, QuestionKind.Date, prompt) { Dates = dates };

    /// <summary>True when the question is asked, given the answers so far.</summary>
    public bool AppliesTo(JsonObject answers) => ShowIf is null || ShowIf.IsMetBy(answers);

    /// <summary>The button labels of the question: options, scale steps, «Да»/«Нет»; empty for typed kinds.</summary>
    public IReadOnlyList<string> ButtonLabels => Kind switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice => Options,
        QuestionKind.Scale => Enumerable.Range(Min, Max - Min + 1).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray(),
        QuestionKind.YesNo => [QuestionnaireTexts.YesButton, QuestionnaireTexts.NoButton],
        _ => [],
    };
}
