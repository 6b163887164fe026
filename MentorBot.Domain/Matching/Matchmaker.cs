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
        var scores = new PairScore[mentees.Count][];
        var candidates = new List<AssignmentCandidate>();
        for (var i = 0; i < mentees.Count; i++)
        {
            scores[i] = new PairScore[mentors.Count];
            for (var j = 0; j < mentors.Count; j++)
            {
                var score = scorer.Score(i, j);
                scores[i][j] = score;
                if (score.IsAcceptable && mentors[j].Capacity > 0 && excluded?.Contains((mentees[i].Id, mentors[j].Id)) != true)
                {
                    candidates.Add(new AssignmentCandidate(i, j, score.Units));
                }
            }
        }

        var assignment = AssignmentSolver.Solve(mentees.Count, [.. mentors.Select(m => m.Capacity)], candidates);

        var pairs = new List<ProposedPair>();
        var unmatched = new List<UnmatchedMentee>();
        for (var i = 0; i < mentees.Count; i++)
        {
            var j = assignment[i];
            if (j >= 0)
            {
                var score = scores[i][j];
                pairs.Add(new ProposedPair(mentees[i].Id, mentors[j].Id, score.Score, MatchingTexts.PairReasons(score, mentors[j], mentees[i])));
            }
            else
            {
                unmatched.Add(Explain(i, mentors, mentees[i], scores[i], scorer, weights));
            }
        }

        return new MatchingProposal(weights, mentors, mentees, scores, pairs, unmatched);
    }

    // Checks shared by both banks; ids are unique per bank, since one teacher may be a mentor and a mentee in different pairs.
    private static string? FindPersonProblem(string role, string id, int experienceYears, HashSet<string> seenIds) =>
        string.IsNullOrWhiteSpace(id) ? $"a {role} has an empty id"
        : !seenIds.Add(id) ? $"{role} id '{id}' is used twice"
        : experienceYears < 0 ? $"{role} '{id}' has experienceYears {experienceYears}; it must be ≥ 0"
        : null;

    private static UnmatchedMentee Explain(int menteeIndex, IReadOnlyList<MentorProfile> mentors, MenteeProfile mentee, PairScore[] scores, PairScorer scorer, MatchingWeights weights)
    {
        // Only mentors who have places at all could have taken this mentee; the others say nothing about why.
        var open = Enumerable.Range(0, mentors.Count).Where(j => mentors[j].Capacity > 0).ToList();
        var acceptable = open.Count(j => scores[j].IsAcceptable);
        var overlapRequired = weights.RequireCompetencyOverlap && scorer.HasDifficulties(menteeIndex);

        // The best score quoted must come from a mentor the overlap rule allows, or the text would contradict itself.
        var allowed = open.Where(j => !overlapRequired || scorer.HasOverlap(menteeIndex, j)).ToList();
        var best = allowed.Count == 0 ? 0 : allowed.Max(j => scores[j].Score);

        var cause = open.Count == 0 || acceptable > 0 ? UnmatchedCause.NoFreeCapacity
            : scorer.HasDifficulties(menteeIndex) && !open.Any(j => scorer.HasOverlap(menteeIndex, j)) ? UnmatchedCause.NoCompetencyOverlap
            : UnmatchedCause.BelowMinimumScore;
        return new UnmatchedMentee(mentee.Id, cause, MatchingTexts.UnmatchedReason(cause, acceptable, best, weights.MinScore));
    }
}
