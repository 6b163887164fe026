using System.Text;
using System.Text.RegularExpressions;

namespace MentorBot.Domain.Meetings;

/// <summary>What a piece of a message is: a word, a number (maybe with separators) or one punctuation mark.</summary>
internal enum TokenType
{
    Word,
    Number,
    Punct,
}

/// <summary>
/// One piece of a message. <see cref="Text"/> is normalised for matching (lower case, ё → е, Latin
/// look-alike letters inside a Cyrillic word turned Cyrillic, since phones mix layouts: «чaса»);
/// <see cref="Start"/> and <see cref="Length"/> point into the original text, so a topic keeps the
/// mentor's own spelling.
/// </summary>
internal sealed record MessageToken(TokenType Type, string Text, string Raw, int Start, int Length)
{
    private static readonly Regex Pieces = new(
        @"(?<n>[0-9]+(?:[.,/][0-9]+)*)|(?<w>\p{L}+)|(?<p>\n|[^\s\p{L}0-9])",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // Latin letters that look like Cyrillic ones on a phone keyboard.
    private const string Latin = "aceopxykmthb";
    private const string Cyrillic = "асеорхукмтнв";

    /// <summary>End of the token in the original text (exclusive).</summary>
    public int End => Start + Length;

    /// <summary>True when the mentor wrote the token with a capital letter (names, initials).</summary>
    public bool IsCapitalized => Raw.Length > 0 && char.IsUpper(Raw[0]);

    /// <summary>Splits <paramref name="text"/> into tokens; digits and letters always part («2ч» → «2», «ч»).</summary>
    public static List<MessageToken> Split(string text)
    {
        var tokens = new List<MessageToken>();
        foreach (Match m in Pieces.Matches(text))
        {
            var type = m.Groups["n"].Success ? TokenType.Number : m.Groups["w"].Success ? TokenType.Word : TokenType.Punct;
            var normal = type == TokenType.Word ? NormalizeWord(m.Value) : m.Value;
            tokens.Add(new MessageToken(type, normal, m.Value, m.Index, m.Length));
        }

        return tokens;
    }

    private static string NormalizeWord(string raw)
    {
        var lower = raw.ToLowerInvariant().Replace('ё', 'е');
        if (!lower.Any(c => c is >= 'а' and <= 'я'))
        {
            return lower;
        }

        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            var at = Latin.IndexOf(c);
            builder.Append(at >= 0 ? Cyrillic[at] : c);
        }

        return builder.ToString();
    }
}
