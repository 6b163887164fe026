using Npgsql;

namespace MentorBot.Host.Scheduling;

/// <summary>A background message a job queued (or, in a dry run, would have queued).</summary>
/// <param name="Key">The message's idempotency key without the <c>bg:</c> prefix; its first segment is the kind (<c>dl</c>, <c>onb</c>, <c>digest</c>…).</param>
/// <param name="MembershipId">To whom.</param>
/// <param name="ChatId">The person's private chat.</param>
/// <param name="DueAt">When it may go out (UTC).</param>
/// <param name="Text">Its text (HTML for formatted messages), or a file's name.</param>
/// <param name="New">False when an earlier run had already queued it (the same key): nothing new was written.</param>
public sealed record QueuedMessage(string Key, long MembershipId, long ChatId, DateTimeOffset DueAt, string Text, bool New)
{
    /// <summary>The kind of message: the key's first segment (<c>dl</c>, <c>onb</c>, <c>quiet</c>, <c>poll-reminder</c>, <c>survey</c>, <c>digest</c>, <c>term</c>).</summary>
    public string Kind => Key.Split(':', 2)[0];
}

/// <summary>
/// One run of a job as the CLI watches it (issue 17 items 4–5): the background messages it queued (recorded by
/// <see cref="Outbox.Notifier"/>) and other effects its job notes. In a dry run every transaction a job ends with
/// <see cref="CommitAsync"/> is rolled back instead, so the run writes nothing and the messages are what it would send.
/// Ambient (async-local): code outside a recorded run sees no <see cref="Current"/> and commits as usual.
/// </summary>
public sealed class JobRun
{
    private static readonly AsyncLocal<JobRun?> Ambient = new();
    private readonly List<QueuedMessage> messages = [];
    private readonly List<string> notes = [];

    private JobRun(bool dryRun) => DryRun = dryRun;

    /// <summary>The run in progress on this async flow, or null.</summary>
    public static JobRun? Current => Ambient.Value;

    /// <summary>True when nothing may be written.</summary>
    public bool DryRun { get; }

    /// <summary>The messages queued, in order.</summary>
    public IReadOnlyList<QueuedMessage> Messages { get { lock (messages) return [.. messages]; } }

    /// <summary>Other effects, one English line each («2 pairs completed»).</summary>
    public IReadOnlyList<string> Notes { get { lock (notes) return [.. notes]; } }

    /// <summary>Runs <paramref name="body"/> as a recorded run (a dry run when <paramref name="dryRun"/>) and returns what it did.</summary>
    public static async Task<JobRun> RecordAsync(bool dryRun, Func<Task> body)
    {
        var run = new JobRun(dryRun);
        Ambient.Value = run;
        try
        {
            await body();
        }
        finally
        {
            Ambient.Value = null;
        }

        return run;
    }

    /// <summary>Commits <paramref name="transaction"/>, or rolls it back in a dry run. Jobs end their transactions with this.</summary>
    public static Task CommitAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        Current is { DryRun: true } ? transaction.RollbackAsync(cancellationToken) : transaction.CommitAsync(cancellationToken);

    /// <summary>Records a queued message (called by the notifier).</summary>
    public void Record(QueuedMessage message)
    {
        lock (messages) messages.Add(message);
    }

    /// <summary>Notes an effect other than a message, when a run is being recorded.</summary>
    public static void Note(string effect)
    {
        if (Current is not { } run) return;
        lock (run.notes) run.notes.Add(effect);
    }
}
