namespace MentorBot.Domain.Reports;

/// <summary>
/// The one anonymity rule of every aggregate shown to anyone — reports, exports, the digest and charts (issue 6:
/// «hidden when fewer than 5 people answered»; issue 14: one constant). A small school has 3–10 pairs, so a mean of
/// fewer answers would let a curator tell one person's score apart.
/// </summary>
public static class Anonymity
{
    /// <summary>An aggregate of fewer answers than this is withheld: only the count is shown.</summary>
    public const int Threshold = 5;

    /// <summary>True when an aggregate of <paramref name="answers"/> answers must be withheld.</summary>
    public static bool Withholds(int answers) => answers < Threshold;
}
