using Dapper;
using Hangfire;
using Hangfire.Common;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Digests;
using MentorBot.Host.Scheduling;
using MentorBot.Tests.Features.Reminders;
using MentorBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static MentorBot.Tests.Features.Reminders.ReminderScenario;

namespace MentorBot.Tests.Features.Digests;

/// <summary>The weekly digest through the real database and pipeline: /digest, the weekly job, /digest_time, anonymity.</summary>
public sealed class DigestTests : IAsyncLifetime
{
    private const long CuratorUser = 100, SecondCuratorUser = 101, MentorUser = 400, MenteeUser = 500;
    private readonly PipelineHarness bot;
    private readonly List<string?> committedAtReschedule = [];

    public DigestTests() => bot = new(services =>
    {
        // Each time a digest job is rescheduled, what another connection reads as the organisation's digest time then.
        var real = services.Last(d => d.ServiceType == typeof(IRecurringJobManager)).ImplementationFactory!;
        services.AddSingleton<IRecurringJobManager>(p => new CommittedCronProbe((IRecurringJobManager)real(p), p.GetRequiredService<NpgsqlDataSource>(), committedAtReschedule));
    });

    public Task InitializeAsync() => bot.InitializeAsync();
    public Task DisposeAsync() => bot.DisposeAsync();

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Omsk);

    private async Task<(Host.Features.Organisations.Organisation Org, long Pair, long Mentee)> ProgrammeAsync()
    {
        var org = await bot.CreateOrganisationAsync("МБОУ СОШ № 1", "Asia/Omsk");
        // created after Monday 5 October's digest time, so the first digest is that of 12 October
        await bot.ExecuteAsync("UPDATE organisations SET created_at = '2026-10-10' WHERE id = @id", new { id = org.Id });
        await bot.AddMemberAsync(org, CuratorUser, "Куратова Анна", [Role.Curator]);
        await bot.AddMemberAsync(org, SecondCuratorUser, "Вторая Вера", [Role.Curator]);
        var mentor = await bot.AddMemberAsync(org, MentorUser, "Иванова Мария Петровна", [Role.Mentor]);
        var mentee = await bot.AddMemberAsync(org, MenteeUser, "Петров Олег", [Role.Mentee]);
        await bot.AddMemberAsync(org, MenteeUser + 1, "Сидорова Нина", [Role.Mentee], consented: false);
        await bot.ImportAsync(org,
            "1 | Формирование банка наставляемых | Анкетирование | сентябрь",
            "2 | Формирование банка наставников | Анкетирование | октябрь");
        var pair = await bot.ScalarAsync<long>("""
            INSERT INTO pairs (organisation_id, mentor_membership_id, mentee_membership_id, status, created_at, approved_at, starts_on)
            VALUES (@org, @mentor, @mentee, 'active', '2026-09-01', '2026-09-01', '2026-09-01') RETURNING id
            """, new { org = org.Id, mentor, mentee });
        await bot.ExecuteAsync("""
            INSERT INTO meetings (pair_id, logged_by, held_on, duration_minutes, kind, created_at, updated_at)
            VALUES (@pair, @mentor, '2026-10-06', 45, 'organizational', @now, @now),
                   (@pair, @mentor, '2026-10-13', 45, 'regular', @now, @now),
                   (@pair, @mentor, '2026-10-14', 45, 'regular', @now, @now)
            """, new { now = bot.Clock.GetUtcNow(), pair, mentor });
        return (org, pair, mentee);
    }

    private async Task AnswerPollsAsync(long pair, long mentee, int count)
    {
        for (var i = 0; i < count; i++)
            await bot.ExecuteAsync("""
                WITH m AS (
                    INSERT INTO meetings (pair_id, logged_by, held_on, duration_minutes, kind, created_at, updated_at)
                    VALUES (@pair, @mentee, '2026-09-20', 30, 'regular', @now, @now) RETURNING id)
                INSERT INTO feedback_polls (meeting_id, mentee_membership_id, due_at, expires_at, score, answered_at)
                SELECT id, @mentee, '2026-09-21', '2026-10-05', 4, '2026-09-21' FROM m
                """, new { now = bot.Clock.GetUtcNow(), pair, mentee });
    }

    private async Task<IReadOnlyList<string>> AskAsync(long user, string text, DateTimeOffset at)
    {
        bot.Clock.Set(at);
        var before = (await bot.QueuedTextsAsync(user)).Count;
        await bot.RecordAsync(bot.Text(user, text));
        await bot.ProcessAllAsync();
        return (await bot.QueuedTextsAsync(user)).Skip(before).ToList();
    }

    [Fact]
    public async Task The_curator_asks_for_the_digest_and_reads_this_weeks_figures()
    {
        await ProgrammeAsync();

        var text = (await AskAsync(CuratorUser, "/digest", At(10, 15, 11))).Should().ContainSingle().Subject;

        text.Should().Contain("Сводка по программе наставничества").And.Contain("неделя с 12.10.2026")
            .And.Contain("Этапов выполнено: 0 из 2")
            .And.Contain("В работе: 1")
            .And.Contain("Просрочено: 1\n • 1 «Формирование банка наставляемых» — срок был до 30.09.2026")
            .And.Contain("Наставников: 1")
            .And.Contain("Наставляемых: 2")
            .And.Contain("Ждём согласия: 1")
            .And.Contain("Не заполнили анкету: 3")
            .And.Contain("Сформировано: 1\n")
            .And.Contain("Наставляемых без пары: 1")
            .And.Contain("На этой неделе: 2 (на прошлой 1)")
            .And.Contain(" • Иванова Мария Петровна — Петров Олег: 2 (на прошлой 1)")
            .And.Contain("Ответов: 0. Средняя оценка появится")
            .And.Contain("1. Закройте или перенесите просроченный этап 1");
    }

    [Fact]
    public async Task Only_curators_may_ask_for_it()
    {
        await ProgrammeAsync();

        (await AskAsync(MenteeUser, "/digest", At(10, 15, 11))).Should().Equal("Эта команда доступна не всем участникам программы. Список ваших команд — /help.");
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public async Task The_feedback_average_needs_five_answers(int answers, bool shown)
    {
        var (_, pair, mentee) = await ProgrammeAsync();
        await AnswerPollsAsync(pair, mentee, answers);

        var text = (await AskAsync(CuratorUser, "/digest", At(10, 15, 11))).Single();

        if (shown) text.Should().Contain("Средняя оценка встреч: 4,0 из 5, ответов: 5");
        else text.Should().Contain("Ответов: 4. Средняя оценка появится").And.NotContain("Средняя оценка встреч");
    }

    [Fact]
    public async Task The_weekly_job_sends_each_curator_one_digest_a_week_at_nine_on_monday_in_the_organisations_zone()
    {
        await ProgrammeAsync();
        var job = DigestJob.Name;

        // Monday 12 October 08:59 Omsk: not yet.
        await bot.RunJobAsync(job, At(10, 12, 8, 59));
        (await bot.BackgroundAsync()).Should().BeEmpty();

        await Task.WhenAll(bot.RunJobAsync(job, At(10, 12, 9, 20)), bot.RunJobAsync(job, At(10, 12, 9, 20)));
        await bot.RunJobAsync(job, At(10, 13, 15));   // a later run in the same week: nothing new
        var first = await bot.BackgroundAsync();
        first.Select(s => s.ChatId).Should().BeEquivalentTo([CuratorUser, SecondCuratorUser]);
        // Monday's digest reports the week that just ended.
        first.Should().OnlyContain(s => s.Text.Contains("неделя с 05.10.2026") && s.Key.Contains(":2026-W42:"));
        first[0].DueAt.Should().Be(At(10, 12, 9, 20));

        await bot.RunJobAsync(job, At(10, 19, 10));
        (await bot.BackgroundAsync(CuratorUser)).Should().HaveCount(2);
    }

    [Fact]
    public async Task The_weekly_digest_is_followed_by_a_picture_of_the_last_eight_weeks_and_none_after_quiet_weeks()
    {
        var (org, _, _) = await ProgrammeAsync();
        await bot.ExecuteAsync("""
            UPDATE road_map_stages SET status = 'done', done_at = '2026-10-07 05:00Z'
             WHERE position = 1 AND road_map_id = (SELECT id FROM road_maps WHERE organisation_id = @id)
            """, new { id = org.Id });

        await bot.RunJobAsync(DigestJob.Name, At(10, 19, 10));

        var photo = (await bot.QueuedPhotosAsync(CuratorUser)).Should().ContainSingle().Subject;
        photo.Caption.Should().Be("За последние 8 недель: встреч — 3, этапов дорожной карты выполнено — 1.");
        photo.Content.Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "a PNG");
        (await bot.ScalarAsync<string>("SELECT kind FROM outbox WHERE chat_id = @chat ORDER BY id DESC LIMIT 1", new { chat = CuratorUser }))
            .Should().Be("photo", "the picture comes after the text");
        (await bot.QueuedPhotosAsync(SecondCuratorUser)).Should().ContainSingle();

        // Eight weeks without a meeting or a stage done: the text comes, the picture does not.
        await bot.RunJobAsync(DigestJob.Name, At(12, 28, 10));
        (await bot.BackgroundAsync(CuratorUser)).Should().HaveCount(2);
        (await bot.QueuedPhotosAsync(CuratorUser)).Should().ContainSingle();
    }

    [Fact]
    public async Task The_digest_asked_in_chat_comes_with_its_picture()
    {
        await ProgrammeAsync();

        await AskAsync(CuratorUser, "/digest", At(10, 15, 11));

        (await bot.QueuedPhotosAsync(CuratorUser)).Should().ContainSingle()
            .Which.Caption.Should().Be("За последние 8 недель: встреч — 3, этапов дорожной карты выполнено — 0.");
    }

    [Fact]
    public async Task A_missed_monday_is_sent_once_when_the_job_next_runs_that_week()
    {
        await ProgrammeAsync();

        await bot.RunJobAsync(DigestJob.Name, At(10, 14, 12));

        (await bot.BackgroundAsync(CuratorUser)).Should().ContainSingle().Which.Text.Should().Contain("неделя с 12.10.2026");
    }

    [Fact]
    public async Task The_curator_moves_the_digest_to_friday_afternoon()
    {
        var (org, _, _) = await ProgrammeAsync();

        (await AskAsync(CuratorUser, "/digest_time", At(10, 13, 11))).Single().Should().Contain("Сейчас сводка приходит: по понедельникам в 09:00");
        (await AskAsync(CuratorUser, "/digest_time завтра", At(10, 13, 11))).Single().Should().Contain("/digest_time пн 09:00");
        (await AskAsync(CuratorUser, "/digest_time пт 15:30", At(10, 13, 11))).Should().Equal("Готово: сводка будет приходить по пятницам в 15:30.");
        (await bot.ScalarAsync<string>("SELECT digest_cron FROM organisations WHERE id = @id", new { id = org.Id })).Should().Be("30 15 * * FRI");
        committedAtReschedule.Should().Equal(["30 15 * * FRI"], "the job moves only once the new time is committed");
        // The organisation's Hangfire job moved at once: Friday 16 October 15:30 in Omsk.
        var digest = bot.Services.GetRequiredService<RecurringJobs>().List().Single(j => j.Id == RecurringJobs.DigestId(org.Id));
        (digest.Cron, digest.Zone.Id, digest.NextRun).Should().Be(("30 15 * * FRI", "Asia/Omsk", At(10, 16, 15, 30)));

        await bot.RunJobAsync(DigestJob.Name, At(10, 19, 10));   // Monday: the old time no longer counts... 
        var sent = await bot.BackgroundAsync(CuratorUser);
        // ...but last Friday 15:30 (16 October) is within the week before, so that week's digest goes now, once.
        sent.Should().ContainSingle().Which.Key.Should().Contain(":2026-W42:");
        await bot.RunJobAsync(DigestJob.Name, At(10, 23, 15, 29));
        (await bot.BackgroundAsync(CuratorUser)).Should().HaveCount(1);
        await bot.RunJobAsync(DigestJob.Name, At(10, 23, 15, 31));
        (await bot.BackgroundAsync(CuratorUser)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_cron_with_named_weekdays_is_taken_and_a_numeric_weekday_is_refused_with_the_reason()
    {
        var (org, _, _) = await ProgrammeAsync();

        (await AskAsync(CuratorUser, "/digest_time 0 9 * * 1", At(10, 13, 11))).Single()
            .Should().Be("Не могу принять расписание «0 9 * * 1»: день недели укажите словом — MON, TUE, WED, THU, FRI, SAT или SUN. Номера дней в разных системах означают разное (1 — то понедельник, то воскресенье).");
        (await AskAsync(CuratorUser, "/digest_time 0 0 9 ? * MON", At(10, 13, 11))).Single().Should().Contain("нужно пять полей");
        (await bot.ScalarAsync<string>("SELECT digest_cron FROM organisations WHERE id = @id", new { id = org.Id })).Should().Be("0 9 * * MON");

        (await AskAsync(CuratorUser, "/digest_time 0 8 * * MON-FRI", At(10, 13, 11))).Should().Equal("Готово: сводка будет приходить по расписанию «0 8 * * MON-FRI».");
        var digest = bot.Services.GetRequiredService<RecurringJobs>().List().Single(j => j.Id == RecurringJobs.DigestId(org.Id));
        digest.NextRun.Should().Be(At(10, 14, 8));
    }

    [Fact]
    public async Task Only_a_curator_may_change_the_time()
    {
        await ProgrammeAsync();

        (await AskAsync(MentorUser, "/digest_time пт 15:30", At(10, 13, 11))).Should().Equal("Эта команда доступна не всем участникам программы. Список ваших команд — /help.");
    }

    /// <summary>Passes every call on; at a digest job's AddOrUpdate, records the organisation's digest_cron as a separate connection reads it.</summary>
    private sealed class CommittedCronProbe(IRecurringJobManager inner, NpgsqlDataSource dataSource, List<string?> seen) : IRecurringJobManager
    {
        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options)
        {
            if (recurringJobId.StartsWith(RecurringJobs.DigestPrefix, StringComparison.Ordinal))
            {
                using var connection = dataSource.OpenConnection();
                lock (seen) seen.Add(connection.ExecuteScalar<string?>("SELECT digest_cron FROM organisations LIMIT 1"));
            }

            inner.AddOrUpdate(recurringJobId, job, cronExpression, options);
        }

        public void Trigger(string recurringJobId) => inner.Trigger(recurringJobId);

        public void RemoveIfExists(string recurringJobId) => inner.RemoveIfExists(recurringJobId);
    }
}
