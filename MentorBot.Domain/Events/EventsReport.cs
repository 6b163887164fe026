using System.Globalization;
using MentorBot.Domain.Reports;

namespace MentorBot.Domain.Events;

/// <summary>An event as the final report lists it.</summary>
/// <param name="StartsLocal">Start in the organisation's zone.</param>
/// <param name="Title">Title.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Invited">People invited.</param>
/// <param name="Yes">People who said «Приду».</param>
/// <param name="Attended">People marked present, or null when attendance was not marked.</param>
/// <param name="Outcome">The curator's short outcome, or null.</param>
public sealed record EventLine(DateTime StartsLocal, string Title, EventKind Kind, int Invited, int Yes, int? Attended, string? Outcome);

/// <summary>
/// The events section of the programme's final report (issue 15 → issue 14's <see cref="ProgrammeSection"/>, order
/// <see cref="Order"/>): the year's events in time order with invitations, attendance and outcomes, and the count by kind.
/// </summary>
public static class EventsReport
{
    /// <summary>Where the section stands among the report's (events: 70).</summary>
    public const int Order = 70;

    /// <summary>The section, or null when the year had no events.</summary>
    public static ProgrammeSection? Section(IReadOnlyList<EventLine> events)
    {
        if (events.Count == 0) return null;
        var ordered = events.OrderBy(e => e.StartsLocal).ToList();
        var byKind = string.Join(", ", ordered.GroupBy(e => e.Kind).OrderBy(g => g.Key).Select(g => $"{EventsTexts.KindName(g.Key)} — {g.Count().ToString(CultureInfo.InvariantCulture)}"));
        return new ProgrammeSection(Order,
        [
            new HeadingBlock(EventsTexts.ReportHeading),
            new ParagraphBlock(EventsTexts.ReportSummary(ordered.Count, byKind)),
            new TableBlock(EventsTexts.ReportColumns, [.. ordered.Select(e => (IReadOnlyList<string>)
            [
                e.StartsLocal.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture), e.Title, EventsTexts.KindName(e.Kind),
                e.Invited.ToString(CultureInfo.InvariantCulture), e.Yes.ToString(CultureInfo.InvariantCulture),
                e.Attended is { } a ? a.ToString(CultureInfo.InvariantCulture) : EventsTexts.NotMarked, e.Outcome ?? "",
            ])]),
        ]);
    }
}
