using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Questionnaires;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Questionnaires;

/// <summary>
/// The questionnaire feature's entry points (issue 4): buttons <c>q:…</c> (start from a background
/// message, answer, tick, confirm, skip), free text in an open questionnaire, and <c>/questionnaire</c>
/// to continue an unfinished one. <c>/back</c> reaches the flow through <see cref="ConversationSwitch"/>;
/// <c>/cancel</c> (Start) closes the conversation and keeps the answers.
/// </summary>
public sealed class QuestionnaireFeature : IChatFeature
{
    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Choice(QuestionnaireButtons.Prefix, OnButton)
        .Flow(QuestionnaireConversation.Flow, QuestionnaireConversation.OnFlowInputAsync)
        .Command("questionnaire", OnContinue, QuestionnaireTexts.ContinueMenu);

    private static async Task OnButton(ChatContext context, ChatInput input)
    {
        var data = ((ChoiceInput)input).Data;
        if (QuestionnaireButtons.TryParseStart(data, out var questionnaire, out var contextKey))
        {
            await OnStart(context, data, questionnaire, contextKey);
            return;
        }

        if (QuestionnaireButtons.TryParseAnswer(data, out var responseId, out var answer))
        {
            await QuestionnaireConversation.OnAnswerButtonAsync(context, responseId, answer);
            return;
        }

        context.AnswerChoice(QuestionnaireTexts.QuestionClosed);
    }

    /// <summary><c>q:start:&lt;id&gt;[:&lt;contextKey&gt;]</c> from a background message: membership and role check, the switch guard, then start or resume.</summary>
    private static async Task OnStart(ChatContext context, string data, string questionnaire, string contextKey)
    {
        var definition = BuiltInQuestionnaires.Find(questionnaire, CompetencyTaxonomy.Default);
        if (definition is null)
        {
            context.AnswerChoice(QuestionnaireTexts.UnknownQuestionnaire);
            return;
        }

        var member = await Access.RequireAsync(context, [.. definition.Roles]);
        if (member is null) return;
        if (!await ConversationSwitch.ConfirmSwitchAsync(context, QuestionnaireConversation.Flow, data,
                open => QuestionnaireConversation.IsOpen(open, questionnaire, contextKey))) return;
        await QuestionnaireConversation.StartAsync(context, member, questionnaire, contextKey);
    }

    /// <summary>
    /// <c>/questionnaire</c>: continues the person's most recent unfinished questionnaire. Any role will do, but
    /// the personal-data consent must be in force (someone who left the consent screen is led back to it).
    /// </summary>
    private static async Task OnContinue(ChatContext context, ChatInput input)
    {
        var member = await Access.RequireAsync(context, Enum.GetValues<Role>());
        if (member is null) return;
        var response = await QuestionnaireStore.LatestInProgressAsync(context.Connection, context.Transaction, member.MembershipId, context.CancellationToken);
        if (response is null)
        {
            context.Reply(Reply.Plain(QuestionnaireTexts.NothingToContinue));
            return;
        }

        if (!await ConversationSwitch.ConfirmSwitchAsync(context, QuestionnaireConversation.Flow, QuestionnaireButtons.Start(response.Questionnaire, response.ContextKey),
                open => QuestionnaireConversation.IsOpen(open, response.Questionnaire, response.ContextKey))) return;
        await QuestionnaireConversation.StartAsync(context, member, response.Questionnaire, response.ContextKey);
    }
}
