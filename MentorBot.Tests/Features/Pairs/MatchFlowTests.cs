using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Domain.Pairs;
using MentorBot.Host.Features.Pairs;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Pairs;

public sealed class MatchFlowTests : IAsyncLifetime
{
    private const long Curator = 100, Petrova = 201, Sidorova = 202, Ivanov = 301, Kuznetsova = 302, Novikova = 303;
    private readonly PipelineHarness harness = new();
    private Organisation school = null!;
    private long petrova, sidorova, ivanov, kuznetsova;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync("МБОУ СОШ № 75/42");
        await harness.AddMemberAsync(school, Curator, "Орлова Ольга Ивановна", [Role.Curator], "заместитель директора");
        petrova = await harness.MentorAsync(school, Petrova, "Петрова Анна Сергеевна", "математика", ["работа с родителями", "планирование уроков"]);
        sidorova = await harness.MentorAsync(school, Sidorova, "Сидорова Елена Павловна", "русский язык", ["дисциплина и управление классом"], consented: false);
        ivanov = await harness.MenteeAsync(school, Ivanov, "Иванов Игорь", "математика", ["работа с родителями"]);
        kuznetsova = await harness.MenteeAsync(school, Kuznetsova, "Кузнецова Дарья", "русский язык", ["дисциплина и управление классом"]);
        await harness.AddMemberAsync(school, Novikova, "Новикова Вера", [Role.Mentee]);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private Task<long> ProposalOfAsync(long mentee) =>
        harness.ScalarAsync<long>("SELECT id FROM pairs WHERE mentee_membership_id = @mentee AND status = 'proposed'", new { mentee });

    [Fact]
    public async Task The_banks_come_from_completed_intake_answers_of_active_members_of_the_organisation()
    {
        var other = await harness.CreateOrganisationAsync("Другая школа");
        await harness.MentorAsync(other, 901, "Чужой Наставник", "математика", ["работа с родителями"]);
        var declined = await harness.MenteeAsync(school, 304, "Ушедшая Учительница", "математика", ["работа с родителями"]);
        await harness.ExecuteAsync("UPDATE memberships SET status = 'declined' WHERE id = @declined", new { declined });
        await harness.ExecuteAsync("""
            INSERT INTO questionnaire_responses (membership_id, questionnaire, version, status, answers, started_at, updated_at)
            SELECT id, 'mentee_intake', 1, 'in_progress', '{"difficulties":["другое"]}', @now, @now FROM memberships WHERE full_name = 'Новикова Вера'
            """, new { now = harness.Clock.GetUtcNow() });

        await using var connection = await harness.Database.DataSource.OpenConnectionAsync();
        var bank = await BankStore.LoadAsync(connection, null, school.Id, default);

        bank.Mentors.Select(m => m.Name).Should().Equal("Петрова Анна Сергеевна", "Сидорова Елена Павловна");
        bank.Mentors.Select(m => m.DutiesConsent).Should().Equal(true, false);
        bank.Mentees.Select(m => (m.Name, m.HasIntake)).Should().Equal(("Иванов Игорь", true), ("Кузнецова Дарья", true), ("Новикова Вера", false));
        bank.MentorProfiles[petrova].Competencies.Should().Equal("работа с родителями", "планирование уроков");
        bank.MentorProfiles[petrova].Subject.Should().Be("математика");
        bank.MenteeProfiles.Keys.Should().BeEquivalentTo([ivanov, kuznetsova]);
        bank.MenteeProfiles[ivanov].Difficulties.Should().Equal("работа с родителями");
    }

    [Fact]
    public async Task Match_shows_each_proposal_with_reasons_a_missing_consent_and_the_unmatched()
    {
        var texts = await harness.SendAsync(Curator, harness.Text(Curator, "/match"));

        texts[0].Should().Contain("Подбор наставнических пар — МБОУ СОШ № 75/42").And.Contain("Ждут решения: 2");
        var ivanovCard = texts.Single(t => t.Contains("Иванов Игорь"));
        ivanovCard.Should().Contain("Наставник: Петрова Анна Сергеевна").And.Contain("совпадает: работа с родителями").And.Contain("один предмет (математика)")
            .And.NotContain("⚠️");
        var kuznetsovaCard = texts.Single(t => t.Contains("Кузнецова Дарья"));
        kuznetsovaCard.Should().Contain("Наставник: Сидорова Елена Павловна").And.Contain("⚠️ Нет письменного согласия наставника на наставническую деятельность");
        texts[^1].Should().Contain("Без наставника (1)").And.Contain("Новикова Вера — анкета наставляемого ещё не заполнена");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM pairs WHERE status <> 'proposed'")).Should().Be(0, "nothing is fixed until approved");
        (await harness.ButtonsAsync(Curator)).Should().Contain([$"match:ok:{await ProposalOfAsync(ivanov)}", "match:all", "match:hand", "match:survey"]);
    }

    [Fact]
    public async Task Approving_fixes_the_pair_with_a_term_a_plan_and_tells_both()
    {
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        var pairId = await ProposalOfAsync(ivanov);

        var reply = await harness.SendAsync(Curator, harness.Press(Curator, $"match:ok:{pairId}"));

        reply.Should().ContainSingle().Which.Should().Contain("Утверждена пара: наставник Петрова Анна Сергеевна — наставляемый Иванов Игорь")
            .And.Contain("форма «педагог – педагог»").And.Contain("срок 01.09.2026 – 31.05.2027");
        (await harness.ScalarAsync<string>("SELECT status || ' ' || starts_on || ' ' || ends_on || ' ' || form FROM pairs WHERE id = @pairId", new { pairId }))
            .Should().Be("approved 2026-09-01 2027-05-31 teacher_teacher");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM plan_items WHERE pair_id = @pairId", new { pairId })).Should().BeGreaterThan(10);
        (await harness.QueuedTextsAsync(Petrova)).Should().ContainSingle().Which.Should().Contain("Ваш наставляемый: Иванов Игорь")
            .And.Contain("организационная — встреча запланирована на 01.09.2026").And.Contain("/plan");
        (await harness.QueuedTextsAsync(Ivanov)).Should().ContainSingle().Which.Should().Contain("Ваш наставник: Петрова Анна Сергеевна");
        (await harness.QueuedTextsAsync(Kuznetsova)).Should().BeEmpty();
    }

    [Fact]
    public async Task Approving_a_mentor_without_consent_is_allowed_but_warned()
    {
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));

        var reply = await harness.SendAsync(Curator, harness.Press(Curator, $"match:ok:{await ProposalOfAsync(kuznetsova)}"));

        reply.Single().Should().Contain("Утверждена пара").And.Contain("закрепить приказом — только после согласия");
    }

    [Fact]
    public async Task The_term_follows_the_road_maps_pair_work_stage()
    {
        await harness.ExecuteAsync("""
            WITH m AS (INSERT INTO road_maps (organisation_id, year, last_year, source_name, source_text) VALUES (@id, 2026, 2027, 'x', 'x') RETURNING id),
                 s AS (INSERT INTO road_map_stages (road_map_id, position, number, title, kind) SELECT id, 6, '6', 'Работа пар', 'pair_work' FROM m RETURNING id)
            INSERT INTO road_map_periods (stage_id, position, text, starts_on, ends_on, recurrence) SELECT id, 1, 'октябрь–апрель', '2026-10-01', '2027-04-30', 'none' FROM s
            """, new { id = school.Id });
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        var pairId = await ProposalOfAsync(ivanov);

        await harness.SendAsync(Curator, harness.Press(Curator, $"match:ok:{pairId}"));

        (await harness.ScalarAsync<string>("SELECT starts_on || ' ' || ends_on FROM pairs WHERE id = @pairId", new { pairId })).Should().Be("2026-10-01 2027-04-30");
        (await harness.ScalarAsync<DateTime>("SELECT min(due_on) FROM plan_items WHERE pair_id = @pairId", new { pairId })).Should().Be(new DateTime(2026, 10, 1));
    }

    [Fact]
    public async Task Approve_all_makes_a_group_of_a_mentor_with_several_mentees()
    {
        await harness.ExecuteAsync("UPDATE questionnaire_responses SET answers = jsonb_set(answers, '{capacity}', '2') WHERE membership_id = @petrova", new { petrova });
        await harness.ExecuteAsync("UPDATE questionnaire_responses SET answers = jsonb_set(answers, '{competencies}', '[\"работа с родителями\", \"дисциплина и управление классом\"]') WHERE membership_id = @petrova", new { petrova });
        await harness.ExecuteAsync("DELETE FROM memberships WHERE id = @sidorova", new { sidorova });
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));

        var reply = await harness.SendAsync(Curator, harness.Press(Curator, "match:all"));

        reply.Single().Should().Contain("Иванов Игорь").And.Contain("Кузнецова Дарья");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM pairs WHERE status = 'approved' AND form = 'group' AND mentor_membership_id = @petrova", new { petrova })).Should().Be(2);
        (await harness.QueuedTextsAsync(Ivanov)).Single().Should().Contain("Форма наставничества: групповая");
        (await harness.QueuedTextsAsync(Petrova)).Should().HaveCount(2).And.OnlyContain(t => t.Contains("групповая"));
    }

    [Fact]
    public async Task A_rejected_proposal_is_not_proposed_again_and_the_mentee_is_listed()
    {
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        var pairId = await ProposalOfAsync(ivanov);

        var reply = await harness.SendAsync(Curator, harness.Press(Curator, $"match:no:{pairId}"));
        var again = await harness.SendAsync(Curator, harness.Press(Curator, "match:redo"));

        reply.Single().Should().Contain("Предложение отклонено");
        again.Should().NotContain(t => t.Contains("Предложение №") && t.Contains("Иванов Игорь"));
        again[^1].Should().Contain("Иванов Игорь —");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM match_rejections WHERE mentee_membership_id = @ivanov", new { ivanov })).Should().Be(1);
    }

    [Fact]
    public async Task The_curator_swaps_a_mentor_and_pairs_by_hand()
    {
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        var pairId = await ProposalOfAsync(ivanov);
        await harness.ExecuteAsync("UPDATE questionnaire_responses SET answers = jsonb_set(answers, '{capacity}', '2') WHERE membership_id = @sidorova", new { sidorova });

        var options = await harness.SendAsync(Curator, harness.Press(Curator, $"match:swap:{pairId}"));
        var card = await harness.SendAsync(Curator, harness.Press(Curator, $"match:to:{pairId}:{sidorova}"));

        options.Single().Should().Contain("Кого назначить наставником для: Иванов Игорь");
        (await harness.ButtonsAsync(Curator)).Should().Contain($"match:to:{pairId}:{sidorova}");
        card.Single().Should().Contain("Наставник: Сидорова Елена Павловна").And.Contain("подобрано куратором вручную");

        var novikova = await harness.ScalarAsync<long>("SELECT id FROM memberships WHERE full_name = 'Новикова Вера'");
        await harness.SendAsync(Curator, harness.Press(Curator, "match:hand"));
        (await harness.ButtonsAsync(Curator)).Should().Contain($"match:hm:{novikova}").And.NotContain($"match:hm:{ivanov}");
        var hand = await harness.SendAsync(Curator, harness.Press(Curator, $"match:hp:{novikova}:{petrova}"));
        hand.Single().Should().Contain("Наставляемый: Новикова Вера").And.Contain("Наставник: Петрова Анна Сергеевна");
    }

    [Fact]
    public async Task Dissolving_a_pair_records_the_reason_tells_both_and_frees_the_mentee()
    {
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        var pairId = await ProposalOfAsync(ivanov);
        await harness.SendAsync(Curator, harness.Press(Curator, $"match:ok:{pairId}"));

        var live = await harness.SendAsync(Curator, harness.Press(Curator, "match:live"));
        var why = await harness.SendAsync(Curator, harness.Press(Curator, $"match:dis:{pairId}"));
        var done = await harness.SendAsync(Curator, harness.Press(Curator, $"match:dr:{pairId}:fit"));

        live.Single().Should().Contain($"№ {pairId}: наставник Петрова Анна Сергеевна — наставляемый Иванов Игорь");
        why.Single().Should().Contain("Почему расформировать");
        done.Single().Should().Contain("расформирована (не сложилось взаимодействие)");
        (await harness.ScalarAsync<string>("SELECT status || ': ' || dissolved_reason FROM pairs WHERE id = @pairId", new { pairId }))
            .Should().Be("dissolved: не сложилось взаимодействие");
        (await harness.QueuedTextsAsync(Ivanov))[^1].Should().Contain("расформирована");
        (await harness.QueuedTextsAsync(Petrova))[^1].Should().Contain("расформирована");
        var rematch = await harness.SendAsync(Curator, harness.Press(Curator, "match:redo"));
        rematch.Should().Contain(t => t.Contains("Предложение №") && t.Contains("Иванов Игорь"));
    }

    [Fact]
    public async Task A_mentee_cannot_match_or_press_the_curators_buttons()
    {
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        var pairId = await ProposalOfAsync(ivanov);

        var command = await harness.SendAsync(Ivanov, harness.Text(Ivanov, "/match"));
        var press = await harness.SendAsync(Ivanov, harness.Press(Ivanov, $"match:ok:{pairId}"));

        command.Should().Equal(AccessTexts.NotAllowed);
        press.Should().Equal(AccessTexts.NotAllowed);
        (await harness.ScalarAsync<string>("SELECT status FROM pairs WHERE id = @pairId", new { pairId })).Should().Be("proposed");
    }

    [Fact]
    public async Task One_organisations_curator_never_sees_or_touches_anothers_people()
    {
        var other = await harness.CreateOrganisationAsync("Детский сад № 333", "Europe/Volgograd");
        await harness.AddMemberAsync(other, 900, "Зайцева Зоя", [Role.Curator]);
        await harness.MentorAsync(other, 901, "Волкова Вера", "математика", ["работа с родителями"], capacity: 3);
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        var pairId = await ProposalOfAsync(ivanov);

        var theirs = await harness.SendAsync(900, harness.Text(900, "/match"));
        var press = await harness.SendAsync(900, harness.Press(900, $"match:ok:{pairId}"));
        var dissolve = await harness.SendAsync(900, harness.Press(900, $"match:dis:{pairId}"));

        string.Join("\n", theirs).Should().NotContain("Иванов").And.NotContain("Петрова").And.Contain("Наставники: 1");
        string.Join("\n", await harness.QueuedTextsAsync(Curator)).Should().NotContain("Волкова");
        press.Should().Equal(PairsTexts.ProposalGone);
        dissolve.Should().Equal(PairsTexts.PairGone);
        (await harness.ScalarAsync<string>("SELECT status FROM pairs WHERE id = @pairId", new { pairId })).Should().Be("proposed");
    }
}
