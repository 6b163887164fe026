using System.Globalization;
using MentorBot.Domain.Consents;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Pairs;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Pairs;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Consents;

/// <summary>
/// A consent withdrawal that dissolves pairs tells the people it leaves behind: the other person of each pair and the
/// organisation's curators, at a sensible local hour (<see cref="DeliveryWindow.Polls"/>). Nothing of the person who
/// withdrew goes into these messages beyond what the reader already knows: the mentor is not given the erased
/// mentee's name, the curator reads the name of the one who stays. A group left with one mentee is a pair again
/// (<see cref="PairForms.SettleGroupAsync"/>, which tells that mentee).
/// </summary>
public sealed class WithdrawalNotices(Notifier notifier)
{
    private readonly PairForms forms = new(notifier);

    /// <summary>The live pairs <paramref name="member"/> is in, read before the withdrawal dissolves them.</summary>
    public static Task<List<PairRecord>> LivePairsAsync(ChatContext context, Member member) =>
        PairStore.ForMemberAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, context.CancellationToken);

    /// <summary>
    /// Tells, for each of <paramref name="pairs"/> (now dissolved because <paramref name="member"/> withdrew
    /// <paramref name="kind"/>), the other person and every curator. Keys are per pair and reader, so a repeat
    /// enqueues nothing. Settles the groups the withdrawal shrank to one mentee.
    /// </summary>
    public async Task TellAsync(ChatContext context, Member member, IReadOnlyList<PairRecord> pairs, ConsentKind kind)
    {
        var (c, t, ct) = (context.Connection, context.Transaction, context.CancellationToken);
        var dueAt = DeliveryWindow.Polls.Next(context.Now, member.TimeZone);
        var curators = await MembershipStore.WithRoleAsync(c, t, member.Organisation.Id, Role.Curator, ct);
        foreach (var pair in pairs)
        {
            var menteeWithdrew = pair.MenteeMembershipId == member.MembershipId;
            var id = pair.Id.ToString(CultureInfo.InvariantCulture);
            if (menteeWithdrew)
            {
                var group = pairs.Count(p => p.MentorMembershipId == pair.MentorMembershipId) > 1
                    || (await PairStore.ForMemberAsync(c, t, member.Organisation.Id, pair.MentorMembershipId, ct)).Count > 0;
                await notifier.EnqueueAsync(c, t, pair.MentorMembershipId, Reply.WithChoices(ConsentTexts.PairEndedToMentor(group), OpenPlan), $"consents:dissolved:{id}:mentor", dueAt, ct);
            }
            else
            {
                await notifier.EnqueueAsync(c, t, pair.MenteeMembershipId, Reply.Plain(ConsentTexts.PairEndedToMentee(kind)), $"consents:dissolved:{id}:mentee", dueAt, ct);
            }

            var text = menteeWithdrew
                ? ConsentTexts.PairEndedMenteeLeftToCurator(pair.MentorDisplay)
                : ConsentTexts.PairEndedMentorLeftToCurator(pair.MenteeDisplay, kind);
            foreach (var curator in curators.Where(m => m != member.MembershipId))
                await notifier.EnqueueAsync(c, t, curator, Reply.Plain(text), $"consents:dissolved:{id}:curator:{curator.ToString(CultureInfo.InvariantCulture)}", dueAt, ct);
        }

        foreach (var mentorId in pairs.Where(p => p.MenteeMembershipId == member.MembershipId).Select(p => p.MentorMembershipId).Distinct())
            await forms.SettleGroupAsync(context, member, mentorId);
    }

    private static Choice[] OpenPlan { get; } = [new Choice(PairsTexts.OpenPlanButton, PlanConversation.ShowData)];
}
