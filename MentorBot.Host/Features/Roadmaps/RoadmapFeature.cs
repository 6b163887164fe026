using System.Globalization;
using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Roadmaps;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Persistence;
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
        .Flow(PeriodFlow, PeriodTextAsync)
        .Flow(UploadFlow, UploadTextAsync)
        .Document(UploadAsync);


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

    private static async Task ShowOverviewAsync(ChatContext context, ChatInput input)
    {
        if (await OpenAsync(context) is not var (member, plan)) return;
        context.Reply(RoadmapPages.Overview(plan, member.Organisation.Name, Viewer(member), member.Today(context.Now)));
    }

    private async Task PressAsync(ChatContext context, ChatInput input)
    {
        var parts = ((ChoiceInput)input).Data.Split(':');
        switch (parts)
        {
            case [_, "imp", var answer]:
                await ConfirmUploadAsync(context, answer == "yes", null);
                return;
            case [_, "imp", "year", var yearText] when int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year):
                await ConfirmUploadAsync(context, true, year);
                return;
            case [_, "imp", "frag", var pageText] when int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page):
                await ShowFragmentsAsync(context, page);
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
                ShowUnlinked(context, member, plan);
                return;
            case [_, "lk", var id] when Id(id) is { } responsibleId:
                await ShowMembersAsync(context, member, plan, responsibleId);
                return;
            case [_, "lm", var rid, var mid] when Id(rid) is { } responsibleId && Id(mid) is { } membershipId:
                await LinkAsync(context, member, plan, responsibleId, membershipId);
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
            var current = activity is null ? RoadmapPages.PeriodsText(stage.Periods, stage.DefaultPeriods) : RoadmapPages.PeriodsText(activity.Periods, false);
            await context.SaveConversationAsync(new ConversationState(PeriodFlow, "awaiting",
                JsonSerializer.Serialize(new PeriodTarget(kind == PlanItemKind.Stage ? "s" : "a", id))));
            context.AnswerChoice();
            context.Reply(Reply.Plain(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.AskPeriod, RoadmapPages.ItemName(stage, activity), current)));
            return;
        }

        var done = action == "done";
        var changed = await RoadmapStore.SetDoneAsync(context.Connection, context.Transaction, member.Organisation.Id, kind, id, done, context.ParticipantId, context.Now, context.CancellationToken);
        context.AnswerChoice(!changed ? RoadmapTexts.AlreadyThere : done ? RoadmapTexts.MarkedDone : RoadmapTexts.Reopened);
        await ShowItemAsync(context, member, kind, id);
    }

    /// <summary>Reloads the plan and shows the stage (or the activity) after a change.</summary>
    private static async Task ShowItemAsync(ChatContext context, Member member, PlanItemKind kind, long id)
    {
        var plan = await RoadmapStore.LoadAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken);
        if (plan is null || Find(plan, kind, id) is not var (stage, activity)) return;
        var viewer = Viewer(member);
        var today = member.Today(context.Now);
        context.Reply(activity is null ? RoadmapPages.Stage(plan, stage, viewer, today) : RoadmapPages.Activity(plan, stage, activity, viewer, today));
    }

    private static async Task PeriodTextAsync(ChatContext context, ChatInput input)
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
        if (plan is null || Find(plan, kind, target.Id) is not var (stage, activity))
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
        await ShowItemAsync(context, member, kind, target.Id);
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
        var years = new PeriodYears(CurrentAcademicYear(today), AcademicYear: true, today);
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

    private static void ShowUnlinked(ChatContext context, Member member, RoadMapPlan plan)
    {
        if (!member.Has(Role.Curator))
        {
            context.AnswerChoice(RoadmapTexts.CuratorOnly);
            context.Reply(Reply.Plain(RoadmapTexts.CuratorOnly));
            return;
        }

        var unlinked = plan.AllResponsible.Where(r => r.MembershipId is null).DistinctBy(r => ResponsibleLinking.Normalise(r.Name)).Take(40).ToList();
        if (unlinked.Count == 0)
        {
            context.Reply(Reply.Plain(RoadmapTexts.AllLinked));
            return;
        }

        context.Reply(new Reply(RoadmapTexts.LinkPick,
            unlinked.Select(r => (IReadOnlyList<Choice>)[new Choice(RoadmapPages.Shorten(r.Name, 48), $"rm:lk:{r.Id}")])
                .Append([new Choice(RoadmapTexts.ButtonOverview, "rm:open")]).ToList()));
    }

    private static async Task ShowMembersAsync(ChatContext context, Member member, RoadMapPlan plan, long responsibleId)
    {
        if (!member.Has(Role.Curator))
        {
            context.AnswerChoice(RoadmapTexts.CuratorOnly);
            context.Reply(Reply.Plain(RoadmapTexts.CuratorOnly));
            return;
        }

        var person = plan.AllResponsible.FirstOrDefault(r => r.Id == responsibleId);
        if (person is null)
        {
            context.Reply(Reply.Plain(RoadmapTexts.ItemGone));
            return;
        }

        var members = await RoadmapStore.MembersAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken);
        if (members.Count == 0)
        {
            context.Reply(Reply.Plain(RoadmapTexts.NoMembers));
            return;
        }

        context.Reply(new Reply(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.LinkPickMember, person.Name),
            members.Take(60).Select(m => (IReadOnlyList<Choice>)[new Choice(RoadmapPages.Shorten(MemberLabel(m), 60), $"rm:lm:{responsibleId}:{m.MembershipId}")])
                .Append([new Choice(RoadmapTexts.ButtonOverview, "rm:open")]).ToList()));
    }

    private static async Task LinkAsync(ChatContext context, Member member, RoadMapPlan plan, long responsibleId, long membershipId)
    {
        if (!member.Has(Role.Curator))
        {
            context.AnswerChoice(RoadmapTexts.CuratorOnly);
            context.Reply(Reply.Plain(RoadmapTexts.CuratorOnly));
            return;
        }

        var person = plan.AllResponsible.FirstOrDefault(r => r.Id == responsibleId);
        var target = (await RoadmapStore.MembersAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken))
            .FirstOrDefault(m => m.MembershipId == membershipId);
        if (person is null || target is null
            || !await ResponsibleLinks.LinkByHandAsync(context.Connection, context.Transaction, member.Organisation.Id, person.Name, membershipId, context.ParticipantId, context.Now, context.CancellationToken))
        {
            context.Reply(Reply.Plain(RoadmapTexts.ItemGone));
            return;
        }

        context.Reply(Reply.Plain(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.LinkedByHand, person.Name, MemberLabel(target))));
        await ShowOverviewAsync(context, new CommandInput("roadmap", null));
    }

    private static string MemberLabel(RoadmapStore.MemberRow member) =>
        (member.FullName ?? RoadmapTexts.Unnamed) + (string.IsNullOrWhiteSpace(member.Position) ? "" : $" ({member.Position})");

    private async Task UploadAsync(ChatContext context, ChatInput input)
    {
        var member = await Access.RequireAsync(context);
        if (member is null) return;
        if (!member.Has(Role.Curator))
        {
            context.Reply(Reply.Plain(RoadmapTexts.DocumentsCuratorOnly));
            return;
        }

        var document = (DocumentInput)input;
        var tooLarge = string.Format(CultureInfo.InvariantCulture, RoadmapTexts.FileTooLarge, MaxUploadBytes / (1024 * 1024));
        if (document.FileSize > MaxUploadBytes)
        {
            context.Reply(Reply.Plain(tooLarge));
            return;
        }

        byte[]? bytes;
        try
        {
            bytes = await downloads.DownloadAsync(document, MaxUploadBytes, context.CancellationToken);
        }
        catch (DocumentDownloadException)
        {
            context.Reply(Reply.Plain(RoadmapTexts.FileDownloadFailed));
            return;
        }

        if (bytes is null)
        {
            context.Reply(Reply.Plain(tooLarge));
            return;
        }

        string text;
        try
        {
            text = RoadMapFiles.ReadText(bytes);
        }
        catch (RoadMapFileException e)
        {
            context.Reply(Reply.Plain(RoadmapTexts.FileProblem(e.Problem)));
            return;
        }

        var today = member.Today(context.Now);
        RoadMap roadMap;
        try
        {
            roadMap = RoadMapParser.Parse(text, new RoadMapParseOptions(today));
        }
        catch (RoadMapFormatException e)
        {
            context.Reply(Reply.Plain(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.FileNotRoadMap, e.Line)));
            return;
        }

        var name = string.IsNullOrWhiteSpace(document.FileName) ? "roadmap.txt" : document.FileName;
        var exists = await RoadmapStore.LoadAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken) is not null;
        await context.SaveConversationAsync(new ConversationState(UploadFlow, "confirm",
            JsonSerializer.Serialize(new PendingUpload(name, text, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))));
        var responsible = await ResponsibleLinksAsync(context, member, roadMap);
        context.Reply(UploadSummary(name, roadMap, exists, CurrentAcademicYear(today), responsible));
    }

    /// <summary>Each responsible person of <paramref name="roadMap"/> with the member it would be linked to on import (a label), or null.</summary>
    private static async Task<IReadOnlyList<(string Name, string? LinkedTo)>> ResponsibleLinksAsync(ChatContext context, Member member, RoadMap roadMap)
    {
        var names = roadMap.Stages.SelectMany(s => s.Responsible.Concat(s.Activities.SelectMany(a => a.Responsible)));
        var links = await ResponsibleLinks.PreviewAsync(context.Connection, context.Transaction, member.Organisation.Id, names, context.CancellationToken);
        var members = (await RoadmapStore.MembersAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken))
            .ToDictionary(m => m.MembershipId, MemberLabel);
        return links.Select(l => (l.Name, l.MembershipId is { } id ? members.GetValueOrDefault(id) : null)).ToList();
    }

    /// <summary>The first calendar year of the academic year holding <paramref name="today"/> (September–August).</summary>
    public static int CurrentAcademicYear(DateOnly today) => today.Month >= 9 ? today.Year : today.Year - 1;

    /// <summary>
    /// What an upload would import (issue 13, «In the bot»): title and year, counts, each stage with its number,
    /// title, number of activities and periods, the responsible persons and whom they will be linked to, the
    /// fragments not understood (the first page of them; «rm:imp:frag:N» pages on), and whether it replaces a plan.
    /// A document made for an earlier year (a template reused, the usual case) is also offered for
    /// <paramref name="academicYear"/>, so its month periods and default schedule fall in the term ahead
    /// instead of all being overdue at once.
    /// </summary>
    /// <param name="fileName">The uploaded file's name.</param>
    /// <param name="roadMap">The parsed road map.</param>
    /// <param name="replaces">True when the organisation already has a plan.</param>
    /// <param name="academicYear">The first year of the current academic year.</param>
    /// <param name="responsible">Each responsible person with the label of the member it will be linked to, or null (the curator gets its reminders).</param>
    public static Reply UploadSummary(string fileName, RoadMap roadMap, bool replaces, int academicYear, IReadOnlyList<(string Name, string? LinkedTo)> responsible)
    {
        var lines = new List<string> { string.Format(CultureInfo.InvariantCulture, RoadmapTexts.UploadHeading, Html.Escape(RoadmapPages.Shorten(fileName, 100))) };
        if (roadMap.Title is { } title) lines.Add(Html.Escape(RoadmapPages.Shorten(title, 300)));
        if (roadMap.Organization is { } organisation) lines.Add(Html.Escape(RoadmapPages.Shorten(organisation, 200)));
        lines.Add("");
        lines.Add(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.UploadCounts, roadMap.Year, roadMap.Stages.Count,
            roadMap.Stages.Sum(s => s.Activities.Count), roadMap.Stages.Count(s => s.Periods.Count == 0)));
        lines.Add("");
        foreach (var stage in roadMap.Stages.Take(40))
        {
            var periods = stage.Periods.Count > 0
                ? RoadmapPages.PeriodsText(stage.Periods, false)
                : RoadmapPages.PeriodsText([DefaultSchedule.For(stage, roadMap.Year)], true);
            lines.Add(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.UploadStage, Html.Escape(stage.Number), Html.Escape(RoadmapPages.Shorten(stage.Title, 100)),
                stage.Activities.Count, Html.Escape(RoadmapPages.Shorten(periods, 120))));
        }

        if (roadMap.Stages.Count > 40) lines.Add(string.Format(CultureInfo.InvariantCulture, RoadmapTexts.UploadMoreStages, roadMap.Stages.Count - 40));
        if (responsible.Count > 0)
        {
            lines.Add("");
            lines.Add(RoadmapTexts.UploadResponsibleHeading);
            lines.AddRange(responsible.Take(30).Select(r => Html.Escape(string.Format(CultureInfo.InvariantCulture,
                r.LinkedTo is null ? RoadmapTexts.UploadUnlinked : RoadmapTexts.UploadLinked, RoadmapPages.Shorten(r.Name, 80), r.LinkedTo))));
        }

        List<IReadOnlyList<Choice>> buttons = [];
        if (roadMap.Unrecognised.Count > 0)
        {
            lines.Add("");
            lines.Add(UnrecognisedPage(roadMap.Unrecognised, 1));
            if (roadMap.Unrecognised.Count > FragmentsPerPage) buttons.Add([new Choice(RoadmapTexts.ButtonMoreFragments, "rm:imp:frag:2")]);
        }

        lines.Add("");
        if (replaces) lines.Add(RoadmapTexts.UploadReplaces);
        if (roadMap.Year < academicYear)
        {
            lines.Add(RoadmapTexts.UploadOutdated(roadMap.Year, academicYear));
            buttons.Add([new Choice(RoadmapTexts.ButtonImportForYear(academicYear), string.Create(CultureInfo.InvariantCulture, $"rm:imp:year:{academicYear}"))]);
        }

        lines.Add(RoadmapTexts.UploadQuestion);
        buttons.Add([new Choice(RoadmapTexts.ButtonImport, "rm:imp:yes"), new Choice(RoadmapTexts.ButtonCancelImport, "rm:imp:no")]);
        return Reply.Formatted(string.Join('\n', lines), buttons);
    }

    /// <summary>How many fragments not understood one message lists.</summary>
    public const int FragmentsPerPage = 10;

    /// <summary>Page <paramref name="page"/> (from 1) of the fragments not understood, with where each was (HTML).</summary>
    public static string UnrecognisedPage(IReadOnlyList<UnrecognisedFragment> fragments, int page)
    {
        var pages = (fragments.Count + FragmentsPerPage - 1) / FragmentsPerPage;
        var lines = new List<string> { RoadmapTexts.UnrecognisedHeading(fragments.Count, page, pages) };
        lines.AddRange(fragments.Skip((page - 1) * FragmentsPerPage).Take(FragmentsPerPage).Select(f => Html.Escape(RoadmapTexts.Fragment(f.Row, f.Column, RoadmapPages.Shorten(f.Text, 200)))));
        return string.Join('\n', lines);
    }

    /// <summary>Shows another page of the waiting upload's fragments not understood.</summary>
    private static async Task ShowFragmentsAsync(ChatContext context, int page)
    {
        var member = await Access.RequireAsync(context, Role.Curator);
        if (member is null) return;
        var conversation = await context.GetConversationAsync();
        context.AnswerChoice();
        if (conversation?.Flow != UploadFlow)
        {
            context.Reply(Reply.Plain(RoadmapTexts.UploadExpired));
            return;
        }

        var upload = JsonSerializer.Deserialize<PendingUpload>(conversation.Data)!;
        var today = DateOnly.ParseExact(upload.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fragments = RoadMapParser.Parse(upload.Text, new RoadMapParseOptions(today)).Unrecognised;
        var pages = Math.Max(1, (fragments.Count + FragmentsPerPage - 1) / FragmentsPerPage);
        page = Math.Clamp(page, 1, pages);
        List<IReadOnlyList<Choice>> buttons = [];
        if (page < pages) buttons.Add([new Choice(RoadmapTexts.ButtonMoreFragments, string.Create(CultureInfo.InvariantCulture, $"rm:imp:frag:{page + 1}"))]);
        buttons.Add([new Choice(RoadmapTexts.ButtonImport, "rm:imp:yes"), new Choice(RoadmapTexts.ButtonCancelImport, "rm:imp:no")]);
        context.Reply(Reply.Formatted(UnrecognisedPage(fragments, page), buttons));
    }

    private static Task UploadTextAsync(ChatContext context, ChatInput input)
    {
        context.Reply(Reply.WithChoices(RoadmapTexts.UploadWaiting,
            new Choice(RoadmapTexts.ButtonImport, "rm:imp:yes"), new Choice(RoadmapTexts.ButtonCancelImport, "rm:imp:no")));
        return Task.CompletedTask;
    }

    private static async Task ConfirmUploadAsync(ChatContext context, bool confirmed, int? year)
    {
        var member = await Access.RequireAsync(context, Role.Curator);
        if (member is null) return;
        var conversation = await context.GetConversationAsync();
        if (conversation?.Flow != UploadFlow)
        {
            context.AnswerChoice();
            context.Reply(Reply.Plain(RoadmapTexts.UploadExpired));
            return;
        }

        await context.ClearConversationAsync();
        if (!confirmed)
        {
            context.AnswerChoice();
            context.Reply(Reply.Plain(RoadmapTexts.UploadCancelled));
            return;
        }

        var upload = JsonSerializer.Deserialize<PendingUpload>(conversation.Data)!;
        var today = DateOnly.ParseExact(upload.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        // «Загрузить на Y/Y+1 учебный год»: the document is a template, its own years move to the year loaded (issue 17 item 1).
        var roadMap = RoadMapParser.Parse(upload.Text, new RoadMapParseOptions(today, year, Template: year is not null));
        RoadMapImportResult result;
        // A value the schema refuses aborts the statement; the savepoint keeps the rest of the update usable.
        await context.Transaction.SaveAsync("roadmap_import", context.CancellationToken);
        try
        {
            result = await RoadMapImport.ImportAsync(context.Connection, context.Transaction, member.Organisation.Id, roadMap,
                new RoadMapSource(upload.Name, upload.Text), replace: true, context.Now, context.CancellationToken);
            await context.Transaction.ReleaseAsync("roadmap_import", context.CancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.CheckViolation)
        {
            await context.Transaction.RollbackAsync("roadmap_import", context.CancellationToken);
            context.AnswerChoice();
            context.Reply(Reply.Plain(RoadmapTexts.ImportRefused));
            return;
        }

        context.AnswerChoice();
        var summary = result.Summary!;
        context.Reply(Reply.Plain(summary.Replaced
            ? string.Format(CultureInfo.InvariantCulture, RoadmapTexts.Replaced, summary.Stages, summary.Activities, summary.DoneMarksKept)
                + (summary.PeriodEditsKept > 0 ? string.Format(CultureInfo.InvariantCulture, RoadmapTexts.PeriodEditsKept, summary.PeriodEditsKept) : "")
            : string.Format(CultureInfo.InvariantCulture, RoadmapTexts.Imported, summary.Stages, summary.Activities)));
        await ShowOverviewAsync(context, new CommandInput("roadmap", null));
    }

    private static (PlanStage Stage, PlanActivity? Activity)? Find(RoadMapPlan plan, PlanItemKind kind, long id) => kind switch
    {
        PlanItemKind.Stage => plan.Stage(id) is { } stage ? (stage, null) : null,
        _ => plan.Activity(id) is var (stage, activity) ? (stage, activity) : null,
    };

    private static long? Id(string text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private sealed record PeriodTarget(string Kind, long Id);

    private sealed record PendingUpload(string Name, string Text, string Today);
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
