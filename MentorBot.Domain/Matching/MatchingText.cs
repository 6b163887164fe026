using System.Text;

namespace MentorBot.Domain.Matching;

/// <summary>
/// Normalisation of the free text people type into questionnaires (subjects, difficulties,
/// competencies), so that «Работа  с родителями » and «работа с родителями» are the same thing.
/// </summary>
public static class MatchingText
{
    /// <summary>
    /// Lower-cases (invariant culture), trims, collapses whitespace runs to one space and folds «ё»
    /// to «е» (people write both). Null becomes the empty string.
    /// </summary>
    public static string Normalize(string? text)
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

            var c = char.ToLowerInvariant(raw);
            builder.Append(c == 'ё' ? 'е' : c);
        }

        return builder.ToString();
    }
}
