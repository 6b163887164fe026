using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Reminders;
using MentorBot.Tests.Integration;
using static MentorBot.Tests.Features.Reminders.ReminderScenario;

namespace MentorBot.Tests.Features.Reminders;

/// <summary>Nudges through the real database and pipeline: onboarding, quiet pairs, unanswered polls, /pause.</summary>
public sealed class NudgeJobTests : IAsyncLifetime
{
    private const long CuratorUser = 100, MentorUser = 400, MenteeUser = 500;
    private readonly PipelineHarness bot = new();

    public Task InitializeAsync() => bot.InitializeAsync();
    public Task DisposeAsync() => bot.DisposeAsync();

    // The harness clock starts on Tuesday 1 September 2026, 12:00 in Omsk: people join then.
    private static DateTimeOffset Day(int month, int day, int hour = 13) => new(2026, month, day, hour, 0, 0, Omsk);

    private Task RunAsync(DateTimeOffset now) => bot.RunJobAsync(NudgeJob.Name, now);

    private async Task PauseAsync(long user, DateTimeOffset at)
    {
        bot.Clock.Set(at);
        await bot.RecordAsync(bot.Text(user, "/pause"));
        await bot.ProcessAllAsync();
    }

    [Fact]
    public async Task Unfinished_onboarding_is_nudged_after_three_and_seven_days_then_never_again()
    {
        var org = await bot.CreateOrganisationAsync();
        await bot.AddMemberAsync(org, MenteeUser, "Новикова Дарья", [Role.Mentee], consented: false);

        await RunAsync(Day(9, 3));
        (await bot.BackgroundAsync()).Should().BeEmpty();
        await RunAsync(Day(9, 4));
        await RunAsync(Day(9, 4, 15));
        (await bot.BackgroundAsync()).Should().ContainSingle().Which.Text.Should().Contain("не дали согласие");
        await RunAsync(Day(9, 8));
        for (var d = 9; d <= 30; d++) await RunAsync(Day(9, d));

        var sent = await bot.BackgroundAsync(MenteeUser);
        sent.Should().HaveCount(2);
        sent[1].Text.Should().StartWith("Напоминаем ещё раз").And.Contain("Больше напоминать об этом не будем");
        sent[1].DueAt.Should().Be(Day(9, 8));
    }

    [Fact]
    public async Task A_consented_mentee_without_the_questionnaire_gets_a_button_to_continue_it_and_finished_people_get_nothing()
    {
        var org = await bot.CreateOrganisationAsync();
        await bot.AddMemberAsync(org, MenteeUser, "Новикова Дарья", [Role.Mentee]);
        var done = await bot.AddMemberAsync(org, MenteeUser + 1, "Готова Вера", [Role.Mentee]);
        await bot.ExecuteAsync("""
            INSERT INTO questionnaire_responses (membership_id, questionnaire, version, status, started_at, updated_at, completed_at)
            VALUES (@done, 'mentee_intake', 1, 'completed', @now, @now, @now)
            """, new { now = bot.Clock.GetUtcNow(), done });

        await RunAsync(Day(9, 4));

        var nudge = (await bot.BackgroundAsync()).Should().ContainSingle().Subject;
        nudge.ChatId.Should().Be(MenteeUser);
        nudge.Text.Should().Contain("не заполнили анкету");
        nudge.Payload.Should().Contain("q:start:mentee_intake");
    }

    [Fact]
    public async Task Pause_mutes_nudges_for_a_week_and_what_is_still_timely_comes_after_it()
    {
        var org = await bot.CreateOrganisationAsync();
        await bot.AddMemberAsync(org, MenteeUser, "Новикова Дарья", [Role.Mentee], consented: false);
        await PauseAsync(MenteeUser, Day(9, 2));
        (await bot.QueuedTextsAsync(MenteeUser)).Last().Should().Contain("до 08.09.2026 включительно");

        for (var d = 3; d <= 8; d++) await RunAsync(Day(9, d));
        (await bot.BackgroundAsync()).Should().BeEmpty();

        await RunAsync(Day(9, 9, 14));
        (await bot.BackgroundAsync()).Should().ContainSingle().Which.Text.Should().StartWith("Напоминаем ещё раз");
    }

    [Fact]
    public async Task Pause_twice_says_until_when_and_the_button_resumes()
    {
        var org = await bot.CreateOrganisationAsync();
        await bot.AddMemberAsync(org, MenteeUser, "Новикова Дарья", [Role.Mentee], consented: false);
        await PauseAsync(MenteeUser, Day(9, 2));
        await PauseAsync(MenteeUser, Day(9, 3));
        (await bot.QueuedTextsAsync(MenteeUser)).Last().Should().Be("Напоминания уже приостановлены до 08.09.2026 включительно.");

        await bot.RecordAsync(bot.Press(MenteeUser, "pause:off"));
        await bot.ProcessAllAsync();
        (await bot.QueuedTextsAsync(MenteeUser)).Last().Should().Be("Напоминания снова включены.");
        await RunAsync(Day(9, 4));
        (await bot.BackgroundAsync(MenteeUser)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_quiet_pair_reaches_the_mentor_after_14_days_and_the_curators_after_21_once_per_quiet_spell()
    {
        var org = await bot.CreateOrganisationAsync();
        await bot.AddMemberAsync(org, CuratorUser, "Куратова Анна", [Role.Curator]);
        var mentor = await bot.AddMemberAsync(org, MentorUser, "Иванова Мария Петровна", [Role.Mentor]);
        var mentee = await bot.AddMemberAsync(org, MenteeUser, "Петров Олег", [Role.Mentee]);
        var pair = await bot.ScalarAsync<long>("""
            INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, created_at, approved_at, starts_on)
            VALUES (@org, @mentor, @mentee, 'active', '2026-09-01', '2026-09-01', '2026-09-01') RETURNING id
            """, new { org = org.Id, mentor, mentee });
        await bot.ExecuteAsync("""
            INSERT INTO meetings (pair_id, logged_by, held_on, duration_minutes, kind, created_at, updated_at)
            VALUES (@pair, @mentor, '2026-09-10', 45, 'organizational', @now, @now)
            """, new { now = bot.Clock.GetUtcNow(), pair, mentor });

        // Onboarding is complete for neither (no questionnaires): keep only the pair's nudges in view.
        bool Quiet(Sent s) => s.Key.Contains("quiet");
        await RunAsync(Day(9, 23));
        (await bot.BackgroundAsync()).Where(Quiet).Should().BeEmpty();

        await RunAsync(Day(9, 24));
        var toMentor = (await bot.BackgroundAsync()).Where(Quiet).Should().ContainSingle().Subject;
        toMentor.ChatId.Should().Be(MentorUser);
        toMentor.Text.Should().Contain("В вашей паре с наставляемым (Петров Олег) нет отмеченных встреч уже 14 дней");

        await RunAsync(Day(10, 1));
        await RunAsync(Day(10, 2));
        var toCurator = (await bot.BackgroundAsync(CuratorUser)).Where(Quiet).Should().ContainSingle().Subject;
        toCurator.Text.Should().Contain("Пара под риском: Иванова Мария Петровна — Петров Олег: нет отмеченных встреч 21 день");
        toCurator.Payload.Should().Contain("match:live").And.Contain("Открыть пару");

        // A new meeting starts a new spell.
        await bot.ExecuteAsync("""
            INSERT INTO meetings (pair_id, logged_by, held_on, duration_minutes, kind, created_at, updated_at)
            VALUES (@pair, @mentor, '2026-10-05', 45, 'regular', @now, @now)
            """, new { now = bot.Clock.GetUtcNow(), pair, mentor });
        await RunAsync(Day(10, 12));
        (await bot.BackgroundAsync(MentorUser)).Where(Quiet).Should().HaveCount(1);
        await RunAsync(Day(10, 19));
        (await bot.BackgroundAsync(MentorUser)).Where(Quiet).Should().HaveCount(2);
    }

    [Fact]
    public async Task An_unanswered_feedback_poll_gets_one_reminder_after_five_days()
    {
        var org = await bot.CreateOrganisationAsync();
        var mentor = await bot.AddMemberAsync(org, MentorUser, "Иванова Мария Петровна", [Role.Mentor]);
        var mentee = await bot.AddMemberAsync(org, MenteeUser, "Петров Олег", [Role.Mentee]);
        var pair = await bot.ScalarAsync<long>("""
            INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, created_at, approved_at, starts_on)
            VALUES (@org, @mentor, @mentee, 'active', '2026-09-01', '2026-09-01', '2026-09-01') RETURNING id
            """, new { org = org.Id, mentor, mentee });
        var meeting = await bot.ScalarAsync<long>("""
            INSERT INTO meetings (pair_id, logged_by, held_on, duration_minutes, kind, created_at, updated_at)
            VALUES (@pair, @mentor, '2026-09-10', 45, 'organizational', @now, @now) RETURNING id
            """, new { now = bot.Clock.GetUtcNow(), pair, mentor });
        var poll = await bot.ScalarAsync<long>("""
            INSERT INTO feedback_polls (meeting_id, mentee_membership_id, due_at, expires_at)
            VALUES (@meeting, @mentee, '2026-09-10T10:00:00Z', '2026-09-24T10:00:00Z') RETURNING id
            """, new { meeting, mentee });
        bool Poll(Sent s) => s.Key.Contains("poll");

        await RunAsync(Day(9, 15, 15));
        (await bot.BackgroundAsync()).Where(Poll).Should().BeEmpty();
        await Task.WhenAll(RunAsync(Day(9, 15, 17)), RunAsync(Day(9, 15, 17)));
        await RunAsync(Day(9, 16));

        var reminder = (await bot.BackgroundAsync(MenteeUser)).Where(Poll).Should().ContainSingle().Subject;
        reminder.Text.Should().Contain("не ответили на короткий опрос");
        reminder.Payload.Should().Contain($"poll:score:{poll}:1").And.Contain($"poll:score:{poll}:5");
        reminder.Key.Should().NotBe($"bg:poll:{poll}.0", "the reminder must not share the poll message's key, or the outbox would drop it");
        (await bot.ScalarAsync<DateTime?>("SELECT reminded_at FROM feedback_polls WHERE id = @poll", new { poll })).Should().NotBeNull();
        (await bot.ScalarAsync<DateTime?>("SELECT expires_at FROM outbox WHERE idempotency_key = @key", new { key = reminder.Key }))
            .Should().Be(new DateTime(2026, 9, 24, 10, 0, 0, DateTimeKind.Utc), "past the poll's expiry the reminder is dropped, not sent");
    }

    [Fact]
    public async Task An_unfilled_satisfaction_survey_gets_one_reminder_to_each_side_who_has_not_answered()
    {
        var org = await bot.CreateOrganisationAsync();
        var mentor = await bot.AddMemberAsync(org, MentorUser, "Иванова Мария Петровна", [Role.Mentor]);
        var mentee = await bot.AddMemberAsync(org, MenteeUser, "Петров Олег", [Role.Mentee]);
        var pair = await bot.ScalarAsync<long>("""
            INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, created_at, approved_at, starts_on)
            VALUES (@org, @mentor, @mentee, 'active', '2026-09-01', '2026-09-01', '2026-09-01') RETURNING id
            """, new { org = org.Id, mentor, mentee });
        await bot.ExecuteAsync("""
            INSERT INTO plan_items (pair_id, position, kind, title, due_on) VALUES (@pair, 1, 'satisfaction_survey', 'Анкета удовлетворённости', '2026-12-01');
            INSERT INTO questionnaire_responses (membership_id, questionnaire, version, context_key, status, started_at, updated_at, completed_at)
            VALUES (@mentor, 'satisfaction_mentor', 1, 'pair:' || @pair, 'completed', @now, @now, @now);
            """, new { now = bot.Clock.GetUtcNow(), pair, mentor });
        bool Survey(Sent s) => s.Key.Contains("survey");

        await RunAsync(new DateTimeOffset(2026, 12, 4, 10, 0, 0, Omsk));
        (await bot.BackgroundAsync()).Where(Survey).Should().BeEmpty();
        await RunAsync(new DateTimeOffset(2026, 12, 7, 10, 0, 0, Omsk));
        await RunAsync(new DateTimeOffset(2026, 12, 8, 10, 0, 0, Omsk));

        var reminder = (await bot.BackgroundAsync()).Where(Survey).Should().ContainSingle().Subject;
        reminder.ChatId.Should().Be(MenteeUser);
        reminder.Payload.Should().Contain($"q:start:satisfaction_mentee:pair:{pair}");
    }
}
