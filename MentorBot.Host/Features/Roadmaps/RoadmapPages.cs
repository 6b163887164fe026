using System.Globalization;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Events;
using MentorBot.Domain.Publishing;
using MentorBot.Domain.Roadmaps;

namespace MentorBot.Host.Features.Roadmaps;

/// <summary>Who looks at the road map: the curator (may change it) or a responsible person (sees their stages, read-only).</summary>
/// <param name="MembershipId">The viewer's membership.</param>
/// <param name="IsCurator">True for the curator.</param>
public sealed record RoadmapViewer(long MembershipId, bool IsCurator)
{
    /// <summary>True when the viewer may see <paramref name="stage"/>: the curator sees all, a responsible person the stages they are linked to.</summary>
    public bool Sees(PlanStage stage) => IsCurator || stage.IsResponsible(MembershipId);
}

/// <summary>
/// The road map's chat pages as HTML replies with <c>rm:</c> buttons: the overview, a stage with its
/// activities, an activity. Statuses come from <see cref="StageStatusRules"/> as of a local date. Long
/// texts are shortened so a page stays well under the Bot API's 4096 characters (the adapter splits
/// anything longer at a line break).
/// </summary>
public static class RoadmapPages
{
    private const int TitleInList = 110;
    private const int ActivityInList = 160;
    private const int ButtonLabel = 48;
    private const int MaxButtons = 90; // Bot API: at most 100 buttons in an inline keyboard

    /// <summary>The overview: every stage the viewer sees, in order, with periods, responsible persons and status.</summary>
    public static Reply Overview(RoadMapPlan plan, string organisationName, RoadmapViewer viewer, DateOnly today)
    {
        var lines = new List<string> { string.Format(CultureInfo.InvariantCulture, RoadmapTexts.OverviewHeading, Html.Escape(Shorten(plan.Title ?? organisationName, 200))) };
        if (!viewer.IsCurator) lines.Add(RoadmapTexts.OnlyYourStages);
        lines.Add(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.AsOf, RoadmapTexts.Date(today)));
        var buttons = new List<IReadOnlyList<Choice>>();
        foreach (var stage in plan.Stages.Where(viewer.Sees))
        {
            var status = StageStatusRules.Evaluate(stage.Periods, plan.Span, stage.Done, today);
            lines.Add("");
            lines.Add($"<b>{Html.Escape(stage.Number)}. {Html.Escape(Shorten(stage.Title, TitleInList))}</b>");
            lines.Add($"{RoadmapTexts.PeriodsLabel}: {Html.Escape(Shorten(PeriodsText(stage.Periods, stage.DefaultPeriods), 200))}");
            lines.Add($"{RoadmapTexts.ResponsibleLabel}: {Html.Escape(Shorten(ResponsibleText(stage.Responsible), 250))}");
            lines.Add($"{RoadmapTexts.StatusLabel}: {RoadmapTexts.Status(status)}");
            if (buttons.Count < MaxButtons)
                buttons.Add([new Choice(Shorten($"{RoadmapTexts.StatusMark(status.Status)} {stage.Number}. {stage.Title}", ButtonLabel), $"rm:s:{stage.Id}")]);
        }

        if (viewer.IsCurator)
        {
            var unlinked = UnlinkedNames(plan);
            if (unlinked.Count > 0)
            {
                lines.Add("");
                lines.Add(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.UnlinkedList, Html.Escape(Shorten(string.Join(", ", unlinked), 600))));
                buttons.Add([new Choice(RoadmapTexts.ButtonLink, "rm:link")]);
            }
        }

        return Reply.Formatted(string.Join('\n', lines), buttons);
    }

    /// <summary>A stage: task, result, periods, responsible persons, status, its activities; the curator's buttons to change it.</summary>
    public static Reply Stage(RoadMapPlan plan, PlanStage stage, RoadmapViewer viewer, DateOnly today)
    {
        var status = StageStatusRules.Evaluate(stage.Periods, plan.Span, stage.Done, today);
        var lines = new List<string> { string.Format(CultureInfo.InvariantCulture, RoadmapTexts.StageHeading, Html.Escape(stage.Number), Html.Escape(Shorten(stage.Title, 300))) };
        if (stage.Task is { } task) lines.Add($"{RoadmapTexts.TaskLabel}: {Html.Escape(Shorten(task, 400))}");
        if (stage.ExpectedResult is { } result) lines.Add($"{RoadmapTexts.ResultLabel}: {Html.Escape(Shorten(result, 400))}");
        lines.Add($"{RoadmapTexts.PeriodsLabel}: {Html.Escape(Shorten(PeriodsText(stage.Periods, stage.DefaultPeriods), 300))}");
        lines.Add($"{RoadmapTexts.ResponsibleLabel}: {Html.Escape(Shorten(ResponsibleText(stage.Responsible), 400))}");
        lines.Add($"{RoadmapTexts.StatusLabel}: {RoadmapTexts.Status(status)}");
        AddMarks(lines, plan.MarksOn(stage.Id, null), today);

        var buttons = new List<IReadOnlyList<Choice>>();
        if (stage.Activities.Count > 0)
        {
            lines.Add("");
            lines.Add(RoadmapTexts.ActivitiesHeading);
            for (var i = 0; i < stage.Activities.Count; i++)
            {
                var activity = stage.Activities[i];
                var activityStatus = StageStatusRules.Evaluate(EffectivePeriods(stage, activity), plan.Span, activity.Done, today);
                var label = ActivityLabel(activity, i);
                lines.Add($"{RoadmapTexts.StatusMark(activityStatus.Status)} {Html.Escape(label)} {Html.Escape(Shorten(activity.Text, ActivityInList))}{MarksCount(plan, activity.Id)}");
                if (buttons.Count < MaxButtons - 4)
                    buttons.Add([new Choice(Shorten($"{RoadmapTexts.StatusMark(activityStatus.Status)} {label} {activity.Text}", ButtonLabel), $"rm:a:{activity.Id}")]);
            }
        }

        if (viewer.IsCurator)
        {
            buttons.Add([stage.Done
                ? new Choice(RoadmapTexts.ButtonStageReopen, $"rm:reopen:s:{stage.Id}")
                : new Choice(RoadmapTexts.ButtonStageDone, $"rm:done:s:{stage.Id}")]);
            buttons.Add([new Choice(RoadmapTexts.ButtonStagePeriod, $"rm:per:s:{stage.Id}")]);
        }
        else if (!stage.Done && stage.IsResponsible(viewer.MembershipId))
        {
            buttons.Add([new Choice(RoadmapTexts.ButtonStageDone, $"rm:done:s:{stage.Id}")]);
        }

        buttons.Add([new Choice(RoadmapTexts.ButtonOverview, "rm:open")]);
        return Reply.Formatted(string.Join('\n', lines), buttons);
    }

    /// <summary>An activity: its text, periods (its own or the stage's), responsible persons, status; the curator's buttons.</summary>
    public static Reply Activity(RoadMapPlan plan, PlanStage stage, PlanActivity activity, RoadmapViewer viewer, DateOnly today)
    {
        var status = StageStatusRules.Evaluate(EffectivePeriods(stage, activity), plan.Span, activity.Done, today);
        var periods = activity.Periods.Count > 0
            ? PeriodsText(activity.Periods, false)
            : string.Format(CultureInfo.InvariantCulture, RoadmapTexts.StagePeriodsApply, PeriodsText(stage.Periods, stage.DefaultPeriods));
        var lines = new List<string>
        {
            string.Format(CultureInfo.InvariantCulture, RoadmapTexts.ActivityHeading, Html.Escape(stage.Number), Html.Escape(Shorten(stage.Title, 200))),
            "",
            Html.Escape(Shorten($"{activity.Number} {activity.Text}".Trim(), 2500)),
            "",
            $"{RoadmapTexts.PeriodsLabel}: {Html.Escape(Shorten(periods, 300))}",
            $"{RoadmapTexts.ResponsibleLabel}: {Html.Escape(Shorten(ResponsibleText(activity.Responsible.Count > 0 ? activity.Responsible : stage.Responsible), 400))}",
            $"{RoadmapTexts.StatusLabel}: {RoadmapTexts.Status(status)}",
        };
        AddMarks(lines, plan.MarksOn(null, activity.Id), today);

        var buttons = new List<IReadOnlyList<Choice>>();
        var responsible = activity.Responsible.Any(r => r.MembershipId == viewer.MembershipId) || stage.IsResponsible(viewer.MembershipId);
        if (viewer.IsCurator)
        {
            buttons.Add([activity.Done
                ? new Choice(RoadmapTexts.ButtonActivityReopen, $"rm:reopen:a:{activity.Id}")
                : new Choice(RoadmapTexts.ButtonActivityDone, $"rm:done:a:{activity.Id}")]);
            buttons.Add([new Choice(RoadmapTexts.ButtonActivityPeriod, $"rm:per:a:{activity.Id}")]);
        }
        else if (!activity.Done && responsible)
        {
            buttons.Add([new Choice(RoadmapTexts.ButtonActivityDone, $"rm:done:a:{activity.Id}")]);
        }

        buttons.Add([new Choice(RoadmapTexts.ButtonBackToStage, $"rm:s:{stage.Id}")]);
        return Reply.Formatted(string.Join('\n', lines), buttons);
    }

    /// <summary>The periods status is read from for an activity: its own, else its stage's.</summary>
    public static IReadOnlyList<Period> EffectivePeriods(PlanStage stage, PlanActivity activity) => activity.Periods.Count > 0 ? activity.Periods : stage.Periods;

    /// <summary>Distinct unlinked responsible names of the plan (as first written), in document order.</summary>
    public static IReadOnlyList<string> UnlinkedNames(RoadMapPlan plan) => plan.AllResponsible
        .Where(r => r.MembershipId is null)
        .DistinctBy(r => ResponsibleLinking.Normalise(r.Name))
        .Select(r => r.Name).ToList();

    /// <summary>Periods joined by «; » (plain text), with the default mark when they are the default schedule.</summary>
    public static string PeriodsText(IReadOnlyList<Period> periods, bool isDefault) =>
        periods.Count == 0 ? RoadmapTexts.NoPeriods : string.Join("; ", periods.Select(p => p.Text)) + (isDefault ? RoadmapTexts.DefaultPeriodMark : "");

    /// <summary>An item's name for messages: «Этап 2. …» or «1.1 …», shortened.</summary>
    public static string ItemName(PlanStage stage, PlanActivity? activity) => activity is null
        ? Shorten($"{stage.Number}. {stage.Title}", 120)
        : Shorten($"{activity.Number} {activity.Text}".Trim(), 120);

    /// <summary>Cuts <paramref name="text"/> (one line) to <paramref name="max"/> characters with «…».</summary>
    public static string Shorten(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        if (line.Length <= max) return line;
        var cut = max - 1;
        if (char.IsHighSurrogate(line[cut - 1])) cut--;
        return line[..cut].TrimEnd() + "…";
    }

    /// <summary>The events and publications of an item, each kind under its heading (the latest 10 of each).</summary>
    private static void AddMarks(List<string> lines, IEnumerable<PlanMark> marks, DateOnly today)
    {
        foreach (var group in marks.GroupBy(m => m.IsEvent).OrderByDescending(g => g.Key))
        {
            lines.Add($"{(group.Key ? EventsTexts.RoadMapHeading : PublishTexts.RoadMapHeading)}:");
            lines.AddRange(group.TakeLast(10).Select(m => "• " + Html.Escape(Shorten(m.Describe(today), 200))));
        }
    }

    /// <summary>« · 📅 N» after an activity in a stage's list when events were made from it.</summary>
    private static string MarksCount(RoadMapPlan plan, long activityId) =>
        plan.MarksOn(null, activityId).Count(m => m.IsEvent) is var n and > 0 ? $" · 📅 {n}" : "";

    private static string ActivityLabel(PlanActivity activity, int index) =>
        activity.Number ?? (index + 1).ToString(CultureInfo.InvariantCulture) + ")";

    private static string ResponsibleText(IReadOnlyList<PlanResponsible> responsible) => responsible.Count == 0
        ? RoadmapTexts.NoResponsible
        : string.Join(", ", responsible.Select(r => r.MembershipId is null
            ? string.Format(CultureInfo.InvariantCulture, RoadmapTexts.Unlinked, r.Name)
            : string.Format(CultureInfo.InvariantCulture, RoadmapTexts.Linked, r.Name, r.MemberName ?? RoadmapTexts.Unnamed)));
}
