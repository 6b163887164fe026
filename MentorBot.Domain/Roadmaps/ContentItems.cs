using System.Text.RegularExpressions;

namespace MentorBot.Domain.Roadmaps;

/// <summary>
/// Splits a content cell holding several items («1. … 2. …», «1) … 2) …», «- … ; - …», HTML list
/// items) into activity texts. The outermost list wins: dashes inside a numbered item stay in it.
/// Text before the first marker (an intro such as «Подготовка … актов:») is kept as its own item.
/// A line break (a paragraph of a Word cell) is a separator the text form lacks: a dash after it always
/// opens an item, and without any list marker each paragraph that starts like an item is one.
/// </summary>
internal static class ContentItems
{
    private const string DashMarkers = "-–—•";

    // A dash opens an item only at the start or after the end of a clause, so «наставничества – при
    // наличии» and «психолого-педагогической» are left alone.
    private const string ClauseEnds = ":;.,»)!?";

    /// <summary>The items in order, markers removed, trailing «;» and «,» trimmed; one item when there is no list.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        // Markers are found with the line breaks kept (positions do not move when they become spaces).
        var lines = text.Trim();
        text = lines.Replace('\n', ' ');
        if (text.Length == 0)
        {
            return [];
        }

        var numbered = NumberedMarkers(text);
        var dashes = DashMarkerPositions(lines);
        var markers = numbered.Count > 0 && (dashes.Count == 0 || numbered[0].Start <= dashes[0].Start) ? numbered : dashes;
        if (markers.Count == 0)
        {
            return Paragraphs(lines);
        }

        var items = new List<string> { Tidy(text[..markers[0].Start]) };
        for (var i = 0; i < markers.Count; i++)
        {
            var end = i + 1 < markers.Count ? markers[i + 1].Start : text.Length;
            items.Add(Tidy(text[(markers[i].Start + markers[i].Length)..end]));
        }

        return items.Where(item => item.Length > 0).ToList();
    }

    /// <summary>Whether a continuation cell starts new items rather than continuing a sentence.</summary>
    public static bool StartsNewItem(string text) =>
        text.Length > 0 && (char.IsUpper(text[0])
            || (DashMarkers.Contains(text[0]) && (text.Length == 1 || char.IsWhiteSpace(text[1])))
            || Regex.IsMatch(text, @"^\d{1,2}[.)]\s"));

    /// <summary>Each paragraph that starts like an item is one; a paragraph starting in lower case continues the one above.</summary>
    private static List<string> Paragraphs(string lines)
    {
        var items = new List<string>();
        foreach (var paragraph in lines.Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (items.Count > 0 && !StartsNewItem(paragraph))
                items[^1] = items[^1] + " " + paragraph;
            else
                items.Add(paragraph);
        }

        return items.Select(Tidy).Where(item => item.Length > 0).ToList();
    }

    private static string Tidy(string item) => item.Trim().TrimEnd(';', ',', ':', ' ').Trim();

    private static List<(int Start, int Length)> NumberedMarkers(string text)
    {
        var first = Regex.Match(text, @"(?<![^\s:;])1([.)])\s");
        if (!first.Success)
        {
            return [];
        }

        var delimiter = Regex.Escape(first.Groups[1].Value);
        var markers = new List<(int, int)> { (first.Index, first.Length) };
        var from = first.Index + first.Length;
        for (var n = 2; ; n++)
        {
            var next = new Regex($@"(?<![^\s:;.,]){n}{delimiter}\s").Match(text, from);
            if (!next.Success)
            {
                return markers;
            }

            markers.Add((next.Index, next.Length));
            from = next.Index + next.Length;
        }
    }

    private static List<(int Start, int Length)> DashMarkerPositions(string text)
    {
        var markers = new List<(int, int)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!DashMarkers.Contains(text[i]) || (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1])) || (i > 0 && !char.IsWhiteSpace(text[i - 1])))
            {
                continue;
            }

            var before = text[..i].TrimEnd(' ', '\t');
            if (before.Length == 0 || text[i] == '•' || before[^1] == '\n' || ClauseEnds.Contains(before[^1]))
            {
                markers.Add((i, 1));
            }
        }

        return markers;
    }
}
