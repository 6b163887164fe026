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
/// <param name="Scores">Every pair's score: <c>Scores[menteePosition][mentorPosition]</c>, worked out when read (see <see cref="PairScoreTable"/>).</param>
/// <param name="Pairs">The proposed pairs, in mentee input order; a mentor appearing several times leads a group.</param>
/// <param name="Unmatched">Mentees without a mentor, in input order.</param>
public sealed record MatchingProposal(
    MatchingWeights Weights,
    IReadOnlyList<MentorProfile> Mentors,
    IReadOnlyList<MenteeProfile> Mentees,
    IReadOnlyList<IReadOnlyList<PairScore>> Scores,
    IReadOnlyList<ProposedPair> Pairs,
    IReadOnlyList<UnmatchedMentee> Unmatched);

/// <summary>
/// Every pair's <see cref="PairScore"/> as <c>table[menteePosition][mentorPosition]</c>, scored when read: a regional run
/// has millions of pairs, and only the CLI's full table and the tests read them all.
/// </summary>
public sealed class PairScoreTable : IReadOnlyList<IReadOnlyList<PairScore>>
{
    private readonly PairScorer _scorer;
    private readonly int _mentorCount;

    /// <summary>The table of <paramref name="menteeCount"/> rows of <paramref name="mentorCount"/> scores by <paramref name="scorer"/>.</summary>
    public PairScoreTable(PairScorer scorer, int menteeCount, int mentorCount)
    {
        (_scorer, Count, _mentorCount) = (scorer, menteeCount, mentorCount);
    }

    /// <summary>Number of rows (mentees).</summary>
    public int Count { get; }

    /// <summary>The scores of one mentee with every mentor, in mentor order; throws <see cref="ArgumentOutOfRangeException"/> outside 0…Count−1.</summary>
    public IReadOnlyList<PairScore> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new Row(_scorer, index, _mentorCount);
        }
    }

    /// <inheritdoc/>
    public IEnumerator<IReadOnlyList<PairScore>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Row(PairScorer scorer, int mentee, int count) : IReadOnlyList<PairScore>
    {
        public int Count => count;

        public PairScore this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
                return scorer.Score(mentee, index);
            }
        }

        public IEnumerator<PairScore> GetEnumerator()
        {
            for (var j = 0; j < count; j++)
            {
                yield return this[j];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
