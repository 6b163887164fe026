using MentorBot.Domain.Conversations;

namespace MentorBot.Domain.Digests;

public static partial class WeeklyDigest
{
    /// <summary>Events held this week (with attendance), those ahead (with «Приду»), and this week's publications (issue 15).</summary>
    private static string EventsSection(DigestSnapshot s)
    {
        var lines = new List<string> { DigestTexts.EventsHeading };
        var held = s.Events.Where(e => e.Held).ToList();
        var ahead = s.Events.Where(e => !e.Held).ToList();
        if (held.Count > 0) lines.Add(DigestTexts.EventsHeld);
        lines.AddRange(held.Take(MaxListItems).Select(e => DigestTexts.HeldItem(e.StartsLocal, Html.Escape(e.Title), Events.EventsTexts.KindName(e.Kind), e.Invited, e.Attended)));
        if (held.Count > MaxListItems) lines.Add(DigestTexts.More(held.Count - MaxListItems));
        if (ahead.Count > 0) lines.Add(DigestTexts.EventsAhead);
        lines.AddRange(ahead.Take(MaxListItems).Select(e => DigestTexts.AheadItem(e.StartsLocal, Html.Escape(e.Title), Events.EventsTexts.KindName(e.Kind), e.Invited, e.Yes)));
        if (ahead.Count > MaxListItems) lines.Add(DigestTexts.More(ahead.Count - MaxListItems));
        if (s.Publications.Count > 0) lines.Add(DigestTexts.Publications(s.Publications));
        return string.Join('\n', lines);
    }
}
