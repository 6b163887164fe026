using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MentorBot.Domain.Matching;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>bench match [--mentees 300] [--mentors 100] [--seed 1] [--runs 7]</c>: times the matcher on a
/// <see cref="RandomMatchingInstance"/> and prints the median of the runs (after one warm-up run) and the bytes
/// allocated by one run, for the whole proposal (scoring, solving, reasons) and for the solver alone.
/// A figure to watch, not a test: timings on a shared machine are noisy.
/// </summary>
public static class BenchMatchCommand
{
    /// <summary>Builds the <c>match</c> subcommand of <c>bench</c>.</summary>
    public static Command Create()
    {
        var mentees = new Option<int>("--mentees") { Description = "number of mentees", DefaultValueFactory = _ => 300 };
        var mentors = new Option<int>("--mentors") { Description = "number of mentors", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "random seed of the instance", DefaultValueFactory = _ => 1 };
        var runs = new Option<int>("--runs") { Description = "timed runs (the median is printed)", DefaultValueFactory = _ => 7 };
        var command = new Command("match", "Time the matcher on a random instance.") { mentees, mentors, seed, runs };
        command.SetAction(parseResult =>
        {
            var (menteeCount, mentorCount, runCount) = (parseResult.GetValue(mentees), parseResult.GetValue(mentors), parseResult.GetValue(runs));
            if (menteeCount < 0 || mentorCount < 0 || runCount < 1)
            {
                throw new CliInputException("--mentees and --mentors must be ≥ 0 and --runs ≥ 1");
            }

            var (mentorBank, menteeBank) = RandomMatchingInstance.Create(menteeCount, mentorCount, parseResult.GetValue(seed));
            var weights = MatchingWeights.Default;
            var proposal = Matchmaker.Propose(mentorBank, menteeBank, weights);

            // The solver alone, on the same candidates the proposal used.
            var capacities = mentorBank.Select(m => m.Capacity).ToArray();
            var candidates = new List<AssignmentCandidate>();
            for (var i = 0; i < menteeCount; i++)
            {
                for (var j = 0; j < mentorCount; j++)
                {
                    if (proposal.Scores[i][j].IsAcceptable && capacities[j] > 0)
                    {
                        candidates.Add(new AssignmentCandidate(i, j, proposal.Scores[i][j].Units));
                    }
                }
            }

            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(Invariant($"{menteeCount} mentees x {mentorCount} mentors (seed {parseResult.GetValue(seed)}, {candidates.Count} acceptable pairs, {capacities.Sum()} places): {proposal.Pairs.Count} placed, {proposal.Unmatched.Count} unmatched, total score {proposal.Pairs.Sum(p => p.Score):0.000}"));
            output.WriteLine(Describe("propose (score + solve + reasons)", Measure(runCount, () => Matchmaker.Propose(mentorBank, menteeBank, weights))));
            output.WriteLine(Describe("solve only (min-cost max-flow)", Measure(runCount, () => AssignmentSolver.Solve(menteeCount, capacities, candidates))));
        });
        return command;
    }

    private static (double MedianMs, double MinMs, double MaxMs, long Bytes, int Runs) Measure(int runs, Func<object> action)
    {
        action(); // warm-up: JIT and tiering should not count
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;

        var times = new double[runs];
        for (var r = 0; r < runs; r++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[r] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        var median = runs % 2 == 1 ? times[runs / 2] : (times[(runs / 2) - 1] + times[runs / 2]) / 2;
        return (median, times[0], times[^1], bytes, runs);
    }

    private static string Describe(string what, (double MedianMs, double MinMs, double MaxMs, long Bytes, int Runs) m) =>
        Invariant($"{what}: median {m.MedianMs:0.0} ms over {m.Runs} runs (min {m.MinMs:0.0}, max {m.MaxMs:0.0}); allocated {m.Bytes / 1048576.0:0.00} MB per run");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
