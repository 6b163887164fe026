using System.Globalization;
using MentorBot.Domain.Invites;
using MentorBot.Domain.Meetings;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Reminders;
using MentorBot.Domain.Roadmaps;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Digests;
using MentorBot.Host.Features.Invites;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Reminders;
using MentorBot.Host.Features.Roadmaps;
using MentorBot.Tests.Features.Invites;
using MentorBot.Tests.Features.Questionnaires;
using MentorBot.Tests.Integration;
using MentorBot.Tests.Roadmaps;
using static MentorBot.Tests.Features.Reminders.ReminderScenario;

namespace MentorBot.Tests.Features.Reminders;

/// <summary>
/// A simulated term (1 September – 15 November 2026) on a fake clock, through the real pipeline and PostgreSQL:
/// a school in Omsk (UTC+6) and a kindergarten in Volgograd (UTC+3) onboard their people through chat, import their
/// real road maps, match and approve pairs, log meetings by message and answer polls; one pair goes quiet. The
/// background jobs run twice a day (twice at each instant) and on Wednesday nights; the test then reads the outbox:
/// who got which reminder, nudge, poll and digest, and when.
/// </summary>
public sealed class SimulatedTermTests : IAsyncLifetime
{
    // Omsk school: a curator («методист»), three mentors (Иванова also heads the maths department, «рук. ШМО»
    // in the road map), six mentees. Volgograd kindergarten: a curator, a mentor, a mentee.
    private const long Curator = 1000, Ivanova = 1101, Smirnov = 1102, Kozlova = 1103;
    private static readonly long[] Mentees = [1201, 1202, 1203, 1204, 1205, 1206];
    private const long VCurator = 2000, VMentor = 2101, VMentee = 2201;

    private static readonly DateOnly TermStart = new(2026, 9, 1), TermEnd = new(2026, 11, 15);
    private static readonly DateOnly Holiday = new(2026, 11, 4); // День народного единства
    private static readonly string[] Jobs = [DeadlineReminderJob.Name, NudgeJob.Name, DigestJob.Name, "pair-term-end"];

    private readonly PipelineHarness bot = Onboarding.NewHarness();
    private Organisation school = null!, kindergarten = null!;
    private readonly Dictionary<long, long> membership = [];
    private IReadOnlyDictionary<string, long> stages = null!;
    private IReadOnlyDictionary<string, string> stageTitles = null!;
    private long quietPair;
    private readonly List<string> pollsUnanswered = [];

    public Task InitializeAsync() => bot.InitializeAsync();
    public Task DisposeAsync() => bot.DisposeAsync();

    private static DateTimeOffset OmskTime(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), Omsk);

    private static DateTimeOffset Utc(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    [Fact]
    public async Task A_term_in_Omsk_and_Volgograd_reminds_nudges_polls_and_digests_the_right_people_at_the_right_local_time_once()
    {
        await SetUpAsync();
        await RunTermAsync();

        var sent = await bot.BackgroundAsync();
        AssertDeadlineReminders(sent);
        AssertQuietPairNudges(sent);
        AssertPollsAndPollReminders(sent);
        AssertDigests(sent);
        AssertDeliveryWindows(sent);
        await AssertNothingTwiceAsync(sent);
    }

    // ---------------------------------------------------------------- setup through chat

    private async Task SetUpAsync()
    {
        // 1 September 2026, 12:00 in Omsk, 09:00 in Volgograd: both organisations start today.
        school = await OrganisationStore.CreateAsync(bot.Database.DataSource, "МБОУ СОШ № 75/42", "Asia/Omsk", bot.Clock.GetUtcNow(), default);
        kindergarten = await OrganisationStore.CreateAsync(bot.Database.DataSource, "МОУ детский сад № 333", "Europe/Volgograd", bot.Clock.GetUtcNow(), default);

        await JoinAsync(Curator, await CuratorInviteAsync(school), Role.Curator, "Орлова Ольга Ивановна", "методист");
        await JoinAsync(Ivanova, await InviteAsync(Curator, Role.Mentor), Role.Mentor, "Иванова Мария Петровна", "руководитель ШМО учителей математики", "математика", ["планирование уроков", "работа с родителями"]);
        await JoinAsync(Smirnov, await InviteAsync(Curator, Role.Mentor), Role.Mentor, "Смирнов Павел Андреевич", "учитель истории", "история", ["дисциплина и управление классом", "документация и ФГОС"]);
        await JoinAsync(Kozlova, await InviteAsync(Curator, Role.Mentor), Role.Mentor, "Козлова Елена Викторовна", "учитель русского языка", "русский язык", ["цифровые инструменты", "подготовка к ОГЭ и ЕГЭ"]);
        string[] names = ["Белов Игорь", "Грачёва Дарья", "Дёмина Вера", "Ершов Олег", "Жукова Нина", "Зотова Алла"];
        string[] subjects = ["математика", "математика", "история", "история", "русский язык", "русский язык"];
        string[][] needs = [["планирование уроков"], ["работа с родителями"], ["дисциплина и управление классом"], ["документация и ФГОС"], ["цифровые инструменты"], ["подготовка к ОГЭ и ЕГЭ"]];
        for (var i = 0; i < Mentees.Length; i++)
            await JoinAsync(Mentees[i], await InviteAsync(Curator, Role.Mentee), Role.Mentee, names[i], "учитель", subjects[i], needs[i]);

        await JoinAsync(VCurator, await CuratorInviteAsync(kindergarten), Role.Curator, "Волкова Светлана Юрьевна", "старший воспитатель");
        await JoinAsync(VMentor, await InviteAsync(VCurator, Role.Mentor), Role.Mentor, "Лаптева Галина Ивановна", "воспитатель", "дошкольное образование", ["работа с родителями"]);
        await JoinAsync(VMentee, await InviteAsync(VCurator, Role.Mentee), Role.Mentee, "Морозова Юлия", "воспитатель", "дошкольное образование", ["работа с родителями"]);

        (await bot.ScalarAsync<long>("SELECT count(*) FROM questionnaire_responses WHERE status = 'completed'")).Should().Be(13, "everyone finished onboarding in chat");
        (await bot.ScalarAsync<long>("SELECT count(*) FROM current_consents WHERE event = 'given'")).Should().Be(13 + 4, "personal data for all, mentoring duties for the four mentors");

        // The road maps, as `roadmap import FILE --org ORG --year 2026` stores them. Imported after the people joined,
        // so «рук. ШМО» links to Иванова by her position and «куратор …» to the curator.
        stages = await ImportSharedAsync(school, "school-75-42");
        stageTitles = (await QueryAsync<(string Number, string Title)>("SELECT number, title FROM road_map_stages WHERE id = ANY(@ids)", new { ids = stages.Values.ToArray() }))
            .ToDictionary(s => s.Number, s => s.Title);
        await ImportSharedAsync(kindergarten, "kindergarten-333-volgograd");
        // Stage 1 (June–August 2020, August–September) and stage 6 (May) lie before the term: the curator closes them.
        await bot.PressAsync(Curator, $"rm:done:s:{stages["1"]}");
        await bot.PressAsync(Curator, $"rm:done:s:{stages["6"]}");

        // Matching and approval in chat.
        await bot.SendAsync(Curator, "/match");
        await bot.PressAsync(Curator, "match:all");
        await bot.SendAsync(VCurator, "/match");
        await bot.PressAsync(VCurator, "match:all");
        (await bot.ScalarAsync<long>("SELECT count(*) FROM pairs WHERE status = 'approved' AND organisation_id = @id", new { id = school.Id })).Should().Be(6);
        (await bot.ScalarAsync<long>("SELECT count(*) FROM pairs WHERE status = 'approved' AND organisation_id = @id", new { id = kindergarten.Id })).Should().Be(1);
        // The quiet pair: one of Козлова's two mentees.
        quietPair = await bot.ScalarAsync<long>("SELECT min(id) FROM pairs WHERE mentor_membership_id = @m", new { m = membership[Kozlova] });
    }

    private async Task<string> CuratorInviteAsync(Organisation organisation)
    {
        // What `org create` does after inserting the organisation: a curator invite.
        await using var connection = await bot.Database.DataSource.OpenConnectionAsync();
        return (await InviteStore.CreateAsync(connection, null, organisation.Id, Role.Curator, InviteRules.DefaultLimits(Role.Curator), null, bot.Clock.GetUtcNow(), default)).Token;
    }

    /// <summary>The curator's /invite in chat; returns the token of the link it shows.</summary>
    private async Task<string> InviteAsync(long curator, Role role)
    {
        await bot.SendAsync(curator, "/invite");
        await bot.PressAsync(curator, $"invite:new:{role.Code()}");
        return Onboarding.TokenIn(await bot.LastTextAsync(curator));
    }

    /// <summary>/start TOKEN, the consents, and the whole intake questionnaire of the role, in chat.</summary>
    private async Task JoinAsync(long user, string token, Role role, string fullName, string position, string? subject = null, string[]? topics = null)
    {
        var chat = new QuestionnaireChat(bot, user);
        await chat.TypeAsync($"/start {token}");
        await chat.PressDataAsync("consent:yes:personal_data");
        if (role == Role.Mentor) await chat.PressDataAsync("consent:yes:mentoring_duties");
        await chat.TypeAsync(fullName);
        await chat.TypeAsync(position);
        if (role == Role.Mentor)
        {
            foreach (var text in new[] { subject!, "15" }) await chat.TypeAsync(text);
            await chat.PressAsync("высшая");
            foreach (var topic in topics!) await chat.PressAsync(topic);
            await chat.PressAsync("Готово");
            await chat.PressAsync("2");
            await chat.PressAsync("любая");
            await chat.PressAsync("оба варианта подходят");
            await chat.TypeAsync("среда после уроков");
        }
        else if (role == Role.Mentee)
        {
            foreach (var text in new[] { subject!, "2" }) await chat.TypeAsync(text);
            foreach (var topic in topics!) await chat.PressAsync(topic);
            await chat.PressAsync("Готово");
            await chat.PressAsync("индивидуальная");
            await chat.PressAsync("очно");
            await chat.TypeAsync("Хочу увереннее вести уроки.");
            while ((await chat.LastTextAsync()).Contains("Самооценка")) await chat.PressAsync("6");
        }

        (await chat.LastTextAsync()).Should().NotContain("?", $"{fullName} should have finished the questionnaire");
        membership[user] = await bot.ScalarAsync<long>(
            "SELECT m.id FROM memberships m JOIN participants p ON p.id = m.participant_id WHERE p.id = @participant", new { participant = await bot.ParticipantAsync(user) });
    }

    private async Task<IReadOnlyDictionary<string, long>> ImportSharedAsync(Organisation organisation, string name)
    {
        var text = await File.ReadAllTextAsync(RepositoryPaths.SharedRoadmap(name));
        var map = RoadMapParser.Parse(text, new RoadMapParseOptions(TermStart, 2026));
        var result = await new RoadMapImport(bot.Database.DataSource, bot.Clock).ImportAsync(organisation.Id, map, new RoadMapSource(name + ".txt", text), false, default);
        result.Outcome.Should().Be(RoadMapImportOutcome.Imported);
        var rows = await QueryAsync<(string Number, long Id)>(
            "SELECT s.number, s.id FROM road_map_stages s JOIN road_maps r ON r.id = s.road_map_id WHERE r.organisation_id = @id", new { id = organisation.Id });
        return rows.ToDictionary(r => r.Number.TrimEnd('.'), r => r.Id);
    }

    // ---------------------------------------------------------------- the term

    /// <summary>
    /// Day by day: jobs at 04:00 UTC (10:00 Omsk, 07:00 Volgograd — before its working day) and 07:00 UTC (13:00 Omsk,
    /// 10:00 Volgograd), each job twice at the same instant, and at 20:00 UTC on Wednesdays (02:00 on Thursday in Omsk, 23:00 in Volgograd).
    /// Meetings are logged on Wednesdays at 14:00 Omsk; mentees answer polls on Thursdays.
    /// </summary>
    private async Task RunTermAsync()
    {
        for (var day = TermStart; day <= TermEnd; day = day.AddDays(1))
        {
            if (day > TermStart) await RunJobsAsync(Utc(day, 4));
            if (day == new DateOnly(2026, 9, 28)) await bot.PressAsync(Ivanova, $"rm:done:s:{stages["3"]}"); // Иванова closes stage 3 in time
            if (day == new DateOnly(2026, 10, 16)) await bot.PressAsync(Curator, $"rm:done:s:{stages["2"]}"); // stage 2, after three overdue notices
            if (day.DayOfWeek == DayOfWeek.Wednesday) await LogMeetingsAsync(day);
            if (day.DayOfWeek == DayOfWeek.Thursday) await AnswerPollsAsync(day);
            await RunJobsAsync(Utc(day, 7));
            if (day.DayOfWeek == DayOfWeek.Wednesday) await RunJobsAsync(Utc(day, 20));
        }
    }

    private async Task RunJobsAsync(DateTimeOffset now)
    {
        bot.Clock.Set(now);
        foreach (var job in Jobs)
        {
            await bot.RunJobAsync(job, now);
            await bot.RunJobAsync(job, now);
        }
    }

    private async Task LogMeetingsAsync(DateOnly day)
    {
        bot.Clock.Set(OmskTime(day, 14));
        // The quiet pair meets on 2 September, then not again until 21 October, then never.
        var quietMeets = day == new DateOnly(2026, 9, 2) || day == new DateOnly(2026, 10, 21);
        var pairs = await QueryAsync<(long Pair, long MentorUser)>("""
            SELECT p.id, a.external_user_id FROM pairs p
              JOIN memberships m ON m.id = p.mentor_membership_id JOIN messenger_accounts a ON a.participant_id = m.participant_id AND a.messenger = 'telegram'
             WHERE p.status IN ('approved', 'active') ORDER BY p.id
            """);
        foreach (var (pair, mentor) in pairs)
            if (pair != quietPair || quietMeets)
                await LogAsync(mentor, pair, "Встретились сегодня, 45 минут, тема: разбор урока");
    }

    /// <summary>One message → the card (asking which mentee when the mentor has several) → «Сохранить».</summary>
    private async Task LogAsync(long mentor, long pair, string text)
    {
        var before = await bot.ScalarAsync<long>("SELECT count(*) FROM meetings WHERE pair_id = @pair", new { pair });
        await bot.SendAsync(mentor, text);
        if (await bot.LastTextAsync(mentor) == MeetingsTexts.AskPair) await bot.PressAsync(mentor, $"meet:pair:{pair}");
        await bot.PressAsync(mentor, "meet:save");
        (await bot.LastTextAsync(mentor)).Should().Be(MeetingsTexts.Saved);
        (await bot.ScalarAsync<long>("SELECT count(*) FROM meetings WHERE pair_id = @pair", new { pair })).Should().Be(before + 1);
    }

    /// <summary>
    /// Thursday 12:30 Omsk (09:30 Volgograd): mentees answer the polls they have received with 4 or 5. In the first week two of the five leave theirs
    /// unanswered (so the digest of 7 September has four answers, below the anonymity threshold of five).
    /// </summary>
    private async Task AnswerPollsAsync(DateOnly day)
    {
        bot.Clock.Set(OmskTime(day, 12, 30));
        var open = await QueryAsync<(long Poll, long MenteeUser)>("""
            SELECT f.id, a.external_user_id FROM feedback_polls f
              JOIN memberships m ON m.id = f.mentee_membership_id JOIN messenger_accounts a ON a.participant_id = m.participant_id AND a.messenger = 'telegram'
             WHERE f.answered_at IS NULL AND f.due_at <= @now AND f.expires_at > @now ORDER BY f.id
            """, new { now = bot.Clock.GetUtcNow().UtcDateTime });
        var first = day == new DateOnly(2026, 9, 3);
        foreach (var (poll, mentee) in open)
        {
            if (first && (mentee == Mentees[4] || mentee == Mentees[5]))
            {
                pollsUnanswered.Add($"bg:poll-reminder:{poll}.0");
                continue;
            }

            await bot.PressAsync(mentee, $"poll:score:{poll}:{(poll % 2 == 0 ? 4 : 5)}");
        }
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = await bot.Database.DataSource.OpenConnectionAsync();
        return (await Dapper.SqlMapper.QueryAsync<T>(connection, sql, args)).ToList();
    }

    // ---------------------------------------------------------------- what was sent

    private IEnumerable<Sent> To(IEnumerable<Sent> sent, long user) => sent.Where(s => s.ChatId == user);

    private void AssertDeadlineReminders(IReadOnlyList<Sent> sent)
    {
        var closed = new[] { $"bg:dl:{StableKey("1")}:", $"bg:dl:{StableKey("6")}:" };
        var omsk = sent.Where(s => s.Key.StartsWith("bg:dl:", StringComparison.Ordinal) && s.ChatId is not (VCurator or VMentor or VMentee)).ToList();

        // Nothing for the closed stages 1 and 6; mentees and the other mentors are nobody's owners.
        omsk.Where(s => closed.Any(c => s.Key.StartsWith(c, StringComparison.Ordinal))).Should().BeEmpty();
        omsk.Select(s => s.ChatId).Distinct().Should().BeEquivalentTo([Ivanova, Curator]);

        // Иванова («рук. ШМО») owns stages 2–6; «куратор …» co-owns stage 5; stage 2's «зам. директора» is nobody here.
        var ivanova = To(omsk, Ivanova).Select(s => (s.Key, Local(s.DueAt, Omsk))).ToList();
        ivanova.Should().Equal(
            (Key("2", "20260901:start1", Ivanova), "01.09 13:00"),
            (Key("3", "20260901:start1", Ivanova), "01.09 13:00"),
            (Key("4", "20260901:start1", Ivanova), "01.09 13:00"),
            (Key("5", "20260901:start1", Ivanova), "01.09 13:00"),
            // 30 September − 3 days is Sunday the 27th: Friday the 25th.
            (Key("2", "20260901:before1", Ivanova), "25.09 10:00"),
            (Key("3", "20260901:before1", Ivanova), "25.09 10:00"),
            // Stage 3 was marked done on the 28th; stage 2 goes overdue the working day after the end (Thursday 1 October),
            // then weekly. The night run at 02:00 Omsk finds each notice first: it is due at 09:00, not at night.
            (Key("2", "20260901:overdue:20261001", Ivanova), "01.10 09:00"),
            (Key("2", "20260901:overdue:20261008", Ivanova), "08.10 09:00"),
            (Key("2", "20260901:overdue:20261015", Ivanova), "15.10 09:00"));
        To(omsk, Ivanova).Single(s => s.Key.Contains(":overdue:20261008:")).Text.Should().Contain("Просрочено: этап 2").And.Contain("напоминание № 2");

        // The curator: stage 5's start as its co-owner, and copies of stage 2's overdue notices from the second on.
        var curator = To(omsk, Curator).ToList();
        curator.Select(s => (s.Key, Local(s.DueAt, Omsk))).Should().Equal(
            (Key("5", "20260901:start1", Curator), "01.09 13:00"),
            (Key("2", "20260901:overdue:20261008", Curator), "08.10 09:00"),
            (Key("2", "20260901:overdue:20261015", Curator), "15.10 09:00"));
        curator[1].Text.Should().Contain("копию как куратор").And.Contain("рук. ШМО");

        // Volgograd: the kindergarten's road map has no responsible column, so its curator gets them, at 09:00 Volgograd
        // when the job ran before the working day there (04:00 UTC = 07:00), else at once.
        var volgograd = To(sent, VCurator).Where(s => s.Key.StartsWith("bg:dl:", StringComparison.Ordinal)).ToList();
        volgograd.Should().NotBeEmpty();
        volgograd.Should().OnlyContain(s => s.DueAt == Utc(DateOnly.FromDateTime(s.DueAt.UtcDateTime), 6) || s.DueAt == Utc(DateOnly.FromDateTime(s.DueAt.UtcDateTime), 7),
            "a reminder found at 07:00 Volgograd waits for 09:00 there; one found at 10:00 goes at once");
        volgograd.Should().Contain(s => s.DueAt.UtcDateTime.Hour == 6, "at least one reminder was found before the working day in Volgograd");
    }

    private string Key(string stage, string occurrence, long user) => $"bg:dl:{StableKey(stage)}:{occurrence}:m{membership[user]}.0";

    /// <summary>What the reminders call stage <paramref name="number"/> of the school's plan in their keys (its number and title, hashed).</summary>
    private string StableKey(string number) => DeadlineItem.StableKeyOf(DeadlineSubject.Stage, number, stageTitles[number]);

    private static string Local(DateTimeOffset instant, TimeSpan offset) => instant.ToOffset(offset).ToString("dd.MM HH:mm", CultureInfo.InvariantCulture);

    private void AssertQuietPairNudges(IReadOnlyList<Sent> sent)
    {
        var quiet = sent.Where(s => s.Key.Contains(":quiet:", StringComparison.Ordinal) || s.Key.StartsWith("bg:quiet:", StringComparison.Ordinal)).ToList();
        quiet.Select(s => (s.ChatId, Local(s.DueAt, Omsk))).Should().Equal(
            // Last meeting 2 September: 14 days → the mentor, 21 days → the curator, each once.
            (Kozlova, "16.09 10:00"),
            (Curator, "23.09 10:00"),
            // Met again on 21 October: 14 days is 4 November, a public holiday — the nudge waits for the 5th, 09:00.
            (Kozlova, "05.11 09:00"),
            (Curator, "11.11 10:00"));
        quiet.Should().OnlyContain(s => s.Key.Contains($"quiet:p{quietPair}:", StringComparison.Ordinal), "the pairs that meet weekly are never nudged");
        quiet[0].Text.Should().Contain("нет отмеченных встреч уже 14 дней");
        quiet[1].Text.Should().Contain("Пара под риском: Козлова Елена Викторовна").And.Contain("21 день");
        sent.Should().NotContain(s => s.Key.StartsWith("bg:onb:", StringComparison.Ordinal), "everyone finished onboarding on the first day");
    }

    private void AssertPollsAndPollReminders(IReadOnlyList<Sent> sent)
    {
        var polls = sent.Where(s => s.Key.StartsWith("bg:poll:", StringComparison.Ordinal)).ToList();
        // 11 Wednesdays × (5 weekly Omsk pairs + the kindergarten's) + the quiet pair's two meetings.
        polls.Should().HaveCount(11 * 6 + 2);
        // A meeting held today is polled at the end of the school day plus two hours: 20:00 local is the end of the
        // 09–20 poll window, so the poll waits for 09:00 on Thursday, in each organisation's own zone.
        polls.Where(p => Mentees.Contains(p.ChatId)).Select(p => p.DueAt.ToOffset(Omsk)).Should()
            .OnlyContain(t => t.Hour == 9 && t.Minute == 0 && t.DayOfWeek == DayOfWeek.Thursday);
        polls.Where(p => p.ChatId == VMentee).Select(p => p.DueAt.ToOffset(Volgograd)).Should()
            .OnlyContain(t => t.Hour == 9 && t.Minute == 0 && t.DayOfWeek == DayOfWeek.Thursday);

        // The two polls left unanswered in the first week get one reminder each, five days on; the answered ones none.
        sent.Where(s => s.Key.StartsWith("bg:poll-reminder:", StringComparison.Ordinal)).Select(s => s.Key).Should().BeEquivalentTo(pollsUnanswered);
        pollsUnanswered.Should().HaveCount(2);
    }

    private void AssertDigests(IReadOnlyList<Sent> sent)
    {
        // Mondays 7 September … 9 November: ten weekly digests each, none for the week before the organisations existed.
        var mondays = Enumerable.Range(0, 10).Select(w => new DateOnly(2026, 9, 7).AddDays(7 * w)).ToList();
        var omsk = To(sent, Curator).Where(s => s.Key.StartsWith("bg:digest:", StringComparison.Ordinal)).ToList();
        var volgograd = To(sent, VCurator).Where(s => s.Key.StartsWith("bg:digest:", StringComparison.Ordinal)).ToList();
        // The 04:00 UTC run is 10:00 on Monday in Omsk — past 09:00; 07:00 in Volgograd — not yet, so 10:00 there at the next run.
        omsk.Select(s => s.DueAt).Should().Equal(mondays.Select(m => Utc(m, 4)));
        volgograd.Select(s => s.DueAt).Should().Equal(mondays.Select(m => Utc(m, 7)));
        omsk[0].Text.Should().Contain("неделя с 31.08.2026").And.Contain("МБОУ СОШ № 75/42");

        // The anonymity threshold: four answers by 7 September (two of six polls unanswered) — no average; nine by the 14th — the average.
        omsk[0].Text.Should().Contain("Ответов: 4. Средняя оценка появится").And.NotContain("Средняя оценка встреч");
        omsk[1].Text.Should().MatchRegex("Средняя оценка встреч: 4,\\d из 5, ответов: 9");
        // The kindergarten's one mentee never reaches five answers... until the fifth week.
        volgograd[0].Text.Should().Contain("Ответов: 1. Средняя оценка появится");
        volgograd[5].Text.Should().Contain("ответов: 6");
    }

    /// <summary>Reminders, nudges and digests only in local working hours of working days; polls 09–20 local any day.</summary>
    private void AssertDeliveryWindows(IReadOnlyList<Sent> sent)
    {
        var calendar = WorkCalendar.Russia;
        var zones = new Dictionary<long, TimeSpan> { [VCurator] = Volgograd, [VMentor] = Volgograd, [VMentee] = Volgograd };
        foreach (var s in sent)
        {
            var local = s.DueAt.ToOffset(zones.GetValueOrDefault(s.ChatId, Omsk));
            var because = $"{s.Key} is due {local:dd.MM HH:mm} local";
            if (s.Key.StartsWith("bg:poll:", StringComparison.Ordinal))
            {
                local.Hour.Should().BeInRange(9, 19, because);
                continue;
            }

            local.TimeOfDay.Should().BeGreaterThanOrEqualTo(TimeSpan.FromHours(9), because).And.BeLessThan(TimeSpan.FromHours(18), because);
            calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)).Should().BeTrue(because);
            DateOnly.FromDateTime(local.DateTime).Should().NotBe(Holiday, because);
        }

        // The night runs (02:00 Omsk, 23:00 Volgograd) queued nothing for the night itself.
        sent.Should().NotContain(s => s.DueAt.UtcDateTime.Hour == 20);
    }

    private async Task AssertNothingTwiceAsync(IReadOnlyList<Sent> sent)
    {
        sent.Select(s => s.Key).Should().OnlyHaveUniqueItems();
        (await bot.ScalarAsync<long>("SELECT count(*) - count(DISTINCT idempotency_key) FROM outbox")).Should().Be(0);
        // No one gets the same text twice at the same moment (a reminder repeated under another key).
        sent.GroupBy(s => (s.ChatId, s.Text, s.DueAt)).Should().OnlyContain(g => g.Count() == 1);
        // Each run twice at the same instant changed nothing: running the whole last day again adds no row.
        var before = await bot.ScalarAsync<long>("SELECT count(*) FROM outbox");
        await RunJobsAsync(Utc(TermEnd, 4));
        await RunJobsAsync(Utc(TermEnd, 7));
        (await bot.ScalarAsync<long>("SELECT count(*) FROM outbox")).Should().Be(before);
    }
}
