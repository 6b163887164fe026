using Dapper;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Consents;

/// <summary>
/// What withdrawing the personal-data consent does (152-ФЗ ст. 9 ч. 2, ст. 21 ч. 5: stop processing and
/// destroy the data): in the organisation, the person's answers and personal fields are deleted, their
/// pairs dissolved and stripped of free text, their meetings' texts, polls, flags and preferences
/// removed; when no other organisation still has them, the messenger identity (every messenger account: ids,
/// chats, names), their queued and logged messages and their conversations go too. A destruction entry
/// (surrogate number, categories, when) is written for the curator's destruction record.
/// </summary>
public static class PersonalDataErasure
{
    /// <summary>Categories destroyed in the organisation, as the destruction record lists them.</summary>
    public static readonly IReadOnlyList<string> MembershipCategories =
    [
        "ФИО, должность, предмет",
        "ответы анкет (в том числе самооценка)",
        "предпочтения при подборе пар",
        "сведения о наставнических парах и встречах, отзывы, обращения к куратору",
        "кейсы методической копилки",
        "заметки коллег о запросах наставляемого",
    ];

    /// <summary>Categories destroyed when the person is in no other organisation.</summary>
    public static readonly IReadOnlyList<string> IdentityCategories =
    [
        "идентификаторы, имена и имена пользователя в мессенджерах",
        "переписка с ботом",
    ];

    /// <summary>The destruction record's reason for a withdrawal.</summary>
    public const string ReasonConsentWithdrawn = "consent_withdrawn";

    /// <summary>
    /// Erases <paramref name="member"/> inside the update's transaction (the withdrawal event is
    /// appended by the caller). The reply that confirms it is the only row left naming the chat; it
    /// goes with the update's other replies.
    /// </summary>
    public static async Task EraseAsync(ChatContext context, Member member)
    {
        const string membership = """
            UPDATE memberships SET full_name = NULL, position = NULL, subject = NULL, status = 'erased' WHERE id = @membershipId;
            DELETE FROM membership_roles WHERE membership_id = @membershipId;
            DELETE FROM questionnaire_responses WHERE membership_id = @membershipId;
            DELETE FROM match_preferences WHERE chooser_membership_id = @membershipId OR chosen_membership_id = @membershipId;
            DELETE FROM feedback_polls WHERE mentee_membership_id = @membershipId;
            DELETE FROM flags WHERE raised_by = @membershipId;
            UPDATE flags SET text = 'удалено: участник отозвал согласие на обработку персональных данных'
             WHERE pair_id IN (SELECT id FROM pairs WHERE mentor_membership_id = @membershipId OR mentee_membership_id = @membershipId);
            UPDATE meetings SET topic = NULL, source_text = NULL
             WHERE pair_id IN (SELECT id FROM pairs WHERE mentor_membership_id = @membershipId OR mentee_membership_id = @membershipId);
            UPDATE feedback_polls SET comment = NULL
             WHERE meeting_id IN (SELECT mt.id FROM meetings mt JOIN pairs p ON p.id = mt.pair_id
                                   WHERE p.mentor_membership_id = @membershipId OR p.mentee_membership_id = @membershipId);
            UPDATE pairs SET status = 'dissolved', dissolved_reason = 'consent_withdrawn', dissolved_at = @now
             WHERE (mentor_membership_id = @membershipId OR mentee_membership_id = @membershipId)
               AND status IN ('proposed', 'approved', 'active');
            UPDATE pairs SET reasons = '{}', goals = '{}'
             WHERE mentor_membership_id = @membershipId OR mentee_membership_id = @membershipId;
            UPDATE road_map_responsible_persons SET membership_id = NULL WHERE membership_id = @membershipId;
            UPDATE participants SET current_organisation_id = NULL WHERE id = @participantId AND current_organisation_id = @organisationId;
            SELECT NOT EXISTS (SELECT 1 FROM memberships WHERE participant_id = @participantId AND status = 'active');
            """;
        await Practices.PracticeStore.EraseAsync(context.Connection, context.Transaction, member.MembershipId, context.CancellationToken);
        await Colleagues.NoteStore.EraseAsync(context.Connection, context.Transaction, member.MembershipId, context.CancellationToken);
        var args = new { membershipId = member.MembershipId, participantId = member.ParticipantId, organisationId = member.Organisation.Id, now = context.Now.UtcDateTime };
        var lastMembership = await context.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(membership, args, context.Transaction, cancellationToken: context.CancellationToken));

        var categories = MembershipCategories.ToList();
        if (lastMembership)
        {
            // Every messenger account goes (issue 16: the withdrawal erases the person in every messenger), with the
            // messages to their private chats: deleted rather than cancelled, their texts may name the person.
            await ParticipantStore.EraseIdentityAsync(context.Connection, context.Transaction, member.ParticipantId, context.Update.Source,
                context.Update.UpdateId, context.Update.ChatId, context.Now, context.CancellationToken);
            context.ForgetConversation();
            categories.AddRange(IdentityCategories);
        }
        else
        {
            await context.ClearConversationAsync();
        }

        const string record = """
            INSERT INTO destruction_records (organisation_id, participant_id, reason, destroyed, performed_by, performed_at)
            VALUES (@organisationId, @participantId, @reason, @categories, @performedBy, @now)
            """;
        await context.Connection.ExecuteAsync(new CommandDefinition(record, new
        {
            organisationId = member.Organisation.Id, participantId = member.ParticipantId, reason = ReasonConsentWithdrawn,
            categories = categories.ToArray(), performedBy = ConsentTexts.PerformedByBot, now = context.Now.UtcDateTime,
        }, context.Transaction, cancellationToken: context.CancellationToken));
    }
}
