using System.Globalization;
using MentorBot.Domain.Reports;
using MentorBot.Domain.Scheduling;

namespace MentorBot.Domain.Digests;

/// <summary>
/// The weekly digest's picture (issue 14): meetings held and road-map stages done per week over the last
/// <see cref="Weeks"/> weeks, as a chart the host draws and sends as a photo after the text digest.
/// </summary>
public static class DigestChart
{
    /// <summary>How many weeks the picture covers.</summary>
    public const int Weeks = 8;

    /// <summary>The Mondays of the <see cref="Weeks"/> weeks ending with the week of <paramref name="weekStart"/>, oldest first.</summary>
    public static IReadOnlyList<DateOnly> Mondays(DateOnly weekStart)
    {
        var monday = CalendarWeeks.Monday(weekStart);
        return [.. Enumerable.Range(0, Weeks).Select(i => monday.AddDays(7 * (i - Weeks + 1)))];
    }

    /// <summary>The chart of <paramref name="snapshot"/>'s weeks, or null when nothing happened in them (no picture then).</summary>
    public static ChartSpec? Spec(DigestSnapshot snapshot)
    {
        var weeks = snapshot.Weekly;
        if (weeks.All(w => w.Meetings == 0 && w.StagesDone == 0)) return null;
        return new ChartSpec(DigestTexts.ChartTitle, [.. weeks.Select(w => w.Monday.ToString("dd.MM", CultureInfo.InvariantCulture))],
        [
            new ChartSeries(DigestTexts.ChartMeetings, [.. weeks.Select(w => (double)w.Meetings)]),
            new ChartSeries(DigestTexts.ChartStages, [.. weeks.Select(w => (double)w.StagesDone)]),
        ]);
    }

    /// <summary>The photo's caption: the totals the picture shows, in words, for those who do not open it.</summary>
    public static string Caption(DigestSnapshot snapshot) =>
        DigestTexts.ChartCaption(snapshot.Weekly.Sum(w => w.Meetings), snapshot.Weekly.Sum(w => w.StagesDone));
}
