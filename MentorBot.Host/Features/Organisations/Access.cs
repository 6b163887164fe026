using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Organisations;

/// <summary>
/// The role check every command and button makes (issue 4): the person's membership in their current
/// organisation, holding one of the roles asked. Everything a handler reads afterwards is filtered by
/// <see cref="Member.Organisation"/>, so one organisation never sees another's data.
/// </summary>
public static class Access
{
    /// <summary>
    /// The sender's current membership when it holds any of <paramref name="roles"/> (any role when
    /// none are given); otherwise replies why not (not a member yet / not allowed) and returns null.
    /// A button press is acknowledged in both cases' failure path.
    /// </summary>
    public static async Task<Member?> RequireAsync(ChatContext context, params Role[] roles)
    {
        var member = await MembershipStore.CurrentAsync(context.Connection, context.Transaction, context.ParticipantId, context.CancellationToken);
        if (member is null)
        {
            context.AnswerChoice();
            context.Reply(Reply.Plain(AccessTexts.NotAMember));
            return null;
        }

        if (roles.Length > 0 && !member.HasAny(roles))
        {
            context.AnswerChoice(AccessTexts.NotAllowed);
            context.Reply(Reply.Plain(AccessTexts.NotAllowed));
            return null;
        }

        return member;
    }
}

/// <summary>What the role check says (Russian).</summary>
public static class AccessTexts
{
    /// <summary>The person belongs to no organisation yet.</summary>
    public const string NotAMember =
        "Вы пока не участвуете в программе наставничества. Откройте ссылку-приглашение, которую прислал куратор.";

    /// <summary>The person's roles do not allow this command or button.</summary>
    public const string NotAllowed = "Эта команда доступна не всем участникам программы. Список ваших команд — /help.";
}
