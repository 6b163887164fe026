using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Domain.Roadmaps;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Roadmaps;
using MentorBot.Tests.Integration;
using MentorBot.Tests.Roadmaps;

namespace MentorBot.Tests.Features.Roadmaps;

/// <summary><see cref="RoadMapImport"/> against the real PostgreSQL: the three shared road maps, defaults, re-import.</summary>
public sealed class RoadMapImportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase db = new();

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    private RoadMapImport Import => new(db.DataSource, new ManualTimeProvider(Now));

    private async Task<Guid> CreateOrganisationAsync() =>
        (await OrganisationStore.CreateAsync(db.DataSource, "Детский сад № 333", "Europe/Volgograd", Now, CancellationToken.None)).Id;

    private static RoadMap ParseShared(string name, int? year) =>
        RoadMapParser.Parse(File.ReadAllText(RepositoryPaths.SharedRoadmap(name)), new RoadMapParseOptions(DateOnly.FromDateTime(Now.UtcDateTime), year));

    private static RoadMap ParseTable(string table) =>
        RoadMapParser.Parse(table.Replace(" | ", "\t"), new RoadMapParseOptions(DateOnly.FromDateTime(Now.UtcDateTime), 2024));

    private sealed record StageRow(long Id, int Position, string Number, string Title, string Kind, string Status, DateTime? DoneAt, long? DoneBy);

    private sealed record PeriodRow(string Text, DateTime? StartsOn, DateTime? EndsOn, string Recurrence, string? Weekday, bool IsDefault);

    private async Task<List<StageRow>> StagesAsync()
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<StageRow>(
            "SELECT id, position, number, title, kind, status, done_at AS DoneAt, done_by AS DoneBy FROM road_map_stages ORDER BY position")).ToList();
    }

    private async Task<List<PeriodRow>> StagePeriodsAsync(long stageId)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<PeriodRow>(
            """
            SELECT text, starts_on::timestamp AS StartsOn, ends_on::timestamp AS EndsOn, recurrence, weekday, is_default AS IsDefault
              FROM road_map_periods WHERE stage_id = @stageId ORDER BY position
            """, new { stageId })).ToList();
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }

    [Theory]
    [InlineData("kindergarten-333-volgograd", null, 7, 17, 0)]
    [InlineData("kineshma-polytechnic-college", 2024, 7, 17, 0)]
    [InlineData("school-75-42", null, 6, 16, 15)]
    public async Task Each_shared_road_map_is_stored_as_its_golden_stages_periods_and_activities(string name, int? year, int stages, int activities, int responsible)
    {
        var organisationId = await CreateOrganisationAsync();
        var roadMap = ParseShared(name, year);

        var result = await Import.ImportAsync(organisationId, roadMap, new RoadMapSource(name + ".txt", "text"), replace: false, CancellationToken.None);

        result.Outcome.Should().Be(RoadMapImportOutcome.Imported);
        result.Summary!.Stages.Should().Be(stages);
        result.Summary.Activities.Should().Be(activities);
        result.Summary.Replaced.Should().BeFalse();
        (await CountAsync("road_map_activities")).Should().Be(activities);

        var golden = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "MentorBot.Tests", "Roadmaps", "Golden", name + ".json")))!;
        var goldenStages = golden["stages"]!.AsArray();
        var stored = await StagesAsync();
        stored.Select(s => (s.Number, s.Title)).Should().Equal(goldenStages.Select(g => ((string)g!["number"]!, (string)g["title"]!)));
        stored.Should().OnlyContain(s => s.Status == "open" && s.DoneAt == null);

        var stagePeriods = 0;
        for (var k = 0; k < stored.Count; k++)
        {
            var periods = await StagePeriodsAsync(stored[k].Id);
            var expected = goldenStages[k]!["periods"]!.AsArray();
            if (expected.Count == 0)
            {
                var fallback = DefaultSchedule.For(roadMap.Stages[k], roadMap.Year);
                periods.Should().Equal(new PeriodRow(fallback.Text, Day(fallback.Start), Day(fallback.End), "none", null, true));
            }
            else
            {
                periods.Should().Equal(expected.Select(p => new PeriodRow(
                    (string)p!["text"]!, Day((string?)p["start"]), Day((string?)p["end"]), (string)p["recurrence"]!, (string?)p["weekday"], false)));
            }

            stagePeriods += periods.Count;
        }

        var defaults = goldenStages.Count(g => g!["periods"]!.AsArray().Count == 0);
        result.Summary.DefaultPeriods.Should().Be(defaults);
        var activityPeriods = goldenStages.Sum(g => g!["activities"]!.AsArray().Sum(a => a!["periods"]!.AsArray().Count));
        result.Summary.Periods.Should().Be(stagePeriods + activityPeriods);
        (await CountAsync("road_map_periods")).Should().Be(stagePeriods + activityPeriods);
        var responsibleRows = goldenStages.Sum(g => g!["responsible"]!.AsArray().Count + g["activities"]!.AsArray().Sum(a => a!["responsible"]!.AsArray().Count));
        result.Summary.ResponsiblePersons.Should().Be(responsibleRows);
        (await CountAsync("road_map_responsible_persons")).Should().Be(responsibleRows);
        goldenStages.Sum(g => g!["responsible"]!.AsArray().Count).Should().Be(responsible);
    }

    [Fact]
    public async Task A_document_without_periods_gets_the_default_academic_year_schedule_by_stage_kind()
    {
        var organisationId = await CreateOrganisationAsync();

        await Import.ImportAsync(organisationId, ParseShared("kindergarten-333-volgograd", null), new RoadMapSource("k.txt", "text"), false, CancellationToken.None);

        var stages = await StagesAsync();
        stages.Select(s => s.Kind).Should().Equal("preparation", "mentee_bank", "mentor_bank", "selection_and_training", "pair_work", "completion", "information_support");
        var periods = new List<(DateTime?, DateTime?, bool)>();
        foreach (var stage in stages)
            periods.Add((await StagePeriodsAsync(stage.Id)).Select(p => (p.StartsOn, p.EndsOn, p.IsDefault)).Single());
        periods.Should().Equal(
            (new DateTime(2022, 6, 1), new DateTime(2022, 8, 31), true),
            (new DateTime(2022, 9, 1), new DateTime(2022, 9, 30), true),
            (new DateTime(2022, 9, 1), new DateTime(2022, 9, 30), true),
            (new DateTime(2022, 10, 1), new DateTime(2022, 10, 31), true),
            (new DateTime(2022, 11, 1), new DateTime(2023, 4, 30), true),
            (new DateTime(2023, 5, 1), new DateTime(2023, 5, 31), true),
            (new DateTime(2022, 9, 1), new DateTime(2023, 5, 31), true));
    }

    [Fact]
    public async Task The_road_map_row_keeps_the_title_block_and_the_source()
    {
        var organisationId = await CreateOrganisationAsync();

        await Import.ImportAsync(organisationId, ParseShared("school-75-42", null), new RoadMapSource("school-75-42.txt", "the text"), false, CancellationToken.None);

        await using var connection = await db.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(string OrganisationName, DateTime ApprovedOn, int Year, string SourceName, string SourceText, DateTime ImportedAt)>(
            "SELECT organisation_name, approved_on::timestamp, year, source_name, source_text, imported_at FROM road_maps WHERE organisation_id = @organisationId", new { organisationId });
        row.Should().Be(("МБОУ СОШ №75/42", new DateTime(2020, 8, 31), 2020, "school-75-42.txt", "the text", Now.UtcDateTime));
    }

    private const string Header = "№ | Этап | Содержание | Сроки\n";

    [Fact]
    public async Task Re_importing_with_replace_keeps_done_marks_where_number_and_title_match()
    {
        var organisationId = await CreateOrganisationAsync();
        var first = ParseTable(Header
            + "1 | Подготовка условий | 1) Приказ 2) Положение | май\n"
            + "2 | Формирование банка наставляемых | Анкетирование | сентябрь\n"
            + "3 | Отбор и обучение | Обучение наставников | октябрь\n");
        await Import.ImportAsync(organisationId, first, new RoadMapSource("a.txt", "a"), false, CancellationToken.None);
        var doneAt = new DateTime(2025, 2, 1, 10, 0, 0, DateTimeKind.Utc);
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        {
            var curator = await connection.ExecuteScalarAsync<long>("INSERT INTO participants DEFAULT VALUES RETURNING id");
            await connection.ExecuteAsync("UPDATE road_map_stages SET status = 'done', done_at = @doneAt, done_by = @curator WHERE number IN ('1', '2')", new { doneAt, curator });
            await connection.ExecuteAsync("UPDATE road_map_activities SET status = 'done', done_at = @doneAt, done_by = @curator", new { doneAt, curator });
        }

        var second = ParseTable(Header
            + "1 | Подготовка  условий | 1) Приказ 2) Положение о наставничестве | май\n"
            + "2 | Формирование банка наставников | Анкетирование | сентябрь\n"
            + "3 | Отбор и обучение | Обучение наставников | октябрь\n"
            + "4 | Завершение | Круглый стол | май\n");
        var result = await Import.ImportAsync(organisationId, second, new RoadMapSource("b.txt", "b"), replace: true, CancellationToken.None);

        result.Outcome.Should().Be(RoadMapImportOutcome.Imported);
        result.Summary!.Replaced.Should().BeTrue();
        // stage 1, its unchanged activity «Приказ», and stage 3's activity (stage 3 matches; it was not done itself)
        result.Summary.DoneMarksKept.Should().Be(3);
        var stages = await StagesAsync();
        stages.Select(s => (s.Number, s.Status, s.DoneAt)).Should().Equal(("1", "done", doneAt), ("2", "open", null), ("3", "open", null), ("4", "open", null));
        stages[0].DoneBy.Should().NotBeNull();
        await using var check = await db.DataSource.OpenConnectionAsync();
        (await check.QueryAsync<(string Text, string Status)>(
                "SELECT a.text, a.status FROM road_map_activities a JOIN road_map_stages s ON s.id = a.stage_id ORDER BY s.position, a.position"))
            .Should().Equal(("Приказ", "done"), ("Положение о наставничестве", "open"), ("Анкетирование", "open"), ("Обучение наставников", "done"), ("Круглый стол", "open"));
        (await check.ExecuteScalarAsync<long>("SELECT count(*) FROM road_maps")).Should().Be(1);
        (await check.ExecuteScalarAsync<string>("SELECT source_name FROM road_maps")).Should().Be("b.txt");
    }

    [Fact]
    public async Task Re_importing_without_replace_is_refused_and_changes_nothing()
    {
        var organisationId = await CreateOrganisationAsync();
        var first = await Import.ImportAsync(organisationId, ParseShared("school-75-42", null), new RoadMapSource("s.txt", "s"), false, CancellationToken.None);
        var before = await StagesAsync();

        var second = await Import.ImportAsync(organisationId, ParseShared("kindergarten-333-volgograd", null), new RoadMapSource("k.txt", "k"), false, CancellationToken.None);

        second.Should().Be(new RoadMapImportResult(RoadMapImportOutcome.PlanExists, null));
        (await StagesAsync()).Should().Equal(before);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT id FROM road_maps")).Should().Be(first.Summary!.RoadMapId);
        (await CountAsync("road_map_activities")).Should().Be(16);
    }

    [Fact]
    public async Task An_unknown_organisation_stores_nothing()
    {
        await CreateOrganisationAsync();

        var result = await Import.ImportAsync(Guid.NewGuid(), ParseShared("school-75-42", null), new RoadMapSource("s.txt", "s"), false, CancellationToken.None);

        result.Outcome.Should().Be(RoadMapImportOutcome.UnknownOrganisation);
        (await CountAsync("road_maps")).Should().Be(0);
        (await CountAsync("road_map_stages")).Should().Be(0);
    }

    [Fact]
    public async Task Deleting_the_organisation_deletes_its_programme()
    {
        var organisationId = await CreateOrganisationAsync();
        await Import.ImportAsync(organisationId, ParseShared("school-75-42", null), new RoadMapSource("s.txt", "s"), false, CancellationToken.None);

        await using (var connection = await db.DataSource.OpenConnectionAsync())
            await connection.ExecuteAsync("DELETE FROM organisations WHERE id = @organisationId", new { organisationId });

        foreach (var table in new[] { "road_maps", "road_map_stages", "road_map_activities", "road_map_periods", "road_map_responsible_persons" })
            (await CountAsync(table)).Should().Be(0, table);
    }

    private static DateTime? Day(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    private static DateTime? Day(string? date) => date is null ? null : DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}
