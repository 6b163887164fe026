using System.Globalization;
using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Roadmaps;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Roadmaps;

/// <summary>
/// The curator changes a stage's or an activity's period (<c>rm:per:s|a:ID</c>): the bot shows the current one and
/// reads the reply in the road map's own phrases (flow <see cref="RoadmapFeature.PeriodFlow"/>, data
/// <c>{"kind":"s"|"a","id":N}</c>); text it cannot read is asked again with the part not understood.
/// </summary>
internal static class RoadmapPeriodEdit
{
    /// <summary>Opens the period conversation for the item and asks for the new period.</summary>
    public static async Task AskAsync(ChatContext context, PlanStage stage, PlanActivity? activity, PlanItemKind kind, long id)
    {
        var current = activity is null ? RoadmapPages.PeriodsText(stage.Periods, stage.DefaultPeriods) : RoadmapPages.PeriodsText(activity.Periods, false);
        await context.SaveConversationAsync(new ConversationState(RoadmapFeature.PeriodFlow, "awaiting",
            JsonSerializer.Serialize(new PeriodTarget(kind == PlanItemKind.Stage ? "s" : "a", id))));
        context.AnswerChoice();
        context.Reply(Reply.Plain(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.AskPeriod, RoadmapPages.ItemName(stage, activity), current)));
    }

    /// <summary>The curator's reply in the period conversation.</summary>
    public static async Task TextAsync(ChatContext context, ChatInput input)
    {
        var conversation = await context.GetConversationAsync();
        var member = await Access.RequireAsync(context, Role.Curator);
        if (member is null || conversation is null)
        {
            await context.ClearConversationAsync();
            return;
        }

        var target = JsonSerializer.Deserialize<PeriodTarget>(conversation.Data)!;
        var kind = target.Kind == "s" ? PlanItemKind.Stage : PlanItemKind.Activity;
        var plan = await RoadmapStore.LoadAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken);
        if (plan is null || RoadmapFeature.Find(plan, kind, target.Id) is not var (stage, activity))
        {
            await context.ClearConversationAsync();
            context.Reply(Reply.Plain(RoadmapTexts.ItemGone));
            return;
        }

        var text = (input as TextInput)?.Text.Trim() ?? "";
        var periods = ReadPeriods(text, member.Today(context.Now), out var problem);
        if (periods is null)
        {
            // Bad input: re-ask with the hint; the conversation stays open.
            context.Reply(Reply.Plain(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.PeriodNotUnderstood, RoadmapPages.Shorten(problem, 100))));
            return;
        }

        await RoadmapStore.ReplacePeriodsAsync(context.Connection, context.Transaction, member.Organisation.Id, kind, target.Id, periods, context.ParticipantId, context.Now, context.CancellationToken);
        await context.ClearConversationAsync();
        context.Reply(Reply.Plain(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.PeriodChanged,
            RoadmapPages.ItemName(stage, activity), string.Join("; ", periods.Select(Describe)))));
        await RoadmapFeature.ShowItemAsync(context, member, kind, target.Id);
    }

    /// <summary>
    /// Reads a typed period in the road map's own forms (<see cref="PeriodPhrases"/>). Month-only phrases fall
    /// in the current academic year (September–August around <paramref name="today"/>). Null, with the part
    /// not understood, when the text is empty, a phrase has no dates (and is not «по запросу»), or a range ends before it starts.
    /// </summary>
    public static IReadOnlyList<Period>? ReadPeriods(string text, DateOnly today, out string problem)
    {
        problem = text;
        if (text.Length == 0) return null;
        var years = new PeriodYears(RoadmapUpload.CurrentAcademicYear(today), AcademicYear: true, today);
        var periods = PeriodPhrases.Parse(text, years);
        var bad = periods.FirstOrDefault(p => p.Recurrence != Recurrence.OnDemand && (p.Start is null || p.End is null || p.End < p.Start || p.Start.Value.Year is < 1900 or > 2200));
        if (bad is not null) problem = bad.Text;
        return periods.Count == 0 || bad is not null ? null : periods;
    }

    private static string Describe(Period period) => period switch
    {
        { Recurrence: Recurrence.OnDemand } => period.Text,
        { Start: { } start, End: { } end } when start == end => $"{period.Text} ({RoadmapTexts.Date(start)})",
        { Start: { } start, End: { } end } => $"{period.Text} ({RoadmapTexts.Date(start)} – {RoadmapTexts.Date(end)})",
        _ => period.Text,
    };


    private sealed record PeriodTarget(string Kind, long Id);
}
