using MentorBot.Domain.Organisations;
using MentorBot.Domain.Publishing;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Features.Pairs;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Publishing;

/// <summary>/publish through the pipeline (issue 15): the month's news with no name but those with the publication consent.</summary>
public sealed class PublishTests : IAsyncLifetime
{
    private const long Curator = 100, Petrova = 201, Sidorova = 202, Ivanov = 301;
    private readonly PipelineHarness harness = new();
    private Organisation school = null!;
    private long activityId;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync("МБОУ «Средняя школа № 42»");
        await harness.AddMemberAsync(school, Curator, "Орлова Ольга Ивановна", [Role.Curator]);
        var petrova = await harness.AddMemberAsync(school, Petrova, "Петрова Анна Сергеевна", [Role.Mentor]);
        await harness.AddMemberAsync(school, Sidorova, "Сидорова Елена Павловна", [Role.Mentor]);
        var ivanov = await harness.AddMemberAsync(school, Ivanov, "Иванов Игорь Олегович", [Role.Mentee]);
        activityId = await harness.ScalarAsync<long>("""
            INSERT INTO consent_events (organisation_id, participant_id, kind, event, text_version, channel, occurred_at)
            SELECT @org, participant_id, 'publication', 'given', 'test', 'telegram', '2026-08-01' FROM memberships WHERE id = @petrova;
            WITH x AS (INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, created_at, approved_at)
                       VALUES (@org, @petrova, @ivanov, 'approved', '2026-08-20', '2026-08-20') RETURNING id)
            INSERT INTO meetings (pair_id, logged_by, held_on, duration_minutes, kind, topic, created_at, updated_at)
            SELECT id, @petrova, '2026-08-25', 45, 'regular', 'урок Иванова', @now, @now FROM x;
            INSERT INTO events (organisation_id, kind, title, starts_at, place, audience, outcome, created_at)
            VALUES (@org, 'round_table', 'Круглый стол о лучших практиках', '2026-08-28 09:00Z', 'зал', 'everyone', 'Сидорова Елена рассказала о работе с Ивановым', @now);
            INSERT INTO practice_cases (organisation_id, author_membership_id, pair_id, topic, title, difficulty, actions, result, status, submitted_at, reviewed_at)
            SELECT @org, @petrova, id, 'работа с родителями', 'Как Игорь Олегович провёл собрание', 'a', 'b', 'c', 'approved', '2026-08-29', '2026-08-30' FROM pairs;
            WITH m AS (INSERT INTO road_maps (organisation_id, year, last_year, source_name, source_text) VALUES (@org, 2026, 2027, 'x', 'x') RETURNING id),
                 s AS (INSERT INTO road_map_stages (road_map_id, position, number, title, kind, status, done_at)
                       SELECT id, 1, '1', 'Подготовка условий', 'preparation', 'done', '2026-08-15' FROM m RETURNING id)
            INSERT INTO road_map_activities (stage_id, position, text)
            SELECT id, 1, 'Информационная поддержка: освещение программы на сайте и в социальных сетях' FROM s RETURNING id
            """, new { now = harness.Clock.GetUtcNow(), org = school.Id, petrova, ivanov });
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task The_months_news_names_only_people_with_the_publication_consent_and_marks_the_road_map()
    {
        await harness.SendAsync(Curator, harness.Text(Curator, "/publish"));
        var replies = await harness.SendAsync(Curator, harness.Press(Curator, "pub:month"));

        var text = replies[0];
        text.Should().StartWith("Программа наставничества педагогов: МБОУ «Средняя школа № 42», 02.08.2026 – 01.09.2026")
            .And.Contain("Выполнены мероприятия дорожной карты: Подготовка условий.")
            .And.Contain("Сформированы наставнические пары и группы: 1").And.Contain("провели 1 встречу")
            .And.Contain("28.08.2026 прошло мероприятие «Круглый стол о лучших практиках». Итоги: участник программы рассказала о работе с участник программы.")
            .And.Contain("Методическая копилка пополнилась практиками наставничества: «Как молодой педагог провёл собрание»")
            .And.Contain("Наставники программы: Петрова Анна Сергеевна.");
        text.Should().NotContain("Сидоров").And.NotContain("Иванов").And.NotContain("Игор").And.NotContain("Орлова");
        replies[^1].Should().Be(PublishTexts.Marked("Информационная поддержка: освещение программы на сайте и в социальных сетях", "01.09.2026"));
        var bytes = await Docx.SentDocumentAsync(harness, Curator);
        var (docx, _) = Docx.Read(bytes);
        docx.Should().StartWith("Программа наставничества педагогов: МБОУ").And.Contain("Наставники программы: Петрова Анна Сергеевна.").And.NotContain("Иванов");
        Docx.Layout(bytes).Should().Be((11906u, 16838u, 1134, 1134, 1134u, 567u, "Times New Roman", "28"), "the organisation's document layout (ГОСТ Р 7.0.97-2016)");
        Docx.SchemaErrors(bytes).Should().BeEmpty();
        (await harness.ScalarAsync<string>("SELECT activity_id || '|' || period_from || '|' || period_to FROM publications")).Should().Be($"{activityId}|2026-08-02|2026-09-01");
        (await harness.SendAsync(Curator, harness.Press(Curator, $"rm:a:{activityId}"))).Single().Should().Contain("Публикации:\n• публикация от 01.09.2026 (/publish)");
    }

    [Fact]
    public async Task Only_the_curator_publishes()
    {
        (await harness.SendAsync(Petrova, harness.Text(Petrova, "/publish"))).Should().Equal(AccessTexts.NotAllowed);
        (await harness.SendAsync(Petrova, harness.Press(Petrova, "pub:year"))).Should().Equal(AccessTexts.NotAllowed);
        (await harness.ScalarAsync<long>("SELECT count(*) FROM publications")).Should().Be(0);
    }
}
