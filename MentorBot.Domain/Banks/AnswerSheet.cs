namespace MentorBot.Domain.Banks;

/// <summary>
/// A questionnaire response's answers (<c>questionnaire_responses.answers</c>) in the shapes of the
/// answers contract (PREAMBLE «Questionnaire answers contract»): question id → a <see cref="string"/>
/// (single choice, free text, date «YYYY-MM-DD»), a <see cref="long"/> (scale, number), a
/// <see cref="bool"/> (yes/no) or an <see cref="IReadOnlyList{T}"/> of strings (multiple choice).
/// A skipped optional question is absent.
/// </summary>
public sealed class AnswerSheet
{
    private readonly IReadOnlyDictionary<string, object> values;

    /// <summary>Wraps <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">A value of a shape the contract does not know.</exception>
    public AnswerSheet(IReadOnlyDictionary<string, object> values)
    {
        foreach (var (id, value) in values)
            if (value is not (string or long or bool or IReadOnlyList<string>))
                throw new ArgumentException($"answer '{id}' has an unsupported shape {value.GetType().Name}", nameof(values));
        this.values = values;
    }

    /// <summary>No answers (no response, or nothing answered yet).</summary>
    public static AnswerSheet Empty { get; } = new(new Dictionary<string, object>());

    /// <summary>The ids of the answered questions, in no particular order (jsonb keeps none).</summary>
    public IEnumerable<string> Ids => values.Keys;

    /// <summary>True when nothing is answered.</summary>
    public bool IsEmpty => values.Count == 0;

    /// <summary>The raw answer to <paramref name="id"/>, or null when absent.</summary>
    public object? this[string id] => values.GetValueOrDefault(id);

    /// <summary>A string answer (choice, text, date), or null when absent or of another shape.</summary>
    public string? Text(string id) => values.GetValueOrDefault(id) as string;

    /// <summary>A scale or number answer, or null when absent or of another shape.</summary>
    public long? Integer(string id) => values.GetValueOrDefault(id) is long number ? number : null;

    /// <summary>A yes/no answer, or null when absent or of another shape.</summary>
    public bool? YesNo(string id) => values.GetValueOrDefault(id) is bool flag ? flag : null;

    /// <summary>A multiple-choice answer; a single string counts as a one-item list; empty when absent.</summary>
    public IReadOnlyList<string> List(string id) => values.GetValueOrDefault(id) switch
    {
        IReadOnlyList<string> list => list,
        string one => [one],
        _ => [],
    };

    /// <summary>Prefix of the self-assessment scales: <c>self:&lt;competency label&gt;</c> (mentee intake, final self-assessment).</summary>
    public const string SelfAssessmentPrefix = "self:";

    /// <summary>The self-assessment scales answered: competency label → 1–10 score.</summary>
    public IReadOnlyDictionary<string, long> SelfAssessment() =>
        values.Where(v => v.Key.StartsWith(SelfAssessmentPrefix, StringComparison.Ordinal) && v.Value is long)
              .ToDictionary(v => v.Key[SelfAssessmentPrefix.Length..], v => (long)v.Value, StringComparer.Ordinal);
}
