using System.Text.Json;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Reports;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Features.Banks;
using MentorBot.Tests.Features.Exports;
using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Features.Pairs;
using MentorBot.Tests.Features.Questionnaires;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Reports;

/// <summary>
/// /reports through the pipeline against PostgreSQL, on the small Omsk programme of <see cref="ExportProgramme"/> (five
/// mentees with intake and final self-assessments and satisfaction surveys, one mentor survey) plus five mentee surveys of
/// the previous year; the curator's questionnaire and the SWOT are answered in chat. Every figure below is worked out by
/// hand from those answers.
/// </summary>
public sealed class ReportsFeatureTests : IAsyncLifetime
{
    private const long Curator = ExportProgramme.Curator, Head = 101;
    private readonly PipelineHarness harness = Onboarding.NewHarness();
    private ExportProgramme.Seeded seeded = null!;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        seeded = await ExportProgramme.SeedAsync(harness);
        await harness.AddMemberAsync(seeded.Organisation, Head, "Громов Григорий Петрович", [Role.Head]);
        foreach (var mentee in seeded.MenteeMemberships) // 2025/2026: every mentee rated effectiveness 5
        {
            await harness.RespondAsync(mentee, "satisfaction_mentee", new { effectiveness = 5, comfort = 8, usefulness = 8, support = 8, plan_clarity = 7, safety = 9 },
                contextKey: "pair:old", at: new DateTimeOffset(2026, 5, 20, 6, 0, 0, TimeSpan.Zero));
        }

        harness.Clock.Set(new DateTimeOffset(2027, 5, 25, 6, 0, 0, TimeSpan.Zero)); // 12:00 in Omsk, programme year 2026/2027
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private static List<List<string>> Table(List<List<string>> rows, string header) =>
        [.. rows.SkipWhile(r => r[0] != header).Skip(1).TakeWhile(r => r.Count > 0 && !ReportsTexts.Quality.ScaleColumns.Contains(r[0]) && r[0] != header)];

    private static List<string> Row(List<List<string>> rows, string first) => rows.First(r => r[0] == first);

    private static IReadOnlyList<byte[]> Charts(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.ImageParts.Select(p =>
        {
            using var stream = p.GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        })];
    }

    private static void ShouldBePng(byte[] image)
    {
        image.Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var width = (image[16] << 24) | (image[17] << 16) | (image[18] << 8) | image[19];
        width.Should().Be(Host.Features.Reports.ChartImage.Width);
        image.Length.Should().BeGreaterThan(5_000, "a drawn chart, not an empty picture");
    }

    [Fact]
    public async Task The_curator_answers_the_curator_questionnaire_edits_the_SWOT_with_back_and_cancel_and_gets_the_quality_report()
    {
        var chat = new QuestionnaireChat(harness, Curator);
        await chat.TypeAsync("/reports");
        (await chat.LastTextAsync()).Should().StartWith("Отчёты программы наставничества за 2026/2027 учебный год");
        (await chat.ButtonsAsync()).Select(b => b.Data).Should().Equal(
            "reports:get:quality", "reports:get:impact", "reports:get:programme", "q:start:curator_questionnaire:year:2026", "reports:swot");

        // The curator's questionnaire: six conditions, each yes/partly/no and an optional comment.
        await chat.PressAsync("Анкета куратора");
        string[] answers = ["да", "да", "да", "частично", "нет", "да"];
        foreach (var answer in answers)
        {
            await chat.PressAsync(answer);
            if (answer == "нет") await chat.TypeAsync("Встречи срывались из-за замен");
            else await chat.PressAsync("Пропустить");
        }

        (await chat.LastTextAsync()).Should().Contain("Ответы сохранены");

        // SWOT: the draft's strengths come from the highest scales and the «да» answers, weaknesses from «частично»/«нет».
        await chat.PressDataAsync("reports:swot");
        var strengths = await chat.LastTextAsync();
        strengths.Should().Contain("SWOT-анализ: сильные стороны").And.Contain("• Наставляемые: чувство безопасности — 10,0 из 10")
            .And.Contain("• Пары закреплены приказом");
        await chat.PressAsync("Оставить как есть");
        var weaknesses = await chat.LastTextAsync();
        weaknesses.Should().Contain("• Планы составлены (частично)").And.Contain("• Встречи проводились по плану (нет): Встречи срывались из-за замен");
        await chat.TypeAsync("/back");
        (await chat.LastTextAsync()).Should().Contain("SWOT-анализ: сильные стороны");
        await chat.TypeAsync("- Сильная команда наставников\n- Доверие в парах");
        await chat.PressAsync("Оставить как есть"); // weaknesses as drafted
        (await chat.LastTextAsync()).Should().Contain("SWOT-анализ: возможности");
        await chat.TypeAsync("   \n");
        (await chat.LastTextAsync()).Should().StartWith("Не получилось прочитать список");
        await chat.TypeAsync("Сетевое взаимодействие с соседней школой");
        await chat.TypeAsync("Текучесть молодых кадров");
        var review = await chat.LastTextAsync();
        review.Should().Contain("проверьте и сохраните").And.Contain("• Сильная команда наставников").And.Contain("• Текучесть молодых кадров");

        // /cancel drops the dialogue without saving; it starts again from the draft.
        await chat.TypeAsync("/cancel");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM monitoring_swot")).Should().Be(0);
        await chat.PressDataAsync("reports:swot");
        (await chat.LastTextAsync()).Should().NotContain("Сильная команда наставников");
        await chat.TypeAsync("Сильная команда наставников");
        await chat.PressAsync("Оставить как есть");
        await chat.TypeAsync("Сетевое взаимодействие с соседней школой");
        await chat.PressAsync("Пропустить");
        await chat.PressAsync("Изменить: угрозы");
        await chat.TypeAsync("Текучесть молодых кадров");
        await chat.PressAsync("Сохранить");
        (await chat.LastTextAsync()).Should().Be(ReportsTexts.SwotSaved);

        await chat.PressDataAsync("reports:get:quality");
        await chat.PressDataAsync("reports:get:quality");
        var documents = await harness.QueuedDocumentsAsync(Curator);
        documents.Should().HaveCount(2);
        documents[0].FileName.Should().Be("Мониторинг качества 2026-2027.docx");
        documents[0].Content.Should().Equal(documents[1].Content, "the same data and date give the same bytes");

        var (text, rows) = Docx.Read(documents[0].Content);
        text.Should().Contain("Отчёт о мониторинге качества реализации программы наставничества").And.Contain("МБОУ СОШ № 42")
            .And.Contain("2026/2027 учебный год · по состоянию на 25.05.2027");
        // Mentees: effectiveness 6, 7, 8, 9, 10 this year; 5 ×5 the year before.
        Row(rows, "Эффективность программы").Should().Equal("Эффективность программы", "5", "8,0", "8,0", "6 — 1; 7 — 1; 8 — 1; 9 — 1; 10 — 1", "5,0", "+3,0");
        Row(rows, "Ясность плана").Should().Equal("Ясность плана", "5", "7,0", "7,0", "7 — 5", "7,0", "0,0");
        rows.Count(r => r[0] == "Эффективность программы").Should().Be(1, "the mentors' one survey is withheld");
        text.Should().Contain("Наставники: 1 анкета").And.Contain("1 ответ — меньше 5: итоги не показываются ради анонимности.");
        text.Should().Contain("— ответ 1").And.Contain("— ответ 5").And.NotContain("рост наставляемой", "one mentor's open answer would name them");
        Row(rows, "Встречи проводились по плану").Should().Equal("Встречи проводились по плану", "нет", "Встречи срывались из-за замен");
        text.Should().Contain("— Сильная команда наставников").And.Contain("— Сетевое взаимодействие с соседней школой")
            .And.Contain("— Текучесть молодых кадров").And.Contain("Куратор программы наставничества __________ Куратова Ольга");
        var chart = Charts(documents[0].Content).Should().ContainSingle().Subject;
        ShouldBePng(chart);
    }

    [Fact]
    public async Task The_impact_report_shows_each_indicator_to_both_and_each_participant_only_to_the_curator_and_the_card_holds_the_results()
    {
        await harness.PressAsync(Curator, "reports:get:impact");
        await harness.PressAsync(Head, "reports:get:impact");
        var curatorCopy = (await harness.QueuedDocumentsAsync(Curator)).Single();
        var headCopy = (await harness.QueuedDocumentsAsync(Head)).Single();

        var (curatorText, curatorRows) = Docx.Read(curatorCopy.Content);
        // Planning: before 3..7 (mean 5), after 6..10 (mean 8); parents: 2 → 4 for all five.
        Row(curatorRows, "планирование уроков").Should().Equal("планирование уроков", "5", "5,0", "8,0", "+3,0", "5", "0", "0");
        Row(curatorRows, "работа с родителями").Should().Equal("работа с родителями", "5", "2,0", "4,0", "+2,0", "5", "0", "0");
        // Per person the mean of both: before (5 + i) / 2, after (10 + i) / 2 → programme 3,5 → 6,0.
        Row(curatorRows, ReportsTexts.Impact.AllCompetencies).Should().Equal(ReportsTexts.Impact.AllCompetencies, "5", "3,5", "6,0", "+2,5", "5", "0", "0");
        curatorText.Should().Contain("Прошли оба замера: 5 человек.").And.Contain(ReportsTexts.Impact.ByPerson);
        curatorRows.Should().ContainEquivalentOf(new List<string> { "Андреева Анна", "планирование уроков", "3", "6", "+3" });
        // The seed asked every final self-assessment for the first pair: one row per person measured, the pair's mentor.
        curatorRows.Where(r => r[0] == $"№ {seeded.FirstPair}").Select(r => (r[2], r[3], r[6])).Should().Equal(
            ("Андреева Анна", "2,5", "улучшение"), ("Борисова Бэлла", "3,0", "улучшение"), ("Васильева Вера", "3,5", "улучшение"),
            ("Григорьева Галина", "4,0", "улучшение"), ("Дмитриева Дарья", "4,5", "улучшение"));
        ShouldBePng(Charts(curatorCopy.Content).Single());

        var (headText, headRows) = Docx.Read(headCopy.Content);
        Row(headRows, "планирование уроков").Should().Equal(Row(curatorRows, "планирование уроков"));
        headText.Should().NotContain(ReportsTexts.Impact.ByPerson).And.NotContain("Андреева");
        headRows.Should().NotContain(r => r.Contains("Андреева Анна"));

        // The head reads; only the curator edits the SWOT.
        await harness.PressAsync(Head, "reports:swot");
        (await harness.LastTextAsync(Head)).Should().Be(ReportsTexts.CuratorOnly);
        (await harness.SendAsync(ExportProgramme.Mentor, harness.Text(ExportProgramme.Mentor, "/reports"))).Text.Should().Be(AccessTexts.NotAllowed);

        // «внесение данных об итогах в базу»: the mentee's and the mentor's bank cards carry the results.
        var card = await harness.SendAsync(Curator, harness.Press(Curator, $"banks:card:mentees:{seeded.MenteeMemberships[0]}:1"));
        card.Text.Should().Contain(ReportsTexts.CardImpactHeading).And.Contain("планирование уроков: 3 → 6 (+3)").And.Contain("работа с родителями: 2 → 4 (+2)");
        var mentorCard = await harness.SendAsync(Curator, harness.Press(Curator, $"banks:card:mentors:{seeded.MentorMembership}:1"));
        mentorCard.Text.Should().Contain("Андреева Анна: 2,5 → 5,0 (+2,5)");
    }

    [Fact]
    public async Task The_final_report_lists_the_road_map_people_meetings_polls_surveys_impact_and_consents_ready_to_sign()
    {
        await harness.PressAsync(Head, "reports:get:programme");
        var report = (await harness.QueuedDocumentsAsync(Head)).Single();
        report.FileName.Should().Be("Итоговый отчёт 2026-2027.docx");
        var (text, rows) = Docx.Read(report.Content);
        text.Should().Contain("Итоговый отчёт о реализации программы наставничества").And.Contain(ReportsTexts.Programme.NoRoadMap);
        Row(rows, ReportsTexts.Programme.Mentees).Should().Equal(ReportsTexts.Programme.Mentees, "5");
        Row(rows, ReportsTexts.Programme.Pairs).Should().Equal(ReportsTexts.Programme.Pairs, "1"); // the proposed pair is not one yet
        // Five meetings of 45 minutes (one trial, four regular) on 10–14 September; the deleted one does not count.
        Row(rows, "пробная").Should().Equal("пробная", "1", "0,8", "0");
        Row(rows, "регулярная").Should().Equal("регулярная", "4", "3,0", "0");
        Row(rows, ReportsTexts.Programme.MeetingsTotal).Should().Equal(ReportsTexts.Programme.MeetingsTotal, "5", "3,8", "0");
        text.Should().Contain("Опросов после встреч: 5, ответов: 5.").And.Contain("Средняя оценка пользы встречи: 4,6 из 5.");
        Row(rows, "Наставляемые").Should().Equal(["Наставляемые", "5", "8,0", "9,0", "8,0", "9,0", "7,0", "10,0"]);
        Row(rows, "Наставники").Should().Equal(["Наставники", "1", "—", "—", "—", "—", "—", "—"]);
        Row(rows, ReportsTexts.Impact.AllCompetencies)[4].Should().Be("+2,5");
        // Consents given when the members joined (1 September 2026): curator, head, mentor, five mentees.
        Row(rows, "на обработку персональных данных").Should().Equal("на обработку персональных данных", "8", "0", "0");
        Row(rows, "на наставническую деятельность").Should().Equal("на наставническую деятельность", "1", "0", "");
        text.Should().Contain("Куратор программы наставничества __________ Куратова Ольга")
            .And.Contain("Руководитель организации __________ Громов Григорий Петрович").And.Contain("Дата: 25.05.2027");
        var charts = Charts(report.Content);
        charts.Should().HaveCount(2, "before/after per indicator and meetings per week (no road map, so no stages chart)");
        charts.Should().AllSatisfy(ShouldBePng);
    }
}
