using System.Text;

namespace MentorBot.Domain.Roadmaps;

/// <summary>A member a responsible person may be linked to.</summary>
/// <param name="MembershipId"><c>memberships.id</c>.</param>
/// <param name="Position">The member's <c>memberships.position</c> («Заместитель директора по УВР»), or null.</param>
/// <param name="IsCurator">True when the member holds the curator role.</param>
public sealed record LinkCandidate(long MembershipId, string? Position, bool IsCurator);

/// <summary>
/// Links a road map's responsible person («ответственный»), written as a position, to the member who
/// holds it (issue 3 → the reminders reach them). Pure rules:
/// <list type="number">
/// <item>Both sides are compared by <see cref="Normalise"/>: case, «ё», punctuation and spacing do not
/// matter, and the usual abbreviations are expanded («зам.» → «заместитель», «рук.» → «руководитель»,
/// «зав.» → «заведующий», «ст.» → «старший», «нач.» → «начальник», «пед.» → «педагог»).</item>
/// <item>An exact match wins when exactly one member has it.</item>
/// <item>Otherwise one side's words may be the leading words of the other's («зам. директора» ↔
/// «Заместитель директора по УВР», «Заведующий ДОУ» ↔ «заведующий»), again only when exactly one member matches.</item>
/// <item>A name starting with «куратор» («куратор по реализации системы наставничества») is the
/// organisation's curator when there is exactly one.</item>
/// <item>Anything else (no match, or several members match) stays unlinked: it falls back to the
/// curator and is listed for the curator to link by hand.</item>
/// </list>
/// </summary>
public static class ResponsibleLinking
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["зам"] = "заместитель",
        ["замдиректора"] = "заместитель директора",
        ["рук"] = "руководитель",
        ["руков"] = "руководитель",
        ["зав"] = "заведующий",
        ["ст"] = "старший",
        ["нач"] = "начальник",
        ["пед"] = "педагог",
    };

    /// <summary>
    /// The comparable form of a position: lower case, «ё» → «е», every run of characters other than
    /// letters and digits a single space, abbreviations expanded, trimmed. «Зам.  директора по УВР» →
    /// «заместитель директора по увр».
    /// </summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Replace('ё', 'е'))
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Abbreviations.GetValueOrDefault(w, w));
        return string.Join(' ', words);
    }

    /// <summary>True when the normalised name is the curator («куратор …»).</summary>
    public static bool NamesCurator(string responsibleName) =>
        Normalise(responsibleName) is var n && (n == "куратор" || n.StartsWith("куратор ", StringComparison.Ordinal));

    /// <summary>
    /// The member <paramref name="responsibleName"/> is linked to by the rules above, or null when it
    /// stays unlinked (falls back to the curator).
    /// </summary>
    public static long? Choose(string responsibleName, IReadOnlyList<LinkCandidate> candidates)
    {
        var name = Normalise(responsibleName);
        if (name.Length == 0) return null;
        var positioned = candidates.Where(c => !string.IsNullOrWhiteSpace(c.Position))
            .Select(c => (c.MembershipId, Position: Normalise(c.Position!))).ToList();

        var exact = positioned.Where(c => c.Position == name).Select(c => c.MembershipId).Distinct().ToList();
        if (exact.Count == 1) return exact[0];
        if (exact.Count > 1) return null;

        var prefix = positioned.Where(c => IsWordPrefix(name, c.Position) || IsWordPrefix(c.Position, name))
            .Select(c => c.MembershipId).Distinct().ToList();
        if (prefix.Count == 1) return prefix[0];
        if (prefix.Count > 1) return null;

        if (NamesCurator(responsibleName))
        {
            var curators = candidates.Where(c => c.IsCurator).Select(c => c.MembershipId).Distinct().ToList();
            if (curators.Count == 1) return curators[0];
        }

        return null;
    }

    private static bool IsWordPrefix(string shorter, string longer) =>
        shorter.Length > 0 && longer.Length > shorter.Length && longer.StartsWith(shorter + " ", StringComparison.Ordinal);
}
