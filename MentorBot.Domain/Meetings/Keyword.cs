namespace MentorBot.Domain.Meetings;

/// <summary>
/// A word the parser recognises in any of its listed grammatical forms, tolerating typos.
/// A message word matches when its edit distance (Damerau–Levenshtein, optimal string alignment:
/// one insertion, deletion, substitution or swap of neighbours counts 1) to some form is at most
/// the form's budget: 0 for forms of up to 4 letters (short words collide: «час»/«чай»,
/// «тема»/«темп»), 1 for 5–8 letters («минт» → «минут», «онлаин» → «онлайн», «пробнная» →
/// «пробная»; «четверга» must not take «четверть»), 2 for 9 or more. Where several keywords of a
/// table could match, <see cref="Best{T}"/> takes the closest, so «двадцать» is 20, not «двенадцать». Words that collide with common words at distance 1 are built with
/// <see cref="Exact"/> («среду» / «среди»).
/// </summary>
internal sealed class Keyword
{
    private readonly string[] forms;
    private readonly bool exact;

    private Keyword(string[] forms, bool exact)
    {
        this.forms = forms;
        this.exact = exact;
    }

    /// <summary>A keyword from a stem and its endings: <c>Of("пробн", "ая|ой|ую")</c>; an empty ending means the bare stem.</summary>
    public static Keyword Of(string stem, string endings = "") => new(Expand(stem, endings), exact: false);

    /// <summary>A keyword from whole forms, each matched with the default typo budget.</summary>
    public static Keyword Forms(params string[] forms) => new(forms, exact: false);

    /// <summary>A keyword from whole forms that must be written exactly (after normalisation).</summary>
    public static Keyword Exact(params string[] forms) => new(forms, exact: true);

    /// <summary>True when <paramref name="word"/> (already normalised) is one of the forms, within the typo budget.</summary>
    public bool Matches(string word) => Closeness(word) is not null;

    /// <summary>The value of the table row whose keyword is closest to <paramref name="word"/>, or <c>null</c> when none matches.</summary>
    public static T? Best<T>(IEnumerable<(Keyword Word, T Value)> table, string word)
        where T : struct
    {
        T? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (keyword, value) in table)
        {
            if (keyword.Closeness(word) is { } distance && distance < bestDistance)
            {
                (best, bestDistance) = (value, distance);
            }
        }

        return best;
    }

    /// <summary>The smallest edit distance to a form within its budget, or <c>null</c>.</summary>
    private int? Closeness(string word)
    {
        int? best = null;
        foreach (var form in forms)
        {
            if (form == word)
            {
                return 0;
            }

            var budget = Budget(form.Length);
            if (!exact && Distance(word, form, budget) is var distance && distance <= budget && (best is null || distance < best))
            {
                best = distance;
            }
        }

        return best;
    }

    private static int Budget(int length) => length <= 4 ? 0 : length <= 8 ? 1 : 2;

    private static string[] Expand(string stem, string endings) =>
        endings.Split('|').Select(ending => stem + ending).ToArray();

    /// <summary>Optimal-string-alignment distance, giving up early (returns limit + 1) when it exceeds <paramref name="limit"/>.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                }

                d[i, j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }
        }

        return d[a.Length, b.Length];
    }
}
