using MentorBot.Domain.Matching;

namespace MentorBot.Tests.Matching;

/// <summary>
/// The reference the solver is checked against: tries every assignment. Best = most mentees placed, then highest
/// total units, then smallest Σ(mentee + mentor) — the solver's documented order of goals.
/// </summary>
public static class ExhaustiveAssignment
{
    public readonly record struct Value(int Count, long Units, long Tie)
    {
        public bool IsBetterThan(Value other) =>
            Count != other.Count ? Count > other.Count
            : Units != other.Units ? Units > other.Units
            : Tie < other.Tie;
    }

    public static Value Best(int menteeCount, IReadOnlyList<int> capacities, IReadOnlyList<AssignmentCandidate> candidates)
    {
        var byMentee = Enumerable.Range(0, menteeCount).Select(i => candidates.Where(c => c.Mentee == i).ToArray()).ToArray();
        var left = capacities.ToArray();
        var best = new Value(0, 0, 0);

        void Search(int i, Value current)
        {
            if (i == menteeCount)
            {
                if (current.IsBetterThan(best))
                {
                    best = current;
                }

                return;
            }

            Search(i + 1, current);
            foreach (var c in byMentee[i])
            {
                if (left[c.Mentor] == 0)
                {
                    continue;
                }

                left[c.Mentor]--;
                Search(i + 1, new Value(current.Count + 1, current.Units + c.Units, current.Tie + c.Mentee + c.Mentor));
                left[c.Mentor]++;
            }
        }

        Search(0, best);
        return best;
    }

    /// <summary>Checks that an assignment is feasible and returns its value; throws on a violation.</summary>
    public static Value Evaluate(int[] assignment, IReadOnlyList<int> capacities, IReadOnlyList<AssignmentCandidate> candidates)
    {
        var units = candidates.ToDictionary(c => (c.Mentee, c.Mentor), c => c.Units);
        var used = new int[capacities.Count];
        var value = new Value(0, 0, 0);
        for (var i = 0; i < assignment.Length; i++)
        {
            var j = assignment[i];
            if (j < 0)
            {
                continue;
            }

            units.Should().ContainKey((i, j), "only candidate pairs may be used");
            used[j]++;
            value = new Value(value.Count + 1, value.Units + units[(i, j)], value.Tie + i + j);
        }

        for (var j = 0; j < capacities.Count; j++)
        {
            used[j].Should().BeLessThanOrEqualTo(capacities[j], $"mentor {j} has capacity {capacities[j]}");
        }

        return value;
    }
}
