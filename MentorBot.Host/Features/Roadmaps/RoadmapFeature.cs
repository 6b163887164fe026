using System.Globalization;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Roadmaps;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Host.Features.Roadmaps;

/// <summary>
/// The road map in chat (issue 3, «In the bot»): <c>/roadmap</c>, its <c>rm:</c> buttons, the period
/// conversation and the document upload.
/// <para>Who sees what: the curator sees every stage and changes them; a member linked as a responsible
/// person (<c>road_map_responsible_persons.membership_id</c>) sees only the stages they are responsible for
/// (the stage itself or one of its activities), read-only, and may mark those done (the reminders ask
/// them to); everyone else is told the road map belongs to the curator and the responsible persons.</para>
/// <para>Button data (≤ 64 bytes; safe to put on background messages such as the reminders — every press
/// re-checks the organisation, the role and that the item still exists; an item gone after a re-import is
/// answered with a hint to reopen /roadmap):</para>
/// <list type="bullet">
/// <item><c>rm:open</c> — the overview (the reminders' «Открыть дорожную карту»).</item>
/// <item><c>rm:s:&lt;stageId&gt;</c> / <c>rm:a:&lt;activityId&gt;</c> — open a stage / an activity.</item>
/// <item><c>rm:done:s:&lt;stageId&gt;</c> / <c>rm:done:a:&lt;activityId&gt;</c> — mark done (the reminders'
/// «Отметить выполненным»; the curator or a responsible person of it; pressing twice changes nothing).</item>
/// <item><c>rm:reopen:s|a:&lt;id&gt;</c>, <c>rm:per:s|a:&lt;id&gt;</c> — reopen, change the period (curator).</item>
/// <item><c>rm:imp:yes</c> / <c>rm:imp:no</c> — confirm or drop an uploaded document (curator).</item>
/// <item><c>rm:link</c>, <c>rm:lk:&lt;responsibleId&gt;</c>, <c>rm:lm:&lt;responsibleId&gt;:&lt;membershipId&gt;</c> — link a position by hand (curator).</item>
/// </list>
/// Ids are <c>road_map_stages.id</c>, <c>road_map_activities.id</c>, <c>road_map_responsible_persons.id</c>, <c>memberships.id</c>.
/// </summary>
/// <param name="downloads">Fetches uploaded documents.</param>
public sealed class RoadmapFeature(IDocumentDownloads downloads) : IChatFeature
{
    private readonly RoadmapUpload upload = new(downloads);

    /// <summary>The conversation flow of a period change (data: <c>{"kind":"s"|"a","id":N}</c>).</summary>
    public const string PeriodFlow = "roadmap.period";

    /// <summary>The conversation flow of an upload waiting for confirmation (data: file name, text, parse date).</summary>
    public const string UploadFlow = "roadmap.upload";

    /// <summary>
    /// Road-map files larger than this are refused, in chat and in the CLI, before they are read whole: 20 MB,
    /// what the Bot API lets a bot download (a Word file with pictures may be several MB).
    /// </summary>
    public const long MaxUploadBytes = 20L * 1024 * 1024;

    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Command("roadmap", ShowOverviewAsync, RoadmapTexts.Menu, Role.Curator, Role.Head, Role.Mentor)
        .Choice("rm", PressAsync)
        .Flow(PeriodFlow, RoadmapPeriodEdit.TextAsync)
        .Flow(UploadFlow, RoadmapUpload.WaitingTextAsync)
        .Document(upload.ReceiveAsync);

    private static RoadmapViewer Viewer(Member member) => new(member.MembershipId, member.Has(Role.Curator));

    /// <summary>The member and their organisation's plan, or null after telling them why not (no plan, nothing assigned).</summary>
    private static async Task<(Member Member, RoadMapPlan Plan)?> OpenAsync(ChatContext context)
    {
        var member = await Access.RequireAsync(context);
        if (member is null) return null;
        var plan = await RoadmapStore.LoadAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken);
        var viewer = Viewer(member);
        if (plan is null)
        {
            context.AnswerChoice();
            context.Reply(Reply.Plain(viewer.IsCurator ? RoadmapTexts.NoPlanCurator : RoadmapTexts.NoPlan));
            return null;
        }

        if (!viewer.IsCurator && !plan.Stages.Any(viewer.Sees))
        {
            context.AnswerChoice();
            context.Reply(Reply.Plain(RoadmapTexts.NothingAssigned));
            return null;
        }

        return (member, plan);
    }

    /// <summary><c>/roadmap</c> and <c>rm:open</c>: the overview of the stages this member sees.</summary>
    internal static async Task ShowOverviewAsync(ChatContext context, ChatInput input)
    {
        if (await OpenAsync(context) is not var (member, plan)) return;
        context.Reply(RoadmapPages.Overview(plan, member.Organisation.Name, Viewer(member), member.Today(context.Now)));
    }

    private static async Task PressAsync(ChatContext context, ChatInput input)
    {
        var parts = ((ChoiceInput)input).Data.Split(':');
        switch (parts)
        {
            case [_, "imp", var answer]:
                await RoadmapUpload.ConfirmAsync(context, answer == "yes", null);
                return;
            case [_, "imp", "year", var yearText] when int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year):
                await RoadmapUpload.ConfirmAsync(context, true, year);
                return;
            case [_, "imp", "frag", var pageText] when int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page):
                await RoadmapUpload.ShowFragmentsAsync(context, page);
                return;
            case [_, "open"]:
                await ShowOverviewAsync(context, input);
                return;
        }

        if (await OpenAsync(context) is not var (member, plan)) return;
        var viewer = Viewer(member);
        var today = member.Today(context.Now);
        switch (parts)
        {
            case [_, "s", var id] when Id(id) is { } stageId && plan.Stage(stageId) is { } stage && viewer.Sees(stage):
                context.Reply(RoadmapPages.Stage(plan, stage, viewer, today));
                return;
            case [_, "a", var id] when Id(id) is { } activityId && plan.Activity(activityId) is var (stage, activity) && viewer.Sees(stage):
                context.Reply(RoadmapPages.Activity(plan, stage, activity, viewer, today));
                return;
            case [_, var action and ("done" or "reopen" or "per"), var kind and ("s" or "a"), var id] when Id(id) is { } itemId:
                await ChangeAsync(context, member, plan, action, kind == "s" ? PlanItemKind.Stage : PlanItemKind.Activity, itemId);
                return;
            case [_, "link"]:
                RoadmapResponsibleLinking.ShowUnlinked(context, member, plan);
                return;
            case [_, "lk", var id] when Id(id) is { } responsibleId:
                await RoadmapResponsibleLinking.ShowMembersAsync(context, member, plan, responsibleId);
                return;
            case [_, "lm", var rid, var mid] when Id(rid) is { } responsibleId && Id(mid) is { } membershipId:
                await RoadmapResponsibleLinking.LinkAsync(context, member, plan, responsibleId, membershipId);
                return;
            default:
                context.AnswerChoice();
                context.Reply(Reply.Plain(RoadmapTexts.ItemGone));
                return;
        }
    }

    private static async Task ChangeAsync(ChatContext context, Member member, RoadMapPlan plan, string action, PlanItemKind kind, long id)
    {
        var viewer = Viewer(member);
        var target = Find(plan, kind, id);
        if (target is not var (stage, activity) || !viewer.Sees(stage))
        {
            context.AnswerChoice();
            context.Reply(Reply.Plain(RoadmapTexts.ItemGone));
            return;
        }

        // A responsible person may mark their own item done (the reminders ask them to); the rest is the curator's.
        var responsible = stage.IsResponsible(member.MembershipId) || (activity?.Responsible.Any(r => r.MembershipId == member.MembershipId) ?? false);
        if (!viewer.IsCurator && !(action == "done" && responsible))
        {
            context.AnswerChoice(RoadmapTexts.CuratorOnly);
            context.Reply(Reply.Plain(RoadmapTexts.CuratorOnly));
            return;
        }

        if (action == "per")
        {
            await RoadmapPeriodEdit.AskAsync(context, stage, activity, kind, id);
            return;
        }

        var done = action == "done";
        var changed = await RoadmapStore.SetDoneAsync(context.Connection, context.Transaction, member.Organisation.Id, kind, id, done, context.ParticipantId, context.Now, context.CancellationToken);
        context.AnswerChoice(!changed ? RoadmapTexts.AlreadyThere : done ? RoadmapTexts.MarkedDone : RoadmapTexts.Reopened);
        await ShowItemAsync(context, member, kind, id);
    }

    /// <summary>Reloads the plan and shows the stage (or the activity) after a change.</summary>
    internal static async Task ShowItemAsync(ChatContext context, Member member, PlanItemKind kind, long id)
    {
        var plan = await RoadmapStore.LoadAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken);
        if (plan is null || Find(plan, kind, id) is not var (stage, activity)) return;
        var viewer = Viewer(member);
        var today = member.Today(context.Now);
        context.Reply(activity is null ? RoadmapPages.Stage(plan, stage, viewer, today) : RoadmapPages.Activity(plan, stage, activity, viewer, today));
    }

    /// <summary>The stage (and activity) an id names in <paramref name="plan"/>, or null when it is gone.</summary>
    internal static (PlanStage Stage, PlanActivity? Activity)? Find(RoadMapPlan plan, PlanItemKind kind, long id) => kind switch
    {
        PlanItemKind.Stage => plan.Stage(id) is { } stage ? (stage, null) : null,
        _ => plan.Activity(id) is var (stage, activity) ? (stage, activity) : null,
    };

    private static long? Id(string text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

}


/// <summary>Registers the road-map feature.</summary>
public static class RoadmapServiceCollectionExtensions
{
    /// <summary>Adds <see cref="RoadmapFeature"/>; the messenger's <see cref="IDocumentDownloads"/> it uses comes with the messenger adapters.</summary>
    public static IServiceCollection AddRoadmapFeature(this IServiceCollection services)
    {
        services.AddSingleton<IChatFeature, RoadmapFeature>();
        return services;
    }
}
