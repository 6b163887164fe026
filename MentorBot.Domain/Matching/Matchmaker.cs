namespace MentorBot.Domain.Matching;

/// <summary>
/// Proposes mentoring pairs (road map stages 4–5): scores every mentor–mentee pair with <see cref="PairScorer"/>,
/// then picks the exact optimum with <see cref="AssignmentSolver"/> — the most mentees placed, then the highest
/// total score, each mentor within capacity, no pair below the minimum score.
/// </summary>
public static class Matchmaker
{
    /// <summary>
    /// Null when the people can be matched, else a one-line English reason naming the offender: an empty or
    /// duplicate id, a negative capacity or experience, a preferred mentor (or mentee) id that does not exist.
    /// Callers facing user input check this first; <see cref="Propose"/> throws on the same problems.
    /// </summary>
    public static string? FindProblem(IReadOnlyList<MentorProfile> mentors, IReadOnlyList<MenteeProfile> mentees)
    {
        var mentorIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mentor in mentors)
        {
            if (FindPersonProblem("mentor", mentor.Id, mentor.ExperienceYears, mentorIds) is { } problem)
            {
                return problem;
            }

            if (mentor.Capacity < 0)
            {
                return $"mentor '{mentor.Id}' has capacity {mentor.Capacity}; it must be ≥ 0";
            }
        }

        var menteeIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mentee in mentees)
        {
            if (FindPersonProblem("mentee", mentee.Id, mentee.ExperienceYears, menteeIds) is { } problem)
            {
                return problem;
            }

            if (mentee.PreferredMentors.FirstOrDefault(id => !mentorIds.Contains(id)) is { } unknownMentor)
            {
                return $"mentee '{mentee.Id}' prefers mentor '{unknownMentor}', who is not among the mentors";
            }
        }

        foreach (var mentor in mentors)
        {
            if (mentor.PreferredMentees.FirstOrDefault(id => !menteeIds.Contains(id)) is { } unknownMentee)
            {
                return $"mentor '{mentor.Id}' prefers mentee '{unknownMentee}', who is not among the mentees";
            }
        }

        return null;
    }

    /// <summary>
    /// Runs matching. Throws <see cref="ArgumentException"/> when <see cref="FindProblem"/> or
    /// <see cref="MatchingWeights.FindProblem"/> reports a problem. Deterministic: the same input gives the same
    /// proposal (tie rule on <see cref="AssignmentSolver"/>).
    /// <paramref name="excluded"/> lists (mentee id, mentor id) links never to propose — proposals the curator
    /// rejected; their scores are still reported.
    /// </summary>
    public static MatchingProposal Propose(IReadOnlyList<MentorProfile> mentors, IReadOnlyList<MenteeProfile> mentees, MatchingWeights weights,
        IReadOnlySet<(string MenteeId, string MentorId)>? excluded = null)
    {
        if (FindProblem(mentors, mentees) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var scorer = new PairScorer(weights, mentors, mentees);
        var (n, m) = (mentees.Count, mentors.Count);
        var rejected = RejectedPairs(mentors, mentees, excluded);

        // One grade per pair in flat arrays (no object per pair), then the acceptable ones as the solver's candidates.
        var units = new int[n * m];
        var acceptable = new bool[n * m];
        var candidateCount = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var grade = scorer.Grade(i, j);
                units[(i * m) + j] = (int)grade.Units;
                acceptable[(i * m) + j] = grade.IsAcceptable;
                if (grade.IsAcceptable && mentors[j].Capacity > 0 && (rejected.Count == 0 || !rejected.Contains(((long)i * m) + j)))
                {
                    candidateCount++;
                }
            }
        }

        var candidates = new AssignmentCandidate[candidateCount];
        var next = 0;
        for (var k = 0; k < n * m && next < candidateCount; k++)
        {
            var (i, j) = (k / m, k % m);
            if (acceptable[k] && mentors[j].Capacity > 0 && (rejected.Count == 0 || !rejected.Contains(k)))
            {
                candidates[next++] = new AssignmentCandidate(i, j, units[k]);
            }
        }

        var assignment = AssignmentSolver.Solve(n, [.. mentors.Select(p => p.Capacity)], candidates);

        var pairs = new List<ProposedPair>();
        var unmatched = new List<UnmatchedMentee>();
        for (var i = 0; i < n; i++)
        {
            var j = assignment[i];
            if (j >= 0)
            {
                var score = scorer.Score(i, j);
                pairs.Add(new ProposedPair(mentees[i].Id, mentors[j].Id, score.Score, MatchingTexts.PairReasons(score, mentors[j], mentees[i])));
            }
            else
            {
                unmatched.Add(Explain(i, mentors, mentees[i], units.AsSpan(i * m, m), acceptable.AsSpan(i * m, m), scorer, weights));
            }
        }

        return new MatchingProposal(weights, mentors, mentees, new PairScoreTable(scorer, n, m), pairs, unmatched);
    }

    // The curator's rejections as flat pair positions (mentee · mentorCount + mentor); ids not in this run are ignored.
    private static HashSet<long> RejectedPairs(IReadOnlyList<MentorProfile> mentors, IReadOnlyList<MenteeProfile> mentees, IReadOnlySet<(string MenteeId, string MentorId)>? excluded)
    {
        var positions = new HashSet<long>();
        if (excluded is null || excluded.Count == 0)
        {
            return positions;
        }

        var mentorAt = Positions(mentors.Select(p => p.Id));
        var menteeAt = Positions(mentees.Select(p => p.Id));
        foreach (var (menteeId, mentorId) in excluded)
        {
            if (menteeAt.TryGetValue(menteeId, out var i) && mentorAt.TryGetValue(mentorId, out var j))
            {
                positions.Add(((long)i * mentors.Count) + j);
            }
        }

        return positions;
    }

    private static Dictionary<string, int> Positions(IEnumerable<string> ids)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            positions.TryAdd(id, positions.Count);
        }

        return positions;
    }

    // Checks shared by both banks; ids are unique per bank, since one teacher may be a mentor and a mentee in different pairs.
    private static string? FindPersonProblem(string role, string id, int experienceYears, HashSet<string> seenIds) =>
        string.IsNullOrWhiteSpace(id) ? $"a {role} has an empty id"
        : !seenIds.Add(id) ? $"{role} id '{id}' is used twice"
        : experienceYears < 0 ? $"{role} '{id}' has experienceYears {experienceYears}; it must be ≥ 0"
        : null;

    private static UnmatchedMentee Explain(int menteeIndex, IReadOnlyList<MentorProfile> mentors, MenteeProfile mentee, ReadOnlySpan<int> units, ReadOnlySpan<bool> acceptable, PairScorer scorer, MatchingWeights weights)
    {
        // Only mentors who have places at all could have taken this mentee; the others say nothing about why.
        // The best score quoted must come from a mentor the overlap rule allows, or the text would contradict itself.
        var overlapRequired = weights.RequireCompetencyOverlap && scorer.HasDifficulties(menteeIndex);
        var (open, acceptableCount, anyOverlap, bestUnits) = (0, 0, false, 0);
        for (var j = 0; j < mentors.Count; j++)
        {
            if (mentors[j].Capacity <= 0)
            {
                continue;
            }

            open++;
            acceptableCount += acceptable[j] ? 1 : 0;
            var overlap = scorer.HasOverlap(menteeIndex, j);
            anyOverlap |= overlap;
            if (!overlapRequired || overlap)
            {
                bestUnits = Math.Max(bestUnits, units[j]);
            }
        }

        var best = (double)bestUnits / PairScore.UnitsPerPoint;
        var cause = open == 0 || acceptableCount > 0 ? UnmatchedCause.NoFreeCapacity
            : scorer.HasDifficulties(menteeIndex) && !anyOverlap ? UnmatchedCause.NoCompetencyOverlap
            : UnmatchedCause.BelowMinimumScore;
        return new UnmatchedMentee(mentee.Id, cause, MatchingTexts.UnmatchedReason(cause, acceptableCount, best, weights.MinScore));
    }
}
