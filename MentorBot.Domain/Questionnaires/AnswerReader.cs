using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MentorBot.Domain.Questionnaires;

/// <summary>The outcome of reading an answer: the value to store (PREAMBLE contract shape), or the hint to re-ask with.</summary>
/// <param name="Value">The stored value: string, integer, boolean, array of labels or "YYYY-MM-DD"; null when invalid.</param>
/// <param name="Problem">A Russian hint saying what was wrong and what is expected; null when valid.</param>
public sealed record AnswerCheck(JsonNode? Value, string? Problem)
{
    /// <summary>True when <see cref="Value"/> may be stored.</summary>
    public bool IsValid => Problem is null;

    /// <summary>A valid answer.</summary>
    public static AnswerCheck Valid(JsonNode value) => new(value, null);

    /// <summary>An invalid answer with a hint.</summary>
    public static AnswerCheck Invalid(string problem) => new(null, problem);
}

/// <summary>
/// Reads typed and pressed answers into stored values (issue 4). Never throws on a person's input:
/// anything unacceptable — text where a number is needed, 0 on a 1–10 scale, a future date where the
/// past is asked, 5,000 characters, only emoji — is an <see cref="AnswerCheck.Invalid"/> with a hint.
/// </summary>
public static partial class AnswerReader
{
    private static readonly string[] DateFormats = ["d.M.yyyy", "d.M.yy", "d/M/yyyy", "yyyy-M-d"];

    /// <summary>Reads a typed answer to <paramref name="question"/>; <paramref name="today"/> is the organisation's local date.</summary>
    public static AnswerCheck Read(Question question, string text, DateOnly today)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) return AnswerCheck.Invalid(QuestionnaireTexts.EmptyAnswer);
        return question.Kind switch
        {
            QuestionKind.FreeText => ReadText(question, trimmed),
            QuestionKind.Number => ReadInteger(question, trimmed, allowUnit: true),
            QuestionKind.Scale => ReadInteger(question, trimmed, allowUnit: false),
            QuestionKind.YesNo => ReadYesNo(trimmed),
            QuestionKind.SingleChoice => ReadSingle(question, trimmed),
            QuestionKind.MultipleChoice => ReadMultiple(question, trimmed),
            QuestionKind.Date => ReadDate(question, trimmed, today),
            _ => AnswerCheck.Invalid(QuestionnaireTexts.EmptyAnswer),
        };
    }

    /// <summary>
    /// The value of pressing button <paramref name="option"/> of <paramref name="question"/> (single
    /// choice, scale, yes/no); invalid for an index out of range or a kind without such buttons.
    /// </summary>
    public static AnswerCheck Press(Question question, int option)
    {
        var labels = question.ButtonLabels;
        if (option < 0 || option >= labels.Count || question.Kind is QuestionKind.MultipleChoice)
            return AnswerCheck.Invalid(QuestionnaireTexts.UseButtons);
        return question.Kind switch
        {
            QuestionKind.SingleChoice => AnswerCheck.Valid(JsonValue.Create(question.Options[option])),
            QuestionKind.Scale => AnswerCheck.Valid(JsonValue.Create(question.Min + option)),
            QuestionKind.YesNo => AnswerCheck.Valid(JsonValue.Create(option == 0)),
            _ => AnswerCheck.Invalid(QuestionnaireTexts.UseButtons),
        };
    }

    /// <summary>The stored value of a multiple-choice selection: the chosen labels in the question's option order.</summary>
    public static JsonArray Selection(Question question, IEnumerable<string> chosen)
    {
        var set = chosen.ToHashSet(StringComparer.Ordinal);
        return new JsonArray(question.Options.Where(set.Contains).Select(o => (JsonNode?)JsonValue.Create(o)).ToArray());
    }

    private static AnswerCheck ReadText(Question question, string text)
    {
        if (text.Length > question.MaxLength) return AnswerCheck.Invalid(QuestionnaireTexts.TooLong(text.Length, question.MaxLength));
        if (!text.Any(char.IsLetterOrDigit)) return AnswerCheck.Invalid(QuestionnaireTexts.NoWords);
        if (question.MinWords > 0 && text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) < question.MinWords)
            return AnswerCheck.Invalid(QuestionnaireTexts.FullNameNeeded);
        return AnswerCheck.Valid(JsonValue.Create(text));
    }

    private static AnswerCheck ReadInteger(Question question, string text, bool allowUnit)
    {
        var match = (allowUnit ? NumberWithUnit() : BareNumber()).Match(text);
        // «1,5» or «2.5 года»: a fraction where a whole number is asked — say so rather than «not a number».
        if (!match.Success && Fraction().Match(text) is { Success: true } fraction)
            return AnswerCheck.Invalid(QuestionnaireTexts.NotWhole(fraction.Groups["f"].Value, fraction.Groups["n"].Value, question.Min, question.Max));
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            return AnswerCheck.Invalid(QuestionnaireTexts.NotANumber(question.Min, question.Max));
        if (n < question.Min || n > question.Max) return AnswerCheck.Invalid(QuestionnaireTexts.OutOfRange(question.Min, question.Max));
        return AnswerCheck.Valid(JsonValue.Create(n));
    }

    private static AnswerCheck ReadYesNo(string text)
    {
        var word = text.TrimEnd('.', '!').ToLowerInvariant();
        if (word is "да" or "д" or "yes" or "ага" or "конечно") return AnswerCheck.Valid(JsonValue.Create(true));
        if (word is "нет" or "н" or "no" or "не") return AnswerCheck.Valid(JsonValue.Create(false));
        return AnswerCheck.Invalid(QuestionnaireTexts.YesOrNo);
    }

    private static AnswerCheck ReadSingle(Question question, string text) =>
        MatchOption(question, text) is { } index
            ? AnswerCheck.Valid(JsonValue.Create(question.Options[index]))
            : AnswerCheck.Invalid(QuestionnaireTexts.PickOne);

    private static AnswerCheck ReadMultiple(Question question, string text)
    {
        var chosen = new List<string>();
        foreach (var part in text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (MatchOption(question, part) is not { } index) return AnswerCheck.Invalid(QuestionnaireTexts.PickSeveral);
            chosen.Add(question.Options[index]);
        }

        return chosen.Count == 0 ? AnswerCheck.Invalid(QuestionnaireTexts.PickSeveral) : AnswerCheck.Valid(Selection(question, chosen));
    }

    /// <summary>The option a typed part names: its number (1-based) or its label, case-insensitively; null otherwise.</summary>
    private static int? MatchOption(Question question, string part)
    {
        var text = part.Trim().TrimEnd('.');
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number >= 1 && number <= question.Options.Count ? number - 1 : null;
        for (var i = 0; i < question.Options.Count; i++)
            if (string.Equals(Normalise(question.Options[i]), Normalise(text), StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }

    private static string Normalise(string text) => text.Replace('ё', 'е').Replace('Ё', 'Е').Trim();

    private static AnswerCheck ReadDate(Question question, string text, DateOnly today)
    {
        DateOnly? date = text.ToLowerInvariant().TrimEnd('.') switch
        {
            "сегодня" => today,
            "вчера" => today.AddDays(-1),
            "позавчера" => today.AddDays(-2),
            "завтра" => today.AddDays(1),
            var other => DateOnly.TryParseExact(other, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null,
        };
        if (date is not { } d) return AnswerCheck.Invalid(QuestionnaireTexts.NotADate);
        if (question.Dates == DateRange.PastOrToday && d > today) return AnswerCheck.Invalid(QuestionnaireTexts.DateInFuture);
        if (question.Dates == DateRange.TodayOrFuture && d < today) return AnswerCheck.Invalid(QuestionnaireTexts.DateInPast);
        return AnswerCheck.Valid(JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [GeneratedRegex(@"^(?<n>[+-]?\d{1,6})$")]
    private static partial Regex BareNumber();

    // «1,5», «1.5 года»: a decimal fraction (comma or dot), optionally followed by a unit word.
    [GeneratedRegex(@"^(?<f>(?<n>\d{1,4})[.,]\d+)(\s+\p{L}+)?\.?$")]
    private static partial Regex Fraction();

    // «5», «5 лет», «12 years»: a number and at most one unit word; «пять» or «5 или 6» are not numbers.
    [GeneratedRegex(@"^(?<n>[+-]?\d{1,6})\s*(\p{L}+\.?)?$")]
    private static partial Regex NumberWithUnit();
}
