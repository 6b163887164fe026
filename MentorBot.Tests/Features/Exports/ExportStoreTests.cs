using MentorBot.Domain.Exports;
using MentorBot.Host.Features.Exports;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Exports;

/// <summary>Each export kind, loaded from the real database, written as CSV and as XLSX, and read back.</summary>
public sealed class ExportStoreTests : IAsyncLifetime
{
    private readonly PipelineHarness harness = new();
    private ExportProgramme.Seeded seeded = null!;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        seeded = await ExportProgramme.SeedAsync(harness);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    /// <summary>The export as a curator reads it: CSV and XLSX must read back to the same text grid, which is returned.</summary>
    private async Task<IReadOnlyList<string[]>> ReadBothAsync(ExportKind kind)
    {
        ExportTable table;
        await using (var connection = await harness.Database.DataSource.OpenConnectionAsync())
            table = await ExportStore.LoadAsync(connection, null, seeded.Organisation.Id, TimeZoneInfo.FindSystemTimeZoneById("Asia/Omsk"), kind, default);
        var csv = ExportReadBack.Csv(ExportFile.Write(table, ExportFormat.Csv));
        var xlsx = ExportReadBack.Xlsx(ExportFile.Write(table, ExportFormat.Xlsx));
        xlsx.Name.Should().Be(ExportTexts.Name(kind));
        xlsx.Pane!.TopLeftCell!.Value.Should().Be("A2");
        xlsx.Rows.Select(r => r.Select(c => c.Text).ToArray()).Should().BeEquivalentTo(csv, o => o.WithStrictOrdering());
        return csv;
    }

    [Fact]
    public async Task Mentees_export_lists_the_bank_with_consents_questionnaire_and_answers()
    {
        var rows = await ReadBothAsync(ExportKind.Mentees);

        rows[0].Should().Equal("ФИО", "Должность", "Предмет", "Дата присоединения", "Согласие на обработку ПДн", "Анкета", "Дата заполнения анкеты",
            "Педагогический стаж, лет", "Трудности", "Формат встреч", "Форма наставничества", "Ожидания");
        rows.Should().HaveCount(6);
        rows[1].Should().Equal("Андреева Анна", "учитель начальных классов", "", "01.09.2026", "дано", "заполнена", "02.09.2026",
            "1", "работа с родителями", "любой", "индивидуальная", "освоиться в школе");
    }

    [Fact]
    public async Task Mentors_export_has_the_mentoring_duties_consent_and_the_mentor_answers()
    {
        var rows = await ReadBothAsync(ExportKind.Mentors);

        rows[0].Should().Contain("Согласие на наставническую деятельность").And.Contain("Компетенции").And.NotContain("Трудности");
        rows[1].Should().Equal("Глебова Галина Сергеевна", "учитель математики", "математика", "01.09.2026", "дано", "дано", "заполнена", "01.09.2026",
            "15", "высшая", "планирование уроков, работа с родителями", "2", "очно", "любая", "вторник после 14:00");
    }

    [Fact]
    public async Task Pairs_export_has_the_term_goals_and_counts_only_kept_meetings()
    {
        var rows = await ReadBothAsync(ExportKind.Pairs);

        rows[0].Should().Equal("№ пары", "Наставник", "Наставляемый", "Форма наставничества", "Статус", "Начало", "Окончание",
            "Встречи раз в, дней", "Цели", "Встреч проведено", "Последняя встреча", "Утверждена");
        rows[1].Should().Equal($"{seeded.FirstPair}", "Глебова Галина Сергеевна", "Андреева Анна", "педагог – педагог", "работает", "07.09.2026", "31.05.2027",
            "14", "Выстроить работу с родителями; Самоанализ урока", "5", "14.09.2026", "04.09.2026 11:30");
        rows[2].Should().Equal($"{seeded.SecondPair}", "Глебова Галина Сергеевна", "Борисова Бэлла", "педагог – педагог", "предложена", "", "",
            "14", "", "0", "", "");
    }

    [Fact]
    public async Task Meetings_export_leaves_out_deleted_logs_and_shows_local_times()
    {
        var rows = await ReadBothAsync(ExportKind.Meetings);

        rows.Should().HaveCount(6);
        rows[0].Should().Equal("№ встречи", "№ пары", "Наставник", "Наставляемый", "Дата встречи", "Длительность, мин", "Вид встречи", "Формат", "Тема", "Записана");
        rows[1].Skip(1).Should().Equal($"{seeded.FirstPair}", "Глебова Галина Сергеевна", "Андреева Анна", "10.09.2026", "45", "пробная", "очно",
            "Самоанализ урока", "10.09.2026 15:15");
        rows.Should().NotContain(r => r.Contains("Удалённая запись"));
    }

    [Fact]
    public async Task Feedback_export_names_the_mentor_but_not_the_mentee()
    {
        var rows = await ReadBothAsync(ExportKind.Feedback);

        rows[0].Should().Equal("Дата встречи", "Вид встречи", "№ пары", "Наставник", "Оценка пользы (1–5)", "Комментарий", "Ответ получен");
        rows.Should().HaveCount(6);
        rows[1].Should().Equal("10.09.2026", "пробная", $"{seeded.FirstPair}", "Глебова Галина Сергеевна", "5", "Очень полезно", "11.09.2026 10:00");
        rows.SelectMany(r => r).Should().NotContain(cell => ExportProgramme.Mentees.Any(cell.Contains));
    }

    [Fact]
    public async Task Feedback_with_fewer_than_five_answers_is_withheld()
    {
        await harness.ExecuteAsync("DELETE FROM feedback_polls WHERE score = 4");

        var rows = await ReadBothAsync(ExportKind.Feedback);

        rows.Should().HaveCount(2);
        rows[1][1].Should().Be("все встречи: 3 ответа — меньше 5, не выгружаются ради анонимности");
        rows[1].Where(c => c.Length > 0).Should().ContainSingle();
    }

    [Fact]
    public async Task Satisfaction_export_is_anonymous_and_withholds_a_group_under_five()
    {
        var rows = await ReadBothAsync(ExportKind.Satisfaction);

        rows[0].Should().Equal("Анкета", "Эффективность программы (1–10)", "Комфорт общения (1–10)", "Польза встреч (1–10)", "Поддержка (1–10)",
            "Ясность плана (1–10)", "Чувство безопасности (1–10)", "Частота встреч", "Что было ценным", "Чего не хватило", "Продолжил(а) бы",
            "Стал(а) бы наставником");
        rows.Should().HaveCount(7);
        rows.Skip(1).Take(5).Should().OnlyContain(r => r[0] == "наставляемый");
        rows[1].Should().Equal("наставляемый", "10", "9", "8", "9", "7", "10", "раз в две недели", "ответ 5", "", "да", "да");
        rows[6].Should().Equal(new[] { "наставник: 1 ответ — меньше 5, не выгружаются ради анонимности" }.Concat(Enumerable.Repeat("", 11)));
        rows.SelectMany(r => r).Should().NotContain(cell => ExportProgramme.Mentees.Any(cell.Contains) || cell.Contains("Глебова") || cell.Contains("рост наставляемой"));
    }

    [Fact]
    public async Task Impact_export_compares_the_two_self_assessments_per_person_and_averages_five_or_more()
    {
        var rows = await ReadBothAsync(ExportKind.Impact);

        rows[0].Should().Equal("ФИО", "Компетенция", "Самооценка до", "Самооценка после", "Изменение", "Дата первой оценки", "Дата второй оценки");
        rows.Should().HaveCount(1 + 5 * 2 + 2);
        rows[1].Should().Equal("Андреева Анна", "планирование уроков", "3", "6", "3", "02.09.2026", "20.05.2027");
        rows[2].Should().Equal("Андреева Анна", "работа с родителями", "2", "4", "2", "02.09.2026", "20.05.2027");
        rows[^2].Should().Equal("Все наставляемые (среднее, 5 чел.)", "планирование уроков", "5", "8", "3", "", "");
        rows[^1].Should().Equal("Все наставляемые (среднее, 5 чел.)", "работа с родителями", "2", "4", "2", "", "");
    }

    [Fact]
    public async Task Another_organisations_data_never_appears()
    {
        var other = await harness.CreateOrganisationAsync("Лицей", "Europe/Volgograd");

        foreach (var kind in ExportCodes.Kinds)
        {
            await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
            var table = await ExportStore.LoadAsync(connection, null, other.Id, TimeZoneInfo.FindSystemTimeZoneById(other.TimeZone), kind, default);
            table.Rows.Should().BeEmpty(kind.ToString());
        }
    }
}
