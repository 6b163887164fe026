using System.Globalization;
using Dapper;
using MentorBot.Host.Scheduling;
using Npgsql;

namespace MentorBot.Host.Cli;

/// <summary>
/// What <c>jobs run</c> prints after a run (issue 17 item 5): its other effects, the messages it queued by kind — how
/// many, to how many people, when they go out — and, in a dry run or when asked, every message: when, to whom, what.
/// </summary>
public static class JobReport
{
    private static readonly Dictionary<string, string> KindNames = new()
    {
        ["dl"] = "road-map deadline reminder",
        ["onb"] = "onboarding nudge",
        ["quiet"] = "quiet-pair nudge or at-risk alert",
        ["poll-reminder"] = "feedback poll reminder",
        ["survey"] = "satisfaction survey reminder",
        ["digest"] = "weekly digest",
        ["term"] = "end-of-term survey",
    };

    private sealed class Person
    {
        public long Id { get; init; }
        public string? FullName { get; init; }
        public string TimeZone { get; init; } = "UTC";
    }

    /// <summary>Prints the report of <paramref name="run"/> of <paramref name="job"/> as of <paramref name="now"/>; names come from <paramref name="dataSource"/> (read only).</summary>
    public static async Task PrintAsync(TextWriter output, NpgsqlDataSource dataSource, string job, DateTimeOffset now, JobRun run, CancellationToken cancellationToken)
    {
        output.WriteLine(run.DryRun
            ? $"{job} as of {Utc(now)}: dry run, nothing was written"
            : $"{job} ran as of {Utc(now)}");
        foreach (var note in run.Notes)
            output.WriteLine($"  {note}");

        var fresh = run.Messages.Where(m => m.New).ToList();
        var verb = run.DryRun ? "would queue" : "queued";
        output.WriteLine(fresh.Count == 0
            ? $"  {verb} no messages"
            : $"  {verb} {fresh.Count} message(s) to {fresh.Select(m => m.MembershipId).Distinct().Count()} people:");
        foreach (var kind in fresh.GroupBy(m => m.Kind).OrderBy(g => g.Min(m => m.DueAt)))
        {
            DateTimeOffset first = kind.Min(m => m.DueAt), last = kind.Max(m => m.DueAt);
            var when = first == last ? $"going out {Utc(first)}" : $"going out {Utc(first)} – {Utc(last)}";
            output.WriteLine($"    {Name(kind.Key)}: {kind.Count()} to {kind.Select(m => m.MembershipId).Distinct().Count()} people, {when}");
        }

        var repeated = run.Messages.Count - fresh.Count;
        if (repeated > 0)
            output.WriteLine($"  already queued by an earlier run (unchanged): {repeated}");
        if (!run.DryRun || fresh.Count == 0) return;

        var people = await PeopleAsync(dataSource, fresh.Select(m => m.MembershipId).Distinct().ToArray(), cancellationToken);
        output.WriteLine("  messages:");
        foreach (var message in fresh.OrderBy(m => m.DueAt).ThenBy(m => m.MembershipId))
        {
            var person = people.GetValueOrDefault(message.MembershipId);
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(person?.TimeZone ?? "UTC", out var z) ? z : TimeZoneInfo.Utc;
            var local = TimeZoneInfo.ConvertTime(message.DueAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            output.WriteLine($"    {local} {zone.Id} ({Utc(message.DueAt)})  to {person?.FullName ?? "(no name)"} (membership {message.MembershipId}, chat {message.ChatId})  [{Name(message.Kind)}]");
            foreach (var line in message.Text.ReplaceLineEndings("\n").Split('\n'))
                output.WriteLine($"      | {line}");
        }
    }

    private static string Name(string kind) => KindNames.GetValueOrDefault(kind, kind);

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private static async Task<Dictionary<long, Person>> PeopleAsync(NpgsqlDataSource dataSource, long[] ids, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT m.id, m.full_name, o.time_zone
              FROM memberships m JOIN organisations o ON o.id = m.organisation_id
             WHERE m.id = ANY(@ids)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Person>(new CommandDefinition(sql, new { ids }, cancellationToken: cancellationToken))).ToDictionary(p => p.Id);
    }
}
