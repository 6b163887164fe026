using MentorBot.Domain.Events;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Features.Pairs;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Events;

/// <summary>Events through the pipeline (issue 15): from a road-map activity, invitations in working hours, RSVP, one reminder, attendance, outcome.</summary>
public sealed class EventsTests : IAsyncLifetime
{
    private const long Curator = 100, Head = 101, Petrova = 201, Ivanov = 301, Kuznetsova = 302;
    private readonly PipelineHarness harness = new();
    private Organisation school = null!;
    private long activityId, ivanov;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync("МБОУ «Средняя школа № 42»");
        await harness.AddMemberAsync(school, Curator, "Орлова Ольга Ивановна", [Role.Curator]);
        await harness.AddMemberAsync(school, Petrova, "Петрова Анна Сергеевна", [Role.Mentor]);
        ivanov = await harness.AddMemberAsync(school, Ivanov, "Иванов Игорь", [Role.Mentee]);
        await harness.AddMemberAsync(school, Kuznetsova, "Кузнецова Дарья", [Role.Mentee]);
        activityId = await harness.ScalarAsync<long>("""
            WITH m AS (INSERT INTO road_maps (organisation_id, year, last_year, source_name, source_text) VALUES (@org, 2026, 2027, 'x', 'x') RETURNING id),
                 s AS (INSERT INTO road_map_stages (road_map_id, position, number, title, kind) SELECT id, 7, '7', 'Завершение', 'completion' FROM m RETURNING id)
            INSERT INTO road_map_activities (stage_id, position, text)
            SELECT id, 1, 'Проведение итогового мероприятия (круглого стола) по выявлению лучших практик наставничества' FROM s RETURNING id
            """, new { org = school.Id });
        // Tuesday 1 September 2026, 20:00 in Omsk: after working hours.
        harness.Clock.Set(new DateTimeOffset(2026, 9, 1, 14, 0, 0, TimeSpan.Zero));
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private Task<IReadOnlyList<string>> SayAsync(long user, string text) => harness.SendAsync(user, harness.Text(user, text));

    private Task<IReadOnlyList<string>> PressAsync(long user, string data) => harness.SendAsync(user, harness.Press(user, data));

    private Task<long> PendingRemindersAsync() =>
        harness.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'bg:events:remind:%' AND status = 'pending'");

    private async Task<long> CreateAsync()
    {
        await SayAsync(Curator, "/event");
        await PressAsync(Curator, $"event:src:{activityId}");
        await SayAsync(Curator, "10.09.2026 15:00");
        await SayAsync(Curator, "актовый зал");
        await PressAsync(Curator, "event:a:everyone");
        await PressAsync(Curator, "event:send");
        return await harness.ScalarAsync<long>("SELECT id FROM events");
    }

    [Fact]
    public async Task An_event_from_the_road_map_invites_within_working_hours_and_reminds_those_who_come_once()
    {
        var source = await SayAsync(Curator, "/event");
        await PressAsync(Curator, $"event:src:{activityId}");
        var past = await SayAsync(Curator, "01.09.2026 10:00");
        await SayAsync(Curator, "10.09.2026 15:00");
        await SayAsync(Curator, "актовый зал");
        var summary = await PressAsync(Curator, "event:a:everyone");
        var created = await PressAsync(Curator, "event:send");
        var eventId = await harness.ScalarAsync<long>("SELECT id FROM events");

        source.Single().Should().Be(EventsTexts.AskSource);
        past.Single().Should().Be(EventsTexts.WhenHint);
        summary.Single().Should().Contain("(круглый стол)").And.Contain("Когда: 10.09.2026 15:00").And.Contain("все участники программы (3 чел.)");
        created.Single().Should().Be(EventsTexts.Created(3));
        (await harness.ScalarAsync<string>("SELECT kind || '|' || starts_at AT TIME ZONE 'UTC' || '|' || activity_id FROM events"))
            .Should().Be($"round_table|2026-09-10 09:00:00|{activityId}");
        (await harness.ScalarAsync<long>("SELECT count(DISTINCT due_at) FROM outbox WHERE idempotency_key LIKE 'bg:events:invite:%'")).Should().Be(1);
        (await harness.ScalarAsync<DateTime>("SELECT min(due_at) FROM outbox WHERE idempotency_key LIKE 'bg:events:invite:%'"))
            .Should().Be(new DateTime(2026, 9, 2, 3, 0, 0), "20:00 in Omsk is after working hours: the invitations wait for 09:00 the next working day");
        (await harness.QueuedTextsAsync(Ivanov)).Single().Should().Contain("Приглашение от куратора").And.Contain("круглого стола");
        (await harness.ButtonsAsync(Ivanov)).Should().Equal($"ev:yes:{eventId}", $"ev:no:{eventId}");

        (await PressAsync(Ivanov, $"ev:yes:{eventId}"))[^1].Should().Be(EventsTexts.ThanksYes);
        await PressAsync(Ivanov, $"ev:yes:{eventId}");
        (await PendingRemindersAsync()).Should().Be(1, "a second «Приду» does not queue a second reminder");
        (await harness.ScalarAsync<DateTime>("SELECT due_at FROM outbox WHERE idempotency_key LIKE 'bg:events:remind:%' AND status = 'pending'"))
            .Should().Be(new DateTime(2026, 9, 9, 3, 0, 0), "09:00 in Omsk the day before");
        (await PressAsync(Kuznetsova, $"ev:no:{eventId}"))[^1].Should().Be(EventsTexts.ThanksNo);
        (await PendingRemindersAsync()).Should().Be(1);
        await PressAsync(Ivanov, $"ev:no:{eventId}");
        (await PendingRemindersAsync()).Should().Be(0, "«Не смогу» cancels the reminder");
    }

    [Fact]
    public async Task The_curator_marks_attendance_and_the_outcome()
    {
        var eventId = await CreateAsync();
        await PressAsync(Ivanov, $"ev:yes:{eventId}");
        (await PressAsync(Curator, $"rm:a:{activityId}")).Single().Should().Contain("Мероприятия:\n• 10.09.2026 15:00 «Проведение итогового мероприятия")
            .And.Contain("(круглый стол) — придут: 1", "the road map shows the event on the activity it was made from");
        harness.Clock.Set(new DateTimeOffset(2026, 9, 11, 5, 0, 0, TimeSpan.Zero));

        await PressAsync(Curator, $"ev:att:{eventId}");
        (await harness.ButtonsAsync(Curator)).Should().Contain($"ev:t:{eventId}:{ivanov}");
        await PressAsync(Curator, $"ev:t:{eventId}:{ivanov}");
        await PressAsync(Curator, $"ev:out:{eventId}");
        (await SayAsync(Curator, "Выбрали три лучшие практики")).Should().Equal(EventsTexts.OutcomeSaved);

        var list = await SayAsync(Curator, "/events");
        list.Single().Should().Contain("Приглашено: 3; придут: 1; не смогут: 0; не ответили: 2.").And.Contain("Пришли: 1.").And.Contain("Итоги: Выбрали три лучшие практики");
        (await PressAsync(Curator, $"rm:a:{activityId}")).Single().Should().Contain("(круглый стол) — прошло, пришли: 1");
        var stage = await harness.ScalarAsync<long>("SELECT stage_id FROM road_map_activities");
        (await PressAsync(Curator, $"rm:s:{stage}")).Single().Should().Contain("лучших практик наставничества · 📅 1");
    }

    [Fact]
    public async Task The_weekly_digest_and_the_final_report_list_the_events_and_publications()
    {
        var eventId = await CreateAsync();
        await harness.AddMemberAsync(school, Head, "Громов Григорий Петрович", [Role.Head]); // joins after the invitations
        await PressAsync(Ivanov, $"ev:yes:{eventId}");
        (await SayAsync(Curator, "/digest"))[0].Should().Contain("<b>Мероприятия программы</b>\nВпереди (14 дней):\n • 10.09 15:00 «Проведение итогового мероприятия")
            .And.Contain("(круглый стол) — придут 1 из 3").And.NotContain("Прошли за неделю");

        harness.Clock.Set(new DateTimeOffset(2026, 9, 11, 5, 0, 0, TimeSpan.Zero)); // Friday 11:00 in Omsk
        await PressAsync(Curator, $"ev:t:{eventId}:{ivanov}");
        await PressAsync(Curator, $"ev:out:{eventId}");
        await SayAsync(Curator, "Выбрали три лучшие практики");
        await SayAsync(Curator, "/publish");
        await PressAsync(Curator, "pub:month");
        (await SayAsync(Curator, "/digest"))[0].Should().Contain("Прошли за неделю:\n • 10.09 15:00 «Проведение итогового мероприятия")
            .And.Contain("(круглый стол) — пришли 1 из 3").And.Contain("Публикации о программе за неделю: 1 (11.09.2026)").And.NotContain("Впереди");

        await PressAsync(Head, "reports:get:programme");
        var (text, rows) = Docx.Read((await harness.QueuedDocumentsAsync(Head)).Single().Content);
        text.Should().Contain(EventsTexts.ReportHeading).And.Contain("Мероприятий за учебный год: 1 (круглый стол — 1).");
        rows.Should().ContainSingle(r => r[0] == "10.09.2026 15:00").Which.Skip(2).Should().Equal("круглый стол", "3", "1", "1", "Выбрали три лучшие практики");
    }

    [Fact]
    public async Task Every_command_and_button_checks_the_role_and_the_invitation()
    {
        var eventId = await CreateAsync();

        (await SayAsync(Ivanov, "/event")).Should().Equal(AccessTexts.NotAllowed);
        (await SayAsync(Petrova, "/events")).Should().Equal(AccessTexts.NotAllowed);
        (await PressAsync(Ivanov, $"ev:att:{eventId}")).Should().Equal(AccessTexts.NotAllowed);
        (await PressAsync(Ivanov, $"ev:t:{eventId}:{ivanov}")).Should().Equal(AccessTexts.NotAllowed);
        (await PressAsync(Curator, $"ev:yes:{eventId}")).Should().ContainSingle().Which.Should().Be(EventsTexts.EventGone, "the curator was not invited to her own event");
        harness.Clock.Set(new DateTimeOffset(2026, 9, 10, 10, 0, 0, TimeSpan.Zero));
        (await PressAsync(Ivanov, $"ev:yes:{eventId}")).Should().ContainSingle().Which.Should().Be(EventsTexts.EventGone, "the event is over");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM event_invitations WHERE response IS NOT NULL OR attended IS NOT NULL")).Should().Be(0);
    }

    [Fact]
    public void Dates_and_kinds_are_read_from_what_a_curator_types_and_the_road_map_says()
    {
        var now = new DateTime(2026, 9, 1, 20, 0, 0);
        EventRules.ParseWhen("10.09.2026 15:00", now).Should().Be(new DateTime(2026, 9, 10, 15, 0, 0));
        EventRules.ParseWhen("1.10.2026 в 9.30", now).Should().Be(new DateTime(2026, 10, 1, 9, 30, 0));
        EventRules.ParseWhen("31.02.2027 10:00", now).Should().BeNull();
        EventRules.ParseWhen("завтра", now).Should().BeNull();
        EventRules.KindOf("Проведение конференции или семинара").Should().Be(EventKind.Seminar);
        EventRules.KindOf("Конкурс профессионального мастерства").Should().Be(EventKind.Contest);
        EventRules.KindOf("Анкетирование").Should().BeNull();
    }
}
