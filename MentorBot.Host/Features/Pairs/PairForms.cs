using System.Globalization;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Pairs;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Pairs;

/// <summary>
/// Forms of mentoring (issue 15; issue 17 item 10): the curator's <c>/forms</c> switches the methodology's forms on
/// and off for the organisation (button <c>forms:t:CODE</c>); <see cref="MatchConversation"/> uses the rest here to
/// offer a form at approval (the automatic choice first), to change a live pair's form, and to tell mentees when
/// their pair becomes a group or their group a pair — never silently.
/// </summary>
/// <param name="notifier">Tells the mentees of a form change.</param>
public sealed class PairForms(Notifier notifier)
{
    /// <summary>The button prefix of <c>/forms</c>.</summary>
    public const string Prefix = "forms";

    /// <summary><c>/forms</c> (curator): the list with toggles.</summary>
    public async Task ShowAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator) is not { } member) return;
        context.Reply(Screen(await PairStore.FormsOffAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken)));
    }

    /// <summary><c>forms:t:CODE</c>: switches a form off or on again (at least one stays on).</summary>
    public async Task ChooseAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator) is not { } member) return;
        var parts = ((ChoiceInput)input).Data.Split(':');
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var off = await PairStore.FormsOffAsync(c, t, org, ct);
        if (parts.ElementAtOrDefault(1) != "t" || !MentoringForms.TryParse(parts.ElementAtOrDefault(2), out var form))
        {
            context.AnswerChoice();
            context.Reply(Reply.Plain(PairsTexts.StaleButton));
            return;
        }

        if (!MentoringForms.CanSwitchOff(form, off))
        {
            context.AnswerChoice(PairsTexts.LastFormStays);
            context.Reply(Reply.Plain(PairsTexts.LastFormStays));
            return;
        }

        context.AnswerChoice();
        var next = off.Contains(form) ? off.Where(f => f != form) : off.Append(form);
        await PairStore.SetFormsOffAsync(c, t, org, next, ct);
        context.Reply(Screen(await PairStore.FormsOffAsync(c, t, org, ct)));
    }

    private static Reply Screen(IReadOnlySet<MentoringForm> off) =>
        new(PairsTexts.FormsScreen, [.. MentoringForms.All.Select(f => (IReadOnlyList<Choice>)[new Choice(PairsTexts.FormToggle(f, !off.Contains(f)), $"forms:t:{f.Code()}")])]);

    /// <summary>The form offered first for <paramref name="pair"/>: its mentor's other live links decide (<see cref="MentoringForms.Suggest"/>).</summary>
    public static MentoringForm Suggest(PairRecord pair, IReadOnlyCollection<PairRecord> live, IReadOnlySet<MentoringForm> off) =>
        MentoringForms.Suggest(live.Count(p => p.MentorMembershipId == pair.MentorMembershipId && p.Id != pair.Id) + 1, pair.MentorIsHead, off);

    /// <summary>
    /// Before a mentor's pair becomes a group: asks the curator «Объединить в группу» (<c>match:fa:P:group</c>) or
    /// «Отдельная пара» with the single-pair form, or another form (<c>match:of:P</c>).
    /// </summary>
    public static Reply GroupQuestion(PairRecord pair, IReadOnlyList<PairRecord> mentorsLive, IReadOnlySet<MentoringForm> off)
    {
        var single = MentoringForms.Suggest(1, pair.MentorIsHead, off);
        return Reply.WithChoices(PairsTexts.GroupQuestion(pair.MentorDisplay, pair.MenteeDisplay, [.. mentorsLive.Select(p => p.MenteeDisplay)]),
            new Choice(PairsTexts.MakeGroupButton, $"match:fa:{pair.Id}:{MentoringForm.Group.Code()}"),
            new Choice(PairsTexts.SeparatePairButton(single), $"match:fa:{pair.Id}:{single.Code()}"),
            new Choice(PairsTexts.OtherFormButton, $"match:of:{pair.Id}"));
    }

    /// <summary><c>match:of:P</c>: the organisation's forms for proposal P, the suggestion first and marked; each approves with it.</summary>
    public static async Task AskFormAsync(ChatContext context, Member member, long pairId)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        if (await MatchConversation.ProposalAsync(context, member, pairId) is not { } pair) return;

        var off = await PairStore.FormsOffAsync(c, t, org, ct);
        var suggested = Suggest(pair, await PairStore.ListAsync(c, t, org, PairStore.Live, ct), off);
        var forms = MentoringForms.Enabled(off).OrderBy(f => f == suggested ? 0 : 1);
        context.Reply(Reply.WithChoices(PairsTexts.ChooseForm(pair.MenteeDisplay, pair.MentorDisplay, suggested),
            [.. forms.Select(f => new Choice(PairsTexts.FormOption(f, f == suggested), $"match:fa:{pairId}:{f.Code()}"))]));
    }

    /// <summary><c>match:fm:P</c>: the forms a live pair may change to (a group is made only at approval, where the curator is asked).</summary>
    public static async Task ChangeOptionsAsync(ChatContext context, Member member, long pairId)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var pair = await PairStore.GetAsync(c, t, org, pairId, ct);
        if (pair is null || !PairStore.Live.Contains(pair.Status))
        {
            context.Reply(Reply.Plain(PairsTexts.PairGone));
            return;
        }

        var off = await PairStore.FormsOffAsync(c, t, org, ct);
        var current = MentoringForms.TryParse(pair.Form, out var f) ? f : (MentoringForm?)null;
        context.Reply(Reply.WithChoices(PairsTexts.ChooseForm(pair.MenteeDisplay, pair.MentorDisplay, current ?? MentoringForms.Suggest(1, pair.MentorIsHead, off)),
            [.. MentoringForms.Enabled(off).Where(x => x != MentoringForm.Group && x != current).Select(x => new Choice(PairsTexts.FormOption(x, false), $"match:fs:{pairId}:{x.Code()}"))]));
    }

    /// <summary><c>match:fs:P:CODE</c>: sets a live pair's form, tells both, and settles the mentor's group if it shrank to one.</summary>
    public async Task ChangeAsync(ChatContext context, Member member, long pairId, string? code)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var pair = await PairStore.GetAsync(c, t, org, pairId, ct);
        var off = await PairStore.FormsOffAsync(c, t, org, ct);
        if (pair is null || !MentoringForms.TryParse(code, out var form) || form == MentoringForm.Group || off.Contains(form)
            || !await PairStore.SetFormAsync(c, t, org, pairId, form, ct))
        {
            context.Reply(Reply.Plain(PairsTexts.PairGone));
            return;
        }

        var dueAt = DeliveryWindow.Polls.Next(context.Now, member.TimeZone);
        var key = $"pairs:form:{pairId}:{context.Update.Source}{context.Update.UpdateId}";
        await notifier.EnqueueAsync(c, t, pair.MentorMembershipId, Reply.Plain(PairsTexts.FormChangedToPerson(form)), key + ":mentor", dueAt, ct);
        await notifier.EnqueueAsync(c, t, pair.MenteeMembershipId, Reply.Plain(PairsTexts.FormChangedToPerson(form)), key + ":mentee", dueAt, ct);
        await SettleGroupAsync(context, member, pair.MentorMembershipId);
        context.Reply(Reply.Plain(PairsTexts.FormChanged(pair.MenteeDisplay, pair.MentorDisplay, form)));
    }

    /// <summary>Makes the mentor's live links one group after <paramref name="approved"/> joined it, and tells the mentees already there.</summary>
    public async Task MakeGroupAsync(ChatContext context, Member member, PairRecord approved)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var changed = await PairStore.MakeGroupAsync(c, t, org, approved.MentorMembershipId, ct);
        var dueAt = DeliveryWindow.Polls.Next(context.Now, member.TimeZone);
        foreach (var id in changed.Where(id => id != approved.Id))
        {
            var other = (await PairStore.GetAsync(c, t, org, id, ct))!;
            await notifier.EnqueueAsync(c, t, other.MenteeMembershipId, Reply.Plain(PairsTexts.BecameGroup(other.MentorDisplay, approved.MenteeDisplay)),
                $"pairs:group:{id}:{approved.Id}", dueAt, ct);
        }
    }

    /// <summary>
    /// A group left with one live link (after a dissolution or a form change) is a pair again: its form becomes the
    /// single-pair suggestion and its mentee is told.
    /// </summary>
    public async Task SettleGroupAsync(ChatContext context, Member member, long mentorId)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var grouped = (await PairStore.ListAsync(c, t, org, PairStore.Live, ct)).Where(p => p.MentorMembershipId == mentorId && p.Form == MentoringForm.Group.Code()).ToList();
        if (grouped.Count != 1) return;
        var last = grouped[0];
        var form = MentoringForms.Suggest(1, last.MentorIsHead, await PairStore.FormsOffAsync(c, t, org, ct));
        await PairStore.SetFormAsync(c, t, org, last.Id, form, ct);
        await notifier.EnqueueAsync(c, t, last.MenteeMembershipId, Reply.Plain(PairsTexts.GroupBecamePair(last.MentorDisplay, form)),
            $"pairs:ungroup:{last.Id}:{context.Update.Source}{context.Update.UpdateId.ToString(CultureInfo.InvariantCulture)}", DeliveryWindow.Polls.Next(context.Now, member.TimeZone), ct);
    }
}
