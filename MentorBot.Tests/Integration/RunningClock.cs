using System.Diagnostics;

namespace MentorBot.Tests.Integration;

/// <summary>
/// A clock for a running host (end-to-end tests): it starts at a fixed instant and moves on with the time elapsed
/// since (a monotonic stopwatch), so what the bot does never depends on when the test runs, while its pacing and
/// timeouts still pass.
/// </summary>
public sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly Stopwatch elapsed = Stopwatch.StartNew();

    public override DateTimeOffset GetUtcNow() => start + elapsed.Elapsed;
}
