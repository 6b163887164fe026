using System.Text.RegularExpressions;

namespace MentorBot.Domain.Roadmaps;

/// <summary>
/// Splits a content cell holding several items («1. … 2. …», «1) … 2) …», «- … ; - …», HTML list
/// items) into activity texts. The outermost list wins: dashes inside a numbered item stay in it.
/// Text before the first marker (an intro such as «Подготовка … актов:») is kept as its own item.
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
        text = text.Replace('\n', ' ').Trim();
        if (text.Length == 0)
        {
            return [];
        }

        var numbered = NumberedMarkers(text);
        var dashes = DashMarkerPositions(text);
        var markers = numbered.Count > 0 && (dashes.Count == 0 || numbered[0].Start <= dashes[0].Start) ? numbered : dashes;
        if (markers.Count == 0)
        {
            return [Tidy(text)];
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

            var before = text[..i].TrimEnd();
            if (before.Length == 0 || text[i] == '•' || ClauseEnds.Contains(before[^1]))
            {
                markers.Add((i, 1));
            }
        }

        return markers;
    }
}
