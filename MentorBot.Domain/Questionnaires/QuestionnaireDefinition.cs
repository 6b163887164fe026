using MentorBot.Domain.Organisations;

namespace MentorBot.Domain.Questionnaires;

/// <summary>
/// A questionnaire as data (issue 4): its id and version (a response keeps the version it was answered
/// under), who fills it, what it says before and after, and its questions in order.
/// </summary>
public sealed record QuestionnaireDefinition
{
    /// <summary>Checks and builds a definition.</summary>
    /// <param name="id">The stored id (<c>questionnaire_responses.questionnaire</c>): <c>mentee_intake</c>, …</param>
    /// <param name="version">Bumped whenever questions change; ≥ 1.</param>
    /// <param name="title">The Russian name («Анкета наставляемого»).</param>
    /// <param name="intro">What the person reads before the first question.</param>
    /// <param name="completion">What the person reads after the last one: thanks and what happens next.</param>
    /// <param name="roles">Who may fill it (any of them).</param>
    /// <param name="questions">The questions in order.</param>
    /// <exception cref="ArgumentException">No questions; a duplicate id; a condition on a later or unknown question; a choice without options; a scale of more than 10 steps; an empty range.</exception>
    public QuestionnaireDefinition(string id, int version, string title, string intro, string completion, IReadOnlyList<Role> roles, IReadOnlyList<Question> questions)
    {
        if (version < 1) throw new ArgumentException("A version starts at 1.", nameof(version));
        if (questions.Count == 0) throw new ArgumentException($"Questionnaire {id} has no questions.", nameof(questions));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in questions)
        {
            if (!seen.Add(q.Id)) throw new ArgumentException($"Questionnaire {id}: duplicate question id '{q.Id}'.", nameof(questions));
            if (q.ShowIf is { } condition && (condition.QuestionId == q.Id || !seen.Contains(condition.QuestionId)))
                throw new ArgumentException($"Questionnaire {id}: question '{q.Id}' depends on '{condition.QuestionId}', which is not asked before it.", nameof(questions));
            if (q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice && q.Options.Count == 0)
                throw new ArgumentException($"Questionnaire {id}: choice question '{q.Id}' has no options.", nameof(questions));
            if (q.Kind is QuestionKind.Scale or QuestionKind.Number && q.Min > q.Max)
                throw new ArgumentException($"Questionnaire {id}: question '{q.Id}' has an empty range.", nameof(questions));
            if (q.Kind == QuestionKind.Scale && q.Max - q.Min + 1 > 10)
                throw new ArgumentException($"Questionnaire {id}: scale '{q.Id}' has more than 10 steps.", nameof(questions));
        }

        Id = id;
        Version = version;
        Title = title;
        Intro = intro;
        Completion = completion;
        Roles = roles;
        Questions = questions;
    }

    /// <summary>The stored id.</summary>
    public string Id { get; }

    /// <summary>The version (≥ 1).</summary>
    public int Version { get; }

    /// <summary>The Russian name.</summary>
    public string Title { get; }

    /// <summary>Shown before the first question.</summary>
    public string Intro { get; }

    /// <summary>Shown after the last question.</summary>
    public string Completion { get; }

    /// <summary>Who may fill it.</summary>
    public IReadOnlyList<Role> Roles { get; }

    /// <summary>The questions in order.</summary>
    public IReadOnlyList<Question> Questions { get; }

    /// <summary>The position of question <paramref name="questionId"/>, or -1.</summary>
    public int IndexOf(string? questionId)
    {
        for (var i = 0; i < Questions.Count; i++)
            if (Questions[i].Id == questionId) return i;
        return -1;
    }

    /// <summary>True when some question stores <paramref name="questionId"/>.</summary>
    public bool Asks(string questionId) => IndexOf(questionId) >= 0;
}
