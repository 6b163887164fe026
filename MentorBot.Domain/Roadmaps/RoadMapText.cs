using System.Net;
using System.Text.RegularExpressions;

namespace MentorBot.Domain.Roadmaps;

/// <summary>
/// Cleans the text of a road-map cell or title line: documents come out of Word/PDF/site exports
/// with HTML fragments, **bold** markers and non-breaking spaces left in, and words broken across
/// page breaks.
/// </summary>
internal static partial class RoadMapText
{
    [GeneratedRegex(@"<\s*(?:br|/p|/li|/div|/tr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"<\s*li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItemTag();

    [GeneratedRegex(@"<\s*/?\s*[a-z][a-z0-9]*\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\f\v\u00A0\u2007\u202F\u2009\u200B]+")]
    private static partial Regex HorizontalSpace();

    [GeneratedRegex(@"\*\*|__")]
    private static partial Regex MarkdownBold();

    /// <summary>
    /// Strips tags (a list item becomes a «• » bullet on its own line, a <c>&lt;br&gt;</c> a line break),
    /// decodes entities, drops **bold** markers, turns non-breaking spaces into spaces and collapses
    /// runs of spaces. Line breaks are kept: responsible persons may be separated by them.
    /// </summary>
    public static string Clean(string raw)
    {
        var text = LineBreakTag().Replace(raw, "\n");
        text = ListItemTag().Replace(text, "\n• ");
        text = AnyTag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        text = MarkdownBold().Replace(text, "");
        var lines = text.Split('\n').Select(line => HorizontalSpace().Replace(line, " ").Trim()).Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    /// <summary>Cleans and puts everything on one line.</summary>
    public static string OneLine(string raw) => Clean(raw).Replace('\n', ' ');

    /// <summary>
    /// Appends a fragment that continues <paramref name="text"/> on a later line (a page break split
    /// the cell). «настав-» + «ничества» joins into one word; a fragment that repeats the end of the
    /// word it continues («…необходимости)» + «сти), продолжение…», a PDF extraction artefact) is
    /// joined without the repeat; punctuation attaches without a space.
    /// </summary>
    public static string Glue(string text, string fragment, string separator)
    {
        if (fragment.Length == 0)
        {
            return text;
        }

        if (text.Length == 0)
        {
            return fragment;
        }

        if (text.Length >= 2 && text[^1] == '-' && char.IsLetter(text[^2]) && char.IsLower(fragment[0]))
        {
            return text[..^1] + fragment;
        }

        fragment = WithoutRepeatedWordEnd(text, fragment);
        return fragment.Length > 0 && ",.;:)".Contains(fragment[0]) ? text + fragment : text + separator + fragment;
    }

    private static string WithoutRepeatedWordEnd(string text, string fragment)
    {
        if (!char.IsLower(fragment[0]))
        {
            return fragment;
        }

        var firstToken = fragment.Split(' ')[0];
        for (var length = firstToken.Length; length >= 2; length--)
        {
            var head = firstToken[..length];
            var at = text.Length - length;
            // Only a strict tail of a longer word counts, so a repeated whole word is never dropped.
            if (at > 0 && text.EndsWith(head, StringComparison.Ordinal) && char.IsLetter(text[at - 1]))
            {
                return fragment[length..].TrimStart();
            }
        }

        return fragment;
    }
}
