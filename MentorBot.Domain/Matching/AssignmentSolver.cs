namespace MentorBot.Domain.Matching;

/// <summary>An allowed mentee → mentor edge of the assignment problem, worth <paramref name="Units"/> (see <see cref="PairScore.Units"/>).</summary>
/// <param name="Mentee">Mentee position, 0 ≤ Mentee &lt; menteeCount.</param>
/// <param name="Mentor">Mentor position, 0 ≤ Mentor &lt; capacities.Count.</param>
/// <param name="Units">Score of the pair in millionths, 0 ≤ Units ≤ <see cref="PairScore.UnitsPerPoint"/>.</param>
public readonly record struct AssignmentCandidate(int Mentee, int Mentor, long Units);

/// <summary>
/// Exact capacitated assignment as a min-cost flow, solved by successive shortest paths with potentials
/// (Dijkstra on reduced costs) on the sparse graph of acceptable pairs.
/// <para>
/// Network: each mentee → each allowed mentor (capacity 1) → sink (the mentor's capacity), and each mentee →
/// «unplaced» (unbounded). Every mentee sends one unit, so the problem is a transportation problem whose cheapest
/// solution is optimal. A pair edge costs <c>(UnitsPerPoint − units) · B + (mentee + mentor)</c> with <c>B</c> larger
/// than any sum of the second term, and «unplaced» costs <c>U</c>, more than any placed total. So the order of goals is strict:
/// </para>
/// <list type="number">
/// <item>the most mentees placed;</item>
/// <item>then the highest total score (in integer units, so equal totals are true ties, not float noise);</item>
/// <item>then (tie rule) the smallest sum of <c>mentee position + mentor position</c> over the pairs: earlier
/// mentees in the list are placed first and earlier mentors are preferred;</item>
/// <item>any tie still left is resolved by the solver's fixed scanning order, so the same input always gives the same pairs.</item>
/// </list>
/// <para>
/// Mentees join one at a time (the Jonker–Volgenant order): each runs one Dijkstra from itself to the nearest mentor
/// with a free place or to «unplaced», over residual edges only — its own candidates, and from a full mentor to the
/// mentees it holds — so a search touches the part of the graph that competes for the same places, not all pairs.
/// Potentials keep every residual reduced cost ≥ 0 (checked in the proof of successive shortest paths), which makes
/// every intermediate flow the cheapest of its size and the final one optimal. Time O(n · E log V) in the worst case,
/// far less in practice; memory O(n + m + E). Figures: <c>mentorbot bench match</c> (3,000 × 1,000 with a million
/// acceptable pairs: about a second of CPU, 12 MB).
/// </para>
/// <para>
/// Why not OR-Tools' <c>SimpleMinCostFlow</c>: the tie rule needs costs up to ~10¹⁷, and its cost scaling multiplies
/// costs by the node count (it answers BAD_COST_RANGE past 64 bits); it would also add a native runtime to the image.
/// </para>
/// </summary>
public static class AssignmentSolver
{

    /// <summary>
    /// Returns, for every mentee position, the chosen mentor position or −1 when the mentee stays unplaced.
    /// Throws <see cref="ArgumentException"/> on a negative capacity, an out-of-range candidate, a duplicate
    /// candidate, or an instance too large for 64-bit costs (beyond about 12,000 mentees).
    /// </summary>
    public static int[] Solve(int menteeCount, IReadOnlyList<int> capacities, IReadOnlyList<AssignmentCandidate> candidates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(menteeCount);
        var mentorCount = capacities.Count;
        var capacity = new int[mentorCount];
        for (var j = 0; j < mentorCount; j++)
        {
            capacity[j] = capacities[j] >= 0 ? capacities[j] : throw new ArgumentException("capacities must be ≥ 0", nameof(capacities));
        }

        var graph = CandidateGraph.Build(menteeCount, mentorCount, candidates);
        return new Search(graph, capacity).Run();
    }

    /// <summary>
    /// Candidates as compressed rows: mentee <c>i</c>'s edges are <c>RowStart[i] … RowStart[i + 1] − 1</c>, in
    /// ascending mentor order, each with its mentor and flow cost.
    /// </summary>
    private sealed class CandidateGraph
    {
        private CandidateGraph(int menteeCount, int mentorCount, int[] rowStart, int[] mentor, long[] cost, long unplacedCost)
        {
            (MenteeCount, MentorCount, RowStart, Mentor, Cost, UnplacedCost) = (menteeCount, mentorCount, rowStart, mentor, cost, unplacedCost);
        }

        public int MenteeCount { get; }

        public int MentorCount { get; }

        public int[] RowStart { get; }

        public int[] Mentor { get; }

        public long[] Cost { get; }

        public long UnplacedCost { get; }

        public static CandidateGraph Build(int menteeCount, int mentorCount, IReadOnlyList<AssignmentCandidate> candidates)
        {
            // B exceeds every achievable sum of tie terms (at most menteeCount pairs, each term < menteeCount + mentorCount);
            // U exceeds every achievable placed total, so one more mentee placed always wins.
            long tieScale, maxEdgeCost, unplacedCost;
            try
            {
                tieScale = checked(((long)menteeCount * (menteeCount + mentorCount)) + 1);
                maxEdgeCost = checked((PairScore.UnitsPerPoint * tieScale) + menteeCount + mentorCount);
                unplacedCost = checked((menteeCount * maxEdgeCost) + 1);
                _ = checked(4 * (unplacedCost + maxEdgeCost)); // distances and potentials stay within ±2·(U + max edge cost)
            }
            catch (OverflowException)
            {
                throw new ArgumentException($"{menteeCount} mentees × {mentorCount} mentors is too large for 64-bit flow costs");
            }

            var rowStart = new int[menteeCount + 1];
            foreach (var c in candidates)
            {
                if (c.Mentee < 0 || c.Mentee >= menteeCount || c.Mentor < 0 || c.Mentor >= mentorCount || c.Units < 0 || c.Units > PairScore.UnitsPerPoint)
                {
                    throw new ArgumentException($"candidate {c} is out of range", nameof(candidates));
                }

                rowStart[c.Mentee + 1]++;
            }

            for (var i = 0; i < menteeCount; i++)
            {
                rowStart[i + 1] += rowStart[i];
            }

            var mentor = new int[candidates.Count];
            var cost = new long[candidates.Count];
            var fill = rowStart[..menteeCount];
            foreach (var c in candidates)
            {
                var at = fill[c.Mentee]++;
                (mentor[at], cost[at]) = (c.Mentor, ((PairScore.UnitsPerPoint - c.Units) * tieScale) + c.Mentee + c.Mentor);
            }

            for (var i = 0; i < menteeCount; i++)
            {
                Array.Sort(mentor, cost, rowStart[i], rowStart[i + 1] - rowStart[i]);
                for (var e = rowStart[i] + 1; e < rowStart[i + 1]; e++)
                {
                    if (mentor[e] == mentor[e - 1])
                    {
                        throw new ArgumentException($"the candidate mentee {i}, mentor {mentor[e]} is listed twice", nameof(candidates));
                    }
                }
            }

            return new CandidateGraph(menteeCount, mentorCount, rowStart, mentor, cost, unplacedCost);
        }
    }

    /// <summary>
    /// The successive-shortest-path state. Nodes: mentees 0…n−1, mentors n…n+m−1, «unplaced» n+m. Potentials of mentors
    /// with a free place and of «unplaced» stay 0 (they are never settled before a search ends), which is the sink's
    /// condition of a transportation problem; the nodes a search settles drop by how much nearer they were than its end.
    /// </summary>
    private sealed class Search
    {
        private const byte Untouched = 0;
        private const byte Reached = 1;
        private const byte Settled = 2;

        private readonly CandidateGraph _graph;
        private readonly int[] _capacity;
        private readonly int _unplaced;
        private readonly long[] _potential;

        // Per search: tentative distances, the edge each node was reached by, and which nodes to reset afterwards.
        private readonly long[] _distance;
        private readonly byte[] _state;
        private readonly int[] _viaNode;
        private readonly int[] _viaEdge;
        private readonly List<int> _touched = [];
        private readonly PriorityQueue<int, long> _queue = new();

        // The place each mentee holds: the node (a mentor or «unplaced», −1 before it joins), the edge and its holder slot.
        private readonly int[] _heldBy;
        private readonly int[] _heldEdge;
        private readonly int[] _heldSlot;

        // Mentor j's holders: _holders[_slotStart[j] … _slotStart[j] + _load[j] − 1]; a mentor holds at most min(capacity, degree).
        private readonly int[] _slotStart;
        private readonly int[] _holders;
        private readonly int[] _load;

        public Search(CandidateGraph graph, int[] capacity)
        {
            _graph = graph;
            var (n, m) = (graph.MenteeCount, graph.MentorCount);
            _capacity = capacity;
            _unplaced = n + m;
            _potential = new long[n + m + 1];
            _distance = new long[n + m + 1];
            _state = new byte[n + m + 1];
            _viaNode = new int[n + m + 1];
            _viaEdge = new int[n + m + 1];
            _heldBy = new int[n];
            Array.Fill(_heldBy, -1);
            _heldEdge = new int[n];
            Array.Fill(_heldEdge, -1);
            _heldSlot = new int[n];

            var degree = new int[m];
            foreach (var j in graph.Mentor)
            {
                degree[j]++;
            }

            _slotStart = new int[m + 1];
            for (var j = 0; j < m; j++)
            {
                _slotStart[j + 1] = _slotStart[j] + Math.Min(degree[j], capacity[j]);
            }

            _holders = new int[_slotStart[m]];
            _load = new int[m];
        }

        public int[] Run()
        {
            var n = _graph.MenteeCount;
            for (var i = 0; i < n; i++)
            {
                Augment(ShortestPathEnd(i), i);
            }

            var assignment = new int[n];
            for (var i = 0; i < n; i++)
            {
                assignment[i] = _heldBy[i] == _unplaced ? -1 : _heldBy[i] - n;
            }

            return assignment;
        }

        // Dijkstra from the newcomer to the nearest mentor with a free place (or «unplaced»), then the potential update.
        private int ShortestPathEnd(int newcomer)
        {
            var (rowStart, mentors, costs, n) = (_graph.RowStart, _graph.Mentor, _graph.Cost, _graph.MenteeCount);

            // The newcomer's potential makes its cheapest edge tight and none negative.
            var potential = _potential[_unplaced] - _graph.UnplacedCost;
            for (var e = rowStart[newcomer]; e < rowStart[newcomer + 1]; e++)
            {
                potential = Math.Max(potential, _potential[n + mentors[e]] - costs[e]);
            }

            _potential[newcomer] = potential;

            _queue.Clear();
            Relax(newcomer, 0, -1, -1);
            var end = -1;
            while (_queue.TryDequeue(out var u, out var d))
            {
                if (_state[u] == Settled || d != _distance[u])
                {
                    continue; // a stale entry: u was reached more cheaply later
                }

                _state[u] = Settled;
                if (IsEnd(u))
                {
                    end = u;
                    break;
                }

                var pu = _potential[u];
                if (u < n)
                {
                    for (var e = rowStart[u]; e < rowStart[u + 1]; e++)
                    {
                        if (e != _heldEdge[u])
                        {
                            var v = n + mentors[e];
                            Relax(v, d + costs[e] + pu - _potential[v], u, e);
                        }
                    }

                    Relax(_unplaced, d + _graph.UnplacedCost + pu - _potential[_unplaced], u, -1);
                }
                else
                {
                    var j = u - n;
                    for (var s = _slotStart[j]; s < _slotStart[j] + _load[j]; s++)
                    {
                        var holder = _holders[s];
                        var e = _heldEdge[holder];
                        Relax(holder, d - costs[e] + pu - _potential[holder], u, e);
                    }
                }
            }

            // Settled nodes (exact distances, all ≤ the end's) move by their distance minus the end's; the rest keep
            // theirs, which is the usual capped update shifted by a constant, so every residual reduced cost stays ≥ 0.
            var toEnd = _distance[end];
            foreach (var v in _touched)
            {
                if (_state[v] == Settled)
                {
                    _potential[v] -= toEnd - _distance[v];
                }

                _state[v] = Untouched;
            }

            _touched.Clear();
            return end;
        }

        // A search ends at «unplaced» or at a mentor with a free place.
        private bool IsEnd(int node) =>
            node == _unplaced || (node >= _graph.MenteeCount && _load[node - _graph.MenteeCount] < _capacity[node - _graph.MenteeCount]);

        private void Relax(int v, long distance, int from, int edge)
        {
            var state = _state[v];
            if (state == Settled || (state == Reached && distance >= _distance[v]))
            {
                return;
            }

            if (state == Untouched)
            {
                _touched.Add(v);
                _state[v] = Reached;
            }

            _distance[v] = distance;
            _viaNode[v] = from;
            _viaEdge[v] = edge;
            _queue.Enqueue(v, distance);
        }

        // Walks the path back from its end: each mentee on it moves into the place its successor frees.
        private void Augment(int end, int newcomer)
        {
            var n = _graph.MenteeCount;
            var (place, slot) = (end, -1);
            if (end != _unplaced)
            {
                slot = _slotStart[end - n] + _load[end - n];
                _load[end - n]++;
            }

            while (true)
            {
                var mentee = _viaNode[place];
                var (left, leftSlot) = (_heldBy[mentee], _heldSlot[mentee]);
                (_heldBy[mentee], _heldEdge[mentee], _heldSlot[mentee]) = (place, _viaEdge[place], slot);
                if (slot >= 0)
                {
                    _holders[slot] = mentee;
                }

                if (mentee == newcomer)
                {
                    return;
                }

                (place, slot) = (left, leftSlot);
            }
        }
    }
}
