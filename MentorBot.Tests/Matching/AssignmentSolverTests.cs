using MentorBot.Domain.Matching;

namespace MentorBot.Tests.Matching;

public class AssignmentSolverTests
{
    private static (int MenteeCount, int[] Capacities, List<AssignmentCandidate> Candidates) RandomInstance(int seed)
    {
        var random = new Random(seed);
        var menteeCount = random.Next(0, 7);
        var capacities = Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(0, 3)).ToArray();
        var coarse = random.Next(2) == 0; // coarse scores make many exact ties, so the tie rule is exercised
        var candidates = new List<AssignmentCandidate>();
        for (var i = 0; i < menteeCount; i++)
        {
            for (var j = 0; j < capacities.Length; j++)
            {
                if (random.NextDouble() < 0.6)
                {
                    var units = coarse ? random.Next(0, 4) * 250_000L : random.Next(0, (int)PairScore.UnitsPerPoint + 1);
                    candidates.Add(new AssignmentCandidate(i, j, units));
                }
            }
        }

        return (menteeCount, capacities, candidates);
    }

    [Fact]
    public void Equals_exhaustive_search_including_the_tie_rule_on_600_random_instances()
    {
        for (var seed = 0; seed < 600; seed++)
        {
            var (menteeCount, capacities, candidates) = RandomInstance(seed);

            var assignment = AssignmentSolver.Solve(menteeCount, capacities, candidates);

            assignment.Should().HaveCount(menteeCount);
            ExhaustiveAssignment.Evaluate(assignment, capacities, candidates)
                .Should().Be(ExhaustiveAssignment.Best(menteeCount, capacities, candidates), $"seed {seed}");
        }
    }

    [Fact]
    public void Equals_a_plain_min_cost_max_flow_on_crowded_instances_too_large_for_exhaustive_search()
    {
        // 40 mentees for about 20 places: mentees join one by one, so later ones must displace earlier ones.
        for (var seed = 0; seed < 30; seed++)
        {
            var random = new Random(seed);
            var capacities = Enumerable.Range(0, 12).Select(_ => random.Next(0, 4)).ToArray();
            var candidates = new List<AssignmentCandidate>();
            for (var i = 0; i < 40; i++)
            {
                for (var j = 0; j < capacities.Length; j++)
                {
                    if (random.NextDouble() < 0.4)
                    {
                        candidates.Add(new AssignmentCandidate(i, j, random.Next(0, 5) * 200_000L));
                    }
                }
            }

            var assignment = AssignmentSolver.Solve(40, capacities, candidates);

            ExhaustiveAssignment.Evaluate(assignment, capacities, candidates)
                .Should().Be(ReferenceFlow.Best(40, capacities, candidates), $"seed {seed}");
        }
    }

    [Fact]
    public void A_later_mentee_takes_the_place_of_an_earlier_one_who_scores_lower_there()
    {
        AssignmentSolver.Solve(2, [1], [new(0, 0, 500_000), new(1, 0, 900_000)]).Should().Equal(-1, 0);
    }

    [Fact]
    public void A_later_mentee_moves_an_earlier_one_to_another_mentor_so_both_are_placed()
    {
        AssignmentCandidate[] candidates = [new(0, 0, 900_000), new(0, 1, 400_000), new(1, 0, 500_000)];

        AssignmentSolver.Solve(2, [1, 1], candidates).Should().Equal(1, 0);
    }

    [Fact]
    public void Places_more_mentees_before_it_raises_the_total_score()
    {
        // Mentee 0 loves mentor 0 and tolerates mentor 1; mentee 1 can only take mentor 0.
        AssignmentCandidate[] candidates = [new(0, 0, 900_000), new(0, 1, 300_000), new(1, 0, 500_000)];

        AssignmentSolver.Solve(2, [1, 1], candidates).Should().Equal(1, 0);
    }

    [Fact]
    public void Raises_the_total_score_when_the_count_is_the_same()
    {
        AssignmentCandidate[] candidates = [new(0, 0, 600_000), new(0, 1, 500_000), new(1, 0, 900_000), new(1, 1, 400_000)];

        AssignmentSolver.Solve(2, [1, 1], candidates).Should().Equal(1, 0);
    }

    [Fact]
    public void On_a_tie_prefers_the_earlier_mentor()
    {
        AssignmentSolver.Solve(1, [1, 1, 1], [new(0, 2, 700_000), new(0, 1, 700_000), new(0, 0, 700_000)])
            .Should().Equal(0);
    }

    [Fact]
    public void On_a_tie_for_the_last_place_places_the_earlier_mentee()
    {
        AssignmentSolver.Solve(3, [1], [new(2, 0, 700_000), new(1, 0, 700_000), new(0, 0, 700_000)])
            .Should().Equal(0, -1, -1);
    }

    [Fact]
    public void Fills_a_mentor_up_to_capacity_and_no_further()
    {
        AssignmentCandidate[] candidates = [.. Enumerable.Range(0, 5).Select(i => new AssignmentCandidate(i, 0, 800_000))];

        AssignmentSolver.Solve(5, [3], candidates).Should().Equal(0, 0, 0, -1, -1);
    }

    [Fact]
    public void Is_deterministic()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var (menteeCount, capacities, candidates) = RandomInstance(seed);

            AssignmentSolver.Solve(menteeCount, capacities, candidates)
                .Should().Equal(AssignmentSolver.Solve(menteeCount, capacities, candidates));
        }
    }

    [Fact]
    public void Handles_an_empty_instance() => AssignmentSolver.Solve(0, [], []).Should().BeEmpty();

    [Fact]
    public void Rejects_a_negative_capacity() =>
        FluentActions.Invoking(() => AssignmentSolver.Solve(1, [-1], [])).Should().Throw<ArgumentException>();

    [Fact]
    public void Rejects_a_candidate_out_of_range() =>
        FluentActions.Invoking(() => AssignmentSolver.Solve(1, [1], [new(0, 1, 5)])).Should().Throw<ArgumentException>();

    [Fact]
    public void Rejects_an_instance_too_large_for_64_bit_costs() =>
        FluentActions.Invoking(() => AssignmentSolver.Solve(50_000, [1], [])).Should().Throw<ArgumentException>().WithMessage("*too large*");

    [Fact]
    public void Rejects_a_duplicate_candidate() =>
        FluentActions.Invoking(() => AssignmentSolver.Solve(1, [1], [new(0, 0, 5), new(0, 0, 6)])).Should().Throw<ArgumentException>();
}
