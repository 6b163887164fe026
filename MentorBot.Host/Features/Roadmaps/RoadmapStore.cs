using Dapper;
using MentorBot.Domain.Roadmaps;
using Npgsql;

namespace MentorBot.Host.Features.Roadmaps;

/// <summary>Which kind of road-map item a change is about.</summary>
public enum PlanItemKind
{
    /// <summary>A stage (<c>road_map_stages</c>).</summary>
    Stage,

    /// <summary>An activity (<c>road_map_activities</c>).</summary>
    Activity,
}

/// <summary>
/// SQL of the road-map feature in chat: loading an organisation's plan, done marks, period changes and
/// their audit rows (<c>road_map_changes</c>). Every statement is bounded by the organisation's id, so
/// one organisation never reads or changes another's plan.
/// </summary>
public static class RoadmapStore
{
    /// <summary>The organisation's plan with stages, activities, periods and responsible persons, or null when none was imported.</summary>
    public static async Task<RoadMapPlan?> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string roadMapSql = """
            SELECT id, title, year, last_year, academic_year FROM road_maps WHERE organisation_id = @organisationId
            """;
        var map = await connection.QuerySingleOrDefaultAsync<RoadMapRow>(new CommandDefinition(roadMapSql, new { organisationId }, transaction, cancellationToken: cancellationToken));
        if (map is null) return null;
        var args = new { roadMapId = map.Id };

        const string stagesSql = """
            SELECT id, number, title, task, expected_result, status, done_at FROM road_map_stages
             WHERE road_map_id = @roadMapId ORDER BY position
            """;
        const string activitiesSql = """
            SELECT a.id, a.stage_id, a.number, a.text, a.status, a.done_at
              FROM road_map_activities a JOIN road_map_stages s ON s.id = a.stage_id
             WHERE s.road_map_id = @roadMapId ORDER BY a.stage_id, a.position
            """;
        const string periodsSql = """
            SELECT p.stage_id, p.activity_id, p.text, p.starts_on::timestamp AS starts_on, p.ends_on::timestamp AS ends_on,
                   p.recurrence, p.weekday, p.is_default
              FROM road_map_periods p
              LEFT JOIN road_map_activities a ON a.id = p.activity_id
              JOIN road_map_stages s ON s.id = coalesce(p.stage_id, a.stage_id)
             WHERE s.road_map_id = @roadMapId ORDER BY p.position
            """;
        const string responsibleSql = """
            SELECT r.id, r.stage_id, r.activity_id, r.name, m.id AS membership_id, m.full_name AS member_name
              FROM road_map_responsible_persons r
              LEFT JOIN road_map_activities a ON a.id = r.activity_id
              JOIN road_map_stages s ON s.id = coalesce(r.stage_id, a.stage_id)
              LEFT JOIN memberships m ON m.id = r.membership_id AND m.status = 'active'
             WHERE s.road_map_id = @roadMapId ORDER BY r.position
            """;
        var stages = await Query<StageRow>(connection, transaction, stagesSql, args, cancellationToken);
        var activities = await Query<ActivityRow>(connection, transaction, activitiesSql, args, cancellationToken);
        var periods = await Query<PeriodRow>(connection, transaction, periodsSql, args, cancellationToken);
        var responsible = await Query<ResponsibleRow>(connection, transaction, responsibleSql, args, cancellationToken);

        List<PlanResponsible> ResponsibleOf(long? stageId, long? activityId) => responsible
            .Where(r => r.StageId == stageId && r.ActivityId == activityId)
            .Select(r => new PlanResponsible(r.Id, r.Name, r.MembershipId, r.MemberName)).ToList();
        List<PeriodRow> PeriodsOf(long? stageId, long? activityId) => periods.Where(p => p.StageId == stageId && p.ActivityId == activityId).ToList();

        var planStages = stages.Select(s =>
        {
            var own = PeriodsOf(s.Id, null);
            var stageActivities = activities.Where(a => a.StageId == s.Id).Select(a => new PlanActivity(
                a.Id, a.StageId, a.Number, a.Text, a.Status == "done", a.DoneAt,
                PeriodsOf(null, a.Id).Select(ToPeriod).ToList(), ResponsibleOf(null, a.Id))).ToList();
            return new PlanStage(s.Id, s.Number, s.Title, s.Task, s.ExpectedResult, s.Status == "done", s.DoneAt,
                own.Select(ToPeriod).ToList(), own.Count > 0 && own.All(p => p.IsDefault), ResponsibleOf(s.Id, null), stageActivities);
        }).ToList();
        return new RoadMapPlan(map.Id, map.Title, new RoadMapSpan(map.Year, Math.Max(map.Year, map.LastYear)), map.AcademicYear, planStages)
        {
            Marks = await RoadmapMarks.LoadAsync(connection, transaction, organisationId, cancellationToken),
        };
    }

    /// <summary>
    /// Marks the item done (<paramref name="done"/>) or open again, recording who and when in
    /// <c>road_map_changes</c> (action <c>done</c> / <c>reopened</c>, old and new status). False when the
    /// item is not in the organisation's plan or already has that status (nothing changes, nothing recorded).
    /// </summary>
    public static async Task<bool> SetDoneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organisationId, PlanItemKind kind, long id,
        bool done, long participantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string stageSql = """
            UPDATE road_map_stages s SET status = @status, done_at = @doneAt, done_by = @doneBy
              FROM road_maps m
             WHERE s.id = @id AND m.id = s.road_map_id AND m.organisation_id = @organisationId AND s.status <> @status
            """;
        const string activitySql = """
            UPDATE road_map_activities a SET status = @status, done_at = @doneAt, done_by = @doneBy
              FROM road_map_stages s JOIN road_maps m ON m.id = s.road_map_id
             WHERE a.id = @id AND s.id = a.stage_id AND m.organisation_id = @organisationId AND a.status <> @status
            """;
        var status = done ? "done" : "open";
        var changed = await connection.ExecuteAsync(new CommandDefinition(kind == PlanItemKind.Stage ? stageSql : activitySql, new
        {
            id,
            organisationId,
            status,
            doneAt = done ? now.UtcDateTime : (DateTime?)null,
            doneBy = done ? participantId : (long?)null,
        }, transaction, cancellationToken: cancellationToken));
        if (changed == 0) return false;
        await RecordChangeAsync(connection, transaction, kind, id, done ? "done" : "reopened", done ? "open" : "done", status, participantId, now, cancellationToken);
        return true;
    }

    /// <summary>
    /// Replaces the item's periods with <paramref name="periods"/> (no longer the default schedule) and
    /// records the change (action <c>period_changed</c>, old and new period texts joined by «; »). False
    /// when the item is not in the organisation's plan. A stage's periods are replaced as a whole (the
    /// imported union of its activities' periods included); changing an activity's periods leaves its stage's as they are.
    /// </summary>
    public static async Task<bool> ReplacePeriodsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organisationId, PlanItemKind kind, long id,
        IReadOnlyList<Period> periods, long participantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string ownedStage = """
            SELECT count(*) FROM road_map_stages s JOIN road_maps m ON m.id = s.road_map_id
             WHERE s.id = @id AND m.organisation_id = @organisationId
            """;
        const string ownedActivity = """
            SELECT count(*) FROM road_map_activities a JOIN road_map_stages s ON s.id = a.stage_id JOIN road_maps m ON m.id = s.road_map_id
             WHERE a.id = @id AND m.organisation_id = @organisationId
            """;
        var owned = await connection.ExecuteScalarAsync<long>(new CommandDefinition(kind == PlanItemKind.Stage ? ownedStage : ownedActivity,
            new { id, organisationId }, transaction, cancellationToken: cancellationToken));
        if (owned == 0) return false;

        var stageId = kind == PlanItemKind.Stage ? id : (long?)null;
        var activityId = kind == PlanItemKind.Activity ? id : (long?)null;
        const string deleteSql = """
            DELETE FROM road_map_periods
             WHERE stage_id IS NOT DISTINCT FROM @stageId AND activity_id IS NOT DISTINCT FROM @activityId
            RETURNING position, text
            """;
        var old = (await connection.QueryAsync<(int Position, string Text)>(new CommandDefinition(deleteSql, new { stageId, activityId }, transaction, cancellationToken: cancellationToken)))
            .OrderBy(p => p.Position).Select(p => p.Text).ToList();

        const string insertSql = """
            INSERT INTO road_map_periods (stage_id, activity_id, position, text, starts_on, ends_on, recurrence, weekday, is_default)
            VALUES (@stageId, @activityId, @position, @text, @startsOn, @endsOn, @recurrence, @weekday, false)
            """;
        var rows = periods.Select((p, k) => new
        {
            stageId,
            activityId,
            position = k + 1,
            text = p.Text,
            startsOn = p.Start,
            endsOn = p.End,
            recurrence = RoadMapImport.RecurrenceName(p.Recurrence),
            weekday = p.Weekday?.ToString().ToLowerInvariant(),
        }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(insertSql, rows, transaction, cancellationToken: cancellationToken));
        await RecordChangeAsync(connection, transaction, kind, id, "period_changed",
            old.Count == 0 ? null : string.Join("; ", old), string.Join("; ", periods.Select(p => p.Text)), participantId, now, cancellationToken);
        return true;
    }

    /// <summary>An active member a position can be linked to.</summary>
    public sealed class MemberRow
    {
        /// <summary><c>memberships.id</c>.</summary>
        public long MembershipId { get; init; }

        /// <summary>The full name, or null before the questionnaire.</summary>
        public string? FullName { get; init; }

        /// <summary>The position, or null.</summary>
        public string? Position { get; init; }
    }

    /// <summary>The organisation's active members, by name.</summary>
    public static async Task<IReadOnlyList<MemberRow>> MembersAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS membership_id, full_name, position FROM memberships
             WHERE organisation_id = @organisationId AND status = 'active'
             ORDER BY full_name NULLS LAST, id
            """;
        return (await connection.QueryAsync<MemberRow>(new CommandDefinition(sql, new { organisationId }, transaction, cancellationToken: cancellationToken))).ToList();
    }

    private static Task RecordChangeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PlanItemKind kind, long id, string action,
        string? oldValue, string? newValue, long participantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO road_map_changes (stage_id, activity_id, action, old_value, new_value, changed_by, changed_at)
            VALUES (@stageId, @activityId, @action, @oldValue, @newValue, @participantId, @now)
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            stageId = kind == PlanItemKind.Stage ? id : (long?)null,
            activityId = kind == PlanItemKind.Activity ? id : (long?)null,
            action,
            oldValue,
            newValue,
            participantId,
            now = now.UtcDateTime,
        }, transaction, cancellationToken: cancellationToken));
    }

    private static async Task<List<T>> Query<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object args, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<T>(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken))).ToList();

    private static Period ToPeriod(PeriodRow row) => new(
        row.Text,
        row.StartsOn is { } start ? DateOnly.FromDateTime(start) : null,
        row.EndsOn is { } end ? DateOnly.FromDateTime(end) : null,
        row.Recurrence switch
        {
            "yearly" => Recurrence.Yearly,
            "weekly" => Recurrence.Weekly,
            "on_demand" => Recurrence.OnDemand,
            _ => Recurrence.None,
        },
        row.Weekday is { } day ? Enum.Parse<DayOfWeek>(day, ignoreCase: true) : null);

    // Settable classes: Dapper maps snake_case columns to them reliably (MatchNamesWithUnderscores).
    private sealed class RoadMapRow
    {
        public long Id { get; init; }
        public string? Title { get; init; }
        public int Year { get; init; }
        public int LastYear { get; init; }
        public bool AcademicYear { get; init; }
    }

    private sealed class StageRow
    {
        public long Id { get; init; }
        public string Number { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Task { get; init; }
        public string? ExpectedResult { get; init; }
        public string Status { get; init; } = "";
        public DateTime? DoneAt { get; init; }
    }

    private sealed class ActivityRow
    {
        public long Id { get; init; }
        public long StageId { get; init; }
        public string? Number { get; init; }
        public string Text { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTime? DoneAt { get; init; }
    }

    private sealed class PeriodRow
    {
        public long? StageId { get; init; }
        public long? ActivityId { get; init; }
        public string Text { get; init; } = "";
        public DateTime? StartsOn { get; init; }
        public DateTime? EndsOn { get; init; }
        public string Recurrence { get; init; } = "";
        public string? Weekday { get; init; }
        public bool IsDefault { get; init; }
    }

    private sealed class ResponsibleRow
    {
        public long Id { get; init; }
        public long? StageId { get; init; }
        public long? ActivityId { get; init; }
        public string Name { get; init; } = "";
        public long? MembershipId { get; init; }
        public string? MemberName { get; init; }
    }
}
