using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MentorBot.Domain.Matching;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>bench match [--mentees N --mentors M] [--seed 1] [--runs 3]</c>: times the matcher on
/// <see cref="RandomMatchingInstance"/>s and prints, per size, the median of the runs (after one warm-up run) and the
/// bytes one run allocates, for the whole proposal (scoring, solving, reasons) and for the solver alone. Without
/// sizes it runs the growth series 100×30, 300×100, 1,000×300, 3,000×1,000 (a school, a large school, a town, a
/// region) and ends with the process's peak working set. A figure to watch, not a test: timings on a shared machine are noisy.
/// </summary>
public static class BenchMatchCommand
{
    private static readonly (int Mentees, int Mentors)[] Series = [(100, 30), (300, 100), (1_000, 300), (3_000, 1_000)];

    /// <summary>Builds the <c>match</c> subcommand of <c>bench</c>.</summary>
    public static Command Create()
    {
        var mentees = new Option<int?>("--mentees") { Description = "number of mentees (with --mentors: one size instead of the series)" };
        var mentors = new Option<int?>("--mentors") { Description = "number of mentors (with --mentees)" };
        var seed = new Option<int>("--seed") { Description = "random seed of the instances", DefaultValueFactory = _ => 1 };
        var runs = new Option<int>("--runs") { Description = "timed runs per size (the median is printed)", DefaultValueFactory = _ => 3 };
        var command = new Command("match", "Time the matcher on random instances of growing size.") { mentees, mentors, seed, runs };
        command.SetAction(parseResult =>
        {
            var (menteeCount, mentorCount, runCount) = (parseResult.GetValue(mentees), parseResult.GetValue(mentors), parseResult.GetValue(runs));
            if (menteeCount is < 0 || mentorCount is < 0 || runCount < 1 || menteeCount.HasValue != mentorCount.HasValue)
            {
                throw new CliInputException("give both --mentees and --mentors (each ≥ 0) or neither; --runs must be ≥ 1");
            }

            var output = parseResult.InvocationConfiguration.Output;
            var sizes = menteeCount is { } one && mentorCount is { } other ? [(one, other)] : Series;
            foreach (var (n, m) in sizes)
            {
                Bench(output, n, m, parseResult.GetValue(seed), runCount);
                GC.Collect(); // the next size starts from a clean heap, so the peak below belongs to the largest size
            }

            output.WriteLine(Invariant($"peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB"));
        });
        return command;
    }

    private static void Bench(TextWriter output, int menteeCount, int mentorCount, int seed, int runs)
    {
        var (mentorBank, menteeBank) = RandomMatchingInstance.Create(menteeCount, mentorCount, seed);
        var weights = MatchingWeights.Default;
        var proposal = Matchmaker.Propose(mentorBank, menteeBank, weights);

        // The solver alone, on the same candidates the proposal used.
        var scorer = new PairScorer(weights, mentorBank, menteeBank);
        var capacities = mentorBank.Select(m => m.Capacity).ToArray();
        var candidates = new List<AssignmentCandidate>();
        for (var i = 0; i < menteeCount; i++)
        {
            for (var j = 0; j < mentorCount; j++)
            {
                if (capacities[j] > 0 && scorer.Grade(i, j) is { IsAcceptable: true } grade)
                {
                    candidates.Add(new AssignmentCandidate(i, j, grade.Units));
                }
            }
        }

        output.WriteLine(Invariant($"{menteeCount} mentees x {mentorCount} mentors (seed {seed}, {candidates.Count} acceptable pairs, {capacities.Sum()} places): {proposal.Pairs.Count} placed, {proposal.Unmatched.Count} unmatched, total score {proposal.Pairs.Sum(p => p.Score):0.000}"));
        output.WriteLine(Describe("  propose (score + solve + reasons)", Measure(runs, () => Matchmaker.Propose(mentorBank, menteeBank, weights))));
        output.WriteLine(Describe("  score only (grade every pair)", Measure(runs, () => GradeAll(scorer, menteeCount, mentorCount))));
        output.WriteLine(Describe("  solve only (min-cost flow)", Measure(runs, () => AssignmentSolver.Solve(menteeCount, capacities, candidates))));
    }

    private static object GradeAll(PairScorer scorer, int menteeCount, int mentorCount)
    {
        var acceptable = 0;
        for (var i = 0; i < menteeCount; i++)
        {
            for (var j = 0; j < mentorCount; j++)
            {
                acceptable += scorer.Grade(i, j).IsAcceptable ? 1 : 0;
            }
        }

        return acceptable;
    }

    private static (double MedianMs, double MinMs, double MaxMs, double CpuMs, long Bytes, int Runs) Measure(int runs, Func<object> action)
    {
        action(); // warm-up: JIT and tiering should not count
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;

        var times = new double[runs];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var r = 0; r < runs; r++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[r] = watch.Elapsed.TotalMilliseconds;
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
        Array.Sort(times);
        var median = runs % 2 == 1 ? times[runs / 2] : (times[(runs / 2) - 1] + times[runs / 2]) / 2;
        return (median, times[0], times[^1], cpuMs, bytes, runs);
    }

    // CPU time shows the work when other load on a shared machine stretches the wall clock.
    private static string Describe(string what, (double MedianMs, double MinMs, double MaxMs, double CpuMs, long Bytes, int Runs) m) =>
        Invariant($"{what}: median {m.MedianMs:0.0} ms over {m.Runs} runs (min {m.MinMs:0.0}, max {m.MaxMs:0.0}; CPU {m.CpuMs:0.0} ms per run); allocated {m.Bytes / 1048576.0:0.0} MB per run");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
