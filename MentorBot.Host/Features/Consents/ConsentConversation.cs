using System.Text.Json;
using Dapper;
using MentorBot.Domain.Consents;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Questionnaires;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Consents;

/// <summary>
/// The consent screens in chat (issue 4): shows a document with «Согласен» / «Не согласен», records the
/// answer in the ledger (channel = the update's source), and moves the pure <see cref="ConsentFlow"/>
/// on; its step lives in the chat's conversation row (flow <see cref="Flow"/>). After onboarding's
/// consents it starts the person's questionnaire. Buttons: <c>consent:yes:KIND</c>, <c>consent:no:KIND</c>.
/// </summary>
public static class ConsentConversation
{
    /// <summary>The conversation flow name and the button prefix.</summary>
    public const string Flow = "consent";

    private sealed record FlowData(long MembershipId, bool Duties, string? Subject);

    /// <summary>
    /// Onboarding after an invite: asks the consents <paramref name="member"/> still lacks in their
    /// organisation (personal data; mentoring duties for a mentor) or, when all are in force, starts
    /// their questionnaire.
    /// </summary>
    public static async Task BeginAsync(ChatContext context, Member member)
    {
        var consents = await ConsentStore.CurrentAsync(context.Connection, context.Transaction, member.Organisation.Id, member.ParticipantId, context.CancellationToken);
        bool Given(ConsentKind kind) => consents.Any(c => c.Kind == kind.Code() && c.IsGiven);
        var dutiesNeeded = member.Has(Role.Mentor) && !Given(ConsentKind.MentoringDuties);
        var step = ConsentFlow.FirstStep(Given(ConsentKind.PersonalData), dutiesNeeded);
        if (step == ConsentStep.Completed)
        {
            await CompleteAsync(context, member, announce: false);
            return;
        }

        await AskAsync(context, member, step, new FlowData(member.MembershipId, dutiesNeeded, null));
    }

    /// <summary>
    /// Asks <paramref name="member"/> for the consent to publish personal data (152-ФЗ ст. 10.1), naming
    /// what is to be published in <paramref name="publicationSubject"/> (Russian, genitive: «описания
    /// вашего наставнического опыта на сайте школы»). Call it only when something is to be published;
    /// check the answer later with <see cref="ConsentStore.IsGivenAsync"/> and <see cref="ConsentKind.Publication"/>.
    /// </summary>
    public static Task AskPublicationAsync(ChatContext context, Member member, string publicationSubject) =>
        AskAsync(context, member, ConsentStep.Publication, new FlowData(member.MembershipId, false, publicationSubject));

    /// <summary>
    /// Handles «Согласен» / «Не согласен» and «Полный текст» (the whole document, with the same two buttons); a press
    /// on a screen that is no longer open changes nothing.
    /// </summary>
    public static async Task OnChoiceAsync(ChatContext context, ChatInput input)
    {
        var parts = ((ChoiceInput)input).Data.Split(':');
        var conversation = await context.GetConversationAsync();
        if (parts is [_, "text", var textKind] && conversation is { Flow: Flow } open && ConsentKinds.TryParseKind(textKind, out var shown)
            && Enum.TryParse<ConsentStep>(open.State, out var at) && ConsentFlow.AskedAt(at) == shown
            && JsonSerializer.Deserialize<FlowData>(open.Data, JsonSerializerOptions.Web) is { } opened
            && await MembershipStore.GetAsync(context.Connection, context.Transaction, opened.MembershipId, context.CancellationToken) is { } reader)
        {
            context.AnswerChoice();
            context.Reply(new Reply(ConsentDocuments.For(shown, reader.Organisation.Name, opened.Subject).Text, [Buttons(shown)]));
            return;
        }

        if (parts.Length != 3 || parts[1] is not ("yes" or "no") || !ConsentKinds.TryParseKind(parts[2], out var kind)
            || conversation is not { Flow: Flow } || !Enum.TryParse<ConsentStep>(conversation.State, out var step)
            || JsonSerializer.Deserialize<FlowData>(conversation.Data, JsonSerializerOptions.Web) is not { } data)
        {
            context.AnswerChoice(ConsentTexts.Closed);
            return;
        }

        var flow = new ConsentFlow(step, data.Duties);
        var member = await MembershipStore.GetAsync(context.Connection, context.Transaction, data.MembershipId, context.CancellationToken);
        if (flow.Asking != kind || member is null || member.ParticipantId != context.ParticipantId)
        {
            context.AnswerChoice(ConsentTexts.Closed);
            return;
        }

        var decision = flow.Answer(parts[1] == "yes" ? ConsentAnswer.Agree : ConsentAnswer.Disagree)!;
        await ConsentStore.AppendAsync(context.Connection, context.Transaction, member.Organisation.Id, member.ParticipantId,
            decision.Kind, decision.Event, context.Update.Source, context.Now, context.CancellationToken);
        context.AnswerChoice();
        switch (decision.Next)
        {
            case ConsentStep.MentoringDuties:
                await AskAsync(context, member, decision.Next, data);
                break;
            case ConsentStep.Completed when kind == ConsentKind.Publication:
                await context.ClearConversationAsync();
                context.Reply(Reply.Plain(ConsentTexts.PublicationGiven));
                break;
            case ConsentStep.Completed:
                await context.ClearConversationAsync();
                await CompleteAsync(context, member, announce: true);
                break;
            case ConsentStep.Declined:
                await context.ClearConversationAsync();
                await DeclineAsync(context, member);
                context.Reply(Reply.Plain(ConsentTexts.DeclinedPersonalData));
                break;
            case ConsentStep.MentoringDeclined:
                await context.ClearConversationAsync();
                await RemoveMentorRoleAsync(context, member, "mentor_consent_declined");
                context.Reply(Reply.Plain(ConsentTexts.DeclinedMentoringDuties));
                var rest = await MembershipStore.GetAsync(context.Connection, context.Transaction, member.MembershipId, context.CancellationToken);
                if (rest is not null && ConsentFlow.QuestionnaireFor(rest.Roles) is { } questionnaire)
                    await QuestionnaireConversation.StartAsync(context, rest, questionnaire);
                break;
            default:
                await context.ClearConversationAsync();
                context.Reply(Reply.Plain(ConsentTexts.PublicationDeclined));
                break;
        }
    }

    /// <summary>Text typed while a document is open: asks for a button again, with the buttons.</summary>
    public static async Task OnTextAsync(ChatContext context, ChatInput input)
    {
        var conversation = await context.GetConversationAsync();
        if (conversation is null || !Enum.TryParse<ConsentStep>(conversation.State, out var step) || ConsentFlow.AskedAt(step) is not { } kind)
        {
            await context.ClearConversationAsync();
            context.Reply(Reply.Plain(ConsentTexts.Closed));
            return;
        }

        context.Reply(new Reply(ConsentTexts.PressAButton, [Buttons(kind), FullTextRow(kind)]));
    }

    /// <summary>
    /// Removes the mentor role (ТК РФ ст. 351.8: no mentoring without the consent) and dissolves the
    /// person's pairs as a mentor that are not finished, with <paramref name="reason"/>.
    /// </summary>
    internal static Task RemoveMentorRoleAsync(ChatContext context, Member member, string reason)
    {
        const string sql = """
            DELETE FROM membership_roles WHERE membership_id = @membershipId AND role = 'mentor';
            UPDATE pairs SET status = 'dissolved', dissolved_reason = @reason, dissolved_at = @now
             WHERE mentor_membership_id = @membershipId AND status IN ('proposed', 'approved', 'active');
            """;
        return context.Connection.ExecuteAsync(new CommandDefinition(sql, new { membershipId = member.MembershipId, reason, now = context.Now.UtcDateTime }, context.Transaction, cancellationToken: context.CancellationToken));
    }

    private static async Task AskAsync(ChatContext context, Member member, ConsentStep step, FlowData data)
    {
        var kind = ConsentFlow.AskedAt(step) ?? throw new ArgumentOutOfRangeException(nameof(step), step, "not a step that shows a document");
        var document = ConsentDocuments.For(kind, member.Organisation.Name, data.Subject);
        await context.SaveConversationAsync(new ConversationState(Flow, step.ToString(), JsonSerializer.Serialize(data, JsonSerializerOptions.Web)));
        // A phone screen gets the summary and the buttons first; the full text is one tap away.
        context.Reply(new Reply(document.Summary, [Buttons(kind), FullTextRow(kind)]));
    }

    private static IReadOnlyList<Choice> FullTextRow(ConsentKind kind) => [new Choice(ConsentTexts.FullText, $"{Flow}:text:{kind.Code()}")];

    private static IReadOnlyList<Choice> Buttons(ConsentKind kind) =>
        [new Choice(ConsentTexts.Agree, $"{Flow}:yes:{kind.Code()}"), new Choice(ConsentTexts.Disagree, $"{Flow}:no:{kind.Code()}")];

    private static async Task CompleteAsync(ChatContext context, Member member, bool announce)
    {
        if (announce) context.Reply(Reply.Plain(ConsentTexts.AllGiven));
        if (ConsentFlow.QuestionnaireFor(member.Roles) is { } questionnaire)
            await QuestionnaireConversation.StartAsync(context, member, questionnaire);
        else
            context.Reply(Reply.Plain(ConsentTexts.NothingMoreToAsk));
    }

    /// <summary>
    /// The personal-data consent was declined: nothing beyond the decline is kept (152-ФЗ ст. 9 — no
    /// processing without consent). The membership stays only as «declined» with no name or roles; the
    /// messenger names are dropped unless another organisation still has the person.
    /// </summary>
    private static Task DeclineAsync(ChatContext context, Member member)
    {
        const string sql = """
            UPDATE memberships SET status = 'declined', full_name = NULL, position = NULL, subject = NULL WHERE id = @membershipId;
            DELETE FROM membership_roles WHERE membership_id = @membershipId;
            DELETE FROM questionnaire_responses WHERE membership_id = @membershipId;
            UPDATE participants SET current_organisation_id = NULL WHERE id = @participantId AND current_organisation_id = @organisationId;
            UPDATE participants SET first_name = NULL, last_name = NULL, username = NULL
             WHERE id = @participantId
               AND NOT EXISTS (SELECT 1 FROM memberships WHERE participant_id = @participantId AND status = 'active');
            """;
        return context.Connection.ExecuteAsync(new CommandDefinition(sql,
            new { membershipId = member.MembershipId, participantId = member.ParticipantId, organisationId = member.Organisation.Id },
            context.Transaction, cancellationToken: context.CancellationToken));
    }
}
