using MentorBot.Domain.Conversations;
using MentorBot.Host.Features.Meetings;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Start;

/// <summary>
/// <c>/start</c>, <c>/help</c>, <c>/cancel</c> and the answer to anything no other feature handles.
/// Invite payloads of <c>/start</c> are handled by the onboarding feature once it exists.
/// </summary>
public sealed class StartFeature : IChatFeature
{
    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Command("start", Start, StartTexts.StartMenu)
        .Command("help", Help, StartTexts.HelpMenu)
        .Command("cancel", Cancel, StartTexts.CancelMenu)
        .Fallback(NotUnderstood);

    private static Task Start(ChatContext context, ChatInput input)
    {
        var payload = (input as CommandInput)?.Argument;
        context.Reply(Reply.Plain(payload is null ? StartTexts.Welcome : StartTexts.UnknownInvite));
        return Task.CompletedTask;
    }

    private static Task Help(ChatContext context, ChatInput input)
    {
        context.Reply(Reply.Plain(StartTexts.Help));
        return Task.CompletedTask;
    }

    private static async Task Cancel(ChatContext context, ChatInput input) =>
        context.Reply(Reply.Plain(await context.ClearConversationAsync() ? StartTexts.Cancelled : StartTexts.NothingToCancel));

    private static async Task NotUnderstood(ChatContext context, ChatInput input)
    {
        // A mentor's free text may be a meeting log (issue 6); the meetings feature answers it when it is theirs.
        if (input is TextInput text && await MeetingCheckInConversation.TryStartFromTextAsync(context, text.Text)) return;
        context.Reply(Reply.Plain(StartTexts.NotUnderstood));
    }
}
