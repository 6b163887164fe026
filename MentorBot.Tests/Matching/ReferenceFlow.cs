using MentorBot.Domain.Matching;

namespace MentorBot.Tests.Matching;

/// <summary>
/// A second, deliberately plain solver to check <see cref="AssignmentSolver"/> where exhaustive search is too slow:
/// successive shortest paths from one source with Bellman–Ford (no potentials, no heap), one unit at a time until no
/// path is left. Each step's flow is the cheapest of its size, so the last is the cheapest maximum flow.
/// </summary>
public static class ReferenceFlow
{
    public static ExhaustiveAssignment.Value Best(int menteeCount, IReadOnlyList<int> capacities, IReadOnlyList<AssignmentCandidate> candidates)
    {
        var mentorCount = capacities.Count;
        var (source, sink, nodes) = (0, menteeCount + mentorCount + 1, menteeCount + mentorCount + 2);
        var tieScale = ((long)menteeCount * (menteeCount + mentorCount)) + 1;
        var edges = new List<(int From, int To, int Capacity, long Cost)>();
        void Add(int from, int to, int capacity, long cost)
        {
            edges.Add((from, to, capacity, cost));
            edges.Add((to, from, 0, -cost));
        }

        for (var i = 0; i < menteeCount; i++) Add(source, 1 + i, 1, 0);
        for (var j = 0; j < mentorCount; j++) Add(1 + menteeCount + j, sink, capacities[j], 0);
        foreach (var c in candidates) Add(1 + c.Mentee, 1 + menteeCount + c.Mentor, 1, ((PairScore.UnitsPerPoint - c.Units) * tieScale) + c.Mentee + c.Mentor);

        var residual = edges.Select(e => e.Capacity).ToArray();
        while (true)
        {
            var distance = Enumerable.Repeat(long.MaxValue, nodes).ToArray();
            var via = new int[nodes];
            distance[source] = 0;
            for (var round = 0; round < nodes; round++)
            {
                for (var e = 0; e < edges.Count; e++)
                {
                    if (residual[e] > 0 && distance[edges[e].From] != long.MaxValue && distance[edges[e].From] + edges[e].Cost < distance[edges[e].To])
                    {
                        distance[edges[e].To] = distance[edges[e].From] + edges[e].Cost;
                        via[edges[e].To] = e;
                    }
                }
            }

            if (distance[sink] == long.MaxValue) break;
            for (var v = sink; v != source; v = edges[via[v]].From)
            {
                residual[via[v]]--;
                residual[via[v] ^ 1]++;
            }
        }

        var value = new ExhaustiveAssignment.Value(0, 0, 0);
        for (var k = 0; k < candidates.Count; k++)
        {
            if (residual[(2 * (menteeCount + mentorCount)) + (2 * k)] == 0)
            {
                var c = candidates[k];
                value = new ExhaustiveAssignment.Value(value.Count + 1, value.Units + c.Units, value.Tie + c.Mentee + c.Mentor);
            }
        }

        return value;
    }
}
