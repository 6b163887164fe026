using Dapper;
using MentorBot.Domain.Scheduling;
using Npgsql;

namespace MentorBot.Host.Features.Reminders;

/// <summary>
/// An organisation as background messages see it: its zone and its delivery window
/// (<c>organisations.working_hours_start/end</c> on working days of the production calendar; DESIGN.md decision 6).
/// </summary>
/// <param name="Id">The organisation.</param>
/// <param name="Name">Its name.</param>
/// <param name="Zone">Its time zone.</param>
/// <param name="Window">When background messages may go out.</param>
/// <param name="DigestCron">Its weekly digest schedule (five-field cron with a named weekday, local time; <c>CronRules</c>).</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record OrganisationClock(Guid Id, string Name, TimeZoneInfo Zone, DeliveryWindow Window, string DigestCron, DateTimeOffset CreatedAt)
{
    /// <summary>The local date at <paramref name="now"/>.</summary>
    public DateOnly Today(DateTimeOffset now) => LocalDates.Of(now, Zone);

    /// <summary>The local date of an instant stored in UTC.</summary>
    public DateOnly LocalDate(DateTime utc) => LocalDates.OfUtc(utc, Zone);

    /// <summary>The instant local midnight of <paramref name="day"/> begins.</summary>
    public DateTimeOffset StartOf(DateOnly day) => DeliveryWindow.ToInstant(day, TimeOnly.MinValue, Zone);

    /// <summary>When a message meant for local <paramref name="day"/> may go out, no earlier than <paramref name="now"/>.</summary>
    public DateTimeOffset DueAt(DateTimeOffset now, DateOnly day)
    {
        var from = StartOf(day);
        return Window.Next(from > now ? from : now, Zone);
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public int StartMinutes { get; init; }
        public int EndMinutes { get; init; }
        public string DigestCron { get; init; } = "";
        public DateTime CreatedAt { get; init; }
    }

    /// <summary>Every organisation (or only <paramref name="only"/>), with <paramref name="calendar"/> as the production calendar.</summary>
    public static async Task<IReadOnlyList<OrganisationClock>> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, WorkCalendar calendar, Guid? only, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, name, time_zone AS TimeZone,
                   (extract(epoch FROM working_hours_start) / 60)::int AS StartMinutes,
                   (extract(epoch FROM working_hours_end) / 60)::int AS EndMinutes,
                   digest_cron AS DigestCron, created_at AS CreatedAt
              FROM organisations
             WHERE @only::uuid IS NULL OR id = @only
             ORDER BY created_at, id
            """;
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { only }, transaction, cancellationToken: cancellationToken));
        return rows.Select(r => new OrganisationClock(
            r.Id, r.Name, TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone),
            new DeliveryWindow(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(r.StartMinutes)), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Min(r.EndMinutes, 24 * 60 - 1))), WorkingDaysOnly: true, calendar),
            r.DigestCron, new DateTimeOffset(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc)))).ToList();
    }
}
