namespace MentorBot.Host.Pipeline;

/// <summary>Message text rules every messenger adapter shares: splitting a long HTML text into messages the messenger accepts.</summary>
public static class MessageText
{
    /// <summary>
    /// Splits <paramref name="text"/> into parts of at most <paramref name="max"/> characters (Telegram 4096, MAX 4000),
    /// at the last line break that fits, else the last space, else hard (never inside an HTML entity or a surrogate
    /// pair). Parts are never empty.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        var parts = new List<string>();
        var rest = text;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf('\n', max - 1);
            if (cut <= 0) cut = rest.LastIndexOf(' ', max - 1);
            if (cut <= 0) cut = HardCut(rest, max);
            var part = rest[..cut].TrimEnd();
            if (part.Length > 0) parts.Add(part);
            rest = rest[cut..].TrimStart('\n', ' ');
        }

        if (rest.Length > 0 || parts.Count == 0) parts.Add(rest);
        return parts;
    }

    /// <summary>Shortens <paramref name="text"/> to <paramref name="max"/> characters, the last one «…» when cut.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>
    /// Where to cut a text with no line break or space: at <paramref name="max"/>, moved back so that
    /// an HTML entity (<c>&amp;amp;</c>) or a surrogate pair stays whole — a cut one would make the messenger
    /// refuse the part ("can't parse entities") or send a broken character.
    /// </summary>
    private static int HardCut(string text, int max)
    {
        var cut = max;
        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 10));
        if (amp > 0 && text.IndexOf(';', amp, cut - amp) < 0) cut = amp;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return cut;
    }
}
