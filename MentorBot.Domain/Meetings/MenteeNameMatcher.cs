using System.Text.RegularExpressions;

namespace MentorBot.Domain.Meetings;

/// <summary>
/// Recognises which of a mentor's pairs a meeting message is about from a mentee's name written in
/// it, in any case form: «с Анной», «Ивановой Марии» (issue 6: the pair is asked only when it is not
/// clear). A name part matches a capitalised word that starts with the part's stem (the part less a
/// final vowel, «й» or «ь») and is at most three letters longer. Lower-case words are ignored, so
/// «вера в себя» is not Вера. Only a single matching pair counts.
/// </summary>
public static partial class MenteeNameMatcher
{
    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    /// <summary>The pair whose mentee is named in <paramref name="text"/>, or null when none or several are.</summary>
    public static long? Find(string? text, IReadOnlyList<CheckInPair> pairs)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var words = Words().Matches(text).Select(m => m.Value).Where(w => char.IsUpper(w[0])).Select(Normalise).ToList();
        var matches = pairs.Where(p => Stems(p.MenteeName).Any(stem => words.Any(w => w.StartsWith(stem, StringComparison.Ordinal) && w.Length <= stem.Length + 3)))
            .Select(p => p.PairId).Distinct().ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static IEnumerable<string> Stems(string name) =>
        Words().Matches(name).Select(m => Normalise(m.Value))
            .Select(part => part.Length > 3 && "аеиоуыэюяйь".Contains(part[^1]) ? part[..^1] : part)
            .Where(stem => stem.Length >= 3);

    private static string Normalise(string word) => word.ToLowerInvariant().Replace('ё', 'е');
}
