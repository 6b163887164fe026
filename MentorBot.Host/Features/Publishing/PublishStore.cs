using Dapper;
using MentorBot.Domain.Practices;
using MentorBot.Domain.Publishing;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Practices;
using Npgsql;

namespace MentorBot.Host.Features.Publishing;

/// <summary>SQL of information support: the period's facts for <see cref="ProgrammeNews"/>, and the record of a publication.</summary>
public static class PublishStore
{
    private const string Name = "coalesce(nullif(btrim(m.full_name), ''), nullif(btrim(concat_ws(' ', p.first_name, p.last_name)), ''))";

    /// <summary>
    /// What happened in the organisation between <paramref name="from"/> and <paramref name="until"/> (UTC instants of the
    /// period's local days), with every free text cleared of the names of members without the publication consent.
    /// </summary>
    public static async Task<NewsFacts> FactsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, string organisation,
        DateOnly fromDay, DateOnly toDay, DateTimeOffset from, DateTimeOffset until, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        var args = new { organisationId, from = from.UtcDateTime, until = until.UtcDateTime, fromDay, toDay };
        CommandDefinition Command(string sql) => new(sql, args, transaction, cancellationToken: cancellationToken);
        const string done = """
            SELECT s.title FROM road_map_stages s JOIN road_maps r ON r.id = s.road_map_id
             WHERE r.organisation_id = @organisationId AND s.done_at >= @from AND s.done_at < @until
            UNION ALL
            SELECT a.text FROM road_map_activities a JOIN road_map_stages s ON s.id = a.stage_id JOIN road_maps r ON r.id = s.road_map_id
             WHERE r.organisation_id = @organisationId AND a.done_at >= @from AND a.done_at < @until
            """;
        const string counts = """
            SELECT (SELECT count(*) FROM pairs WHERE organisation_id = @organisationId AND approved_at >= @from AND approved_at < @until
                       AND status IN ('approved', 'active', 'completed'))::int,
                   (SELECT count(*) FROM meetings mt JOIN pairs x ON x.id = mt.pair_id
                     WHERE x.organisation_id = @organisationId AND mt.deleted_at IS NULL AND mt.held_on BETWEEN @fromDay AND @toDay)::int
            """;
        const string events = """
            SELECT title, starts_at, outcome FROM events WHERE organisation_id = @organisationId AND starts_at >= @from AND starts_at < @until ORDER BY starts_at
            """;
        const string cases = """
            SELECT id FROM practice_cases WHERE organisation_id = @organisationId AND status = 'approved' AND reviewed_at >= @from AND reviewed_at < @until
            """;
        const string people = $"""
            SELECT {Name} AS name, EXISTS (SELECT 1 FROM membership_roles r WHERE r.membership_id = m.id AND r.role = 'mentor') AS mentor,
                   EXISTS (SELECT 1 FROM current_consents c WHERE c.organisation_id = m.organisation_id AND c.participant_id = m.participant_id
                            AND c.kind = 'publication' AND c.event = 'given') AS consent
              FROM memberships m JOIN participants p ON p.id = m.participant_id
             WHERE m.organisation_id = @organisationId AND m.status = 'active'
             ORDER BY m.id
            """;
        var members = (await connection.QueryAsync<(string? Name, bool Mentor, bool Consent)>(Command(people))).ToList();
        CasePerson[] hidden = [.. members.Where(m => !m.Consent).Select(m => new CasePerson(m.Name, false, PublishTexts.Placeholder))];
        string Scrub(string text) => CaseAnonymity.Scrub(text, hidden);

        var stages = (await connection.QueryAsync<string>(Command(done))).Select(Scrub).ToList();
        var (pairs, meetings) = await connection.QuerySingleAsync<(int, int)>(Command(counts));
        var held = (await connection.QueryAsync<(string Title, DateTime StartsAt, string? Outcome)>(Command(events)))
            .Select(e => new NewsEvent(Scrub(e.Title), LocalDates.OfUtc(e.StartsAt, timeZone),
                e.Outcome is null ? null : Scrub(e.Outcome)))
            .ToList();
        var approved = (await connection.QueryAsync<long>(Command(cases))).ToHashSet();
        var caseTitles = (await PracticeStore.ListAsync(connection, transaction, organisationId, ["approved"], cancellationToken))
            .Where(c => approved.Contains(c.Id)).Select(c => Scrub(CaseView.Of(c).Title)).ToList();
        var mentors = members.Where(m => m.Mentor && m.Consent && m.Name is not null).Select(m => m.Name!).ToList();
        return new NewsFacts(organisation, fromDay, toDay, stages, pairs, meetings, held, caseTitles, mentors);
    }

    /// <summary>The road map's information-support stage or activity (open or done), as (stage id, activity id, text); null when there is none.</summary>
    public static async Task<(long? StageId, long? ActivityId, string Text)?> InformationActivityAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT NULL::bigint, a.id, a.text, s.position, a.position
              FROM road_map_activities a JOIN road_map_stages s ON s.id = a.stage_id JOIN road_maps r ON r.id = s.road_map_id
             WHERE r.organisation_id = @organisationId AND (a.text ILIKE '%информационн%' OR a.text ILIKE '%на сайте%' OR a.text ILIKE '%социальн% сет%')
            UNION ALL
            SELECT s.id, NULL::bigint, s.title, s.position, 0
              FROM road_map_stages s JOIN road_maps r ON r.id = s.road_map_id
             WHERE r.organisation_id = @organisationId AND (s.title ILIKE '%информационн%' OR s.title ILIKE '%на сайте%' OR s.title ILIKE '%социальн% сет%')
             ORDER BY 4, 5
             LIMIT 1
            """;
        var row = await connection.QuerySingleOrDefaultAsync<(long?, long?, string, int, int)?>(new CommandDefinition(sql, new { organisationId }, transaction, cancellationToken: cancellationToken));
        return row is { } r ? (r.Item1, r.Item2, r.Item3) : null;
    }

    /// <summary>Records a publication (and the road-map item it counts for, if any).</summary>
    public static Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, (long? StageId, long? ActivityId, string Text)? item,
        DateOnly from, DateOnly to, string text, long publishedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO publications (organisation_id, stage_id, activity_id, period_from, period_to, text, published_by, published_at)
            VALUES (@organisationId, @stageId, @activityId, @from, @to, @text, @publishedBy, @now)
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            organisationId, stageId = item?.StageId, activityId = item?.ActivityId, from, to, text, publishedBy, now = now.UtcDateTime,
        }, transaction, cancellationToken: cancellationToken));
    }
}
