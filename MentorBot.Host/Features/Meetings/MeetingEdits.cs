using System.Globalization;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Meetings;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Meetings;

/// <summary>
/// Edits of earlier messages (issue 12 item 8; <see cref="EditedTextInput"/>). An edit of the message that logged a
/// meeting corrects that meeting: the same card as the message made, from the new text, to confirm with «Сохранить»
/// (which updates the log — no second meeting, no second poll), within the 7-day rule of <see cref="MeetingChangeRules"/>.
/// An edit of the message whose card is still open shows the card again from the new text. Any other edit is ignored:
/// it answers no open question and starts nothing.
/// </summary>
public static class MeetingEdits
{
    /// <summary>The edit handler (<see cref="ChatRoutes.Edit"/>).</summary>
    public static async Task EditAsync(ChatContext context, ChatInput input)
    {
        if (input is not EditedTextInput { Text: var text } || context.Update.MessageId is not { } messageId) return;
        var member = await MembershipStore.CurrentAsync(context.Connection, context.Transaction, context.ParticipantId, context.CancellationToken);
        if (member is null || !member.Has(Role.Mentor)) return;

        var open = await context.GetConversationAsync();
        var openData = MeetingCheckInConversation.OpenData(open);
        if (openData?.SourceMessageId == messageId)
        {
            // The card of this message is still open: read it again, keeping what it corrects (if anything).
            if (await Access.AdmitAsync(context, member, Role.Mentor) is null) return;
            var today = member.Today(context.Now);
            var draft = MeetingMessageParser.Parse(text, today);
            await MeetingCheckInConversation.BeginAsync(context, MeetingCheckInData.For(openData.Pairs, draft, text)
                with { MeetingId = openData.MeetingId, SourceMessageId = messageId }, today);
            return;
        }

        var meeting = await MeetingStore.FindBySourceMessageAsync(context.Connection, context.Transaction, member.Organisation.Id, context.ParticipantId, messageId, context.CancellationToken);
        if (meeting is null || await Access.AdmitAsync(context, member, Role.Mentor) is null) return;
        var verdict = MeetingChangeRules.Check(meeting.LoggedBy, member.MembershipId, new DateTimeOffset(meeting.CreatedAt, TimeSpan.Zero), meeting.DeletedAt is not null, context.Now);
        if (verdict != MeetingChangeVerdict.Allowed)
        {
            context.Reply(Reply.Plain(MeetingsTexts.ChangeRefused(verdict)));
            return;
        }

        // Another dialogue open: asked first, as /meetings' «Исправить» does («Начать заново» opens this log's correction).
        if (!await ConversationSwitch.ConfirmSwitchAsync(context, MeetingCheckInConversation.Flow,
                $"{MeetingCheckIn.Prefix}:fix:{meeting.Id.ToString(CultureInfo.InvariantCulture)}", state => MeetingCheckInConversation.OpenData(state)?.MeetingId == meeting.Id)) return;

        var pairs = (await MeetingStore.LivePairsAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, context.CancellationToken)).ToList();
        if (pairs.All(p => p.PairId != meeting.PairId)) pairs.Insert(0, new CheckInPair(meeting.PairId, meeting.MenteeName));
        // «Сегодня», «вчера» in the message mean the day it was written (≈ when the log was made), not the day of the edit.
        var writtenOn = LocalDates.OfUtc(meeting.CreatedAt, member.TimeZone);
        var parsed = MeetingMessageParser.Parse(text, writtenOn);
        var data = new MeetingCheckInData(parsed.Date ?? meeting.HeldOn, parsed.DurationMinutes ?? meeting.DurationMinutes, parsed.Kind,
            parsed.Format ?? MeetingCheckIn.FormatOf(meeting.Format), parsed.Topic ?? meeting.Topic,
            MenteeNameMatcher.Find(text, pairs) ?? meeting.PairId, pairs, meeting.Id, text, messageId);
        await MeetingCheckInConversation.BeginAsync(context, data, member.Today(context.Now));
    }
}
