using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Questionnaires;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Roadmaps;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Questionnaires;

/// <summary>
/// Runs questionnaires in chat (issue 4): the glue between the pure <see cref="QuestionnaireFlow"/> and
/// the rows. The response (answers, history, open question) is a <c>questionnaire_responses</c> row; the
/// chat's conversation row (flow <see cref="Flow"/>) says which response is open and holds the ticks of
/// an unfinished multiple choice. Both are in PostgreSQL, so a person continues after a restart or a day later.
/// </summary>
public static class QuestionnaireConversation
{
    /// <summary>The <c>conversation_states.flow</c> of an open questionnaire.</summary>
    public const string Flow = "questionnaire";

    /// <summary>
    /// Starts (or resumes) <paramref name="questionnaire"/> for <paramref name="member"/> and asks its
    /// next question. <paramref name="contextKey"/> tells repeated runs apart ('' for intake,
    /// <c>pair:17</c> for a pair's satisfaction survey). Replaces whatever conversation is open: a handler
    /// acting on the person's own command or button asks <see cref="ConversationSwitch.ConfirmSwitchAsync"/>
    /// first (the <c>q:start</c> button does). A completed questionnaire is not asked again; one meant for
    /// other roles, or an unknown id, gets a short reply.
    /// </summary>
    public static async Task StartAsync(ChatContext context, Member member, string questionnaire, string contextKey = "")
    {
        var current = BuiltInQuestionnaires.Find(questionnaire, member.Taxonomy);
        if (current is null)
        {
            context.Reply(Reply.Plain(QuestionnaireTexts.UnknownQuestionnaire));
            return;
        }

        if (!member.HasAny(current.Roles))
        {
            context.Reply(Reply.Plain(QuestionnaireTexts.NotForYou(current.Title)));
            return;
        }

        var response = await QuestionnaireStore.FindAsync(context.Connection, context.Transaction, member.MembershipId, questionnaire, contextKey, context.CancellationToken);
        if (response is { IsCompleted: true })
        {
            context.Reply(Reply.Plain(QuestionnaireTexts.AlreadyCompleted(current.Title)));
            return;
        }

        var fresh = response is null;
        QuestionnaireDefinition definition;
        QuestionnaireProgress progress;
        if (response is null)
        {
            definition = current;
            progress = QuestionnaireProgress.Start(definition);
            response = await QuestionnaireStore.InsertAsync(context.Connection, context.Transaction, member.MembershipId, definition, contextKey, progress, context.Now, context.CancellationToken);
        }
        else
        {
            definition = BuiltInQuestionnaires.Find(questionnaire, member.Taxonomy, response.Version)
                         ?? throw new InvalidOperationException($"Response {response.Id}: {questionnaire} v{response.Version} is not defined.");
            progress = QuestionnaireProgress.FromJson(response.Answers, response.History, response.CurrentQuestion, completed: false);
        }

        await RunAsync(context, member, definition, response, progress, new QuestionnaireInput.Resume(fresh));
    }

    /// <summary>Free text, <c>/back</c> and «Продолжить начатое» while a questionnaire is open.</summary>
    internal static async Task OnFlowInputAsync(ChatContext context, ChatInput input)
    {
        QuestionnaireInput? read = input switch
        {
            TextInput text => new QuestionnaireInput.Typed(text.Text),
            CommandInput { Name: "back" } => new QuestionnaireInput.Back(),
            CommandInput { Name: "resume" } => new QuestionnaireInput.Resume(false),
            _ => null,
        };
        if (read is null) return;
        var open = await OpenAsync(context, responseId: null);
        if (open is null)
        {
            context.Reply(Reply.Plain(QuestionnaireTexts.QuestionnaireClosed));
            return;
        }

        await RunAsync(context, open.Value.Member, open.Value.Definition, open.Value.Response, open.Value.Progress, read);
    }

    /// <summary>A press of an answer button (<c>q:a|t|d|s:…</c>); a button of another response or a closed question changes nothing.</summary>
    internal static async Task OnAnswerButtonAsync(ChatContext context, long responseId, QuestionnaireInput input)
    {
        var open = await OpenAsync(context, responseId);
        if (open is null)
        {
            context.AnswerChoice(QuestionnaireTexts.QuestionClosed);
            return;
        }

        await RunAsync(context, open.Value.Member, open.Value.Definition, open.Value.Response, open.Value.Progress, input);
    }

    /// <summary>
    /// The open questionnaire of the chat (when <paramref name="responseId"/> is given, only if it is that
    /// response), with the person's membership and progress; null when there is none. The membership is
    /// the response's own (so switching the current organisation does not break an open questionnaire),
    /// and must be active and the sender's. A conversation row pointing at a response that is gone,
    /// finished or not the sender's is closed.
    /// </summary>
    private static async Task<(Member Member, QuestionnaireDefinition Definition, QuestionnaireResponse Response, QuestionnaireProgress Progress)?> OpenAsync(ChatContext context, long? responseId)
    {
        var conversation = await context.GetConversationAsync();
        if (conversation?.Flow != Flow) return null;
        var data = JsonSerializer.Deserialize<OpenQuestionnaire>(conversation.Data, JsonSerializerOptions.Web)!;
        if (responseId is not null && data.ResponseId != responseId) return null;
        var (response, member) = await QuestionnaireStore.GetForUpdateAsync(context.Connection, context.Transaction, data.ResponseId, context.CancellationToken);
        var definition = response is null || member is null ? null : BuiltInQuestionnaires.Find(response.Questionnaire, member.Taxonomy, response.Version);
        if (response is null || response.IsCompleted || member is null || member.ParticipantId != context.ParticipantId || definition is null)
        {
            await context.ClearConversationAsync();
            return null;
        }

        var progress = QuestionnaireProgress.FromJson(response.Answers, response.History, response.CurrentQuestion, completed: false, data.Ticks);
        return (member, definition, response, progress);
    }

    /// <summary>
    /// Runs the flow on one input, then saves the response and the conversation and sends the replies. On
    /// completion the profile answers go into <c>memberships</c> and, when a position was answered, the
    /// road-map responsible persons are relinked in the same transaction.
    /// </summary>
    private static async Task RunAsync(ChatContext context, Member member, QuestionnaireDefinition definition, QuestionnaireResponse response, QuestionnaireProgress progress, QuestionnaireInput input)
    {
        var today = member.Today(context.Now);
        var step = new QuestionnaireFlow(definition, progress, response.Id, today).Handle(input);
        if (step.Changed)
            await QuestionnaireStore.SaveAsync(context.Connection, context.Transaction, response.Id, progress, context.Now, context.CancellationToken);

        if (progress.Completed)
        {
            await QuestionnaireStore.CopyProfileAsync(context.Connection, context.Transaction, member.MembershipId, progress, context.CancellationToken);
            // A new position may make this person the holder of a road-map responsible position (issue 3).
            if (progress.Answers.ContainsKey("position"))
                await ResponsibleLinks.RelinkAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken);
            await context.ClearConversationAsync();
        }
        else
        {
            var data = new OpenQuestionnaire(response.Id, definition.Id, response.ContextKey, progress.Ticks);
            await context.SaveConversationAsync(new ConversationState(Flow, QuestionnaireStage.Asking.ToString(), JsonSerializer.Serialize(data, JsonSerializerOptions.Web)));
        }

        context.AnswerChoice(step.Toast);
        foreach (var reply in step.Replies) context.Reply(reply);
    }

    /// <summary>True when the open conversation is <paramref name="questionnaire"/> in <paramref name="contextKey"/>.</summary>
    internal static bool IsOpen(ConversationState open, string questionnaire, string contextKey)
    {
        if (open.Flow != Flow) return false;
        var data = JsonSerializer.Deserialize<OpenQuestionnaire>(open.Data, JsonSerializerOptions.Web)!;
        return data.Questionnaire == questionnaire && data.ContextKey == contextKey;
    }

    /// <summary>The conversation row's data: which response is open, and the unconfirmed ticks.</summary>
    private sealed record OpenQuestionnaire(long ResponseId, string Questionnaire, string ContextKey, List<string> Ticks);
}
