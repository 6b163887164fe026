using MentorBot.Domain.Conversations;
using MentorBot.Domain.Meetings;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Pairs;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Meetings;

/// <summary>
/// «Нужна помощь куратора» outside the meeting check-in (issue 17): <c>/curator</c>, or the button under a message the
/// bot did not understand, asks for the problem in one message (conversation <see cref="Flow"/>) and raises it as a
/// flag to every curator (<see cref="FlagStore"/>). For mentees and mentors; a mentee's flag names their mentor.
/// </summary>
public static class FlagConversation
{
    /// <summary>The conversation flow that waits for the problem's text.</summary>
    public const string Flow = "flag";

    /// <summary>The button data that asks for the text.</summary>
    public const string AskData = FlagStore.Prefix + ":ask";

    /// <summary>The «Нужна помощь куратора» button.</summary>
    public static Choice Button { get; } = new(MeetingsTexts.FlagLabel, AskData);

    /// <summary>Asks what the problem is (after the switch guard when another dialogue is open).</summary>
    public static async Task AskAsync(ChatContext context)
    {
        if (await Access.RequireAsync(context, Role.Mentee, Role.Mentor) is null) return;
        context.AnswerChoice();
        if (!await ConversationSwitch.ConfirmSwitchAsync(context, Flow, AskData)) return;
        await context.SaveConversationAsync(new ConversationState(Flow, "asking", "{}"));
        context.Reply(Reply.Plain(MeetingsTexts.AskFlagAlone));
    }

    /// <summary>The problem's text: raises the flag, or asks again when it is too long.</summary>
    public static async Task TextAsync(ChatContext context, Notifier notifier, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Mentee, Role.Mentor) is not { } member) return;
        var text = ((TextInput)input).Text.Trim();
        if (text.Length == 0 || text.Length > MeetingCheckIn.MaxFlagLength)
        {
            context.Reply(Reply.Plain(MeetingsTexts.FlagTextInvalid(MeetingCheckIn.MaxFlagLength)));
            return;
        }

        var pair = (await PairStore.ForMemberAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, context.CancellationToken)).FirstOrDefault();
        var asMentor = pair is not null ? pair.MentorMembershipId == member.MembershipId : member.Has(Role.Mentor);
        var name = member.FullName ?? (asMentor ? pair?.MentorDisplay : pair?.MenteeDisplay) ?? Role.Mentee.RussianName();
        var curatorText = asMentor
            ? MeetingsTexts.FlagForCurator(name, pair?.MenteeDisplay, text)
            : MeetingsTexts.FlagFromMenteeForCurator(name, pair?.MentorDisplay, text);
        await FlagStore.RaiseAsync(context.Connection, context.Transaction, notifier, member.Organisation.Id, pair?.Id, member.MembershipId,
            curatorText, text, context.Now, context.CancellationToken);
        await context.ClearConversationAsync();
        context.Reply(Reply.Plain(MeetingsTexts.FlagSent));
    }
}
