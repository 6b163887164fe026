using System.Text;

namespace MentorBot.Domain.Matching;

/// <summary>
/// Normalisation of the free text people type into questionnaires (subjects, difficulties,
/// competencies), so that «Работа  с родителями » and «работа с родителями» are the same thing.
/// </summary>
public static class MatchingText
{
    /// <summary>
    /// The comparison key: <see cref="Tidy"/>, then lower-cased (invariant culture) with «ё» folded to «е»
    /// (people write both). Null becomes the empty string.
    /// </summary>
    public static string Normalize(string? text) => Clean(text, fold: true);

    /// <summary>
    /// The display form: trimmed, whitespace runs collapsed to one space, case kept — how a request is
    /// quoted back in reasons. Null becomes the empty string.
    /// </summary>
    public static string Tidy(string? text) => Clean(text, fold: false);

    private static string Clean(string? text, bool fold)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text.Trim())
        {
            if (char.IsWhiteSpace(raw))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            var c = fold ? char.ToLowerInvariant(raw) : raw;
            builder.Append(fold && c == 'ё' ? 'е' : c);
        }

        return builder.ToString();
    }
}
