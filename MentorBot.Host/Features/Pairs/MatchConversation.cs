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
/// The curator's <c>/match</c> (issue 5, «Curator approval»): the proposal pair by pair with reasons, approve,
/// reject, approve all, swap a mentor, pair by hand, the live pairs and their dissolution. Nothing is fixed until
/// approved. Buttons (data ≤ 64 bytes, ids are numbers):
/// <c>match:ok:P</c> approve proposal P · <c>match:no:P</c> reject · <c>match:swap:P</c> list other mentors ·
/// <c>match:to:P:M</c> give P mentor M · <c>match:all</c> approve every proposal · <c>match:hand</c> free mentees ·
/// <c>match:hm:E</c> mentors for mentee E · <c>match:hp:E:M</c> propose E with M · <c>match:redo</c> recompute
/// proposals · <c>match:reset</c> forget rejections and recompute · <c>match:survey</c> start the preference survey ·
/// <c>match:live</c> live pairs · <c>match:dis:P</c> ask why · <c>match:dr:P:CODE</c> dissolve with reason CODE ·
/// <c>match:of:P</c> the forms for P · <c>match:fa:P:FORM</c> approve P with FORM · <c>match:fm:P</c> forms a live pair
/// may change to · <c>match:fs:P:FORM</c> change it (forms: <see cref="PairForms"/>).
/// </summary>
/// <param name="notifier">Tells both people of an approval or a dissolution.</param>
public sealed class MatchConversation(Notifier notifier)
{
    /// <summary>The button prefix.</summary>
    public const string Prefix = "match";

    /// <summary>At most this many proposal cards per screen (the sender spaces a chat's messages a second apart).</summary>
    public const int CardsPerScreen = 10;

    private readonly PreferenceSurvey survey = new(notifier);
    private readonly PairForms forms = new(notifier);

    /// <summary><c>/match</c>: computes a proposal when none is open, then shows it.</summary>
    public async Task ShowAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator) is not { } member) return;
        var proposed = await PairStore.ListAsync(context.Connection, context.Transaction, member.Organisation.Id, ["proposed"], context.CancellationToken);
        if (proposed.Count == 0) await ProposeAsync(context, member);
        await ScreenAsync(context, member);
    }

    /// <summary>Every <c>match:…</c> button.</summary>
    public async Task ChooseAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator) is not { } member) return;
        var parts = ((ChoiceInput)input).Data.Split(':');
        long Id(int k) => parts.Length > k && long.TryParse(parts[k], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
        context.AnswerChoice();
        switch (parts.ElementAtOrDefault(1))
        {
            case "ok": await ApproveAsync(context, member, Id(2)); break;
            case "no": await RejectAsync(context, member, Id(2)); break;
            case "swap": await SwapOptionsAsync(context, member, Id(2)); break;
            case "to": await SwapAsync(context, member, Id(2), Id(3)); break;
            case "all": await ApproveAllAsync(context, member); break;
            case "hand": await HandMenteesAsync(context, member); break;
            case "hm": await HandMentorsAsync(context, member, Id(2)); break;
            case "hp": await HandPairAsync(context, member, Id(2), Id(3)); break;
            case "redo":
                await ProposeAsync(context, member);
                await ScreenAsync(context, member);
                break;
            case "reset":
                await PairStore.ClearRejectionsAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken);
                await ProposeAsync(context, member);
                await ScreenAsync(context, member);
                break;
            case "survey": await survey.StartAsync(context, member); break;
            case "live": await LiveAsync(context, member); break;
            case "dis": await DissolveReasonsAsync(context, member, Id(2)); break;
            case "dr": await DissolveAsync(context, member, Id(2), parts.ElementAtOrDefault(3)); break;
            case "of": await PairForms.AskFormAsync(context, member, Id(2)); break;
            case "fa": await ApproveWithFormAsync(context, member, Id(2), parts.ElementAtOrDefault(3)); break;
            case "fm": await PairForms.ChangeOptionsAsync(context, member, Id(2)); break;
            case "fs": await forms.ChangeAsync(context, member, Id(2), parts.ElementAtOrDefault(3)); break;
            default: context.Reply(Reply.Plain(PairsTexts.StaleButton)); break;
        }
    }

    private static async Task ProposeAsync(ChatContext context, Member member)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        await PairStore.DeleteProposalsAsync(c, t, org, ct);
        var bank = await BankStore.LoadAsync(c, t, org, ct);
        var live = await PairStore.ListAsync(c, t, org, PairStore.Live, ct);
        var rejected = await PairStore.RejectionsAsync(c, t, org, ct);
        var proposal = MatchRun.Propose(bank, live, rejected);
        foreach (var pair in proposal.Pairs)
            await PairStore.ProposeAsync(c, t, org, long.Parse(pair.MentorId, CultureInfo.InvariantCulture), long.Parse(pair.MenteeId, CultureInfo.InvariantCulture), pair.Score, pair.Reasons, context.Now, ct);
    }

    private static async Task ScreenAsync(ChatContext context, Member member)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var bank = await BankStore.LoadAsync(c, t, org, ct);
        var live = await PairStore.ListAsync(c, t, org, PairStore.Live, ct);
        var proposed = await PairStore.ListAsync(c, t, org, ["proposed"], ct);
        var rejected = await PairStore.RejectionsAsync(c, t, org, ct);
        var unmatched = MatchRun.Unmatched(bank, [.. live, .. proposed], rejected);

        context.Reply(Reply.Formatted(PairsTexts.MatchHeader(member.Organisation.Name, bank.Mentors.Count, bank.MentorProfiles.Count,
            bank.Mentees.Count, bank.MenteeProfiles.Count, live.Count, proposed.Count)));
        var off = await PairStore.FormsOffAsync(c, t, org, ct);
        foreach (var pair in proposed.Take(CardsPerScreen))
            context.Reply(Card(pair, PairForms.Suggest(pair, live, off)));
        if (proposed.Count > CardsPerScreen)
            context.Reply(Reply.Plain(PairsTexts.MoreProposals(proposed.Count - CardsPerScreen)));

        var withoutIntake = bank.Mentors.Where(m => !m.HasIntake).Select(m => m.Name).ToList();
        var buttons = new List<IReadOnlyList<Choice>>();
        if (proposed.Count > 0) buttons.Add([new Choice(PairsTexts.ApproveAllButton(proposed.Count), "match:all")]);
        buttons.Add([new Choice(PairsTexts.HandButton, "match:hand"), new Choice(PairsTexts.RedoButton, "match:redo")]);
        if (rejected.Count > 0) buttons.Add([new Choice(PairsTexts.ResetButton, "match:reset")]);
        buttons.Add([new Choice(PairsTexts.SurveyButton, "match:survey"), new Choice(PairsTexts.LiveButton, "match:live")]);
        context.Reply(Reply.Formatted(PairsTexts.MatchFooter(unmatched.Select(u => (u.Name, u.Reason)).ToList(), withoutIntake), buttons));
    }

    /// <summary>One proposal as the curator sees it: both people, score, reasons, the suggested form, a missing consent, and its buttons.</summary>
    private static Reply Card(PairRecord pair, MentoringForm suggested) => Reply.Formatted(
        PairsTexts.ProposalCard(pair.Id, pair.MenteeDisplay, pair.MentorDisplay, pair.Score, pair.Reasons, pair.MentorDutiesConsent)
            + "\n" + Html.Escape(PairsTexts.SuggestedForm(suggested)),
        [
            [new Choice(PairsTexts.ApproveButton, $"match:ok:{pair.Id}"), new Choice(PairsTexts.RejectButton, $"match:no:{pair.Id}")],
            [new Choice(PairsTexts.SwapButton, $"match:swap:{pair.Id}"), new Choice(PairsTexts.OtherFormButton, $"match:of:{pair.Id}")],
        ]);

    /// <summary>
    /// «Утвердить»: with the suggested form, unless the mentor already has live links and the organisation uses the
    /// group form — then the curator is asked first whether the pair becomes a group (issue 17 item 10).
    /// </summary>
    private async Task ApproveAsync(ChatContext context, Member member, long pairId)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        if (await ProposalAsync(context, member, pairId) is not { } pair) return;

        var off = await PairStore.FormsOffAsync(c, t, org, ct);
        var live = await PairStore.ListAsync(c, t, org, PairStore.Live, ct);
        var mentorsLive = live.Where(p => p.MentorMembershipId == pair.MentorMembershipId).ToList();
        if (mentorsLive.Count > 0 && !off.Contains(MentoringForm.Group))
        {
            context.Reply(PairForms.GroupQuestion(pair, mentorsLive, off));
            return;
        }

        await ApproveWithAsync(context, member, pair, PairForms.Suggest(pair, live, off));
    }

    /// <summary>The open proposal <paramref name="pairId"/> of the member's organisation, or null after saying it is gone.</summary>
    internal static async Task<PairRecord?> ProposalAsync(ChatContext context, Member member, long pairId)
    {
        var pair = await PairStore.GetAsync(context.Connection, context.Transaction, member.Organisation.Id, pairId, context.CancellationToken);
        if (pair is not null && pair.Status == "proposed") return pair;
        context.Reply(Reply.Plain(PairsTexts.ProposalGone));
        return null;
    }

    /// <summary><c>match:fa:P:FORM</c>: approves P with the form the curator chose (one the organisation uses).</summary>
    private async Task ApproveWithFormAsync(ChatContext context, Member member, long pairId, string? code)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var pair = await PairStore.GetAsync(c, t, org, pairId, ct);
        if (pair is null || pair.Status != "proposed" || !MentoringForms.TryParse(code, out var form) || (await PairStore.FormsOffAsync(c, t, org, ct)).Contains(form))
        {
            context.Reply(Reply.Plain(PairsTexts.ProposalGone));
            return;
        }

        await ApproveWithAsync(context, member, pair, form);
    }

    private async Task ApproveWithAsync(ChatContext context, Member member, PairRecord pair, MentoringForm form)
    {
        if (!await ApproveRowAsync(context, member, pair.Id, form))
        {
            context.Reply(Reply.Plain(PairsTexts.ProposalGone));
            return;
        }

        if (form == MentoringForm.Group) await forms.MakeGroupAsync(context, member, pair);
        context.Reply(Reply.Formatted(await NotifyApprovedAsync(context, member, pair.Id)));
    }

    /// <summary>
    /// «Утвердить все»: each with its single-pair suggestion; a mentor with several new links becomes a group when the
    /// organisation uses that form. Links of mentors who already lead a live pair wait for the curator's decision.
    /// </summary>
    private async Task ApproveAllAsync(ChatContext context, Member member)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var proposed = await PairStore.ListAsync(c, t, org, ["proposed"], ct);
        var off = await PairStore.FormsOffAsync(c, t, org, ct);
        var groupOn = !off.Contains(MentoringForm.Group);
        var leading = (await PairStore.ListAsync(c, t, org, PairStore.Live, ct)).Select(p => p.MentorMembershipId).ToHashSet();
        var waiting = proposed.Where(p => groupOn && leading.Contains(p.MentorMembershipId)).ToList();
        var approved = new List<PairRecord>();
        foreach (var pair in proposed.Except(waiting))
            if (await ApproveRowAsync(context, member, pair.Id, MentoringForms.Suggest(1, pair.MentorIsHead, off))) approved.Add(pair);
        if (groupOn)
        {
            foreach (var mentor in approved.GroupBy(p => p.MentorMembershipId).Where(g => g.Count() > 1))
                await PairStore.MakeGroupAsync(c, t, org, mentor.Key, ct);
        }

        // Notices go out once every link is approved, so a mentor's group is told as a group.
        var lines = new List<string>();
        foreach (var pair in approved)
            lines.Add(await NotifyApprovedAsync(context, member, pair.Id));
        var text = PairsTexts.ApprovedAll(lines, proposed.Count - waiting.Count - approved.Count);
        if (waiting.Count > 0) text += "\n\n" + Html.Escape(PairsTexts.LeftForGroupDecision([.. waiting.Select(p => p.MenteeDisplay)]));
        context.Reply(Reply.Formatted(text));
    }

    /// <summary>
    /// Approves one proposal with <paramref name="form"/>: the term (road map pair-work stage, else today → 31 May) and
    /// the plan. False when the proposal is gone or its mentee already has a live pair.
    /// </summary>
    private static async Task<bool> ApproveRowAsync(ChatContext context, Member member, long pairId, MentoringForm form)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var pair = await PairStore.GetAsync(c, t, org, pairId, ct);
        if (pair is null || pair.Status != "proposed") return false;
        var today = member.Today(context.Now);
        var term = PairTerm.Default(today, await PairStore.PairWorkPeriodsAsync(c, t, org, ct));
        if (!await PairStore.ApproveAsync(c, t, org, pairId, term, form, context.ParticipantId, context.Now, ct)) return false;
        await PlanStore.CreateAsync(c, t, pairId, PlanGenerator.Build(term, pair.MeetingCadenceDays, WorkCalendar.Russia), ct);
        return true;
    }

    /// <summary>Tells both people of an approved pair who the other is and what happens next; returns the curator's HTML line.</summary>
    private async Task<string> NotifyApprovedAsync(ChatContext context, Member member, long pairId)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var pair = (await PairStore.GetAsync(c, t, org, pairId, ct))!;
        var term = pair.Term!;
        var form = MentoringForms.TryParse(pair.Form, out var f) ? f : MentoringForm.TeacherTeacher;
        var plan = await PlanStore.ListAsync(c, t, pairId, ct);
        var first = plan.Count > 0 ? DateOnly.FromDateTime(plan[0].DueOn) : (DateOnly?)null;
        var dueAt = DeliveryWindow.Polls.Next(context.Now, member.TimeZone);
        Choice[] open = [new Choice(PairsTexts.OpenPlanButton, PlanConversation.ShowData)];
        await notifier.EnqueueAsync(c, t, pair.MentorMembershipId,
            Reply.WithChoices(PairsTexts.ApprovedToMentor(pair.MenteeDisplay, form, term, first), open), $"pairs:approved:{pairId}:mentor", dueAt, ct);
        await notifier.EnqueueAsync(c, t, pair.MenteeMembershipId,
            Reply.WithChoices(PairsTexts.ApprovedToMentee(pair.MentorDisplay, form, term, first), open), $"pairs:approved:{pairId}:mentee", dueAt, ct);
        return PairsTexts.Approved(pair.MenteeDisplay, pair.MentorDisplay, form, term, plan.Count, pair.MentorDutiesConsent);
    }

    private static async Task RejectAsync(ChatContext context, Member member, long pairId)
    {
        var done = await PairStore.RejectAsync(context.Connection, context.Transaction, member.Organisation.Id, pairId, context.ParticipantId, context.Now, context.CancellationToken);
        context.Reply(Reply.WithChoices(done ? PairsTexts.Rejected : PairsTexts.ProposalGone,
            new Choice(PairsTexts.HandButton, "match:hand"), new Choice(PairsTexts.RedoButton, "match:redo")));
    }

    private static async Task SwapOptionsAsync(ChatContext context, Member member, long pairId)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        if (await ProposalAsync(context, member, pairId) is not { } pair) return;

        var bank = await BankStore.LoadAsync(c, t, org, ct);
        var taken = await TakenAsync(context, member);
        var options = bank.Mentors
            .Where(m => m.MembershipId != pair.MentorMembershipId && MatchRun.PlacesLeft(bank, taken, m.MembershipId) > 0)
            .Select(m => (Mentor: m, Link: MatchRun.ScoreLink(bank, m.MembershipId, pair.MenteeMembershipId)))
            .OrderByDescending(o => o.Link.Score ?? -1).ThenBy(o => o.Mentor.MembershipId)
            .Select(o => new Choice(PairsTexts.MentorOption(o.Mentor.Name, o.Link.Score, MatchRun.PlacesLeft(bank, taken, o.Mentor.MembershipId)), $"match:to:{pairId}:{o.Mentor.MembershipId}"))
            .ToArray();
        context.Reply(options.Length == 0 ? Reply.Plain(PairsTexts.NoOtherMentor) : Reply.WithChoices(PairsTexts.ChooseMentorFor(pair.MenteeDisplay), options));
    }

    private static async Task SwapAsync(ChatContext context, Member member, long pairId, long mentorId)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var pair = await PairStore.GetAsync(c, t, org, pairId, ct);
        var bank = await BankStore.LoadAsync(c, t, org, ct);
        if (pair is null || pair.Status != "proposed" || bank.Mentors.All(m => m.MembershipId != mentorId))
        {
            context.Reply(Reply.Plain(PairsTexts.ProposalGone));
            return;
        }

        var (score, reasons) = MatchRun.ScoreLink(bank, mentorId, pair.MenteeMembershipId);
        await PairStore.ChangeMentorAsync(c, t, org, pairId, mentorId, score, reasons, ct);
        context.Reply(await CardAsync(context, member, pairId));
    }

    private static async Task<Reply> CardAsync(ChatContext context, Member member, long pairId)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var pair = (await PairStore.GetAsync(c, t, org, pairId, ct))!;
        return Card(pair, PairForms.Suggest(pair, await PairStore.ListAsync(c, t, org, PairStore.Live, ct), await PairStore.FormsOffAsync(c, t, org, ct)));
    }

    private static async Task HandMenteesAsync(ChatContext context, Member member)
    {
        var bank = await BankStore.LoadAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken);
        var busy = (await TakenAsync(context, member)).Select(p => p.MenteeMembershipId).ToHashSet();
        var options = bank.Mentees.Where(m => !busy.Contains(m.MembershipId)).Select(m => new Choice(m.Name, $"match:hm:{m.MembershipId}")).ToArray();
        context.Reply(options.Length == 0 ? Reply.Plain(PairsTexts.NoFreeMentees) : Reply.WithChoices(PairsTexts.ChooseMentee, options));
    }

    private static async Task HandMentorsAsync(ChatContext context, Member member, long menteeId)
    {
        var bank = await BankStore.LoadAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken);
        var taken = await TakenAsync(context, member);
        if (bank.Mentees.All(m => m.MembershipId != menteeId) || taken.Any(p => p.MenteeMembershipId == menteeId))
        {
            context.Reply(Reply.Plain(PairsTexts.MenteeNotFree));
            return;
        }

        var options = bank.Mentors.Where(m => m.MembershipId != menteeId && MatchRun.PlacesLeft(bank, taken, m.MembershipId) > 0)
            .Select(m => new Choice(PairsTexts.MentorOption(m.Name, MatchRun.ScoreLink(bank, m.MembershipId, menteeId).Score, MatchRun.PlacesLeft(bank, taken, m.MembershipId)), $"match:hp:{menteeId}:{m.MembershipId}"))
            .ToArray();
        context.Reply(options.Length == 0 ? Reply.Plain(PairsTexts.NoOtherMentor) : Reply.WithChoices(PairsTexts.ChooseMentorFor(bank.NameOf(menteeId)), options));
    }

    private static async Task HandPairAsync(ChatContext context, Member member, long menteeId, long mentorId)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var bank = await BankStore.LoadAsync(c, t, org, ct);
        var taken = await TakenAsync(context, member);
        if (bank.Mentees.All(m => m.MembershipId != menteeId) || bank.Mentors.All(m => m.MembershipId != mentorId)
            || menteeId == mentorId || taken.Any(p => p.MenteeMembershipId == menteeId))
        {
            context.Reply(Reply.Plain(PairsTexts.MenteeNotFree));
            return;
        }

        var (score, reasons) = MatchRun.ScoreLink(bank, mentorId, menteeId);
        var pairId = await PairStore.ProposeAsync(c, t, org, mentorId, menteeId, score, reasons, context.Now, ct);
        context.Reply(await CardAsync(context, member, pairId));
    }

    private static async Task LiveAsync(ChatContext context, Member member)
    {
        var live = await PairStore.ListAsync(context.Connection, context.Transaction, member.Organisation.Id, PairStore.Live, context.CancellationToken);
        if (live.Count == 0)
        {
            context.Reply(Reply.Plain(PairsTexts.NoLivePairs));
            return;
        }

        var buttons = live.Select(p => (IReadOnlyList<Choice>)[new Choice(PairsTexts.ChangeFormButton(p.Id), $"match:fm:{p.Id}"), new Choice(PairsTexts.DissolveButton(p.Id), $"match:dis:{p.Id}")]).ToList();
        context.Reply(new Reply(PairsTexts.LivePairs([.. live.Select(p => PairsTexts.LivePairLine(p.Id, p.MenteeDisplay, p.MentorDisplay, MentoringForms.TryParse(p.Form, out var f) ? f : MentoringForm.TeacherTeacher, p.Term, p.MentorDutiesConsent))]), buttons, true));
    }

    private static async Task DissolveReasonsAsync(ChatContext context, Member member, long pairId)
    {
        var pair = await PairStore.GetAsync(context.Connection, context.Transaction, member.Organisation.Id, pairId, context.CancellationToken);
        if (pair is null || !PairStore.Live.Contains(pair.Status))
        {
            context.Reply(Reply.Plain(PairsTexts.PairGone));
            return;
        }

        context.Reply(Reply.WithChoices(PairsTexts.DissolveWhy(pair.MenteeDisplay, pair.MentorDisplay),
            [.. PairsTexts.DissolveReasons.Select(r => new Choice(r.Value, $"match:dr:{pairId}:{r.Key}"))]));
    }

    private async Task DissolveAsync(ChatContext context, Member member, long pairId, string? code)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var pair = await PairStore.GetAsync(c, t, org, pairId, ct);
        if (pair is null || code is null || !PairsTexts.DissolveReasons.TryGetValue(code, out var reason)
            || !await PairStore.DissolveAsync(c, t, org, pairId, reason, context.Now, ct))
        {
            context.Reply(Reply.Plain(PairsTexts.PairGone));
            return;
        }

        await forms.SettleGroupAsync(context, member, pair.MentorMembershipId);
        var dueAt = DeliveryWindow.Polls.Next(context.Now, member.TimeZone);
        await notifier.EnqueueAsync(c, t, pair.MentorMembershipId, Reply.Plain(PairsTexts.DissolvedToPerson(pair.MenteeDisplay, reason)), $"pairs:dissolved:{pairId}:mentor", dueAt, ct);
        await notifier.EnqueueAsync(c, t, pair.MenteeMembershipId, Reply.Plain(PairsTexts.DissolvedToPerson(pair.MentorDisplay, reason)), $"pairs:dissolved:{pairId}:mentee", dueAt, ct);
        context.Reply(Reply.WithChoices(PairsTexts.Dissolved(pair.MenteeDisplay, pair.MentorDisplay, reason), new Choice(PairsTexts.RedoButton, "match:redo")));
    }

    private static async Task<List<PairRecord>> TakenAsync(ChatContext context, Member member) =>
        await PairStore.ListAsync(context.Connection, context.Transaction, member.Organisation.Id, ["proposed", .. PairStore.Live], context.CancellationToken);
}
