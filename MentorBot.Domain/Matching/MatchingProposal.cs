namespace MentorBot.Domain.Matching;

/// <summary>A mentor proposed for a mentee; nothing is fixed until the curator approves it.</summary>
/// <param name="MenteeId">The mentee's id.</param>
/// <param name="MentorId">The mentor's id.</param>
/// <param name="Score">The pair's score in [0, 1].</param>
/// <param name="Reasons">Why, in Russian (<see cref="MatchingTexts.PairReasons"/>).</param>
public sealed record ProposedPair(string MenteeId, string MentorId, double Score, IReadOnlyList<string> Reasons);

/// <summary>Why a mentee got no mentor; checked in this order.</summary>
public enum UnmatchedCause
{
    /// <summary>Some mentors would suit (or none has a place at all), but their places went to other mentees so that more mentees got a mentor.</summary>
    NoFreeCapacity,

    /// <summary>The mentee stated difficulties and no mentor with places has any of them among their competencies.</summary>
    NoCompetencyOverlap,

    /// <summary>Every mentor with places scores below <see cref="MatchingWeights.MinScore"/> (or lacks the required overlap).</summary>
    BelowMinimumScore,
}

/// <summary>A mentee left without a mentor, with the cause and its Russian wording.</summary>
/// <param name="MenteeId">The mentee's id.</param>
/// <param name="Cause">Machine-readable cause.</param>
/// <param name="Reason">Russian text for the curator (<see cref="MatchingTexts.UnmatchedReason"/>).</param>
public sealed record UnmatchedMentee(string MenteeId, UnmatchedCause Cause, string Reason);

/// <summary>The outcome of one matching run.</summary>
/// <param name="Weights">The weights used; <see cref="MatchingWeights.MinScore"/> is the threshold applied.</param>
/// <param name="Mentors">The mentors, in input order.</param>
/// <param name="Mentees">The mentees, in input order.</param>
/// <param name="Scores">Every pair's score: <c>Scores[menteePosition][mentorPosition]</c>.</param>
/// <param name="Pairs">The proposed pairs, in mentee input order; a mentor appearing several times leads a group.</param>
/// <param name="Unmatched">Mentees without a mentor, in input order.</param>
public sealed record MatchingProposal(
    MatchingWeights Weights,
    IReadOnlyList<MentorProfile> Mentors,
    IReadOnlyList<MenteeProfile> Mentees,
    IReadOnlyList<IReadOnlyList<PairScore>> Scores,
    IReadOnlyList<ProposedPair> Pairs,
    IReadOnlyList<UnmatchedMentee> Unmatched);
