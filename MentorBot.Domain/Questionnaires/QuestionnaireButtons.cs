using System.Globalization;

namespace MentorBot.Domain.Questionnaires;

/// <summary>
/// The callback data of the questionnaire's buttons (DESIGN.md: <c>feature:action[:id]</c>, ≤ 64 bytes):
/// <c>q:start:&lt;questionnaire&gt;[:&lt;contextKey&gt;]</c> starts one from a background message;
/// <c>q:a|t|d|s:&lt;responseId&gt;:&lt;questionIndex&gt;[:&lt;option&gt;]</c> answers, ticks, confirms or
/// skips. Buttons carry the question's position, so a button of a question that is no longer open is
/// recognised as stale.
/// </summary>
public static class QuestionnaireButtons
{
    /// <summary>The feature prefix of every questionnaire button.</summary>
    public const string Prefix = "q";

    /// <summary>The data of a button that starts (or resumes) <paramref name="questionnaire"/> in <paramref name="contextKey"/>.</summary>
    public static string Start(string questionnaire, string contextKey = "") =>
        contextKey.Length == 0 ? $"{Prefix}:start:{questionnaire}" : $"{Prefix}:start:{questionnaire}:{contextKey}";

    /// <summary>Picks option <paramref name="option"/> of a single choice, scale or yes/no.</summary>
    public static string Pick(long responseId, int question, int option) => Format("a", responseId, question, option);

    /// <summary>Ticks or unticks option <paramref name="option"/> of a multiple choice.</summary>
    public static string Toggle(long responseId, int question, int option) => Format("t", responseId, question, option);

    /// <summary>Confirms a multiple choice («Готово»).</summary>
    public static string Done(long responseId, int question) => Format("d", responseId, question, null);

    /// <summary>Skips an optional question («Пропустить»).</summary>
    public static string Skip(long responseId, int question) => Format("s", responseId, question, null);

    /// <summary>Reads a start button: true with the questionnaire id and context key.</summary>
    public static bool TryParseStart(string data, out string questionnaire, out string contextKey)
    {
        questionnaire = contextKey = "";
        const string head = Prefix + ":start:";
        if (!data.StartsWith(head, StringComparison.Ordinal)) return false;
        var rest = data[head.Length..];
        var colon = rest.IndexOf(':');
        questionnaire = colon < 0 ? rest : rest[..colon];
        contextKey = colon < 0 ? "" : rest[(colon + 1)..];
        return questionnaire.Length > 0;
    }

    /// <summary>Reads an answer button: true with the response id and the input it stands for.</summary>
    public static bool TryParseAnswer(string data, out long responseId, out QuestionnaireInput input)
    {
        responseId = 0;
        input = new QuestionnaireInput.Resume(false);
        var parts = data.Split(':');
        if (parts.Length < 4 || parts[0] != Prefix
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out responseId)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var question))
            return false;
        var option = -1;
        if (parts.Length == 5 && !int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out option)) return false;
        QuestionnaireInput? read = (parts[1], parts.Length) switch
        {
            ("a", 5) => new QuestionnaireInput.Pick(question, option),
            ("t", 5) => new QuestionnaireInput.Toggle(question, option),
            ("d", 4) => new QuestionnaireInput.Done(question),
            ("s", 4) => new QuestionnaireInput.Skip(question),
            _ => null,
        };
        if (read is null) return false;
        input = read;
        return true;
    }

    private static string Format(string action, long responseId, int question, int? option) =>
        option is null
            ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{action}:{responseId}:{question}")
            : string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{action}:{responseId}:{question}:{option}");
}

/// <summary>What a person did in a questionnaire, independent of the messenger.</summary>
public abstract record QuestionnaireInput
{
    private QuestionnaireInput()
    {
    }

    /// <summary>A typed message (an answer, «пропустить», «готово»).</summary>
    /// <param name="Text">As written.</param>
    public sealed record Typed(string Text) : QuestionnaireInput;

    /// <summary>A press of option <paramref name="Option"/> of question number <paramref name="Question"/> (0-based).</summary>
    public sealed record Pick(int Question, int Option) : QuestionnaireInput;

    /// <summary>A tick or untick of a multiple-choice option.</summary>
    public sealed record Toggle(int Question, int Option) : QuestionnaireInput;

    /// <summary>«Готово» under a multiple choice.</summary>
    public sealed record Done(int Question) : QuestionnaireInput;

    /// <summary>«Пропустить» under an optional question.</summary>
    public sealed record Skip(int Question) : QuestionnaireInput;

    /// <summary><c>/back</c>: return to the previous question.</summary>
    public sealed record Back : QuestionnaireInput;

    /// <summary>Ask the open question again (start, resume after /cancel, a restart or a day later).</summary>
    /// <param name="Fresh">True for a new response: the introduction comes first.</param>
    public sealed record Resume(bool Fresh) : QuestionnaireInput;

    /// <summary>The question position a button refers to, or null for typed input, /back and resume.</summary>
    public int? QuestionIndex => this switch
    {
        Pick p => p.Question,
        Toggle t => t.Question,
        Done d => d.Question,
        Skip s => s.Question,
        _ => null,
    };
}
