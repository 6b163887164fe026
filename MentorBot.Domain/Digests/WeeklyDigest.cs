using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MentorBot.Domain.Conversations;

namespace MentorBot.Domain.Digests;

/// <summary>
/// Composes the curator's weekly digest (issue 7) from a <see cref="DigestSnapshot"/>, pure: HTML of the Bot API's
/// subset, cut at section boundaries into messages of at most <see cref="MaxMessageLength"/> characters (usually one).
/// Feedback averages are hidden below <see cref="Reports.Anonymity.Threshold"/> answers so no one's score can be told apart.
/// </summary>
public static partial class WeeklyDigest
{
    /// <summary>Bot API: a message text is at most 4096 characters.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>Longest list shown in a section; the rest is counted («… и ещё 4»).</summary>
    public const int MaxListItems = 10;

    /// <summary>The digest as one or more HTML messages, in order.</summary>
    public static IReadOnlyList<string> Compose(DigestSnapshot snapshot)
    {
        var sections = new List<string>
        {
            DigestTexts.Title(Html.Escape(snapshot.OrganisationName), snapshot.WeekStart),
            RoadMapSection(snapshot.RoadMap),
            BanksSection(snapshot.Banks),
            PairsSection(snapshot.Pairs),
            MeetingsSection(snapshot.Meetings),
            FeedbackSection(snapshot.Feedback),
            DigestTexts.Flags(snapshot.OpenFlags, snapshot.OpenFlagsLastWeek),
        };
        if (snapshot.Impact is { People.Count: > 0 } impact) sections.Add(ImpactSection(impact.Programme));
        if (snapshot.Events.Count > 0 || snapshot.Publications.Count > 0) sections.Add(EventsSection(snapshot));
        sections.Add(TodoSection(snapshot));
        return Split(sections);
    }

    /// <summary>The three things the curator should do this week, most urgent first (fewer when fewer apply).</summary>
    public static IReadOnlyList<string> Todo(DigestSnapshot s)
    {
        var todo = new List<string>();
        if (s.RoadMap is { Overdue.Count: > 0 } map) todo.Add(DigestTexts.TodoOverdue(Item(map.Overdue[0]), map.Overdue.Count));
        if (s.Pairs.AtRisk.Count > 0) todo.Add(DigestTexts.TodoAtRisk(Html.Escape(s.Pairs.AtRisk[0].Mentor), Html.Escape(s.Pairs.AtRisk[0].Mentee), s.Pairs.AtRisk.Count));
        if (s.OpenFlags > 0) todo.Add(DigestTexts.TodoFlags(s.OpenFlags));
        if (s.Pairs.UnmatchedMentees > 0 && s.Banks.Mentors > 0) todo.Add(DigestTexts.TodoMatch(s.Pairs.UnmatchedMentees));
        if (s.Banks.ConsentsPending > 0) todo.Add(DigestTexts.TodoConsents(s.Banks.ConsentsPending));
        if (s.Banks.QuestionnairesUnfinished > 0) todo.Add(DigestTexts.TodoQuestionnaires(s.Banks.QuestionnairesUnfinished));
        if (s.RoadMap is { NextWeek.Count: > 0 } next) todo.Add(DigestTexts.TodoNextWeek(Item(next.NextWeek[0]), next.NextWeek[0].Deadline));
        if (s.Banks.Mentors == 0 && s.Banks.Mentees == 0) todo.Add(DigestTexts.TodoInvite);
        return todo.Take(3).ToList();
    }

    /// <summary>The digest as plain text (tags removed, entities decoded), for the CLI.</summary>
    public static string ToPlainText(IEnumerable<string> html) =>
        string.Join("\n\n", html.Select(part => WebUtility.HtmlDecode(Tag().Replace(part, ""))));

    private static string RoadMapSection(RoadMapProgress? map)
    {
        if (map is null) return DigestTexts.NoRoadMap;
        var lines = new List<string>
        {
            DigestTexts.RoadMapHeader,
            DigestTexts.StagesDone(map.Done, map.Total, map.DoneLastWeek),
            DigestTexts.InProgress(map.InProgress),
            DigestTexts.Overdue(map.Overdue.Count),
        };
        lines.AddRange(List(map.Overdue, o => DigestTexts.OverdueItem(Item(o), o.Deadline)));
        lines.Add(DigestTexts.NextWeek(map.NextWeek.Count));
        lines.AddRange(List(map.NextWeek, o => DigestTexts.NextWeekItem(Item(o), o.Deadline)));
        return string.Join("\n", lines);
    }

    private static string BanksSection(BankFigures b) => string.Join("\n",
        DigestTexts.BanksHeader,
        DigestTexts.Mentors(b.Mentors, b.MentorsLastWeek),
        DigestTexts.Mentees(b.Mentees, b.MenteesLastWeek),
        DigestTexts.ConsentsPending(b.ConsentsPending),
        DigestTexts.QuestionnairesUnfinished(b.QuestionnairesUnfinished));

    private static string PairsSection(PairFigures p)
    {
        var lines = new List<string>
        {
            DigestTexts.PairsHeader,
            DigestTexts.Formed(p.Formed, p.FormedLastWeek),
            DigestTexts.Active(p.Active),
            DigestTexts.Unmatched(p.UnmatchedMentees),
            DigestTexts.AtRisk(p.AtRisk.Count),
        };
        lines.AddRange(List(p.AtRisk, r => DigestTexts.AtRiskItem(Html.Escape(r.Mentor), Html.Escape(r.Mentee), r.QuietDays)));
        return string.Join("\n", lines);
    }

    private static string MeetingsSection(MeetingFigures m)
    {
        var lines = new List<string> { DigestTexts.MeetingsHeader, DigestTexts.MeetingsTotal(m.ThisWeek, m.LastWeek) };
        lines.AddRange(List(m.ByPair, p => DigestTexts.PairMeetingsItem(Html.Escape(p.Mentor), Html.Escape(p.Mentee), p.ThisWeek, p.LastWeek)));
        return string.Join("\n", lines);
    }

    private static string FeedbackSection(FeedbackFigures f)
    {
        if (Reports.Anonymity.Withholds(f.Count) || f.Average is not { } average) return DigestTexts.FeedbackHidden(f.Count, Reports.Anonymity.Threshold);
        var lastWeek = !Reports.Anonymity.Withholds(f.CountLastWeek) && f.AverageLastWeek is { } previous ? Score(previous) : null;
        return DigestTexts.Feedback(Score(average), f.Count, lastWeek, f.CountLastWeek);
    }

    private static string ImpactSection(Reports.CompetencyAggregate programme) => programme.Hidden
        ? DigestTexts.ImpactHidden(programme.Respondents, Reports.Anonymity.Threshold)
        : DigestTexts.Impact(programme.Respondents, programme.Improved!.Value, programme.Stayed!.Value, programme.Declined!.Value);

    private static string TodoSection(DigestSnapshot s)
    {
        var todo = Todo(s);
        if (todo.Count == 0) return DigestTexts.TodoHeader + "\n" + DigestTexts.NothingToDo;
        return DigestTexts.TodoHeader + "\n" + string.Join("\n", todo.Select((t, i) => $"{i + 1}. {t}"));
    }

    private static IEnumerable<string> List<T>(IReadOnlyList<T> items, Func<T, string> line)
    {
        foreach (var item in items.Take(MaxListItems)) yield return line(item);
        if (items.Count > MaxListItems) yield return DigestTexts.More(items.Count - MaxListItems);
    }

    private static string Item(DatedItem item) =>
        item.Number is { Length: > 0 } ? $"{Html.Escape(item.Number)} «{Html.Escape(item.Title)}»" : $"«{Html.Escape(item.Title)}»";

    private static string Score(double value) => value.ToString("0.0", CultureInfo.GetCultureInfo("ru-RU"));

    /// <summary>Joins sections into messages of at most <see cref="MaxMessageLength"/>; a section longer than that is cut between lines.</summary>
    private static List<string> Split(IEnumerable<string> sections)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var section in sections.SelectMany(SplitSection))
        {
            if (current.Length > 0 && current.Length + 2 + section.Length > MaxMessageLength)
            {
                parts.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0) current.Append("\n\n");
            current.Append(section);
        }

        if (current.Length > 0) parts.Add(current.ToString());
        return parts;
    }

    private static IEnumerable<string> SplitSection(string section)
    {
        if (section.Length <= MaxMessageLength)
        {
            yield return section;
            yield break;
        }

        var chunk = new StringBuilder();
        foreach (var line in section.Split('\n'))
        {
            var safe = line.Length > MaxMessageLength ? line[..(MaxMessageLength - 1)] + "…" : line;
            if (chunk.Length > 0 && chunk.Length + 1 + safe.Length > MaxMessageLength)
            {
                yield return chunk.ToString();
                chunk.Clear();
            }

            if (chunk.Length > 0) chunk.Append('\n');
            chunk.Append(safe);
        }

        if (chunk.Length > 0) yield return chunk.ToString();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
