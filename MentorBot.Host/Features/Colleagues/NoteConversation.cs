using System.Text.Json;
using MentorBot.Domain.Banks;
using MentorBot.Domain.Colleagues;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Colleagues;

/// <summary>
/// A colleague's note on a mentee's needs (issue 15): a psychologist or the head presses «📝 Заметка о запросах» on a
/// mentee's card in <c>/mentees</c> (<c>note:add:M</c>), chooses a topic of the competency taxonomy (<c>note:t:I</c>, the
/// label's position; the last is «другое») and types the text (the <see cref="Flow"/> conversation; <c>/back</c>,
/// <c>/cancel</c>). The mentee is told that a note exists and who wrote it, never its text; the curator reads it on the
/// card. <c>note:score</c> (curator) switches counting the notes' topics in the matching score.
/// </summary>
/// <param name="notifier">Tells the mentee.</param>
public sealed class NoteConversation(Notifier notifier)
{
    /// <summary>The button prefix.</summary>
    public const string Prefix = "note";

    /// <summary>The conversation flow (data: the mentee and the topic chosen).</summary>
    public const string Flow = "mentee_note";

    private static readonly Role[] Authors = [.. MenteeNotes.AuthorRoles];

    private sealed record Draft(long MenteeId, string? Topic, bool TopicChosen);

    /// <summary>Every <c>note:…</c> button.</summary>
    public async Task ChooseAsync(ChatContext context, ChatInput input)
    {
        var data = ((ChoiceInput)input).Data;
        switch (data.Split(':').ElementAtOrDefault(1))
        {
            case "score":
                if (await Access.RequireAsync(context, Role.Curator) is not { } curator) return;
                context.AnswerChoice();
                var on = await NoteStore.SwitchInScoreAsync(context.Connection, context.Transaction, curator.Organisation.Id, context.CancellationToken);
                context.Reply(Reply.Plain(ColleaguesTexts.ScoreSwitched(on)));
                return;
            case "add":
                var menteeId = ItemAccess.IdAt(input, 2);
                if (await ItemAccess.RequireAsync(context, input, Authors, m => MenteeAsync(context, m, menteeId), ColleaguesTexts.MenteeGone) is not var (author, mentee)) return;
                if (!await ConversationSwitch.ConfirmSwitchAsync(context, Flow, data)) return;
                await AskAsync(context, author, mentee, new Draft(mentee.MembershipId, null, false));
                return;
            case "t":
                if (await OpenAsync(context, input) is not var (member, open, draft)) return;
                var labels = Topics(member);
                var index = ItemAccess.IdAt(input, 2);
                if (draft.TopicChosen || index < 0 || index >= labels.Count)
                {
                    await AskAsync(context, member, open, draft);
                    return;
                }

                await AskAsync(context, member, open, draft with { Topic = labels[(int)index] == ColleaguesTexts.OtherTopic ? null : labels[(int)index], TopicChosen = true });
                return;
            default:
                context.AnswerChoice();
                return;
        }
    }

    /// <summary>The typed text, <c>/back</c> and «Продолжить начатое».</summary>
    public async Task TextAsync(ChatContext context, ChatInput input)
    {
        if (await OpenAsync(context, input) is not var (member, mentee, draft)) return;
        switch (input)
        {
            case CommandInput { Name: "back" }:
                await AskAsync(context, member, mentee, draft with { Topic = null, TopicChosen = false });
                return;
            case TextInput text when draft.TopicChosen:
                var note = text.Text.Trim();
                if (note.Length is 0 or > MenteeNotes.MaxLength)
                {
                    context.Reply(Reply.Plain(ColleaguesTexts.TextHint));
                    return;
                }

                await SaveAsync(context, member, mentee, draft, note);
                return;
            case TextInput:
                context.Reply(Reply.Plain(ColleaguesTexts.PressATopic));
                break;
        }

        await AskAsync(context, member, mentee, draft);
    }

    private async Task SaveAsync(ChatContext context, Member author, BankMember mentee, Draft draft, string text)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, author.Organisation.Id);
        var role = MenteeNotes.AuthorRoleOf(author.Has)!.Value;
        var noteId = await NoteStore.AddAsync(c, t, org, mentee.MembershipId, author.MembershipId, role, draft.Topic, text, context.Now, ct);
        await context.ClearConversationAsync();
        // Never silently: the mentee learns that a note exists and who wrote it (the text stays with the curator).
        await notifier.EnqueueAsync(c, t, mentee.MembershipId, Reply.Plain(ColleaguesTexts.ToMentee(role, author.FullName ?? "", draft.Topic)),
            $"notes:{noteId}", DeliveryWindow.Polls.Next(context.Now, author.TimeZone), ct);
        context.Reply(Reply.Plain(ColleaguesTexts.Saved(BankListing.Name(mentee))));
    }

    private static async Task AskAsync(ChatContext context, Member member, BankMember mentee, Draft draft)
    {
        await context.SaveConversationAsync(new ConversationState(Flow, draft.TopicChosen ? "text" : "topic", JsonSerializer.Serialize(draft, JsonSerializerOptions.Web)));
        var name = BankListing.Name(mentee);
        if (draft.TopicChosen)
        {
            context.Reply(Reply.Plain(ColleaguesTexts.AskText(name, draft.Topic ?? ColleaguesTexts.OtherTopic)));
            return;
        }

        var labels = Topics(member);
        context.Reply(Reply.WithChoices(ColleaguesTexts.AskTopic(name), [.. labels.Select((label, i) => new Choice(label, $"note:t:{i}"))]));
    }

    /// <summary>The author, the mentee and the draft of the open note; null after the reply why not.</summary>
    private static async Task<(Member Member, BankMember Mentee, Draft Draft)?> OpenAsync(ChatContext context, ChatInput input)
    {
        var draft = await context.GetConversationAsync() is { Flow: Flow } open ? JsonSerializer.Deserialize<Draft>(open.Data, JsonSerializerOptions.Web) : null;
        if (await ItemAccess.RequireAsync(context, input, Authors, m => draft is null ? Task.FromResult<BankMember?>(null) : MenteeAsync(context, m, draft.MenteeId),
                ColleaguesTexts.MenteeGone) is not var (member, mentee)) return null;
        return (member, mentee, draft!);
    }

    private static Task<BankMember?> MenteeAsync(ChatContext context, Member member, long menteeId) =>
        Banks.BankStore.FindAsync(context.Connection, context.Transaction, member.Organisation.Id, Bank.Mentees, menteeId, context.CancellationToken);

    /// <summary>The organisation's competency labels, «другое» last.</summary>
    private static IReadOnlyList<string> Topics(Member member) =>
        [.. member.Taxonomy.Labels.Where(l => l != ColleaguesTexts.OtherTopic), ColleaguesTexts.OtherTopic];
}
