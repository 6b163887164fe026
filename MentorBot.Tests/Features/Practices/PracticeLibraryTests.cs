using MentorBot.Domain.Consents;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Practices;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Features.Pairs;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Practices;

/// <summary>The practice library through the pipeline (issue 15): the case dialogue with a file, review, anonymisation, reading, export.</summary>
public sealed class PracticeLibraryTests : IAsyncLifetime
{
    private const long Curator = 100, Petrova = 201, Ivanov = 301, Head = 400, Stranger = 999;
    private static readonly byte[] Plan = "план открытого урока"u8.ToArray();
    private readonly FakeDownloads downloads = new();
    private readonly PipelineHarness harness;
    private Organisation school = null!;
    private long activityId;

    public PracticeLibraryTests() => harness = new PipelineHarness(services => services.AddSingleton<IDocumentDownloads>(downloads));

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync("МБОУ «Средняя школа № 42»");
        await harness.AddMemberAsync(school, Curator, "Орлова Ольга Ивановна", [Role.Curator]);
        await harness.AddMemberAsync(school, Head, "Громов Григорий Петрович", [Role.Head]);
        var mentor = await harness.AddMemberAsync(school, Petrova, "Петрова Анна Сергеевна", [Role.Mentor]);
        var mentee = await harness.AddMemberAsync(school, Ivanov, "Иванов Игорь Олегович", [Role.Mentee]);
        await harness.ExecuteAsync("""
            INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, starts_on, ends_on, created_at)
            VALUES (@org, @mentor, @mentee, 'approved', '2026-09-01', '2027-05-31', @now)
            """, new { now = harness.Clock.GetUtcNow(), org = school.Id, mentor, mentee });
        activityId = await harness.ScalarAsync<long>("""
            WITH m AS (INSERT INTO road_maps (organisation_id, year, last_year, source_name, source_text) VALUES (@org, 2026, 2027, 'x', 'x') RETURNING id),
                 s AS (INSERT INTO road_map_stages (road_map_id, position, number, title, kind) SELECT id, 7, '7', 'Завершение', 'completion' FROM m RETURNING id)
            INSERT INTO road_map_activities (stage_id, position, text) SELECT id, 1, 'пополнение методической копилки педагогических практик наставничества' FROM s RETURNING id
            """, new { org = school.Id });
        downloads.Add("F-plan", Plan);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private Task<IReadOnlyList<string>> SayAsync(long user, string text) => harness.SendAsync(user, harness.Text(user, text));

    private Task<IReadOnlyList<string>> PressAsync(long user, string data) => harness.SendAsync(user, harness.Press(user, data));

    private Task<long> CaseIdAsync() => harness.ScalarAsync<long>("SELECT id FROM practice_cases");

    /// <summary>Petrova writes a case with one file and sends it.</summary>
    private async Task<IReadOnlyList<string>> WriteCaseAsync()
    {
        await SayAsync(Petrova, "/case");
        await PressAsync(Petrova, "case:t:2");
        await SayAsync(Petrova, "Родительское собрание без конфликтов");
        await SayAsync(Petrova, "Иванов Игорь боялся первого родительского собрания");
        await SayAsync(Petrova, "Разобрали сценарий, Игорь провёл пробное собрание");
        await SayAsync(Petrova, "Собрание прошло спокойно, Иванову задали вопросы по делу");
        await harness.SendAsync(Petrova, harness.Document(Petrova, "F-plan", "План собрания.docx", Plan.Length));
        await PressAsync(Petrova, "case:done");
        return await PressAsync(Petrova, "case:send");
    }

    [Fact]
    public async Task The_dialogue_goes_back_keeps_answers_takes_a_file_and_sends_the_case_asking_the_publication_consent()
    {
        var topic = await SayAsync(Petrova, "/case");
        await PressAsync(Petrova, "case:t:2");
        await SayAsync(Petrova, "Родительское собрание");
        var tooLong = await SayAsync(Petrova, new string('а', 3001));
        var back = await SayAsync(Petrova, "/back");
        var kept = await PressAsync(Petrova, "case:keep");
        var early = await harness.SendAsync(Petrova, harness.Document(Petrova, "F-plan", "План собрания.docx", Plan.Length));

        topic.Single().Should().Be(PracticesTexts.AskTopic);
        (await harness.ButtonsAsync(Petrova)).Should().Contain("case:t:2");
        tooLong.Single().Should().Contain("Слишком длинно: 3001 символов");
        back.Single().Should().Contain("Название кейса").And.Contain("Сейчас: «Родительское собрание»");
        kept.Single().Should().Contain("Какое затруднение");
        early.Should().Equal(PracticesTexts.FileNotNow, PracticesTexts.AskText(CaseStep.Difficulty, CaseRules.MaxTextLength));

        await harness.ExecuteAsync("DELETE FROM conversation_states");
        var sent = await WriteCaseAsync();

        sent[0].Should().Be(PracticesTexts.Sent);
        sent[1].Should().Be(ConsentDocuments.Publication(school.Name, PracticesTexts.PublicationSubject).Summary,
            "the case will be shown to the organisation: the consent is asked now, as its own document");
        (await harness.ScalarAsync<string>("SELECT status || '|' || topic || '|' || title FROM practice_cases"))
            .Should().Be("submitted|работа с родителями|Родительское собрание без конфликтов");
        (await harness.ScalarAsync<string>("SELECT file_id || '|' || file_name || '|' || file_size FROM practice_case_materials")).Should().Be($"F-plan|План собрания.docx|{Plan.Length}");
        (await harness.QueuedTextsAsync(Curator)).Should().ContainSingle().Which.Should().Contain("ждёт проверки: «Родительское собрание без конфликтов»");
    }

    [Fact]
    public async Task A_photo_sent_as_a_photo_is_attached_under_the_name_Telegram_gives_a_saved_photo()
    {
        await SayAsync(Petrova, "/case");
        await PressAsync(Petrova, "case:t:2");
        await SayAsync(Petrova, "Стенд для родителей");
        await SayAsync(Petrova, "Родители не знали расписания консультаций");
        await SayAsync(Petrova, "Сделали стенд у входа");
        var ask = await SayAsync(Petrova, "Родители приходят в нужные часы");

        var attached = await harness.SendAsync(Petrova, harness.Photo(Petrova, "F-photo", 98_000));

        ask[^1].Should().Contain("файлы или фотографии").And.NotContain("как файл");
        var name = $"photo_{harness.Clock.GetUtcNow():yyyy-MM-dd_HH-mm-ss}.jpg";
        attached.Should().Equal(PracticesTexts.Attached(name, 1, CaseRules.MaxMaterials));
        await PressAsync(Petrova, "case:done");
        await PressAsync(Petrova, "case:send");
        (await harness.ScalarAsync<string>("SELECT file_id || '|' || file_name || '|' || file_size FROM practice_case_materials"))
            .Should().Be($"F-photo|{name}|98000", "the largest size is kept, not the thumbnail");
    }

    [Fact]
    public async Task An_approved_case_is_anonymised_without_consent_searchable_and_its_file_is_downloaded_on_demand()
    {
        await WriteCaseAsync();
        var caseId = await CaseIdAsync();
        await SayAsync(Curator, "/cases");
        var approved = await PressAsync(Curator, $"cases:ok:{caseId}");

        approved[0].Should().Contain("одобрен");
        approved[1].Should().Contain("Отметить мероприятие дорожной карты «пополнение методической копилки");
        (await harness.ButtonsAsync(Curator)).Should().Contain($"rm:done:a:{activityId}");
        (await harness.QueuedTextsAsync(Ivanov)).Should().ContainSingle().Which.Should().Contain("Ваше имя в нём не указано");

        await SayAsync(Ivanov, "/library");
        var card = await PressAsync(Ivanov, $"lib:c:{caseId}");
        card.Single().Should().Contain("Авторы: наставник").And.Contain("Наставляемый: молодой педагог")
            .And.Contain("молодой педагог боялся первого родительского собрания").And.Contain("молодой педагог провёл пробное собрание")
            .And.NotContain("Иванов").And.NotContain("Игор").And.NotContain("Петрова");
        (await SayAsync(Ivanov, "/library Иванов")).Single().Should().Be(PracticesTexts.NotFound("Иванов"), "a hidden name never finds a case");
        (await SayAsync(Ivanov, "/library собрани")).Single().Should().Contain("Поиск «собрани»: 1 кейс");

        // The mentor gives the publication consent she was asked for at sending: her name appears, the mentee's does not.
        await PressAsync(Petrova, "consent:yes:publication");
        (await PressAsync(Ivanov, $"lib:c:{caseId}")).Single().Should().Contain("Авторы: Петрова Анна Сергеевна").And.Contain("Наставляемый: молодой педагог");

        await PressAsync(Ivanov, $"lib:f:{caseId}");
        downloads.Requested.Should().Equal("F-plan");
        (await Docx.SentDocumentAsync(harness, Ivanov)).Should().Equal(Plan);
    }

    [Fact]
    public async Task The_curator_returns_a_case_with_a_comment_the_author_corrects_it_and_the_collection_lists_it()
    {
        await WriteCaseAsync();
        await PressAsync(Petrova, "consent:no:publication");
        var caseId = await CaseIdAsync();
        await PressAsync(Curator, $"cases:ret:{caseId}");
        await SayAsync(Curator, "Добавьте, что изменилось через месяц");

        (await harness.QueuedTextsAsync(Petrova))[^1].Should().Contain("вернул кейс «Родительское собрание без конфликтов» на доработку. Комментарий: Добавьте, что изменилось через месяц");
        await PressAsync(Petrova, $"case:edit:{caseId}");
        await PressAsync(Petrova, "case:keep");
        await PressAsync(Petrova, "case:keep");
        await PressAsync(Petrova, "case:keep");
        await SayAsync(Petrova, "Через месяц педагог сам провёл собрание");
        await PressAsync(Petrova, "case:done");
        await PressAsync(Petrova, "case:send");

        (await harness.ScalarAsync<string>("SELECT status || '|' || result FROM practice_cases")).Should().Be("submitted|Через месяц педагог сам провёл собрание");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM practice_case_materials")).Should().Be(1, "the files are kept");

        await PressAsync(Curator, $"cases:ok:{caseId}");
        await SayAsync(Curator, "/library");
        await PressAsync(Curator, "lib:docx");
        var collection = await Docx.SentDocumentAsync(harness, Curator);
        var (text, _) = Docx.Read(collection);
        text.Should().Contain("Методическая копилка педагогических практик наставничества").And.Contain("1. Родительское собрание без конфликтов")
            .And.Contain("Материалы: План собрания.docx (1 КБ)").And.Contain("работа с родителями").And.NotContain("Иванов");
        Docx.Layout(collection).Should().Be((11906u, 16838u, 1134, 1134, 1134u, 567u, "Times New Roman", "28"), "the organisation's document layout (ГОСТ Р 7.0.97-2016)");
        Docx.SchemaErrors(collection).Should().BeEmpty();

        await PressAsync(Curator, "reports:get:programme");
        var (report, rows) = Docx.Read((await harness.QueuedDocumentsAsync(Curator))[^1].Content);
        report.Should().Contain(PracticesTexts.ReportHeading).And.Contain("Одобрено кейсов за учебный год: 1 (по темам: работа с родителями — 1).");
        rows.Should().ContainSingle(r => r.Count == 6 && r[2] == "Родительское собрание без конфликтов").Which.Should().Equal("1", "работа с родителями", "Родительское собрание без конфликтов", "наставник", "01.09.2026", "1");
        rows.SelectMany(r => r).Should().NotContain(cell => cell.Contains("Иванов") || cell.Contains("Петрова"), "names only with the publication consent");
    }

    [Fact]
    public async Task A_photo_attached_to_a_case_comes_back_as_a_photo_and_a_document_as_a_document()
    {
        byte[] photo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        downloads.Add("F-photo", photo);
        var caseId = await harness.ScalarAsync<long>("""
            WITH c AS (INSERT INTO practice_cases (organisation_id, author_membership_id, topic, title, difficulty, actions, result, status, submitted_at, reviewed_at)
                       SELECT organisation_id, id, 'работа с родителями', 'Стенд для родителей', 'a', 'b', 'c', 'approved', @now, @now FROM memberships WHERE full_name LIKE 'Петрова%' RETURNING id),
                 m AS (INSERT INTO practice_case_materials (case_id, position, file_id, file_name, file_size)
                       SELECT id, 1, 'F-photo', 'стенд.jpg', 11 FROM c UNION ALL SELECT id, 2, 'F-plan', 'План собрания.docx', 36 FROM c)
            SELECT id FROM c
            """, new { now = harness.Clock.GetUtcNow() });

        await PressAsync(Ivanov, $"lib:f:{caseId}");

        (await harness.ReceivedAsync(Ivanov)).Where(r => r is ReceivedPhoto or ReceivedDocument).Select(r => r.GetType()).Should().Equal(typeof(ReceivedPhoto), typeof(ReceivedDocument));
        var sent = (await harness.QueuedPhotosAsync(Ivanov)).Single();
        sent.Content.Should().Equal(photo);
        sent.Caption.Should().Be("стенд.jpg");
        CasePhotos.IsPhoto([0xFF, 0xD8, 0xFF, 0xE0]).Should().BeTrue();
        CasePhotos.IsPhoto(Plan).Should().BeFalse("a name may lie; the bytes decide");
    }

    [Fact]
    public async Task Every_command_and_button_checks_the_role()
    {
        await WriteCaseAsync();
        var caseId = await CaseIdAsync();

        (await SayAsync(Ivanov, "/case")).Should().Equal(AccessTexts.NotAllowed);
        (await PressAsync(Ivanov, "case:new")).Should().Equal(AccessTexts.NotAllowed);
        (await SayAsync(Petrova, "/cases")).Should().Equal(AccessTexts.NotAllowed);
        (await PressAsync(Petrova, $"cases:ok:{caseId}")).Should().Equal(AccessTexts.NotAllowed);
        (await PressAsync(Head, $"case:edit:{caseId}")).Should().Equal(AccessTexts.NotAllowed);
        (await SayAsync(Stranger, "/library")).Should().Equal(AccessTexts.NotAMember);
        (await PressAsync(Ivanov, $"lib:c:{caseId}")).Should().ContainSingle().Which.Should().Be(PracticesTexts.NotInLibrary, "a case waiting for review is not in the library");
        (await PressAsync(Ivanov, $"lib:f:{caseId}")).Should().Equal(PracticesTexts.NotInLibrary);
        (await PressAsync(Petrova, "lib:docx")).Should().Equal(PracticesTexts.NotInLibrary);
        (await harness.ScalarAsync<string>("SELECT status FROM practice_cases")).Should().Be("submitted");
        downloads.Requested.Should().BeEmpty();
    }

    [Fact]
    public void Names_are_scrubbed_in_any_case_ending_only_for_people_without_consent()
    {
        CasePerson[] people = [new("Иванов Игорь Олегович", false, "молодой педагог"), new("Петрова Анна", true, "наставник")];

        CaseAnonymity.Scrub("Петрова помогла Иванову; Игоря хвалили, Игорь рад.", people)
            .Should().Be("Петрова помогла молодой педагог; молодой педагог хвалили, молодой педагог рад.");
        CaseAnonymity.Scrub("Иванов Игорь Олегович пришёл", people).Should().Be("молодой педагог пришёл");
        people[0].Display.Should().Be("молодой педагог");
        people[1].Display.Should().Be("Петрова Анна");
    }
}
