namespace MentorBot.Domain.Matching;

/// <summary>An allowed mentee → mentor edge of the assignment problem, worth <paramref name="Units"/> (see <see cref="PairScore.Units"/>).</summary>
/// <param name="Mentee">Mentee position, 0 ≤ Mentee &lt; menteeCount.</param>
/// <param name="Mentor">Mentor position, 0 ≤ Mentor &lt; capacities.Count.</param>
/// <param name="Units">Score of the pair in millionths, 0 ≤ Units ≤ <see cref="PairScore.UnitsPerPoint"/>.</param>
public readonly record struct AssignmentCandidate(int Mentee, int Mentor, long Units);

/// <summary>
/// Exact capacitated assignment by min-cost max-flow (successive shortest paths, Dijkstra with potentials).
/// <para>
/// Network: source → each mentee (capacity 1) → each allowed mentor (capacity 1) → sink (the mentor's capacity).
/// A maximum flow places as many mentees as possible; among maximum flows the cheapest one wins, and an
/// edge costs <c>(UnitsPerPoint − units) · B + (mentee + mentor)</c> with <c>B</c> larger than any possible sum
/// of the second term. So the order of goals is strict:
/// </para>
/// <list type="number">
/// <item>the most mentees placed;</item>
/// <item>then the highest total score (in integer units, so equal totals are true ties, not float noise);</item>
/// <item>then (tie rule) the smallest sum of <c>mentee position + mentor position</c> over the pairs: earlier
/// mentees in the list are placed first and earlier mentors are preferred;</item>
/// <item>any tie still left is resolved by the solver's fixed scanning order, so the same input always gives the same pairs.</item>
/// </list>
/// All costs are non-negative, so Dijkstra works from zero potentials. Time O(F · E log V) with
/// F ≤ mentees placed, E = candidates; a 300 × 100 instance takes milliseconds (<c>mentorbot bench match</c>).
/// </summary>
public static class AssignmentSolver
{
    /// <summary>
    /// Returns, for every mentee position, the chosen mentor position or −1 when the mentee stays unplaced.
    /// Throws <see cref="ArgumentException"/> on a negative capacity, an out-of-range candidate, a duplicate
    /// candidate, or an instance too large for 64-bit costs (far beyond a region's programme).
    /// </summary>
    public static int[] Solve(int menteeCount, IReadOnlyList<int> capacities, IReadOnlyList<AssignmentCandidate> candidates)
    {
        var mentorCount = capacities.Count;
        Validate(menteeCount, capacities, candidates);

        var network = new FlowNetwork(menteeCount + mentorCount + 2, (menteeCount + mentorCount + candidates.Count) * 2);
        var source = 0;
        var sink = menteeCount + mentorCount + 1;

        // B exceeds every achievable sum of tie terms (at most menteeCount pairs, each term < menteeCount + mentorCount).
        var tieScale = checked(((long)menteeCount * (menteeCount + mentorCount)) + 1);
        var maxEdgeCost = checked((PairScore.UnitsPerPoint * tieScale) + menteeCount + mentorCount);
        _ = checked(maxEdgeCost * ((2L * menteeCount) + 3) * 2); // path lengths and potentials stay far from overflow

        for (var i = 0; i < menteeCount; i++)
        {
            network.AddEdge(source, 1 + i, 1, 0);
        }

        for (var j = 0; j < mentorCount; j++)
        {
            network.AddEdge(1 + menteeCount + j, sink, capacities[j], 0);
        }

        var pairEdges = new int[candidates.Count];
        for (var k = 0; k < candidates.Count; k++)
        {
            var c = candidates[k];
            var cost = ((PairScore.UnitsPerPoint - c.Units) * tieScale) + c.Mentee + c.Mentor;
            pairEdges[k] = network.AddEdge(1 + c.Mentee, 1 + menteeCount + c.Mentor, 1, cost);
        }

        network.RunSuccessiveShortestPaths(source, sink);

        var assignment = Enumerable.Repeat(-1, menteeCount).ToArray();
        for (var k = 0; k < candidates.Count; k++)
        {
            if (network.IsSaturated(pairEdges[k]))
            {
                assignment[candidates[k].Mentee] = candidates[k].Mentor;
            }
        }

        return assignment;
    }

    private static void Validate(int menteeCount, IReadOnlyList<int> capacities, IReadOnlyList<AssignmentCandidate> candidates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(menteeCount);
        if (capacities.Any(c => c < 0))
        {
            throw new ArgumentException("capacities must be ≥ 0", nameof(capacities));
        }

        var seen = new HashSet<(int, int)>();
        foreach (var c in candidates)
        {
            if (c.Mentee < 0 || c.Mentee >= menteeCount || c.Mentor < 0 || c.Mentor >= capacities.Count || c.Units < 0 || c.Units > PairScore.UnitsPerPoint)
            {
                throw new ArgumentException($"candidate {c} is out of range", nameof(candidates));
            }

            if (!seen.Add((c.Mentee, c.Mentor)))
            {
                throw new ArgumentException($"candidate {c} is listed twice", nameof(candidates));
            }
        }
    }

    /// <summary>Residual network in flat arrays (edge e and its reverse e ^ 1), to keep a solve allocation-light.</summary>
    private sealed class FlowNetwork(int nodeCount, int edgeCapacity)
    {
        private readonly int[] _head = Enumerable.Repeat(-1, nodeCount).ToArray();
        private readonly int[] _next = new int[edgeCapacity];
        private readonly int[] _to = new int[edgeCapacity];
        private readonly int[] _residual = new int[edgeCapacity];
        private readonly long[] _cost = new long[edgeCapacity];
        private int _edgeCount;

        public int AddEdge(int from, int to, int capacity, long cost)
        {
            var forward = _edgeCount;
            Link(from, to, capacity, cost);
            Link(to, from, 0, -cost);
            return forward;
        }

        public bool IsSaturated(int edge) => _residual[edge] == 0;

        public void RunSuccessiveShortestPaths(int source, int sink)
        {
            var potential = new long[nodeCount];
            var distance = new long[nodeCount];
            var viaEdge = new int[nodeCount];
            var queue = new PriorityQueue<int, long>(nodeCount);

            while (true)
            {
                ShortestPaths(source, sink, potential, distance, viaEdge, queue);
                var toSink = distance[sink];
                if (toSink == long.MaxValue)
                {
                    return; // no augmenting path: the flow is maximum, and cheapest among maximum flows
                }

                // Dijkstra stopped once the sink was settled; capping every distance at the sink's keeps all
                // reduced costs non-negative (settled nodes have exact distances, the others are at least the sink's).
                for (var v = 0; v < nodeCount; v++)
                {
                    potential[v] += Math.Min(distance[v], toSink);
                }

                // Every augmenting path carries one unit: the source → mentee edges have capacity 1.
                for (var v = sink; v != source; v = _to[viaEdge[v] ^ 1])
                {
                    _residual[viaEdge[v]]--;
                    _residual[viaEdge[v] ^ 1]++;
                }
            }
        }

        private void ShortestPaths(int source, int sink, long[] potential, long[] distance, int[] viaEdge, PriorityQueue<int, long> queue)
        {
            Array.Fill(distance, long.MaxValue);
            distance[source] = 0;
            queue.Clear();
            queue.Enqueue(source, 0);
            while (queue.TryDequeue(out var u, out var d))
            {
                if (d != distance[u])
                {
                    continue; // a stale entry: u was reached more cheaply later
                }

                if (u == sink)
                {
                    return; // settled: the rest of the graph cannot shorten this path
                }

                for (var e = _head[u]; e >= 0; e = _next[e])
                {
                    if (_residual[e] == 0)
                    {
                        continue;
                    }

                    var v = _to[e];
                    var candidate = d + _cost[e] + potential[u] - potential[v];
                    if (candidate < distance[v])
                    {
                        distance[v] = candidate;
                        viaEdge[v] = e;
                        queue.Enqueue(v, candidate);
                    }
                }
            }
        }

        private void Link(int from, int to, int capacity, long cost)
        {
            _to[_edgeCount] = to;
            _residual[_edgeCount] = capacity;
            _cost[_edgeCount] = cost;
            _next[_edgeCount] = _head[from];
            _head[from] = _edgeCount;
            _edgeCount++;
        }
    }
}
