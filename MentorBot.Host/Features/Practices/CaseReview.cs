using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Practices;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Practices;

/// <summary>
/// The curator's review of cases (issue 15): <c>/cases</c> lists those waiting, each with «Одобрить» (<c>cases:ok:ID</c>),
/// «Вернуть на доработку» (<c>cases:ret:ID</c>, then the comment is typed in the <see cref="Flow"/> conversation) and
/// «Отклонить» (<c>cases:rej:ID</c>). The author is told each decision; on approval the people the case names who have
/// not given the publication consent are offered it (their names stay hidden until then), and the first approved case
/// offers to mark the road map's practice-library activity done (the curator confirms with the road map's own button).
/// </summary>
/// <param name="notifier">Tells the author and the pair of the decision.</param>
public sealed class CaseReview(Notifier notifier)
{
    /// <summary>The button prefix.</summary>
    public const string Prefix = "cases";

    /// <summary>The conversation flow of the return comment (data: the case id).</summary>
    public const string Flow = "case_review";

    /// <summary>The longest comment, in characters.</summary>
    public const int MaxCommentLength = 1000;

    /// <summary><c>/cases</c>: the cases waiting, as the curator sees them (with names).</summary>
    public async Task ShowAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator) is not { } member) return;
        var waiting = await PracticeStore.ListAsync(context.Connection, context.Transaction, member.Organisation.Id, ["submitted"], context.CancellationToken);
        if (waiting.Count == 0)
        {
            context.Reply(Reply.Plain(PracticesTexts.NothingToReview));
            return;
        }

        foreach (var record in waiting)
        {
            var materials = await PracticeStore.MaterialsAsync(context.Connection, context.Transaction, record.Id, context.CancellationToken);
            var authors = record.MentorName is { } mentor && record.MentorMembershipId != record.AuthorMembershipId ? $"{record.AuthorName}, {mentor}" : record.AuthorName ?? "";
            var buttons = new List<IReadOnlyList<Choice>>
            {
                new[] { new Choice(PracticesTexts.ApproveButton, $"cases:ok:{record.Id}"), new Choice(PracticesTexts.RejectButton, $"cases:rej:{record.Id}") },
                new[] { new Choice(PracticesTexts.ReturnButton, $"cases:ret:{record.Id}") },
            };
            if (materials.Count > 0) buttons.Add([new Choice(PracticesTexts.MaterialsButton(materials.Count), $"lib:f:{record.Id}")]);
            context.Reply(new Reply(PracticesTexts.Card(record.Title, record.Topic, authors, record.MenteeName, record.Difficulty, record.Actions, record.Result, materials), buttons));
        }
    }

    /// <summary>Every <c>cases:…</c> button.</summary>
    public async Task ChooseAsync(ChatContext context, ChatInput input)
    {
        var caseId = ItemAccess.IdAt(input, 2);
        if (await ItemAccess.RequireAsync(context, input, [Role.Curator], m => WaitingAsync(context, m, caseId), PracticesTexts.NotWaiting) is not var (member, record)) return;
        switch (((ChoiceInput)input).Data.Split(':').ElementAtOrDefault(1))
        {
            case "ok":
                await DecideAsync(context, member, record, "approved", null);
                break;
            case "rej":
                await DecideAsync(context, member, record, "rejected", null);
                break;
            case "ret":
                if (!await ConversationSwitch.ConfirmSwitchAsync(context, Flow, $"cases:ret:{caseId}")) return;
                await ItemAccess.OpenConversationAsync(context, Flow, "comment", caseId);
                context.Reply(Reply.Plain(PracticesTexts.AskComment(record.Title)));
                break;
            default:
                context.Reply(Reply.Plain(PracticesTexts.NotWaiting));
                break;
        }
    }

    /// <summary>The comment of a return, typed in the <see cref="Flow"/> conversation.</summary>
    public async Task TextAsync(ChatContext context, ChatInput input)
    {
        if (await ItemAccess.RequireAsync(context, input, [Role.Curator], async m => await WaitingAsync(context, m, await ItemAccess.ConversationIdAsync(context, Flow)), PracticesTexts.NotWaiting)
            is not var (member, record)) return;
        var comment = (input as TextInput)?.Text.Trim() ?? "";
        if (comment.Length is 0 or > MaxCommentLength)
        {
            context.Reply(Reply.Plain(input is CommandInput { Name: "resume" } ? PracticesTexts.AskComment(record.Title) : PracticesTexts.CommentHint));
            return;
        }

        await context.ClearConversationAsync();
        await DecideAsync(context, member, record, "returned", comment);
    }

    /// <summary>The organisation's case <paramref name="caseId"/> while it waits for review, else null.</summary>
    private static async Task<CaseRecord?> WaitingAsync(ChatContext context, Member member, long caseId) =>
        await PracticeStore.GetAsync(context.Connection, context.Transaction, member.Organisation.Id, caseId, context.CancellationToken) is { Status: "submitted" } record ? record : null;

    private async Task DecideAsync(ChatContext context, Member member, CaseRecord record, string status, string? comment)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        if (!await PracticeStore.ReviewAsync(c, t, org, record.Id, status, comment, context.ParticipantId, context.Now, ct))
        {
            context.Reply(Reply.Plain(PracticesTexts.NotWaiting));
            return;
        }

        var dueAt = DeliveryWindow.Polls.Next(context.Now, member.TimeZone);
        var key = $"cases:{status}:{record.Id}:{context.Update.Source}{context.Update.UpdateId}";
        var toAuthor = status switch
        {
            "approved" => Reply.Plain(PracticesTexts.ApprovedToAuthor(record.Title)),
            "returned" => Reply.WithChoices(PracticesTexts.ReturnedToAuthor(record.Title, comment!), new Choice(PracticesTexts.CorrectButton, $"case:edit:{record.Id}")),
            _ => Reply.Plain(PracticesTexts.RejectedToAuthor(record.Title)),
        };
        if (record.AuthorMembershipId != member.MembershipId || status == "returned")
            await notifier.EnqueueAsync(c, t, record.AuthorMembershipId, toAuthor, key + ":author", dueAt, ct);
        context.Reply(Reply.Plain(PracticesTexts.Decided(record.Title, status)));
        if (status != "approved") return;

        // The case is now visible to the organisation: whoever it names without a publication consent is offered it.
        var named = new[] { (record.MentorMembershipId, record.MentorConsent), (record.MenteeMembershipId, record.MenteeConsent) }
            .Where(p => p.Item1 is not null && p.Item1 != record.AuthorMembershipId && !p.Item2).Select(p => p.Item1!.Value);
        foreach (var person in named)
            await notifier.EnqueueAsync(c, t, person, Reply.WithChoices(PracticesTexts.AskNameConsent(record.Title), new Choice(PracticesTexts.OpenConsentButton, LibraryConversation.ConsentData)),
                $"{key}:consent:{person}", dueAt, ct);

        if ((await PracticeStore.ListAsync(c, t, org, ["approved"], ct)).Count == 1 && await PracticeStore.LibraryActivityAsync(c, t, org, ct) is { } activity)
            context.Reply(Reply.WithChoices(PracticesTexts.MarkRoadMap(activity.Text), new Choice(PracticesTexts.MarkButton, activity.Data)));
    }
}
