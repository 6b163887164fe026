using System.Globalization;
using System.Text.Json;
using MentorBot.Domain.Consents;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Practices;
using MentorBot.Domain.Questionnaires;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Consents;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Practices;

/// <summary>
/// <c>/case</c> (mentor or curator): the dialogue that writes a case for the practice library — the pair (when there
/// is a choice), the topic from the competency taxonomy, title, difficulty, what was done, result, files, then
/// «Отправить куратору». The draft lives in the chat's conversation row (flow <see cref="Flow"/>, state = the step,
/// data = <see cref="CaseDraft"/>), so it survives restarts and resumes; <c>/back</c> goes one question back,
/// <c>/cancel</c> drops the draft. Buttons: <c>case:new</c> · <c>case:p:PAIR</c> (0 = none) · <c>case:t:INDEX</c> topic ·
/// <c>case:keep</c> keep the current text · <c>case:done</c> no more files · <c>case:send</c> · <c>case:edit:CASE</c>
/// correct a returned case.
/// </summary>
/// <param name="notifier">Tells the curators a case waits.</param>
public sealed class CaseConversation(Notifier notifier)
{
    /// <summary>The conversation flow and the button prefix.</summary>
    public const string Flow = "case";

    /// <summary>The largest file a case keeps: what a bot may download again for readers (Bot API getFile: 20 MB).</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary><c>/case</c>: resumes an open draft or starts a new one.</summary>
    public async Task StartAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Mentor, Role.Curator) is not { } member) return;
        if (!await ConversationSwitch.ConfirmSwitchAsync(context, Flow, "case:new")) return;
        if (await DraftAsync(context) is { } open)
        {
            await AskAsync(context, member, open);
            return;
        }

        var pairs = await PracticeStore.PairsForAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, member.Has(Role.Curator), context.CancellationToken);
        var only = !member.Has(Role.Curator) && pairs.Count == 1 ? pairs[0].PairId : (long?)null;
        await AskAsync(context, member, CaseDraft.New(only, askPair: pairs.Count > 0 && only is null));
    }

    /// <summary>Every <c>case:…</c> button.</summary>
    public async Task ChooseAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Mentor, Role.Curator) is not { } member) return;
        var parts = ((ChoiceInput)input).Data.Split(':');
        long Id(int k) => long.TryParse(parts.ElementAtOrDefault(k), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
        context.AnswerChoice();
        switch (parts.ElementAtOrDefault(1))
        {
            case "new":
                await context.ClearConversationAsync();
                await StartAsync(context, new CommandInput("case", null));
                return;
            case "edit":
                await EditAsync(context, member, Id(2));
                return;
        }

        if (await DraftAsync(context) is not { } draft)
        {
            context.Reply(Reply.Plain(PracticesTexts.StaleButton));
            return;
        }

        switch (parts.ElementAtOrDefault(1), draft.Step)
        {
            case ("p", CaseStep.Pair):
                var pairs = await PracticeStore.PairsForAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, member.Has(Role.Curator), context.CancellationToken);
                var pairId = Id(2);
                if (pairId != 0 && pairs.All(p => p.PairId != pairId)) break;
                await AskAsync(context, member, draft with { PairId = pairId == 0 ? null : pairId, Step = CaseStep.Topic });
                return;
            case ("t", CaseStep.Topic):
                var labels = member.Taxonomy.Labels;
                var index = Id(2);
                if (index < 0 || index >= labels.Count) break;
                await AskAsync(context, member, draft with { Topic = labels[(int)index], Step = CaseStep.Title });
                return;
            case ("keep", var step) when draft.TextOf(step) is not null:
                await AskAsync(context, member, draft with { Step = CaseRules.Next(step) });
                return;
            case ("done", CaseStep.Materials):
                await AskAsync(context, member, draft with { Step = CaseStep.Confirm });
                return;
            case ("send", CaseStep.Confirm):
                await SubmitAsync(context, member, draft);
                return;
        }

        await AskAsync(context, member, draft);
    }

    /// <summary>Text, files, <c>/back</c> and «Продолжить начатое» while a draft is open.</summary>
    public async Task TextAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Mentor, Role.Curator) is not { } member) return;
        if (await DraftAsync(context) is not { } draft)
        {
            await context.ClearConversationAsync();
            return;
        }

        switch (input)
        {
            case CommandInput { Name: "back" }:
                await AskAsync(context, member, CaseRules.Previous(draft.Step, draft.AskPair) is { } previous ? draft with { Step = previous } : draft);
                return;
            case DocumentInput document when draft.Step == CaseStep.Materials:
                await AttachAsync(context, member, draft, document);
                return;
            case DocumentInput:
                context.Reply(Reply.Plain(PracticesTexts.FileNotNow));
                break;
            case TextInput text when CaseRules.TextSteps.Contains(draft.Step):
                if (CaseRules.Accept(draft.Step, text.Text) is { } accepted)
                {
                    await AskAsync(context, member, draft.WithText(draft.Step, accepted) with { Step = CaseRules.Next(draft.Step) });
                    return;
                }

                context.Reply(Reply.Plain(PracticesTexts.TextHint(CaseRules.LimitOf(draft.Step), text.Text.Trim().Length)));
                return;
            case TextInput when draft.Step == CaseStep.Materials:
                context.Reply(Reply.Plain(PracticesTexts.MaterialsHint));
                break;
            case TextInput:
                context.Reply(Reply.Plain(PracticesTexts.PressAButton));
                break;
        }

        await AskAsync(context, member, draft);
    }

    private async Task AttachAsync(ChatContext context, Member member, CaseDraft draft, DocumentInput document)
    {
        if (draft.Materials.Count >= CaseRules.MaxMaterials)
        {
            context.Reply(Reply.WithChoices(PracticesTexts.TooManyFiles(CaseRules.MaxMaterials), new Choice(PracticesTexts.DoneButton, "case:done")));
            return;
        }

        if (document.FileSize > MaxFileBytes)
        {
            context.Reply(Reply.Plain(PracticesTexts.FileTooLarge((int)(MaxFileBytes / 1024 / 1024))));
            return;
        }

        var next = draft with { Materials = [.. draft.Materials, new CaseMaterial(document.FileId, document.FileName, document.FileSize)] };
        await SaveAsync(context, next);
        context.Reply(Reply.WithChoices(PracticesTexts.Attached(document.FileName ?? PracticesTexts.UnnamedFile, next.Materials.Count, CaseRules.MaxMaterials),
            new Choice(PracticesTexts.DoneButton, "case:done")));
    }

    /// <summary><c>case:edit:CASE</c>: the author corrects a returned case; the dialogue starts over with its answers as defaults.</summary>
    private async Task EditAsync(ChatContext context, Member member, long caseId)
    {
        var record = await PracticeStore.GetAsync(context.Connection, context.Transaction, member.Organisation.Id, caseId, context.CancellationToken);
        if (record is null || record.Status != "returned" || record.AuthorMembershipId != member.MembershipId)
        {
            context.Reply(Reply.Plain(PracticesTexts.CaseGone));
            return;
        }

        if (!await ConversationSwitch.ConfirmSwitchAsync(context, Flow, $"case:edit:{caseId}", open => open.Flow == Flow && Read(open)?.CaseId == caseId)) return;
        if (await DraftAsync(context) is { } open)
        {
            await AskAsync(context, member, open);
            return;
        }

        var materials = await PracticeStore.MaterialsAsync(context.Connection, context.Transaction, caseId, context.CancellationToken);
        await AskAsync(context, member, new CaseDraft(CaseStep.Title, caseId, record.PairId, record.Topic, record.Title, record.Difficulty, record.Actions, record.Result, materials, false));
    }

    private async Task SubmitAsync(ChatContext context, Member member, CaseDraft draft)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var id = await PracticeStore.SubmitAsync(c, t, org, member.MembershipId, draft, context.Now, ct);
        await context.ClearConversationAsync();
        if (id is null)
        {
            context.Reply(Reply.Plain(PracticesTexts.CaseGone));
            return;
        }

        var dueAt = DeliveryWindow.Polls.Next(context.Now, member.TimeZone);
        foreach (var curator in await MembershipStore.WithRoleAsync(c, t, org, Role.Curator, ct))
        {
            if (curator == member.MembershipId) continue;
            await notifier.EnqueueAsync(c, t, curator, Reply.Plain(PracticesTexts.ToReview(draft.Title!)), $"cases:review:{id}:{context.Update.Source}{context.Update.UpdateId}:{curator}", dueAt, ct);
        }

        context.Reply(Reply.Plain(PracticesTexts.Sent));
        // The case will be shown to the organisation once approved: the moment the author's publication consent matters (152-ФЗ ст. 10.1).
        if (!await ConsentStore.IsGivenAsync(c, t, org, member.ParticipantId, ConsentKind.Publication, ct))
            await ConsentConversation.AskPublicationAsync(context, member, PracticesTexts.PublicationSubject);
    }

    /// <summary>Saves the draft and asks its current question.</summary>
    private async Task AskAsync(ChatContext context, Member member, CaseDraft draft)
    {
        await SaveAsync(context, draft);
        switch (draft.Step)
        {
            case CaseStep.Pair:
                var pairs = await PracticeStore.PairsForAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, member.Has(Role.Curator), context.CancellationToken);
                context.Reply(Reply.WithChoices(PracticesTexts.AskPair,
                    [.. pairs.Select(p => new Choice(PracticesTexts.PairOption(p.Mentor, p.Mentee), $"case:p:{p.PairId}")), new Choice(PracticesTexts.NoPairButton, "case:p:0")]));
                break;
            case CaseStep.Topic:
                var labels = member.Taxonomy.Labels;
                context.Reply(Reply.WithChoices(PracticesTexts.AskTopic, [.. labels.Select((label, k) => new Choice(label, $"case:t:{k}"))]));
                break;
            case CaseStep.Materials:
                context.Reply(Reply.WithChoices(PracticesTexts.AskMaterials(draft.Materials.Count, CaseRules.MaxMaterials), new Choice(PracticesTexts.DoneButton, "case:done")));
                break;
            case CaseStep.Confirm:
                var pair = draft.PairId is { } pairId
                    ? (await PracticeStore.PairsForAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, true, context.CancellationToken))
                        .Where(p => p.PairId == pairId).Select(p => PracticesTexts.PairOption(p.Mentor, p.Mentee)).FirstOrDefault()
                    : null;
                context.Reply(Reply.WithChoices(PracticesTexts.Summary(pair, draft.Topic!, draft.Title!, draft.Difficulty!, draft.Actions!, draft.Result!, draft.Materials),
                    new Choice(PracticesTexts.SendButton, "case:send")));
                break;
            default:
                var question = PracticesTexts.AskText(draft.Step, CaseRules.LimitOf(draft.Step));
                context.Reply(draft.TextOf(draft.Step) is { } current
                    ? Reply.WithChoices(question + "\n" + PracticesTexts.Current(current), new Choice(PracticesTexts.KeepButton, "case:keep"))
                    : Reply.Plain(question));
                break;
        }
    }

    private static Task SaveAsync(ChatContext context, CaseDraft draft) =>
        context.SaveConversationAsync(new ConversationState(Flow, draft.Step.ToString(), JsonSerializer.Serialize(draft, JsonSerializerOptions.Web)));

    private static async Task<CaseDraft?> DraftAsync(ChatContext context) =>
        await context.GetConversationAsync() is { Flow: Flow } open ? Read(open) : null;

    private static CaseDraft? Read(ConversationState state) => JsonSerializer.Deserialize<CaseDraft>(state.Data, JsonSerializerOptions.Web);
}
