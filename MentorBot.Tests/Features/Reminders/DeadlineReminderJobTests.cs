using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Reminders;
using MentorBot.Tests.Integration;
using static MentorBot.Tests.Features.Reminders.ReminderScenario;

namespace MentorBot.Tests.Features.Reminders;

/// <summary>Stage-deadline reminders through the real database: who gets what, when, once.</summary>
public sealed class DeadlineReminderJobTests : IAsyncLifetime
{
    private const long CuratorUser = 100, DeputyUser = 200, MenteeUser = 300;
    private readonly PipelineHarness bot = new();

    public Task InitializeAsync() => bot.InitializeAsync();
    public Task DisposeAsync() => bot.DisposeAsync();

    private async Task<(Host.Features.Organisations.Organisation Org, IReadOnlyDictionary<string, long> Stages, long Deputy)> SchoolAsync(string zone = "Asia/Omsk", long userOffset = 0)
    {
        var org = await bot.CreateOrganisationAsync("МБОУ СОШ № 1", zone);
        await bot.AddMemberAsync(org, CuratorUser + userOffset, "Куратова Анна Сергеевна", [Role.Curator]);
        var deputy = await bot.AddMemberAsync(org, DeputyUser + userOffset, "Замова Ольга Ивановна", [Role.Head], position: "заместитель директора");
        var stages = await bot.ImportAsync(org,
            "1 | Формирование банка наставляемых | Анкетирование | октябрь",
            "2 | Отбор и обучение | Обучение наставников | по запросу");
        await bot.MakeResponsibleAsync(stages["1"], deputy);
        return (org, stages, deputy);
    }

    private Task RunAsync(DateTimeOffset now) => bot.RunJobAsync(DeadlineReminderJob.Name, now);

    [Fact]
    public async Task The_responsible_person_hears_on_the_start_day_three_days_before_and_when_overdue_and_the_curator_from_the_second_notice()
    {
        var (_, stages, _) = await SchoolAsync();

        // Thursday 1 October, 07:00 in Omsk: before working hours, so due at 09:00.
        await RunAsync(new DateTimeOffset(2026, 10, 1, 7, 0, 0, Omsk));
        var start = (await bot.BackgroundAsync()).Should().ContainSingle().Subject;
        start.ChatId.Should().Be(DeputyUser);
        start.DueAt.Should().Be(new DateTimeOffset(2026, 10, 1, 9, 0, 0, Omsk));
        start.Text.Should().Contain("Сегодня начинается этап 1 «Формирование банка наставляемых»").And.Contain("Срок — до 31.10.2026");
        start.Payload.Should().Contain("Отметить выполненным").And.Contain($"rm:done:s:{stages["1"]}").And.Contain("Открыть дорожную карту").And.Contain("rm:open");

        // 31 October is a Saturday: three days before is Wednesday the 28th.
        await RunAsync(new DateTimeOffset(2026, 10, 28, 10, 0, 0, Omsk));
        (await bot.BackgroundAsync()).Last().Text.Should().Contain("Через 3 дня срок: этап 1");

        // Overdue on Monday 2 November (the working day after the end), the deputy only.
        await RunAsync(new DateTimeOffset(2026, 11, 2, 10, 0, 0, Omsk));
        var overdue = (await bot.BackgroundAsync()).Last();
        overdue.ChatId.Should().Be(DeputyUser);
        overdue.Text.Should().Contain("Просрочено: этап 1").And.Contain("Срок был до 31.10.2026");
        (await bot.BackgroundAsync(CuratorUser)).Should().BeEmpty();

        // A week later: the deputy again, and the curator gets a copy naming who is responsible.
        await RunAsync(new DateTimeOffset(2026, 11, 9, 10, 0, 0, Omsk));
        (await bot.BackgroundAsync(DeputyUser)).Last().Text.Should().Contain("напоминание № 2");
        (await bot.BackgroundAsync(CuratorUser)).Should().ContainSingle()
            .Which.Text.Should().Contain("копию как куратор").And.Contain("Заместитель директора");
        (await bot.BackgroundAsync()).Should().HaveCount(5);
    }

    [Fact]
    public async Task Running_twice_or_on_two_instances_at_once_sends_once()
    {
        await SchoolAsync();
        var monday = new DateTimeOffset(2026, 11, 9, 10, 0, 0, Omsk);

        await Task.WhenAll(RunAsync(monday), RunAsync(monday), RunAsync(monday.AddHours(1)));
        await RunAsync(monday.AddHours(2));

        (await bot.BackgroundAsync()).Select(s => s.ChatId).Should().BeEquivalentTo([DeputyUser, CuratorUser]);
    }

    [Fact]
    public async Task Omsk_and_Volgograd_get_the_same_reminder_at_their_own_nine_oclock_and_evenings_move_to_the_next_working_day()
    {
        await SchoolAsync("Asia/Omsk");
        await SchoolAsync("Europe/Volgograd", userOffset: 1);

        // 03:30 UTC: 09:30 in Omsk, 06:30 in Volgograd.
        var now = new DateTimeOffset(2026, 10, 1, 3, 30, 0, TimeSpan.Zero);
        await RunAsync(now);
        (await bot.BackgroundAsync(DeputyUser)).Single().DueAt.Should().Be(now);
        (await bot.BackgroundAsync(DeputyUser + 1)).Single().DueAt.Should().Be(new DateTimeOffset(2026, 10, 1, 9, 0, 0, Volgograd));
    }

    [Fact]
    public async Task After_working_hours_the_reminder_waits_for_the_next_working_morning()
    {
        await SchoolAsync();

        // Friday 30 October 19:00 Omsk is after 18:00 (the reminder of Wednesday the 28th is still due); the next working day is Monday 2 November.
        await RunAsync(new DateTimeOffset(2026, 10, 30, 19, 0, 0, Omsk));
        (await bot.BackgroundAsync()).Single().DueAt.Should().Be(new DateTimeOffset(2026, 11, 2, 9, 0, 0, Omsk));
    }

    [Fact]
    public async Task Working_hours_are_the_organisations_own()
    {
        var (org, _, _) = await SchoolAsync();
        await bot.ExecuteAsync("UPDATE organisations SET working_hours_start = '10:30', working_hours_end = '16:00' WHERE id = @id", new { id = org.Id });

        await RunAsync(new DateTimeOffset(2026, 10, 1, 9, 0, 0, Omsk));
        (await bot.BackgroundAsync()).Single().DueAt.Should().Be(new DateTimeOffset(2026, 10, 1, 10, 30, 0, Omsk));
    }

    [Fact]
    public async Task Without_a_linked_responsible_person_the_curator_is_reminded_and_done_stages_are_not()
    {
        var org = await bot.CreateOrganisationAsync();
        await bot.AddMemberAsync(org, CuratorUser, "Куратова Анна Сергеевна", [Role.Curator]);
        var stages = await bot.ImportAsync(org,
            "1 | Формирование банка наставляемых | Анкетирование | октябрь",
            "2 | Формирование банка наставников | Анкетирование | октябрь");
        await bot.ExecuteAsync("UPDATE road_map_stages SET status = 'done', done_at = '2026-09-20' WHERE id = @id", new { id = stages["2"] });

        await RunAsync(new DateTimeOffset(2026, 10, 1, 10, 0, 0, Omsk));

        (await bot.BackgroundAsync(CuratorUser)).Should().ContainSingle().Which.Text.Should().Contain("этап 1 «Формирование банка наставляемых»");
    }

    [Fact]
    public async Task Deadline_reminders_cannot_be_paused_but_a_person_who_blocked_the_bot_gets_nothing()
    {
        await SchoolAsync();
        await bot.RecordAsync(bot.Text(DeputyUser, "/pause"));
        await bot.ProcessAllAsync();

        await RunAsync(new DateTimeOffset(2026, 10, 1, 10, 0, 0, Omsk));
        (await bot.BackgroundAsync(DeputyUser)).Should().ContainSingle();

        await bot.ExecuteAsync("UPDATE participants SET status = 'unreachable' WHERE id = @participant", new { participant = await bot.ParticipantAsync(DeputyUser) });
        await RunAsync(new DateTimeOffset(2026, 10, 28, 10, 0, 0, Omsk));
        (await bot.BackgroundAsync(DeputyUser)).Should().ContainSingle();
    }

    [Fact]
    public async Task On_demand_stages_never_remind()
    {
        var org = await bot.CreateOrganisationAsync();
        await bot.AddMemberAsync(org, CuratorUser, "Куратова Анна Сергеевна", [Role.Curator]);
        await bot.ImportAsync(org, "1 | Отбор и обучение | Обучение наставников | по запросу");

        for (var day = new DateTimeOffset(2026, 9, 1, 10, 0, 0, Omsk); day.Year == 2026; day = day.AddDays(5))
            await RunAsync(day);

        (await bot.BackgroundAsync()).Should().BeEmpty();
    }
}
