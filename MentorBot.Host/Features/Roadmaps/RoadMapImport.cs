using Dapper;
using MentorBot.Domain.Roadmaps;
using Npgsql;
using MentorBot.Domain.Scheduling;

namespace MentorBot.Host.Features.Roadmaps;

/// <summary>How an import ended.</summary>
public enum RoadMapImportOutcome
{
    /// <summary>The road map is stored as the organisation's programme.</summary>
    Imported,

    /// <summary>No organisation has that id; nothing was stored.</summary>
    UnknownOrganisation,

    /// <summary>The organisation already has a plan and replacing it was not confirmed; nothing was changed.</summary>
    PlanExists,
}

/// <summary>What an import stored (counts of rows written).</summary>
/// <param name="RoadMapId">The new <c>road_maps</c> row.</param>
/// <param name="OrganisationName">The organisation's stored name.</param>
/// <param name="Stages">Stages stored.</param>
/// <param name="Activities">Activities stored.</param>
/// <param name="Periods">Periods stored on stages and activities, defaults included.</param>
/// <param name="DefaultPeriods">Of those, stage periods taken from <see cref="DefaultSchedule"/> because the document gave none.</param>
/// <param name="ResponsiblePersons">Responsible-person entries stored on stages and activities.</param>
/// <param name="Replaced">True when a previous plan was replaced.</param>
/// <param name="DoneMarksKept">Done marks of stages and activities carried over from the previous plan.</param>
/// <param name="PeriodEditsKept">Stages and activities whose periods the curator had changed in chat and that keep them (issue 17 item 2).</param>
public sealed record RoadMapImportSummary(
    long RoadMapId, string OrganisationName, int Stages, int Activities, int Periods, int DefaultPeriods, int ResponsiblePersons, bool Replaced, int DoneMarksKept,
    int PeriodEditsKept);

/// <summary>The result of <see cref="RoadMapImport.ImportAsync(Guid, RoadMap, RoadMapSource, bool, CancellationToken)"/>: the outcome, and the summary when imported.</summary>
/// <param name="Outcome">How the import ended.</param>
/// <param name="Summary">What was stored; null unless <see cref="RoadMapImportOutcome.Imported"/>.</param>
public sealed record RoadMapImportResult(RoadMapImportOutcome Outcome, RoadMapImportSummary? Summary);

/// <summary>The road-map document an import came from: its file name and its decoded text (kept verbatim).</summary>
/// <param name="Name">The file name («school-75-42.txt»).</param>
/// <param name="Text">The document text as parsed.</param>
public sealed record RoadMapSource(string Name, string Text);

/// <summary>
/// Stores a parsed road map as an organisation's programme (issue 3), in one transaction: the
/// road map, its stages (with their <see cref="StageKind"/>), activities, periods and responsible
/// persons. A stage the document gives no period gets <see cref="DefaultSchedule"/>'s period for its
/// kind, marked <c>is_default</c>. An organisation has one plan: replacing it must be asked for, and
/// then keeps what was marked done on a stage whose number and title match (and on its activities
/// whose number and text match), and the periods the curator changed in chat on such an item (the
/// document's periods would silently undo the edit: issue 17 item 2).
/// </summary>
/// <param name="dataSource">The process's data source.</param>
/// <param name="time">The clock for <c>imported_at</c>.</param>
public sealed class RoadMapImport(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>
    /// Imports <paramref name="roadMap"/> for <paramref name="organisationId"/>. Without
    /// <paramref name="replace"/>, an organisation that already has a plan gets
    /// <see cref="RoadMapImportOutcome.PlanExists"/> and nothing changes. Concurrent imports for one
    /// organisation run one after the other (the organisation row is locked).
    /// </summary>
    public async Task<RoadMapImportResult> ImportAsync(Guid organisationId, RoadMap roadMap, RoadMapSource source, bool replace, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await ImportAsync(connection, transaction, organisationId, roadMap, source, replace, time.GetUtcNow(), cancellationToken);
        if (result.Outcome == RoadMapImportOutcome.Imported)
            await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// The import inside the caller's transaction (a chat update's, so the import commits with it):
    /// as <see cref="ImportAsync(Guid, RoadMap, RoadMapSource, bool, CancellationToken)"/>, then links the
    /// responsible persons (<see cref="ResponsibleLinks.RelinkAsync"/>). The caller commits; on
    /// <see cref="RoadMapImportOutcome.PlanExists"/> or <see cref="RoadMapImportOutcome.UnknownOrganisation"/> nothing was written.
    /// A value the schema refuses throws <see cref="PostgresException"/> (check violation) and leaves the transaction aborted.
    /// </summary>
    public static async Task<RoadMapImportResult> ImportAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organisationId, RoadMap roadMap,
        RoadMapSource source, bool replace, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string lockOrganisation = """
            SELECT name, time_zone FROM organisations WHERE id = @organisationId FOR UPDATE
            """;
        var organisation = await connection.QuerySingleOrDefaultAsync<(string Name, string TimeZone)?>(new CommandDefinition(lockOrganisation, new { organisationId }, transaction, cancellationToken: cancellationToken));
        if (organisation is not var (organisationName, timeZone))
            return new RoadMapImportResult(RoadMapImportOutcome.UnknownOrganisation, null);

        const string findPlan = """
            SELECT id, starts_on::timestamp FROM road_maps WHERE organisation_id = @organisationId
            """;
        var previous = await connection.QuerySingleOrDefaultAsync<(long Id, DateTime? StartsOn)?>(new CommandDefinition(findPlan, new { organisationId }, transaction, cancellationToken: cancellationToken));
        var previousId = previous?.Id;
        if (previousId is not null && !replace)
            return new RoadMapImportResult(RoadMapImportOutcome.PlanExists, null);

        // The programme's start (issue 17 item 1): a re-import keeps the earlier one, so what was late stays late.
        var importedOn = LocalDates.Of(now, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        var startsOn = StageStatusRules.ProgrammeStart(importedOn, roadMap.Year, roadMap.AcademicYear);
        if (previous?.StartsOn is { } earlier && DateOnly.FromDateTime(earlier) < startsOn) startsOn = DateOnly.FromDateTime(earlier);

        var doneMarks = previousId is { } id ? await LoadDoneMarksAsync(connection, transaction, id, cancellationToken) : DoneMarks.None;
        if (previousId is not null)
        {
            const string deletePlan = """
                DELETE FROM road_maps WHERE id = @previousId
                """;
            await connection.ExecuteAsync(new CommandDefinition(deletePlan, new { previousId }, transaction, cancellationToken: cancellationToken));
        }

        const string insertRoadMap = """
            INSERT INTO road_maps (organisation_id, title, organisation_name, approved_on, year, last_year, academic_year, source_name, source_text, imported_at, starts_on)
            VALUES (@organisationId, @Title, @Organization, @approvedOn, @Year, @LastYear, @AcademicYear, @sourceName, @sourceText, @now, @startsOn)
            RETURNING id
            """;
        var roadMapId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(insertRoadMap, new
        {
            organisationId,
            roadMap.Title,
            roadMap.Organization,
            approvedOn = roadMap.ApprovedOn,
            roadMap.Year,
            LastYear = Math.Max(roadMap.LastYear, roadMap.Year),
            roadMap.AcademicYear,
            sourceName = source.Name,
            sourceText = source.Text,
            now = now.UtcDateTime,
            startsOn,
        }, transaction, cancellationToken: cancellationToken));

        var counts = new Counts();
        var stageOccurrences = new Dictionary<string, int>();
        for (var s = 0; s < roadMap.Stages.Count; s++)
        {
            var stage = roadMap.Stages[s];
            var stageKey = Key(stage.Number, stage.Title);
            var stageOccurrence = stageOccurrences[stageKey] = stageOccurrences.GetValueOrDefault(stageKey) + 1;
            doneMarks.Stages.TryGetValue((stageKey, stageOccurrence), out var stageMark);
            var stageId = await InsertStageAsync(connection, transaction, roadMapId, s + 1, stage, stageMark, cancellationToken);
            counts.Stages++;
            if (stageMark is not null) counts.DoneMarksKept++;

            if (doneMarks.StageEdits.TryGetValue((stageKey, stageOccurrence), out var stageEdit))
            {
                await KeepEditAsync(connection, transaction, stageId, null, stageEdit, counts, cancellationToken);
            }
            else
            {
                var periods = stage.Periods.Count > 0 ? stage.Periods : [DefaultSchedule.For(stage, roadMap.Year)];
                var isDefault = stage.Periods.Count == 0;
                await InsertPeriodsAsync(connection, transaction, stageId, null, periods, isDefault, counts, cancellationToken);
            }

            await InsertResponsibleAsync(connection, transaction, stageId, null, stage.Responsible, counts, cancellationToken);

            var activityOccurrences = new Dictionary<string, int>();
            for (var a = 0; a < stage.Activities.Count; a++)
            {
                var activity = stage.Activities[a];
                var activityKey = Key(activity.Number ?? "", activity.Text);
                var activityOccurrence = activityOccurrences[activityKey] = activityOccurrences.GetValueOrDefault(activityKey) + 1;
                doneMarks.Activities.TryGetValue((stageKey, stageOccurrence, activityKey, activityOccurrence), out var activityMark);
                var activityId = await InsertActivityAsync(connection, transaction, stageId, a + 1, activity, activityMark, cancellationToken);
                counts.Activities++;
                if (activityMark is not null) counts.DoneMarksKept++;
                if (doneMarks.ActivityEdits.TryGetValue((stageKey, stageOccurrence, activityKey, activityOccurrence), out var activityEdit))
                    await KeepEditAsync(connection, transaction, null, activityId, activityEdit, counts, cancellationToken);
                else
                    await InsertPeriodsAsync(connection, transaction, null, activityId, activity.Periods, false, counts, cancellationToken);
                await InsertResponsibleAsync(connection, transaction, null, activityId, activity.Responsible, counts, cancellationToken);
            }
        }

        await ResponsibleLinks.RelinkAsync(connection, transaction, organisationId, cancellationToken);
        return new RoadMapImportResult(RoadMapImportOutcome.Imported, new RoadMapImportSummary(
            roadMapId, organisationName, counts.Stages, counts.Activities, counts.Periods, counts.DefaultPeriods, counts.ResponsiblePersons, previousId is not null, counts.DoneMarksKept, counts.PeriodEditsKept));
    }

    /// <summary>The <c>road_map_stages.kind</c> value of a <see cref="StageKind"/>.</summary>
    public static string KindName(StageKind kind) => kind switch
    {
        StageKind.Preparation => "preparation",
        StageKind.MenteeBank => "mentee_bank",
        StageKind.MentorBank => "mentor_bank",
        StageKind.SelectionAndTraining => "selection_and_training",
        StageKind.Pairs => "pairs",
        StageKind.PairWork => "pair_work",
        StageKind.Completion => "completion",
        StageKind.InformationSupport => "information_support",
        StageKind.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown stage kind"),
    };

    /// <summary>The <c>road_map_periods.recurrence</c> value of a <see cref="Recurrence"/> (the names <c>roadmap parse</c> prints).</summary>
    public static string RecurrenceName(Recurrence recurrence) => recurrence switch
    {
        Recurrence.None => "none",
        Recurrence.Yearly => "yearly",
        Recurrence.Weekly => "weekly",
        Recurrence.OnDemand => "on_demand",
        _ => throw new ArgumentOutOfRangeException(nameof(recurrence), recurrence, "unknown recurrence"),
    };

    private static string Key(string number, string text) =>
        number.Trim() + "\u0001" + string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static async Task<DoneMarks> LoadDoneMarksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long roadMapId, CancellationToken cancellationToken)
    {
        const string stagesSql = """
            SELECT id, number, title, status, done_at, done_by
              FROM road_map_stages WHERE road_map_id = @roadMapId ORDER BY position
            """;
        const string activitiesSql = """
            SELECT a.id, a.stage_id, a.number, a.text, a.status, a.done_at, a.done_by
              FROM road_map_activities a JOIN road_map_stages s ON s.id = a.stage_id
             WHERE s.road_map_id = @roadMapId ORDER BY s.position, a.position
            """;
        var stages = (await connection.QueryAsync<StoredStage>(new CommandDefinition(stagesSql, new { roadMapId }, transaction, cancellationToken: cancellationToken))).ToList();
        var activities = (await connection.QueryAsync<StoredActivity>(new CommandDefinition(activitiesSql, new { roadMapId }, transaction, cancellationToken: cancellationToken))).ToList();

        var marks = new DoneMarks();
        var stageKeys = new Dictionary<long, (string Key, int Occurrence)>();
        var stageOccurrences = new Dictionary<string, int>();
        foreach (var stage in stages)
        {
            var key = Key(stage.Number, stage.Title);
            var occurrence = stageOccurrences[key] = stageOccurrences.GetValueOrDefault(key) + 1;
            stageKeys[stage.Id] = (key, occurrence);
            if (stage is { Status: "done", DoneAt: { } doneAt })
                marks.Stages[(key, occurrence)] = new DoneMark(doneAt, stage.DoneBy);
        }

        var activityOccurrences = new Dictionary<(long, string), int>();
        var activityKeys = new Dictionary<long, (string StageKey, int StageOccurrence, string Key, int Occurrence)>();
        foreach (var activity in activities)
        {
            var key = Key(activity.Number ?? "", activity.Text);
            var occurrence = activityOccurrences[(activity.StageId, key)] = activityOccurrences.GetValueOrDefault((activity.StageId, key)) + 1;
            var (stageKey, stageOccurrence) = stageKeys[activity.StageId];
            activityKeys[activity.Id] = (stageKey, stageOccurrence, key, occurrence);
            if (activity is { Status: "done", DoneAt: { } doneAt })
                marks.Activities[(stageKey, stageOccurrence, key, occurrence)] = new DoneMark(doneAt, activity.DoneBy);
        }

        // The curator's period edits: the last change of each item, with the periods it left.
        const string editsSql = """
            SELECT DISTINCT ON (c.stage_id, c.activity_id) c.stage_id, c.activity_id, c.old_value, c.new_value, c.changed_by, c.changed_at
              FROM road_map_changes c
              LEFT JOIN road_map_activities a ON a.id = c.activity_id
              JOIN road_map_stages s ON s.id = coalesce(c.stage_id, a.stage_id)
             WHERE s.road_map_id = @roadMapId AND c.action = 'period_changed'
             ORDER BY c.stage_id, c.activity_id, c.changed_at DESC, c.id DESC
            """;
        const string periodsSql = """
            SELECT p.stage_id, p.activity_id, p.text, p.starts_on::text AS starts_on, p.ends_on::text AS ends_on, p.recurrence, p.weekday
              FROM road_map_periods p
              LEFT JOIN road_map_activities a ON a.id = p.activity_id
              JOIN road_map_stages s ON s.id = coalesce(p.stage_id, a.stage_id)
             WHERE s.road_map_id = @roadMapId
             ORDER BY p.position
            """;
        var edits = (await connection.QueryAsync<StoredChange>(new CommandDefinition(editsSql, new { roadMapId }, transaction, cancellationToken: cancellationToken))).ToList();
        if (edits.Count == 0) return marks;
        var periods = (await connection.QueryAsync<StoredPeriod>(new CommandDefinition(periodsSql, new { roadMapId }, transaction, cancellationToken: cancellationToken))).ToList();
        foreach (var edit in edits)
        {
            var kept = new PeriodEdit(periods.Where(p => p.StageId == edit.StageId && p.ActivityId == edit.ActivityId).ToList(), edit);
            if (edit.StageId is { } stageId) marks.StageEdits[stageKeys[stageId]] = kept;
            else if (edit.ActivityId is { } activityId) marks.ActivityEdits[activityKeys[activityId]] = kept;
        }

        return marks;
    }

    /// <summary>Stores the periods the curator had set, with the change that set them (so the next re-import keeps them too).</summary>
    private static async Task KeepEditAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long? stageId, long? activityId, PeriodEdit edit, Counts counts, CancellationToken cancellationToken)
    {
        const string periodSql = """
            INSERT INTO road_map_periods (stage_id, activity_id, position, text, starts_on, ends_on, recurrence, weekday, is_default)
            VALUES (@stageId, @activityId, @position, @Text, @StartsOn::date, @EndsOn::date, @Recurrence, @Weekday, false)
            """;
        var rows = edit.Periods.Select((p, k) => new { stageId, activityId, position = k + 1, p.Text, p.StartsOn, p.EndsOn, p.Recurrence, p.Weekday }).ToList();
        if (rows.Count > 0)
            await connection.ExecuteAsync(new CommandDefinition(periodSql, rows, transaction, cancellationToken: cancellationToken));
        const string changeSql = """
            INSERT INTO road_map_changes (stage_id, activity_id, action, old_value, new_value, changed_by, changed_at)
            VALUES (@stageId, @activityId, 'period_changed', @OldValue, @NewValue, @ChangedBy, @ChangedAt)
            """;
        await connection.ExecuteAsync(new CommandDefinition(changeSql,
            new { stageId, activityId, edit.Change.OldValue, edit.Change.NewValue, edit.Change.ChangedBy, edit.Change.ChangedAt }, transaction, cancellationToken: cancellationToken));
        counts.Periods += rows.Count;
        counts.PeriodEditsKept++;
    }

    private static Task<long> InsertStageAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long roadMapId, int position, Stage stage, DoneMark? mark, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO road_map_stages (road_map_id, position, number, title, task, expected_result, kind, status, done_at, done_by)
            VALUES (@roadMapId, @position, @Number, @Title, @Task, @ExpectedResult, @kind, @status, @doneAt, @doneBy)
            RETURNING id
            """;
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new
        {
            roadMapId,
            position,
            stage.Number,
            stage.Title,
            stage.Task,
            stage.ExpectedResult,
            kind = KindName(DefaultSchedule.Classify(stage.Title)),
            status = mark is null ? "open" : "done",
            doneAt = mark?.DoneAt,
            doneBy = mark?.DoneBy,
        }, transaction, cancellationToken: cancellationToken));
    }

    private static Task<long> InsertActivityAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long stageId, int position, Activity activity, DoneMark? mark, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO road_map_activities (stage_id, position, number, text, status, done_at, done_by)
            VALUES (@stageId, @position, @Number, @Text, @status, @doneAt, @doneBy)
            RETURNING id
            """;
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new
        {
            stageId,
            position,
            activity.Number,
            activity.Text,
            status = mark is null ? "open" : "done",
            doneAt = mark?.DoneAt,
            doneBy = mark?.DoneBy,
        }, transaction, cancellationToken: cancellationToken));
    }

    private static async Task InsertPeriodsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long? stageId, long? activityId, IReadOnlyList<Period> periods, bool isDefault, Counts counts, CancellationToken cancellationToken)
    {
        if (periods.Count == 0) return;
        const string sql = """
            INSERT INTO road_map_periods (stage_id, activity_id, position, text, starts_on, ends_on, recurrence, weekday, is_default)
            VALUES (@stageId, @activityId, @position, @text, @startsOn, @endsOn, @recurrence, @weekday, @isDefault)
            """;
        var rows = periods.Select((p, k) => new
        {
            stageId,
            activityId,
            position = k + 1,
            text = p.Text,
            startsOn = p.Start,
            endsOn = p.End,
            recurrence = RecurrenceName(p.Recurrence),
            weekday = p.Weekday?.ToString().ToLowerInvariant(),
            isDefault,
        }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));
        counts.Periods += rows.Count;
        if (isDefault) counts.DefaultPeriods += rows.Count;
    }

    private static async Task InsertResponsibleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long? stageId, long? activityId, IReadOnlyList<string> names, Counts counts, CancellationToken cancellationToken)
    {
        if (names.Count == 0) return;
        const string sql = """
            INSERT INTO road_map_responsible_persons (stage_id, activity_id, position, name)
            VALUES (@stageId, @activityId, @position, @name)
            """;
        var rows = names.Select((name, k) => new { stageId, activityId, position = k + 1, name }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));
        counts.ResponsiblePersons += rows.Count;
    }

    private sealed record DoneMark(DateTime DoneAt, long? DoneBy);

    private sealed class DoneMarks
    {
        public static readonly DoneMarks None = new();

        public Dictionary<(string Key, int Occurrence), DoneMark> Stages { get; } = [];

        public Dictionary<(string StageKey, int StageOccurrence, string Key, int Occurrence), DoneMark> Activities { get; } = [];

        public Dictionary<(string Key, int Occurrence), PeriodEdit> StageEdits { get; } = [];

        public Dictionary<(string StageKey, int StageOccurrence, string Key, int Occurrence), PeriodEdit> ActivityEdits { get; } = [];
    }

    private sealed class Counts
    {
        public int Stages { get; set; }

        public int Activities { get; set; }

        public int Periods { get; set; }

        public int DefaultPeriods { get; set; }

        public int ResponsiblePersons { get; set; }

        public int DoneMarksKept { get; set; }

        public int PeriodEditsKept { get; set; }
    }

    private sealed record StoredStage(long Id, string Number, string Title, string Status, DateTime? DoneAt, long? DoneBy);

    private sealed record StoredActivity(long Id, long StageId, string? Number, string Text, string Status, DateTime? DoneAt, long? DoneBy);

    private sealed record StoredChange(long? StageId, long? ActivityId, string? OldValue, string? NewValue, long? ChangedBy, DateTime ChangedAt);

    private sealed record StoredPeriod(long? StageId, long? ActivityId, string Text, string? StartsOn, string? EndsOn, string Recurrence, string? Weekday);

    private sealed record PeriodEdit(IReadOnlyList<StoredPeriod> Periods, StoredChange Change);
}
