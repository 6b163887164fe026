using System.Globalization;
using MentorBot.Domain.Consents;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Consents;

/// <summary>
/// <c>/consents</c>: the person's consents in their current organisation, each withdrawable after a
/// confirmation (152-ФЗ ст. 9 ч. 2). Also routes the consent screens of <see cref="ConsentConversation"/>.
/// Buttons: <c>consents:begin</c> (reopen pending consent screens), <c>consents:withdraw:KIND:MEMBERSHIP</c>, <c>consents:confirm:KIND:MEMBERSHIP</c>, <c>consents:keep</c>.
/// </summary>
public sealed class ConsentsFeature(WithdrawalNotices notices) : IChatFeature
{
    private const string Prefix = "consents";

    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Command("consents", ShowAsync, ConsentTexts.ConsentsMenu)
        .Choice(Prefix, OnChoiceAsync)
        .Choice(ConsentConversation.Flow, ConsentConversation.OnChoiceAsync)
        .Flow(ConsentConversation.Flow, ConsentConversation.OnTextAsync);

    private static async Task ShowAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context) is not { } member) return;
        var consents = await ConsentStore.CurrentAsync(context.Connection, context.Transaction, member.Organisation.Id, member.ParticipantId, context.CancellationToken);
        var missing = Access.MissingConsent(member) is { } code && ConsentKinds.TryParseKind(code, out var missingKind) ? missingKind : (ConsentKind?)null;
        if (consents.Count == 0 && missing is null)
        {
            context.Reply(Reply.Plain(ConsentTexts.NoConsents(member.Organisation.Name)));
            return;
        }

        var lines = new List<string> { ConsentTexts.Heading(member.Organisation.Name) };
        var buttons = new List<Choice>();
        // Someone who left an onboarding consent screen sees what is missing and a way back to it.
        if (missing is { } pending)
        {
            lines.Add(ConsentTexts.NotYetGiven(pending));
            buttons.Add(new Choice(AccessTexts.OpenConsent, Access.OpenConsentData));
        }

        foreach (var kind in ConsentKinds.All)
        {
            var state = consents.FirstOrDefault(c => c.Kind == kind.Code());
            if (state is null || !ConsentKinds.TryParseEvent(state.Event, out var consentEvent)) continue;
            var date = LocalDates.TimeOfUtc(state.OccurredAt, member.TimeZone).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
            lines.Add(ConsentTexts.Line(kind, consentEvent, date, state.TextVersion));
            if (state.IsGiven)
                buttons.Add(new Choice(ConsentTexts.WithdrawButton(kind), $"{Prefix}:withdraw:{kind.Code()}:{member.MembershipId}"));
        }

        if (buttons.Count > (missing is null ? 0 : 1)) lines.Add("\n" + ConsentTexts.WithdrawHint);
        context.Reply(Reply.WithChoices(string.Join("\n", lines), [.. buttons]));
    }

    private async Task OnChoiceAsync(ChatContext context, ChatInput input)
    {
        var parts = ((ChoiceInput)input).Data.Split(':');
        if (parts is [_, "begin"])
        {
            context.AnswerChoice();
            if (await Access.RequireAsync(context) is { } pending) await ConsentConversation.BeginAsync(context, pending);
            return;
        }

        if (parts is [_, "keep"])
        {
            context.AnswerChoice();
            context.Reply(Reply.Plain(ConsentTexts.Kept));
            return;
        }

        if (parts is not [_, "withdraw" or "confirm", var kindCode, var membershipText]
            || !ConsentKinds.TryParseKind(kindCode, out var kind)
            || !long.TryParse(membershipText, NumberStyles.None, CultureInfo.InvariantCulture, out var membershipId))
        {
            context.AnswerChoice(ConsentTexts.Closed);
            return;
        }

        if (await Access.RequireAsync(context) is not { } member) return;
        if (member.MembershipId != membershipId
            || !await ConsentStore.IsGivenAsync(context.Connection, context.Transaction, member.Organisation.Id, member.ParticipantId, kind, context.CancellationToken))
        {
            context.AnswerChoice(ConsentTexts.NotInForce);
            return;
        }

        context.AnswerChoice();
        if (parts[1] == "withdraw")
        {
            context.Reply(Reply.WithChoices(ConsentTexts.ConfirmWithdrawal(kind, member.Organisation.Name),
                new Choice(ConsentTexts.ConfirmButton, $"{Prefix}:confirm:{kind.Code()}:{member.MembershipId}"),
                new Choice(ConsentTexts.KeepButton, $"{Prefix}:keep")));
            return;
        }

        await ConsentStore.AppendAsync(context.Connection, context.Transaction, member.Organisation.Id, member.ParticipantId,
            kind, ConsentEvent.Withdrawn, context.Update.Source, context.Now, context.CancellationToken);
        switch (kind)
        {
            case ConsentKind.PersonalData:
                var pairs = await WithdrawalNotices.LivePairsAsync(context, member);
                await PersonalDataErasure.EraseAsync(context, member);
                await notices.TellAsync(context, member, pairs, kind);
                context.Reply(Reply.Plain(ConsentTexts.PersonalDataWithdrawn));
                break;
            case ConsentKind.MentoringDuties:
                var mentored = (await WithdrawalNotices.LivePairsAsync(context, member)).Where(p => p.MentorMembershipId == member.MembershipId).ToList();
                await ConsentConversation.RemoveMentorRoleAsync(context, member, "mentor_consent_withdrawn");
                await notices.TellAsync(context, member, mentored, kind);
                context.Reply(Reply.Plain(ConsentTexts.MentoringDutiesWithdrawn(mentored.Count > 0)));
                break;
            default:
                context.Reply(Reply.Plain(ConsentTexts.PublicationWithdrawn));
                break;
        }
    }
}
