using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Questionnaires;

/// <summary>Runs questionnaires in chat (issue 4): the glue between the pure definitions and the conversation row.</summary>
public static class QuestionnaireConversation
{
    /// <summary>
    /// Starts (or resumes) <paramref name="questionnaire"/> for <paramref name="member"/> and asks its
    /// next question. <paramref name="contextKey"/> tells repeated runs apart ('' for intake,
    /// <c>pair:17</c> for a pair's satisfaction survey).
    /// </summary>
    public static Task StartAsync(ChatContext context, Member member, string questionnaire, string contextKey = "") =>
        throw new NotImplementedException("The questionnaire engine is being built (issue 4).");
}
