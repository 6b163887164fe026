using Dapper;
using MentorBot.Domain.Roadmaps;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Roadmaps;
using MentorBot.Host.Scheduling;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Reminders;

/// <summary>Shortcuts for reminder and digest tests: a road map imported through <see cref="RoadMapImport"/>, outbox reads, job runs.</summary>
public static class ReminderScenario
{
    public static readonly TimeSpan Omsk = TimeSpan.FromHours(6);
    public static readonly TimeSpan Volgograd = TimeSpan.FromHours(3);

    public sealed record Sent(long ChatId, string Text, DateTimeOffset DueAt, string Payload, string Key);

    /// <summary>Imports a tab-less table («№ | Этап | Содержание | Сроки» rows) for 2026; returns stage ids by number.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> ImportAsync(this PipelineHarness bot, Organisation organisation, params string[] rows)
    {
        var table = "№ | Этап | Содержание | Сроки\n" + string.Join("\n", rows) + "\n";
        var map = RoadMapParser.Parse(table.Replace(" | ", "\t"), new RoadMapParseOptions(new DateOnly(2026, 9, 1), 2026));
        var result = await new RoadMapImport(bot.Database.DataSource, bot.Clock).ImportAsync(organisation.Id, map, new RoadMapSource("test.txt", table), false, CancellationToken.None);
        result.Outcome.Should().Be(RoadMapImportOutcome.Imported);
        await using var connection = await bot.Database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string Number, long Id)>("""
            SELECT s.number, s.id FROM road_map_stages s JOIN road_maps r ON r.id = s.road_map_id WHERE r.organisation_id = @id
            """, new { id = organisation.Id })).ToDictionary(x => x.Number, x => x.Id);
    }

    /// <summary>Links <paramref name="membershipId"/> as the responsible person of a stage (what the road-map helper does by position).</summary>
    public static Task MakeResponsibleAsync(this PipelineHarness bot, long stageId, long membershipId, string name = "Заместитель директора") =>
        bot.ExecuteAsync("""
            INSERT INTO road_map_responsible_persons (stage_id, position, name, membership_id)
            VALUES (@stageId, coalesce((SELECT max(position) FROM road_map_responsible_persons WHERE stage_id = @stageId), 0) + 1, @name, @membershipId)
            """, new { stageId, membershipId, name });

    /// <summary>Runs a job as <c>jobs run NAME --now</c> does.</summary>
    public static Task RunJobAsync(this PipelineHarness bot, string name, DateTimeOffset now)
    {
        var job = (IScheduledJob)bot.Services.GetRequiredService(ScheduledJobs.Find(name)!.JobType);
        return job.RunAsync(now, CancellationToken.None);
    }

    /// <summary>Background messages queued so far (keys bg:…), oldest first.</summary>
    public static async Task<IReadOnlyList<Sent>> BackgroundAsync(this PipelineHarness bot, long? chatId = null)
    {
        await using var connection = await bot.Database.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(long ChatId, string Text, DateTime DueAt, string Payload, string Key)>("""
            SELECT chat_id, payload->>'text', due_at, payload::text, idempotency_key FROM outbox
             WHERE idempotency_key LIKE 'bg:%' AND kind = 'message' AND (@chatId::bigint IS NULL OR chat_id = @chatId)
             ORDER BY id
            """, new { chatId });
        return rows.Select(r => new Sent(r.ChatId, r.Text, new DateTimeOffset(DateTime.SpecifyKind(r.DueAt, DateTimeKind.Utc)), r.Payload, r.Key)).ToList();
    }
}
