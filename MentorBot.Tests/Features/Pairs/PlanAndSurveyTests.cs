using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Pairs;

public sealed class PlanAndSurveyTests : IAsyncLifetime
{
    private const long Curator = 100, Petrova = 201, Sidorova = 202, Ivanov = 301;
    private readonly PipelineHarness harness = new();
    private Organisation school = null!;
    private long petrova, sidorova, ivanov;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync();
        await harness.AddMemberAsync(school, Curator, "Орлова Ольга", [Role.Curator]);
        petrova = await harness.MentorAsync(school, Petrova, "Петрова Анна", "математика", ["работа с родителями"]);
        sidorova = await harness.MentorAsync(school, Sidorova, "Сидорова Елена", "физика", ["работа с родителями"]);
        ivanov = await harness.MenteeAsync(school, Ivanov, "Иванов Игорь", "химия", ["работа с родителями"]);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private async Task<long> ApproveAsync()
    {
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        var pairId = await harness.ScalarAsync<long>("SELECT id FROM pairs WHERE status = 'proposed'");
        await harness.SendAsync(Curator, harness.Press(Curator, $"match:ok:{pairId}"));
        return pairId;
    }

    [Fact]
    public async Task The_preference_survey_lets_a_mentee_pick_up_to_three_and_raises_the_score()
    {
        var third = await harness.MentorAsync(school, 203, "Третья Мария", "история", ["другое"]);
        var fourth = await harness.MentorAsync(school, 204, "Четвёртая Нина", "история", ["другое"]);

        var started = await harness.SendAsync(Curator, harness.Press(Curator, "match:survey"));
        started.Single().Should().Contain("наставляемым — 1, наставникам — 4");
        (await harness.QueuedTextsAsync(Ivanov)).Single().Should().Contain("назовите до трёх наставников");
        (await harness.ButtonsAsync(Ivanov)).Should().Equal("pref:open:mentee");

        var list = await harness.SendAsync(Ivanov, harness.Press(Ivanov, "pref:open:mentee"));
        list.Single().Should().Contain("Выбрано: 0 из 3");
        await harness.SendAsync(Ivanov, harness.Press(Ivanov, $"pref:t:mentee:{sidorova}"), harness.Press(Ivanov, $"pref:t:mentee:{third}"),
            harness.Press(Ivanov, $"pref:t:mentee:{fourth}"));
        var refused = await harness.SendAsync(Ivanov, harness.Press(Ivanov, $"pref:t:mentee:{petrova}"));
        var untoggled = await harness.SendAsync(Ivanov, harness.Press(Ivanov, $"pref:t:mentee:{fourth}"));
        var done = await harness.SendAsync(Ivanov, harness.Press(Ivanov, "pref:done:mentee"));

        refused.Single().Should().Contain("Выбрано: 3 из 3");
        untoggled.Single().Should().Contain("Выбрано: 2 из 3");
        done.Single().Should().Be("Спасибо! Ваш выбор учтём при подборе пар: Сидорова Елена, Третья Мария.");
        (await harness.ScalarAsync<string>("SELECT string_agg(chosen_membership_id || '#' || rank, ',' ORDER BY rank) FROM match_preferences WHERE chooser_membership_id = @ivanov", new { ivanov }))
            .Should().Be($"{sidorova}#1,{third}#2");

        var proposal = await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        proposal.Single(t => t.Contains("Иванов Игорь")).Should().Contain("Наставник: Сидорова Елена").And.Contain("наставляемый сам выбрал этого наставника");
    }

    [Fact]
    public async Task A_mentee_cannot_name_someone_outside_the_mentor_bank()
    {
        var stranger = await harness.MenteeAsync(school, 302, "Другой Наставляемый", "химия", []);
        var other = await harness.CreateOrganisationAsync("Другая школа");
        var foreign = await harness.MentorAsync(other, 901, "Чужая Наставница", "химия", ["работа с родителями"]);

        await harness.SendAsync(Ivanov, harness.Press(Ivanov, $"pref:t:mentee:{stranger}"), harness.Press(Ivanov, $"pref:t:mentee:{foreign}"));

        (await harness.ScalarAsync<long>("SELECT count(*) FROM match_preferences")).Should().Be(0);
        string.Join("\n", await harness.QueuedTextsAsync(Ivanov)).Should().NotContain("Чужая");
    }

    [Fact]
    public async Task Plan_shows_the_pairs_plan_to_both_and_only_the_mentor_edits_it()
    {
        var pairId = await ApproveAsync();

        var menteeView = await harness.SendAsync(Ivanov, harness.Text(Ivanov, "/plan"));
        var mentorView = await harness.SendAsync(Petrova, harness.Text(Petrova, "/plan"));

        menteeView.Single().Should().Contain("Персональный план наставничества").And.Contain("Наставник: Петрова Анна").And.Contain("Срок: 01.09.2026 – 31.05.2027")
            .And.Contain("01.09.2026 — Организационная встреча (знакомство)").And.Contain("08.09.2026 — Пробная встреча")
            .And.Contain("Регулярная встреча № 1").And.Contain("Анкета удовлетворённости");
        mentorView.Single().Should().Be(menteeView.Single());
        (await harness.ButtonsAsync(Petrova)).Should().Contain([$"plan:goals:{pairId}", $"plan:mv:{pairId}", $"plan:add:{pairId}"]);
        (await harness.ButtonsAsync(Ivanov)).Should().NotContain(b => b.StartsWith("plan:goals"));
        (await harness.SendAsync(Ivanov, harness.Press(Ivanov, $"plan:goals:{pairId}"))).Should().Equal(AccessTexts.NotAllowed);
    }

    [Fact]
    public async Task The_mentor_sets_goals_moves_and_adds_items_with_hints_on_bad_input()
    {
        var pairId = await ApproveAsync();
        var trial = await harness.ScalarAsync<long>("SELECT id FROM plan_items WHERE pair_id = @pairId AND kind = 'trial'", new { pairId });

        await harness.SendAsync(Petrova, harness.Press(Petrova, $"plan:goals:{pairId}"));
        var tooMany = await harness.SendAsync(Petrova, harness.Text(Petrova, "1\n2\n3\n4\n5\n6"));
        var goals = await harness.SendAsync(Petrova, harness.Text(Petrova, "- Освоить работу с родителями\n- Провести открытый урок"));
        await harness.SendAsync(Petrova, harness.Press(Petrova, $"plan:mi:{pairId}:{trial}"));
        var weekend = await harness.SendAsync(Petrova, harness.Text(Petrova, "12.09.2026"));
        var outside = await harness.SendAsync(Petrova, harness.Text(Petrova, "01.07.2027"));
        var garbage = await harness.SendAsync(Petrova, harness.Text(Petrova, "завтра"));
        var moved = await harness.SendAsync(Petrova, harness.Text(Petrova, "10.09.2026"));
        await harness.SendAsync(Petrova, harness.Press(Petrova, $"plan:add:{pairId}"));
        var added = await harness.SendAsync(Petrova, harness.Text(Petrova, "15.10.2026 Открытый урок наставника"));

        tooMany.Single().Should().Contain("не больше 5");
        goals[0].Should().Be("Сохранено.");
        goals[1].Should().Contain("1. Освоить работу с родителями\n2. Провести открытый урок");
        weekend.Single().Should().Be("12.09.2026 — выходной или праздничный день. Напишите рабочий день.");
        outside.Single().Should().Contain("вне срока работы пары");
        garbage.Single().Should().StartWith("Не понял дату");
        moved[1].Should().Contain("10.09.2026 — Пробная встреча");
        added[1].Should().Contain("15.10.2026 — Открытый урок наставника");
        (await harness.ScalarAsync<string>("SELECT array_to_string(goals, '|') FROM pairs WHERE id = @pairId", new { pairId }))
            .Should().Be("Освоить работу с родителями|Провести открытый урок");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM conversation_states")).Should().Be(0);
    }

    [Fact]
    public async Task Plan_without_a_pair_says_so()
    {
        (await harness.SendAsync(Ivanov, harness.Text(Ivanov, "/plan"))).Single().Should().Contain("нет утверждённой наставнической пары");
    }
}

public sealed class PlanTickOffTests : IAsyncLifetime
{
    private readonly PipelineHarness harness = new();

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task A_logged_meeting_ticks_off_the_earliest_open_item_of_its_kind_and_deleting_it_reopens_it()
    {
        var school = await harness.CreateOrganisationAsync();
        await harness.AddMemberAsync(school, 100, "Орлова Ольга", [Role.Curator]);
        var mentor = await harness.MentorAsync(school, 201, "Петрова Анна", "математика", ["работа с родителями"]);
        await harness.MenteeAsync(school, 301, "Иванов Игорь", "математика", ["работа с родителями"]);
        await harness.SendAsync(100, harness.Text(100, "/match"));
        var pairId = await harness.ScalarAsync<long>("SELECT id FROM pairs");
        await harness.SendAsync(100, harness.Press(100, $"match:ok:{pairId}"));
        var meetingId = await harness.ScalarAsync<long>("""
            INSERT INTO meetings (pair_id, logged_by, held_on, duration_minutes, kind, created_at, updated_at)
            VALUES (@pairId, @mentor, '2026-10-05', 45, 'regular', @now, @now) RETURNING id
            """, new { now = harness.Clock.GetUtcNow(), pairId, mentor });

        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        var first = await Host.Features.Meetings.MeetingStore.TickPlanItemAsync(connection, null, meetingId, harness.Clock.GetUtcNow(), default);
        var items = await Host.Features.Pairs.PlanStore.ListAsync(connection, null, pairId, default);

        items.Single(i => i.Id == first).Title.Should().Be("Регулярная встреча № 1");
        items.Count(i => i.DoneAt is not null).Should().Be(1);
        (await harness.SendAsync(301, harness.Text(301, "/plan"))).Single().Should().Contain("✅ ").And.Contain("Регулярная встреча № 1");
        (await Host.Features.Meetings.MeetingStore.DeleteAsync(connection, null, meetingId, mentor, harness.Clock.GetUtcNow(), default)).Should().BeTrue();
        (await harness.ScalarAsync<long>("SELECT count(*) FROM plan_items WHERE done_at IS NOT NULL")).Should().Be(0);
    }
}
