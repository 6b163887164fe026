using System.Globalization;
using MentorBot.Domain.Colleagues;
using MentorBot.Domain.Matching;
using MentorBot.Domain.Pairs;

namespace MentorBot.Host.Features.Pairs;

/// <summary>A mentee without a live or proposed pair, and why (for the curator's /match screen).</summary>
/// <param name="MembershipId">The mentee's membership.</param>
/// <param name="Name">Display name.</param>
/// <param name="Reason">Russian reason.</param>
public sealed record UnmatchedLine(long MembershipId, string Name, string Reason);

/// <summary>
/// Matching over the organisation's banks (issue 5): who is still free, how many places each mentor has left
/// (stated capacity minus live and proposed links), the preference survey's choices among them, and the
/// curator's rejections. Pure over its inputs; the SQL is in <see cref="BankStore"/> and <see cref="PairStore"/>.
/// </summary>
public static class MatchRun
{
    /// <summary>
    /// Runs the matcher for the mentees with a completed intake and no link in <paramref name="taken"/>, over the
    /// mentors with a completed intake and places left after <paramref name="taken"/>.
    /// </summary>
    public static MatchingProposal Propose(Bank bank, IReadOnlyCollection<PairRecord> taken, IReadOnlySet<(string MenteeId, string MentorId)> rejected)
    {
        var busyMentees = taken.Select(p => p.MenteeMembershipId).ToHashSet();
        var menteeIds = bank.MenteeProfiles.Keys.Where(id => !busyMentees.Contains(id)).Order().ToList();
        var mentorIds = bank.MentorProfiles.Keys.Order().ToList();
        var menteeKeys = menteeIds.Select(BankStore.Id).ToHashSet();
        var mentorKeys = mentorIds.Select(BankStore.Id).ToHashSet();

        var mentors = mentorIds.Select(id => bank.MentorProfiles[id] with
        {
            Capacity = Math.Max(0, bank.MentorProfiles[id].Capacity - taken.Count(p => p.MentorMembershipId == id)),
            PreferredMentees = [.. bank.ChoicesOf(id).Select(BankStore.Id).Where(menteeKeys.Contains)],
        }).ToList();
        var mentees = menteeIds.Select(id => WithNotes(bank, id, bank.MenteeProfiles[id]) with
        {
            PreferredMentors = [.. bank.ChoicesOf(id).Select(BankStore.Id).Where(mentorKeys.Contains)],
        }).ToList();
        var proposal = Matchmaker.Propose(mentors, mentees, bank.Weights, rejected);
        return proposal with { Pairs = [.. proposal.Pairs.Select(p => p with { Reasons = [.. p.Reasons, .. NoteReasons(bank, long.Parse(p.MenteeId, CultureInfo.InvariantCulture), long.Parse(p.MentorId, CultureInfo.InvariantCulture))] })] };
    }

    /// <summary>The mentee's profile as scored: with the topics of colleagues' notes when the organisation counts them (issue 15).</summary>
    private static MenteeProfile WithNotes(Bank bank, long menteeId, MenteeProfile profile) =>
        bank.NotesInScore ? MenteeNotes.WithNeeds(profile, bank.NotesOf(menteeId)) : profile;

    /// <summary>The reasons colleagues' notes add to a link: each topic, and whether the mentor helps with it (issue 15).</summary>
    private static IReadOnlyList<string> NoteReasons(Bank bank, long menteeId, long mentorId) =>
        MenteeNotes.Reasons(bank.NotesOf(menteeId), bank.MentorProfiles.GetValueOrDefault(mentorId));

    /// <summary>
    /// The mentees the curator still has to place, with why: no completed intake; the matcher's reason among the
    /// free mentors' places; or, when a mentor would fit now (after a rejection or a dissolved pair), a hint to
    /// recompute. In the banks' order.
    /// </summary>
    public static List<UnmatchedLine> Unmatched(Bank bank, IReadOnlyCollection<PairRecord> taken, IReadOnlySet<(string MenteeId, string MentorId)> rejected)
    {
        var busy = taken.Select(p => p.MenteeMembershipId).ToHashSet();
        var proposal = Propose(bank, taken, rejected);
        var reasons = proposal.Unmatched.ToDictionary(u => u.MenteeId, u => u.Reason);
        var lines = new List<UnmatchedLine>();
        foreach (var mentee in bank.Mentees.Where(m => !busy.Contains(m.MembershipId)))
        {
            var reason = !mentee.HasIntake ? PairsTexts.NoIntake
                : reasons.GetValueOrDefault(BankStore.Id(mentee.MembershipId)) ?? PairsTexts.CanBeMatchedNow;
            lines.Add(new UnmatchedLine(mentee.MembershipId, mentee.Name, reason));
        }

        return lines;
    }

    /// <summary>
    /// The score and reasons of one link the curator chose (a swap or a pair by hand), with the preference survey's
    /// choices; (null, [«подобрано вручную»]) when either person has no completed intake.
    /// </summary>
    public static (double? Score, IReadOnlyList<string> Reasons) ScoreLink(Bank bank, long mentorId, long menteeId)
    {
        if (!bank.MentorProfiles.TryGetValue(mentorId, out var mentor) || !bank.MenteeProfiles.TryGetValue(menteeId, out var mentee))
            return (null, [PairsTexts.ChosenByHand]);
        mentor = mentor with { PreferredMentees = bank.ChoicesOf(mentorId).Contains(menteeId) ? [mentee.Id] : [] };
        mentee = WithNotes(bank, menteeId, mentee) with { PreferredMentors = bank.ChoicesOf(menteeId).Contains(mentorId) ? [mentor.Id] : [] };
        var score = new PairScorer(bank.Weights, [mentor], [mentee]).Score(0, 0);
        return (score.Score, [PairsTexts.ChosenByHand, .. MatchingTexts.PairReasons(score, mentor, mentee), .. NoteReasons(bank, menteeId, mentorId)]);
    }

    /// <summary>Places left for each mentor of the bank (stated capacity, 1 without an intake, minus live and proposed links).</summary>
    public static int PlacesLeft(Bank bank, IReadOnlyCollection<PairRecord> taken, long mentorId) =>
        (bank.MentorProfiles.TryGetValue(mentorId, out var profile) ? profile.Capacity : IntakeProfiles.DefaultCapacity)
        - taken.Count(p => p.MentorMembershipId == mentorId);
}
