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
    /// <summary>Button data that reopens the person's pending consent screens (handled by the consents feature).</summary>
    public const string OpenConsentData = "consents:begin";

    /// <summary>
    /// The onboarding consent <paramref name="member"/> still lacks in their organisation: the personal-data
    /// consent (152-ФЗ ст. 9), else — for a mentor — the consent to mentoring duties (ТК РФ ст. 351.8); null when
    /// both are in force. Someone who left a consent screen (/cancel) is led back to it by this. Reads the consents
    /// <see cref="MembershipStore"/> loaded with the membership, so it costs no query.
    /// </summary>
    public static string? MissingConsent(Member member) =>
        !member.PersonalDataConsentGiven ? PersonalData
        : member.Has(Role.Mentor) && !member.DutiesConsentGiven ? MentoringDuties
        : null;

    /// <summary>The stored code of the personal-data consent (<c>consent_events.kind</c>).</summary>
    public const string PersonalData = "personal_data";

    /// <summary>The stored code of the consent to mentoring duties (<c>consent_events.kind</c>).</summary>
    public const string MentoringDuties = "mentoring_duties";

    /// <summary>
    /// The sender's current membership when it holds any of <paramref name="roles"/> (any role when
    /// none are given); otherwise replies why not (not a member yet / not allowed) and returns null.
    /// A button press is acknowledged in both cases' failure path.
    /// </summary>
    public static async Task<Member?> RequireAsync(ChatContext context, params Role[] roles)
    {
        // One query: the membership comes with its consent status (MembershipStore reads both).
        var member = await MembershipStore.CurrentAsync(context.Connection, context.Transaction, context.ParticipantId, context.CancellationToken);
        return await AdmitAsync(context, member, roles);
    }

    /// <summary>
    /// The check of <see cref="RequireAsync"/> on a membership already read by <see cref="MembershipStore"/> (with its
    /// consent status): the member, or null after replying why not. For handlers
    /// that needed the membership before deciding to check access.
    /// </summary>
    public static async Task<Member?> AdmitAsync(ChatContext context, Member? member, params Role[] roles)
    {
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

        // 152-ФЗ ст. 9: nothing of the person is processed for the programme before the personal-data
        // consent; role-gated work waits for it (the consent screens and /consents do not).
        if (roles.Length > 0 && !member.PersonalDataConsentGiven)
        {
            context.AnswerChoice(AccessTexts.ConsentFirst);
            context.Reply(Reply.WithChoices(AccessTexts.ConsentFirst, new Choice(AccessTexts.OpenConsent, OpenConsentData)));
            return null;
        }

        // ТК РФ ст. 351.8: a mentor's work waits for the consent to mentoring duties when only the mentor role allows it
        // (someone who left that screen with /cancel is led back to it).
        if (roles.Length > 0 && roles.Where(member.Has).All(r => r == Role.Mentor) && MissingConsent(member) == MentoringDuties)
        {
            context.AnswerChoice(AccessTexts.DutiesConsentFirst);
            context.Reply(Reply.WithChoices(AccessTexts.DutiesConsentFirst, new Choice(AccessTexts.OpenConsent, OpenConsentData)));
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

    /// <summary>The person has not given the personal-data consent yet (152-ФЗ ст. 9).</summary>
    public const string ConsentFirst =
        "Сначала нужно ваше согласие на обработку персональных данных — без него я не могу работать с вашими данными в программе.";

    /// <summary>A mentor has not given the consent to mentoring duties yet (ТК РФ ст. 351.8).</summary>
    public const string DutiesConsentFirst =
        "Сначала нужно ваше согласие на выполнение обязанностей наставника (ст. 351.8 ТК РФ) — без него вас не могут назначить наставником.";

    /// <summary>Button: reopen the consent screen.</summary>
    public const string OpenConsent = "Открыть согласие";

    /// <summary>The person's roles do not allow this command or button.</summary>
    public const string NotAllowed = "Эта команда доступна не всем участникам программы. Список ваших команд — /help.";
}
