using System.Text;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Roadmaps;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Roadmaps;
using MentorBot.Host.Pipeline;
using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Integration;
using MentorBot.Tests.Roadmaps;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Features.Roadmaps;

/// <summary>
/// <c>/roadmap</c>, its buttons, the period conversation, responsible-person links and the document
/// upload through the real pipeline over PostgreSQL, after a <see cref="RoadMapImport"/> of the shared road maps.
/// </summary>
public sealed class RoadmapFeatureTests : IAsyncLifetime
{
    private const long Curator = 100;
    private const long Mentee = 200;
    private const long Director = 300;
    private const long Deputy = 400;
    private const long OtherCurator = 900;

    private readonly FakeDownloads downloads = new();
    private readonly PipelineHarness harness;
    private Organisation org = null!;

    public RoadmapFeatureTests() => harness = new PipelineHarness(services => services.AddSingleton<IDocumentDownloads>(downloads));

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        // 15 October 2024, 12:00 in Omsk: the middle of the kineshma plan's first academic year.
        harness.Clock.Set(new DateTimeOffset(2024, 10, 15, 6, 0, 0, TimeSpan.Zero));
        org = await harness.CreateOrganisationAsync("ОБГ ПОУ «Кинешемский политехнический колледж»", "Asia/Omsk");
        await harness.AddMemberAsync(org, Curator, "Смирнова Ольга Петровна", [Role.Curator]);
        await harness.AddMemberAsync(org, Mentee, "Петров Пётр", [Role.Mentee], position: "преподаватель");
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private async Task ImportAsync(string name, Organisation? into = null, bool replace = false)
    {
        var path = RepositoryPaths.SharedRoadmap(name);
        var text = await File.ReadAllTextAsync(path);
        var map = RoadMapParser.Parse(text, new RoadMapParseOptions(DateOnly.FromDateTime(harness.Clock.GetUtcNow().UtcDateTime)));
        var result = await new RoadMapImport(harness.Database.DataSource, harness.Clock)
            .ImportAsync((into ?? org).Id, map, new RoadMapSource(Path.GetFileName(path), text), replace, CancellationToken.None);
        result.Outcome.Should().Be(RoadMapImportOutcome.Imported);
    }

    private async Task<IReadOnlyList<string>> SendAsync(long user, params PersonUpdate[] updates)
    {
        var before = (await harness.QueuedTextsAsync(user)).Count;
        await harness.RecordAsync(updates);
        await harness.ProcessAllAsync();
        return (await harness.QueuedTextsAsync(user)).Skip(before).ToList();
    }

    private Task<IReadOnlyList<string>> SayAsync(long user, string text) => SendAsync(user, harness.Text(user, text));

    private Task<IReadOnlyList<string>> PressAsync(long user, string data) => SendAsync(user, harness.Press(user, data));

    private Task<long> StageIdAsync(string number, Organisation? of = null) => harness.ScalarAsync<long>(
        "SELECT s.id FROM road_map_stages s JOIN road_maps m ON m.id = s.road_map_id WHERE m.organisation_id = @org AND s.number = @number",
        new { org = (of ?? org).Id, number });

    private Task<long> FirstActivityIdAsync(long stageId) =>
        harness.ScalarAsync<long>("SELECT id FROM road_map_activities WHERE stage_id = @stageId AND position = 1", new { stageId });

    private PersonUpdate Document(long user, string fileId, string fileName, long? size = null) => harness.Document(user, fileId, fileName, size ?? downloads.SizeOf(fileId));

    [Fact]
    public async Task The_curator_sees_every_stage_in_order_with_periods_responsible_persons_and_status()
    {
        await ImportAsync("kineshma-polytechnic-college");

        var page = (await SayAsync(Curator, "/roadmap")).Should().ContainSingle().Subject;

        page.Should().StartWith("<b>Дорожная карта</b>").And.Contain("Статусы на 15.10.2024.");
        var positions = new[] { "<b>1. Подготовка условий", "<b>2. Формирование банка наставляемых", "<b>3. Формирование банка наставников",
            "<b>4. Отбор и обучение", "<b>5. Организация и осуществление", "<b>6. Завершение", "<b>7. Информационная поддержка" }.Select(s => page.IndexOf(s, StringComparison.Ordinal)).ToList();
        positions.Should().NotContain(-1).And.BeInAscendingOrder();
        // The plan was imported today, 15 October: the summer before it is not overdue (issue 17 item 1).
        page.Should().Contain("Сроки: 01.06.2024 - 31.08.2024 (по умолчанию)\nОтветственные: не указаны (куратор)\nСтатус: ⏹ срок прошёл до начала программы в боте — не отслеживается");
        page.Should().Contain("<b>4. Отбор и обучение</b>\nСроки: 01.10.2024 - 31.10.2024 (по умолчанию)\nОтветственные: не указаны (куратор)\nСтатус: ▶️ выполняется, до 31.10.2024");
        page.Should().Contain("Статус: 🕓 запланировано, с 01.11.2024");
        page.Length.Should().BeLessThan(4000, "the page is one message in either messenger (MAX takes 4000 characters, Telegram 4096)");
    }

    [Fact]
    public async Task Statuses_follow_the_organisations_time_zone()
    {
        await ImportAsync("kineshma-polytechnic-college");
        // 31 October 19:00 UTC is already 1 November in Omsk (UTC+6).
        harness.Clock.Set(new DateTimeOffset(2024, 10, 31, 19, 0, 0, TimeSpan.Zero));

        var page = (await SayAsync(Curator, "/roadmap")).Single();

        page.Should().Contain("Статусы на 01.11.2024.")
            .And.Contain("<b>4. Отбор и обучение</b>\nСроки: 01.10.2024 - 31.10.2024 (по умолчанию)\nОтветственные: не указаны (куратор)\nСтатус: ⚠️ просрочено (срок до 31.10.2024)");
    }

    [Fact]
    public async Task A_stage_opens_to_its_activities_and_an_activity_to_its_card()
    {
        await ImportAsync("kineshma-polytechnic-college");
        var stageId = await StageIdAsync("4");

        var stagePage = (await PressAsync(Curator, $"rm:s:{stageId}")).Single();
        stagePage.Should().StartWith("<b>Этап 4. Отбор и обучение</b>").And.Contain("Мероприятия:\n▶️ 1) Анализ банка наставников");

        var activityId = await FirstActivityIdAsync(stageId);
        var activityPage = (await PressAsync(Curator, $"rm:a:{activityId}")).Single();
        activityPage.Should().Contain("Анализ банка наставников").And.Contain("Сроки: как у этапа: 01.10.2024 - 31.10.2024 (по умолчанию)");
    }

    [Fact]
    public async Task The_curator_marks_a_stage_done_and_reopens_it_and_each_change_is_recorded_once()
    {
        await ImportAsync("kineshma-polytechnic-college");
        var stageId = await StageIdAsync("1");
        var curator = await harness.ParticipantAsync(Curator);

        (await PressAsync(Curator, $"rm:done:s:{stageId}")).Single().Should().Contain("Статус: ✅ выполнено");
        await PressAsync(Curator, $"rm:done:s:{stageId}"); // a second press (e.g. from a reminder) changes nothing

        (await harness.ScalarAsync<string>("SELECT concat_ws('|', status, done_at, done_by) FROM road_map_stages WHERE id = @stageId", new { stageId }))
            .Should().Be($"done|2024-10-15 06:00:00+00|{curator}");
        (await harness.ScalarAsync<string>("SELECT string_agg(concat_ws('|', action, old_value, new_value, changed_by, changed_at), ';' ORDER BY id) FROM road_map_changes"))
            .Should().Be($"done|open|done|{curator}|2024-10-15 06:00:00+00");

        harness.Clock.Advance(TimeSpan.FromHours(1));
        (await PressAsync(Curator, $"rm:reopen:s:{stageId}")).Single().Should().Contain("Статус: ⏹ срок прошёл до начала программы в боте");
        (await harness.ScalarAsync<string>("SELECT concat_ws('|', status, done_at, done_by) FROM road_map_stages WHERE id = @stageId", new { stageId })).Should().Be("open");
        (await harness.ScalarAsync<string>("SELECT string_agg(concat_ws('|', action, old_value, new_value), ';' ORDER BY id) FROM road_map_changes"))
            .Should().Be("done|open|done;reopened|done|open");
    }

    [Fact]
    public async Task The_curator_marks_an_activity_done()
    {
        await ImportAsync("kineshma-polytechnic-college");
        var activityId = await FirstActivityIdAsync(await StageIdAsync("2"));

        (await PressAsync(Curator, $"rm:done:a:{activityId}")).Single().Should().Contain("Статус: ✅ выполнено");

        (await harness.ScalarAsync<string>("SELECT status FROM road_map_activities WHERE id = @activityId", new { activityId })).Should().Be("done");
        (await harness.ScalarAsync<string>("SELECT concat_ws('|', activity_id, action) FROM road_map_changes")).Should().Be($"{activityId}|done");
    }

    [Fact]
    public async Task The_curator_changes_a_period_by_typing_it_and_a_phrase_not_understood_is_asked_again()
    {
        await ImportAsync("kineshma-polytechnic-college");
        var stageId = await StageIdAsync("4");

        (await PressAsync(Curator, $"rm:per:s:{stageId}")).Single().Should().StartWith("Напишите новые сроки для «4. Отбор и обучение» (сейчас: 01.10.2024 - 31.10.2024 (по умолчанию)).");
        (await SayAsync(Curator, "когда получится")).Single().Should().StartWith("Не понял сроки «когда получится». Например:");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM road_map_changes")).Should().Be(0);

        var replies = await SayAsync(Curator, "ноябрь-декабрь");

        replies[0].Should().Be("Сроки «4. Отбор и обучение» изменены: ноябрь-декабрь (01.11.2024 – 31.12.2024).");
        replies[1].Should().Contain("Сроки: ноябрь-декабрь\n").And.Contain("Статус: 🕓 запланировано, с 01.11.2024");
        (await harness.ScalarAsync<string>("SELECT concat_ws('|', text, starts_on, ends_on, recurrence, is_default) FROM road_map_periods WHERE stage_id = @stageId", new { stageId }))
            .Should().Be("ноябрь-декабрь|2024-11-01|2024-12-31|none|f");
        (await harness.ScalarAsync<string>("SELECT concat_ws('|', stage_id, action, old_value, new_value) FROM road_map_changes"))
            .Should().Be($"{stageId}|period_changed|01.10.2024 - 31.10.2024|ноябрь-декабрь");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM conversation_states")).Should().Be(0);
    }

    [Fact]
    public async Task Re_importing_keeps_the_periods_the_curator_changed_and_says_so()
    {
        await ImportAsync("kineshma-polytechnic-college");
        var stageId = await StageIdAsync("4");
        await PressAsync(Curator, $"rm:per:s:{stageId}");
        await SayAsync(Curator, "ноябрь-декабрь 2024");

        for (var round = 1; round <= 2; round++)
        {
            downloads.Add($"again{round}", await File.ReadAllBytesAsync(RepositoryPaths.SharedRoadmap("kineshma-polytechnic-college")));
            await SendAsync(Curator, Document(Curator, $"again{round}", "карта.txt"));
            var replies = await PressAsync(Curator, "rm:imp:yes");

            replies[0].Should().Be("Дорожная карта заменена: этапов — 7, мероприятий — 17. Сохранено отметок о выполнении: 0. Сроки, которые вы меняли, сохранены (этапов и мероприятий: 1).");
            replies[1].Should().Contain("<b>4. Отбор и обучение</b>\nСроки: ноябрь-декабрь 2024\n");
        }
    }

    [Theory]
    [InlineData("до 15 декабря", "до 15 декабря (01.09.2024 – 15.12.2024)")]
    [InlineData("не позднее 20.11.2024", "не позднее 20.11.2024 (01.09.2024 – 20.11.2024)")]
    [InlineData("к 1 марта", "к 1 марта (01.09.2024 – 01.03.2025)")]
    [InlineData("с 1 по 15 ноября", "с 1 по 15 ноября (01.11.2024 – 15.11.2024)")]
    [InlineData("с 20 ноября по 10 декабря", "с 20 ноября по 10 декабря (20.11.2024 – 10.12.2024)")]
    [InlineData("в течение месяца", "в течение месяца (15.10.2024 – 14.11.2024)")]
    [InlineData("25 декабря", "25 декабря (25.12.2024)")]
    public async Task The_period_phrases_a_curator_types_are_understood(string typed, string shown)
    {
        await ImportAsync("kineshma-polytechnic-college");
        var stageId = await StageIdAsync("4");
        await PressAsync(Curator, $"rm:per:s:{stageId}");

        (await SayAsync(Curator, typed))[0].Should().Be($"Сроки «4. Отбор и обучение» изменены: {shown}.");
    }

    [Fact]
    public async Task An_activity_period_may_be_on_demand_or_yearly()
    {
        await ImportAsync("kineshma-polytechnic-college");
        var activityId = await FirstActivityIdAsync(await StageIdAsync("2"));

        await PressAsync(Curator, $"rm:per:a:{activityId}");
        await SayAsync(Curator, "сентябрь (ежегодно), по запросу");

        (await harness.ScalarAsync<string>("SELECT string_agg(concat_ws('|', starts_on, ends_on, recurrence), ';' ORDER BY position) FROM road_map_periods WHERE activity_id = @activityId", new { activityId }))
            .Should().Be("2024-09-01|2024-09-30|yearly;on_demand");
    }

    [Fact]
    public async Task A_mentee_and_another_organisations_curator_cannot_see_or_change_the_road_map()
    {
        await ImportAsync("kineshma-polytechnic-college");
        var stageId = await StageIdAsync("1");
        var other = await harness.CreateOrganisationAsync("МБОУ СОШ № 2", "Europe/Volgograd");
        await harness.AddMemberAsync(other, OtherCurator, "Иванова Мария", [Role.Curator]);

        (await SayAsync(Mentee, "/roadmap")).Should().Equal(RoadmapTexts.NothingAssigned);
        (await PressAsync(Mentee, $"rm:done:s:{stageId}")).Should().Equal(RoadmapTexts.NothingAssigned);
        (await SayAsync(OtherCurator, "/roadmap")).Should().Equal(RoadmapTexts.NoPlanCurator);

        await ImportAsync("school-75-42", other);
        (await PressAsync(OtherCurator, $"rm:done:s:{stageId}")).Should().Equal(RoadmapTexts.ItemGone);
        (await PressAsync(OtherCurator, $"rm:s:{stageId}")).Should().Equal(RoadmapTexts.ItemGone);
        (await PressAsync(OtherCurator, $"rm:per:s:{stageId}")).Should().Equal(RoadmapTexts.ItemGone);
        (await SayAsync(777, "/roadmap")).Should().Equal(AccessTexts.NotAMember);

        (await harness.ScalarAsync<long>("SELECT count(*) FROM road_map_stages WHERE status = 'done'")).Should().Be(0);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM road_map_changes")).Should().Be(0);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM conversation_states")).Should().Be(0);
    }

    [Fact]
    public async Task Responsible_persons_are_linked_by_position_and_see_only_their_stages()
    {
        var directorId = await harness.AddMemberAsync(org, Director, "Кузнецов Иван", [Role.Head], position: "Директор");
        var deputyId = await harness.AddMemberAsync(org, Deputy, "Орлова Анна", [Role.Mentor], position: "Заместитель директора по УВР");
        var curatorId = await harness.ScalarAsync<long>("SELECT m.id FROM memberships m JOIN participants p ON p.id = m.participant_id WHERE p.id = @participant", new { participant = await harness.ParticipantAsync(Curator) });
        await ImportAsync("school-75-42");

        (await harness.ScalarAsync<string>("""
            SELECT string_agg(DISTINCT concat_ws('=', name, coalesce(membership_id::text, 'curator')), ';') FROM road_map_responsible_persons
            """)).Should().Be($"директор={directorId};зам. директора={deputyId};куратор по реализации системы наставничества={curatorId};рук. ШМО=curator");

        var page = (await SayAsync(Director, "/roadmap")).Single();
        page.Should().Contain(RoadmapTexts.OnlyYourStages).And.Contain("<b>1. Подготовка условий").And.Contain("<b>6. Завершение")
            .And.NotContain("<b>2. Формирование банка наставляемых");
        page.Should().Contain("директор — Кузнецов Иван, зам. директора — Орлова Анна");

        var stage2 = await StageIdAsync("2");
        (await PressAsync(Director, $"rm:s:{stage2}")).Should().Equal(RoadmapTexts.ItemGone);
        var stage1 = await StageIdAsync("1");
        (await PressAsync(Director, $"rm:done:s:{stage1}")).Single().Should().Contain("Статус: ✅ выполнено");
        (await PressAsync(Director, $"rm:reopen:s:{stage1}")).Should().Equal(RoadmapTexts.CuratorOnly);
        (await PressAsync(Director, $"rm:per:s:{stage1}")).Should().Equal(RoadmapTexts.CuratorOnly);
        (await harness.ScalarAsync<long>("SELECT changed_by FROM road_map_changes")).Should().Be(await harness.ParticipantAsync(Director));
    }

    [Fact]
    public async Task Unlinked_positions_are_listed_for_the_curator_who_links_them_by_hand_and_the_link_survives_a_re_import()
    {
        var teacherId = await harness.AddMemberAsync(org, Deputy, "Орлова Анна", [Role.Mentor], position: "учитель математики");
        await ImportAsync("school-75-42");

        var overview = (await SayAsync(Curator, "/roadmap")).Single();
        overview.Should().Contain("⚠️ <b>Не привязаны:</b> директор, зам. директора, рук. ШМО.");

        var shmoId = await harness.ScalarAsync<long>("SELECT min(id) FROM road_map_responsible_persons WHERE name = 'рук. ШМО'");
        (await PressAsync(Curator, "rm:link")).Single().Should().Be(RoadmapTexts.LinkPick);
        (await PressAsync(Curator, $"rm:lk:{shmoId}")).Single().Should().Be("Кто в вашей организации — «рук. ШМО»?");
        var replies = await PressAsync(Curator, $"rm:lm:{shmoId}:{teacherId}");

        replies[0].Should().Be("Готово: «рук. ШМО» — Орлова Анна (учитель математики). Напоминания по этим этапам будут приходить ему.");
        replies[1].Should().Contain("<b>Не привязаны:</b> директор, зам. директора.");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM road_map_responsible_persons WHERE name = 'рук. ШМО' AND membership_id IS DISTINCT FROM @teacherId", new { teacherId })).Should().Be(0);

        await ImportAsync("school-75-42", replace: true);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM road_map_responsible_persons WHERE name = 'рук. ШМО' AND membership_id = @teacherId", new { teacherId })).Should().BeGreaterThan(0);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM road_map_responsible_persons WHERE name = 'рук. ШМО' AND membership_id IS NULL")).Should().Be(0);
    }

    [Fact]
    public async Task Relinking_after_a_position_change_links_the_new_holder()
    {
        var memberId = await harness.AddMemberAsync(org, Director, "Кузнецов Иван", [Role.Head]);
        await ImportAsync("school-75-42");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM road_map_responsible_persons WHERE membership_id = @memberId", new { memberId })).Should().Be(0);

        await harness.ExecuteAsync("UPDATE memberships SET position = 'директор школы' WHERE id = @memberId", new { memberId });
        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        var result = await ResponsibleLinks.RelinkAsync(connection, null, org.Id, CancellationToken.None);

        result.Unlinked.Should().Equal("зам. директора", "рук. ШМО");
        (await harness.ScalarAsync<long>("SELECT count(DISTINCT name) FROM road_map_responsible_persons WHERE membership_id = @memberId", new { memberId })).Should().Be(1);
    }

    [Fact]
    public async Task An_uploaded_document_is_summarised_and_imported_only_after_confirmation()
    {
        downloads.Add("f1", await File.ReadAllBytesAsync(RepositoryPaths.SharedRoadmap("kineshma-polytechnic-college")));

        var summary = (await SendAsync(Curator, Document(Curator, "f1", "карта.txt"))).Single();

        summary.Should().StartWith("<b>Дорожная карта из файла карта.txt</b>")
            .And.Contain("Год: 2024. Этапов: 7, мероприятий: 17. Без сроков в документе: 7")
            .And.NotContain("уже есть");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM road_maps")).Should().Be(0);

        var replies = await PressAsync(Curator, "rm:imp:yes");

        replies[0].Should().Be("Дорожная карта загружена: этапов — 7, мероприятий — 17.");
        replies[1].Should().StartWith("<b>Дорожная карта</b>");
        (await harness.ScalarAsync<string>("SELECT source_name FROM road_maps WHERE organisation_id = @Id", new { org.Id })).Should().Be("карта.txt");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM conversation_states")).Should().Be(0);
        (await PressAsync(Curator, "rm:imp:yes")).Should().Equal(RoadmapTexts.UploadExpired);
    }

    [Fact]
    public async Task A_document_made_for_an_earlier_year_is_offered_for_the_current_academic_year()
    {
        // The clock says 15 October 2024: the academic year 2024/2025.
        downloads.Add("old", await File.ReadAllBytesAsync(RepositoryPaths.SharedRoadmap("kindergarten-333-volgograd")));

        var summary = (await SendAsync(Curator, Document(Curator, "old", "ДК-2022.txt"))).Single();

        summary.Should().Contain("Год: 2022").And.Contain(RoadmapTexts.UploadOutdated(2022, 2024));
        (await harness.LastButtonsAsync(Curator)).Should().Contain((RoadmapTexts.ButtonImportForYear(2024), "rm:imp:year:2024"));

        await PressAsync(Curator, "rm:imp:year:2024");

        (await harness.ScalarAsync<int>("SELECT year FROM road_maps WHERE organisation_id = @Id", new { org.Id })).Should().Be(2024);
        (await harness.ScalarAsync<DateTime>("""
            SELECT min(p.starts_on)::timestamp FROM road_map_periods p JOIN road_map_stages s ON s.id = p.stage_id
              JOIN road_maps r ON r.id = s.road_map_id WHERE r.organisation_id = @Id
            """, new { org.Id })).Year.Should().Be(2024);
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("pdf")]
    public async Task A_word_or_pdf_road_map_is_previewed_and_imported_like_the_text(string format)
    {
        var source = RoadMapFixtures.Read(await File.ReadAllTextAsync(RepositoryPaths.SharedRoadmap("school-75-42")));
        downloads.Add(format, format == "docx" ? RoadMapFixtures.Docx(source) : RoadMapFixtures.Pdf(source, rulings: true));

        (await SendAsync(Curator, Document(Curator, format, "Дорожная карта." + format))).Single().Should().Contain("Этапов: 6, мероприятий: 16");
        (await PressAsync(Curator, "rm:imp:yes"))[0].Should().Be("Дорожная карта загружена: этапов — 6, мероприятий — 16.");

        (await harness.ScalarAsync<long>("SELECT count(*) FROM road_map_stages")).Should().Be(6);
    }

    [Fact]
    public async Task The_preview_shows_stages_whom_responsible_persons_go_to_and_every_fragment_not_understood_paged()
    {
        var rows = string.Concat(Enumerable.Range(1, 12).Select(n => $"{n}.\tЭтап {n}\tмай\t{(n == 1 ? "преподаватель, директор" : "")}\tзаметка {n}\n"));
        downloads.Add("notes", Encoding.UTF8.GetBytes("Дорожная карта на 2024-2025 учебный год\n\n№\tЭтап\tСроки\tОтветственный\tПримечание\n" + rows));

        var preview = (await SendAsync(Curator, Document(Curator, "notes", "карта.txt"))).Single();

        preview.Should().Contain("<b>1. Этап 1</b> — мероприятий: 0; сроки: май");
        preview.Should().Contain("• преподаватель → Петров Пётр (преподаватель)")
            .And.Contain("• директор → не привязан: напоминания получит куратор");
        preview.Should().Contain("⚠️ <b>Не распознано: 12 фрагментов</b> (страница 1 из 2)")
            .And.Contain("• строка 2, «Примечание»: заметка 1").And.Contain("• строка 11, «Примечание»: заметка 10").And.NotContain("заметка 11");
        var more = (await PressAsync(Curator, "rm:imp:frag:2")).Single();
        more.Should().Contain("(страница 2 из 2)").And.Contain("• строка 12, «Примечание»: заметка 11").And.Contain("• строка 13, «Примечание»: заметка 12");

        (await PressAsync(Curator, "rm:imp:yes"))[0].Should().Be("Дорожная карта загружена: этапов — 12, мероприятий — 0.");
    }

    [Fact]
    public async Task A_windows_1251_document_is_read_and_a_cancelled_upload_imports_nothing()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = await File.ReadAllTextAsync(RepositoryPaths.SharedRoadmap("kindergarten-333-volgograd"));
        downloads.Add("cp", Encoding.GetEncoding(1251).GetBytes(text.Replace("«", "\"").Replace("»", "\"")));

        (await SendAsync(Curator, Document(Curator, "cp", "ДК.txt"))).Single().Should().Contain("Этапов: 7");
        (await PressAsync(Curator, "rm:imp:no")).Should().Equal(RoadmapTexts.UploadCancelled);

        (await harness.ScalarAsync<long>("SELECT count(*) FROM road_maps")).Should().Be(0);
    }

    [Fact]
    public async Task Re_uploading_over_a_plan_says_so_and_keeps_the_done_marks()
    {
        await ImportAsync("kineshma-polytechnic-college");
        await PressAsync(Curator, $"rm:done:s:{await StageIdAsync("2")}");
        downloads.Add("f2", await File.ReadAllBytesAsync(RepositoryPaths.SharedRoadmap("kineshma-polytechnic-college")));

        (await SendAsync(Curator, Document(Curator, "f2", "new.txt"))).Single().Should().Contain(RoadmapTexts.UploadReplaces);
        var replies = await PressAsync(Curator, "rm:imp:yes");

        replies[0].Should().Be("Дорожная карта заменена: этапов — 7, мероприятий — 17. Сохранено отметок о выполнении: 1.");
        (await harness.ScalarAsync<string>("SELECT status FROM road_map_stages WHERE number = '2'")).Should().Be("done");
        replies[1].Should().Contain("<b>2. Формирование банка наставляемых</b>\nСроки: 01.09.2024 - 30.09.2024 (по умолчанию)\nОтветственные: не указаны (куратор)\nСтатус: ✅ выполнено");
    }

    [Theory]
    [InlineData("binary", RoadmapTexts.FileBinary)]
    [InlineData("latin1", RoadmapTexts.FileEncoding)]
    [InlineData("notable", "Не нашёл в файле таблицу дорожной карты (строка")]
    [InlineData("huge", "Файл слишком большой")]
    [InlineData("lying", "Файл слишком большой")]
    [InlineData("corrupt-zip", "Файл повреждён: это не читаемый документ Word.")]
    [InlineData("docx-without-table", "В документе Word нет таблицы.")]
    [InlineData("encrypted-pdf", "PDF защищён паролем")]
    [InlineData("scanned-pdf", "Это скан без текстового слоя: пришлите файл Word или PDF, сохранённый из Word.")]
    [InlineData("empty", "Файл пустой.")]
    [InlineData("doc", "Это файл старого формата Word (.doc)")]
    public async Task A_bad_file_is_explained_and_leaves_the_database_untouched(string kind, string expected)
    {
        await ImportAsync("kineshma-polytechnic-college");
        var before = await harness.ScalarAsync<string>("SELECT concat_ws('|', id, source_name, md5(source_text), imported_at) FROM road_maps");
        downloads.Add("binary", [0x01, 0x02, 0x00, 0x00, 0x08]);
        downloads.Add("latin1", Encoding.Latin1.GetBytes("Road map caf\u00e9 \u00fcber alles"));
        downloads.Add("notable", Encoding.UTF8.GetBytes("Просто письмо куратору без таблицы.\nС уважением."));
        downloads.Add("huge", new byte[10]);
        downloads.Add("lying", Enumerable.Repeat((byte)'a', (int)RoadmapFeature.MaxUploadBytes + 10).ToArray());
        foreach (var bad in new[] { "corrupt-zip", "docx-without-table", "encrypted-pdf", "scanned-pdf", "empty", "doc" })
            downloads.Add(bad, RoadmapFormatTests.BadFile(bad));

        var update = Document(Curator, kind, "file.txt", kind == "huge" ? 2 * RoadmapFeature.MaxUploadBytes : kind == "lying" ? 10 : null);
        var reply = (await SendAsync(Curator, update)).Single();

        reply.Should().StartWith(expected);
        (await harness.ScalarAsync<string>("SELECT concat_ws('|', id, source_name, md5(source_text), imported_at) FROM road_maps")).Should().Be(before);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM conversation_states")).Should().Be(0);
    }

    [Fact]
    public async Task Only_the_curator_may_upload()
    {
        downloads.Add("f3", await File.ReadAllBytesAsync(RepositoryPaths.SharedRoadmap("kineshma-polytechnic-college")));

        (await SendAsync(Mentee, Document(Mentee, "f3", "карта.txt"))).Should().Equal(RoadmapTexts.DocumentsCuratorOnly);
        (await PressAsync(Mentee, "rm:imp:yes")).Should().Equal(AccessTexts.NotAllowed);

        (await harness.ScalarAsync<long>("SELECT count(*) FROM road_maps")).Should().Be(0);
        downloads.Requested.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_a_plan_the_curator_is_told_to_send_the_document() =>
        (await SayAsync(Curator, "/roadmap")).Should().Equal(RoadmapTexts.NoPlanCurator);
}
