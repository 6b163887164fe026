using MentorBot.Domain.Matching;
using MentorBot.Host.Cli;
using static MentorBot.Tests.Matching.People;

namespace MentorBot.Tests.Matching;

public class MatchmakerTests
{
    private static readonly MatchingWeights Weights = MatchingWeights.Default;

    [Fact]
    public void Proposals_are_optimal_feasible_and_explained_on_400_random_banks()
    {
        var placed = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var (mentors, mentees) = RandomMatchingInstance.Create(random.Next(0, 7), random.Next(0, 5), seed, maxCapacity: 2, vocabulary: 4);

            var proposal = Matchmaker.Propose(mentors, mentees, Weights);

            var because = $"seed {seed}";
            var candidates = Candidates(proposal);
            var capacities = mentors.Select(m => m.Capacity).ToArray();
            var assignment = mentees.Select(t => proposal.Pairs.SingleOrDefault(p => p.MenteeId == t.Id) is { } pair ? IndexOf(mentors, pair.MentorId) : -1).ToArray();
            var achieved = ExhaustiveAssignment.Evaluate(assignment, capacities, candidates);
            var best = ExhaustiveAssignment.Best(mentees.Count, capacities, candidates);
            (achieved.Count, achieved.Units).Should().Be((best.Count, best.Units), because);
            placed += achieved.Count;

            proposal.Pairs.Select(p => p.MenteeId).Concat(proposal.Unmatched.Select(u => u.MenteeId))
                .Should().BeEquivalentTo(mentees.Select(t => t.Id), because);
            proposal.Pairs.Where(p => p.Score < Weights.MinScore || p.Reasons.Count == 0).Should().BeEmpty(because);
            proposal.Scores.SelectMany(row => row).Where(s => s.Score is < 0 or > 1).Should().BeEmpty(because);
            foreach (var unmatched in proposal.Unmatched)
            {
                CauseHolds(proposal, unmatched).Should().BeTrue($"{because}, {unmatched}");
            }
        }

        placed.Should().BeGreaterThan(400, "the random banks must actually produce pairs to compare");
    }

    [Fact]
    public void The_same_input_gives_the_same_proposal()
    {
        var (mentors, mentees) = RandomMatchingInstance.Create(60, 20, seed: 7);

        var first = Matchmaker.Propose(mentors, mentees, Weights);
        var second = Matchmaker.Propose(mentors, mentees, Weights);

        second.Pairs.Should().BeEquivalentTo(first.Pairs, o => o.WithStrictOrdering());
        second.Unmatched.Should().BeEquivalentTo(first.Unmatched, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Pairs_come_in_mentee_order_with_their_reasons()
    {
        var mentors = new[] { Mentor("m1", "математика", ["работа с родителями", "планирование уроков"], 2, MeetingFormat.InPerson, 12) };
        var mentees = new[]
        {
            Mentee("t1", "Математика", ["работа с родителями", "планирование уроков"], MeetingFormat.InPerson, preferredMentors: ["m1"]),
            Mentee("t2", "математика", ["планирование уроков"], MeetingFormat.Any),
        };

        var proposal = Matchmaker.Propose(mentors, mentees, Weights);

        proposal.Unmatched.Should().BeEmpty();
        proposal.Pairs.Select(p => (p.MenteeId, p.MentorId)).Should().Equal(("t1", "m1"), ("t2", "m1"));
        proposal.Pairs[0].Reasons.Should().Equal(
            "совпадают: работа с родителями, планирование уроков",
            "один предмет (Математика)",
            "формат совпадает (очно)",
            "стаж наставника 12 лет",
            "наставляемый сам выбрал этого наставника");
    }

    [Fact]
    public void Invalid_people_are_rejected()
    {
        Matchmaker.FindProblem([Mentor("m"), Mentor("m")], []).Should().Contain("'m' is used twice");
        Matchmaker.FindProblem([Mentor("m", capacity: -1)], []).Should().Contain("capacity -1");
        Matchmaker.FindProblem([Mentor("m")], [Mentee("t", preferredMentors: ["x"])]).Should().Contain("'x'");
        Matchmaker.FindProblem([Mentor("m", preferredMentees: ["y"])], [Mentee("t")]).Should().Contain("'y'");
        Matchmaker.FindProblem([], [Mentee(" ")]).Should().Contain("empty id");
        FluentActions.Invoking(() => Matchmaker.Propose([Mentor("m"), Mentor("m")], [], Weights)).Should().Throw<ArgumentException>();
    }

    private static List<AssignmentCandidate> Candidates(MatchingProposal proposal)
    {
        var candidates = new List<AssignmentCandidate>();
        for (var i = 0; i < proposal.Mentees.Count; i++)
        {
            for (var j = 0; j < proposal.Mentors.Count; j++)
            {
                if (proposal.Scores[i][j].IsAcceptable)
                {
                    candidates.Add(new AssignmentCandidate(i, j, proposal.Scores[i][j].Units));
                }
            }
        }

        return candidates;
    }

    private static int IndexOf(IReadOnlyList<MentorProfile> mentors, string id) => mentors.Select(m => m.Id).ToList().IndexOf(id);

    private static bool CauseHolds(MatchingProposal proposal, UnmatchedMentee unmatched)
    {
        var i = proposal.Mentees.Select(t => t.Id).ToList().IndexOf(unmatched.MenteeId);
        var open = Enumerable.Range(0, proposal.Mentors.Count).Where(j => proposal.Mentors[j].Capacity > 0).ToList();
        var acceptable = open.Where(j => proposal.Scores[i][j].IsAcceptable).ToList();
        var full = acceptable.All(j => proposal.Pairs.Count(p => p.MentorId == proposal.Mentors[j].Id) == proposal.Mentors[j].Capacity);
        return unmatched.Cause switch
        {
            UnmatchedCause.NoFreeCapacity => full,
            UnmatchedCause.NoCompetencyOverlap => acceptable.Count == 0 && open.All(j => proposal.Scores[i][j].CoveredDifficulties.Count == 0),
            UnmatchedCause.BelowMinimumScore => acceptable.Count == 0,
            _ => false,
        };
    }
}
