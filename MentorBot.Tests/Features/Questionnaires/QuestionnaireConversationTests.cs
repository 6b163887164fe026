using System.Text.Json.Nodes;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Questionnaires;
using MentorBot.Domain.Roadmaps;
using MentorBot.Host.Features.Roadmaps;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Questionnaires;

public sealed class QuestionnaireConversationTests : IAsyncLifetime
{
    private const long Teacher = 7001;
    private readonly PipelineHarness harness = new();

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    /// <summary>The self-assessment labels of the built-in taxonomy without «другое» (asked only when chosen).</summary>
    private static readonly string[] Rated = CompetencyTaxonomy.DefaultLabels.Where(l => !CompetencyTaxonomy.IsOther(l)).ToArray();

    private async Task<(QuestionnaireChat Chat, long MembershipId)> MenteeAsync(Role[]? roles = null)
    {
        var school = await harness.CreateOrganisationAsync();
        var membershipId = await harness.AddMemberAsync(school, Teacher, "Петрова А.", roles ?? [Role.Mentee]);
        return (new QuestionnaireChat(harness, Teacher), membershipId);
    }

    private Task<string> AnswersAsync(long membershipId, string questionnaire = "mentee_intake") =>
        harness.ScalarAsync<string>("SELECT answers::text FROM questionnaire_responses WHERE membership_id = @membershipId AND questionnaire = @questionnaire",
            new { membershipId, questionnaire });

    /// <summary>The mentee intake up to (not including) the self-assessment, answered by text and buttons.</summary>
    private static async Task AnswerProfileAsync(QuestionnaireChat chat)
    {
        await chat.TypeAsync("Петрова Анна Сергеевна");
        await chat.TypeAsync("учитель математики");
        await chat.TypeAsync("математика");
        await chat.TypeAsync("2");
        await chat.PressAsync("работа с родителями");
        await chat.PressAsync("цифровые инструменты");
        await chat.PressAsync("Готово");
        await chat.PressAsync("индивидуальная");
        await chat.PressAsync("очно");
        await chat.TypeAsync("Научиться держать дисциплину и говорить с родителями.");
    }

    [Fact]
    public async Task A_mentee_fills_the_intake_from_a_button_and_the_answers_are_stored_in_the_contract_shape()
    {
        var (chat, membershipId) = await MenteeAsync();

        await chat.PressDataAsync("q:start:mentee_intake");
        var texts = await chat.TextsAsync();
        texts[0].Should().StartWith("Анкета наставляемого поможет куратору подобрать вам наставника");
        texts[1].Should().StartWith("1 из 18. Ваши фамилия, имя и отчество полностью.");

        await AnswerProfileAsync(chat);
        (await chat.LastTextAsync()).Should().Contain("Самооценка: насколько уверенно вы владеете компетенцией «планирование уроков»?");
        (await chat.ButtonsAsync()).Select(b => b.Label).Should().Equal("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        for (var i = 0; i < Rated.Length; i++)
            await chat.PressAsync((i % 10 + 1).ToString());

        (await chat.LastTextAsync()).Should().Be(
            "Спасибо! Все ответы записаны: Анкета наставляемого.\n\nЧто дальше: куратор увидит вашу анкету в банке наставляемых и подберёт вам наставника. " +
            "Когда пара будет утверждена, я напишу, кто ваш наставник, и помогу договориться о первой встрече.");
        var expected = new JsonObject
        {
            ["full_name"] = "Петрова Анна Сергеевна", ["position"] = "учитель математики", ["subject"] = "математика",
            ["experience_years"] = 2, ["difficulties"] = new JsonArray("работа с родителями", "цифровые инструменты"),
            ["form_size"] = "индивидуальная", ["form_mode"] = "очно", ["expectations"] = "Научиться держать дисциплину и говорить с родителями.",
        };
        for (var i = 0; i < Rated.Length; i++) expected["self:" + Rated[i]] = i % 10 + 1;
        JsonNode.DeepEquals(JsonNode.Parse(await AnswersAsync(membershipId)), expected).Should().BeTrue(await AnswersAsync(membershipId));
        (await harness.ScalarAsync<string>("SELECT status || ' v' || version || ' ' || (completed_at IS NOT NULL) || ' ' || coalesce(current_question, '-') FROM questionnaire_responses"))
            .Should().Be("completed v1 true -");
        (await harness.ScalarAsync<string>("SELECT full_name || ' | ' || position || ' | ' || subject FROM memberships WHERE id = @membershipId", new { membershipId }))
            .Should().Be("Петрова Анна Сергеевна | учитель математики | математика");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM conversation_states")).Should().Be(0);

        await chat.PressDataAsync("q:start:mentee_intake");
        (await chat.LastTextAsync()).Should().Be("Вы уже ответили на все вопросы: Анкета наставляемого. Спасибо!");
    }

    [Fact]
    public async Task Choosing_other_asks_what_else_and_its_self_assessment()
    {
        var (chat, membershipId) = await MenteeAsync();
        await chat.PressDataAsync("q:start:mentee_intake");
        foreach (var text in new[] { "Петрова Анна", "воспитатель", "ИЗО", "0" }) await chat.TypeAsync(text);
        await chat.PressAsync("другое");
        await chat.PressAsync("Готово");
        (await chat.LastTextAsync()).Should().StartWith("6 из 20. Опишите коротко, какие ещё затруднения вы испытываете.");
        await chat.TypeAsync("Работа с одарёнными детьми");
        await chat.PressAsync("любая");
        await chat.PressAsync("оба варианта подходят");
        await chat.TypeAsync("Поддержки");
        foreach (var _ in Rated) await chat.PressAsync("5");
        (await chat.LastTextAsync()).Should().Contain("что отметили как «другое»");
        await chat.PressAsync("3");

        var answers = JsonNode.Parse(await AnswersAsync(membershipId))!.AsObject();
        answers["difficulties_other"]!.GetValue<string>().Should().Be("Работа с одарёнными детьми");
        answers["self:другое"]!.GetValue<int>().Should().Be(3);
        answers["experience_years"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task Invalid_answers_repeat_the_question_with_a_hint_and_store_nothing()
    {
        var (chat, membershipId) = await MenteeAsync();
        await chat.PressDataAsync("q:start:mentee_intake");
        await chat.TypeAsync("😀😀😀");
        (await chat.LastTextAsync()).Should().StartWith("В ответе нет ни букв, ни цифр.").And.Contain("1 из 18. Ваши фамилия, имя и отчество");
        await chat.TypeAsync(new string('я', 5000));
        (await chat.LastTextAsync()).Should().StartWith("Ответ слишком длинный: 5000 символов, а можно не больше 200.");
        await chat.TypeAsync("Петрова Анна");
        await chat.TypeAsync("учитель");
        await chat.TypeAsync("физика");
        await chat.TypeAsync("много");
        (await chat.LastTextAsync()).Should().StartWith("Нужно число от 0 до 60, цифрами.");
        await chat.TypeAsync("100");
        (await chat.LastTextAsync()).Should().StartWith("Число должно быть от 0 до 60.");

        (await AnswersAsync(membershipId)).Should().Be("""{"subject": "физика", "position": "учитель", "full_name": "Петрова Анна"}""");
    }

    [Fact]
    public async Task Back_returns_to_the_previous_question_and_a_stale_button_changes_nothing()
    {
        var (chat, membershipId) = await MenteeAsync();
        await chat.PressDataAsync("q:start:mentee_intake");
        await chat.TypeAsync("Петрова Анна");
        await chat.TypeAsync("/back");
        (await chat.LastTextAsync()).Should().StartWith("1 из 18. Ваши фамилия").And.Contain("Ваш прежний ответ: Петрова Анна.");
        await chat.TypeAsync("Петрова Анна Сергеевна");
        foreach (var text in new[] { "учитель", "физика", "3" }) await chat.TypeAsync(text);
        await chat.PressAsync("инклюзия и ОВЗ");
        await chat.PressAsync("Готово");
        var formSize = await chat.ButtonsAsync();
        await chat.PressAsync("групповая");
        var before = await AnswersAsync(membershipId);

        await chat.PressDataAsync(formSize.Single(b => b.Label == "любая").Data);
        (await chat.ToastsAsync())[^1].Should().Be("Этот вопрос уже закрыт.");
        (await AnswersAsync(membershipId)).Should().Be(before);
        (await chat.LastTextAsync()).Should().StartWith("7 из 18. Как вам удобнее встречаться?");
    }

    [Fact]
    public async Task After_a_restart_and_a_day_later_the_person_continues_where_they_stopped()
    {
        var (chat, membershipId) = await MenteeAsync();
        await chat.PressDataAsync("q:start:mentee_intake");
        await chat.TypeAsync("Петрова Анна");
        await chat.TypeAsync("учитель");

        await harness.Services.DisposeAsync();
        await using var restarted = chat.Restart();
        harness.Clock.Advance(TimeSpan.FromDays(1));
        await chat.TypeAsync("физика");
        (await chat.LastTextAsync()).Should().StartWith("4 из 18. Ваш педагогический стаж");
        await chat.TypeAsync("5 лет");
        (await chat.LastTextAsync()).Should().StartWith("5 из 18. Какие профессиональные затруднения");
        await chat.PressAsync("документация и ФГОС");

        await chat.TypeAsync("/cancel");
        (await chat.LastTextAsync()).Should().Be("Хорошо, прервали. Вернуться можно в любой момент.");
        await chat.TypeAsync("/questionnaire");
        (await chat.LastTextAsync()).Should().StartWith("Продолжаем анкету «Анкета наставляемого» с того места, где вы остановились.\n\n5 из 18. Какие профессиональные затруднения");
        (await chat.ButtonsAsync()).Select(b => b.Label).Should().Contain("документация и ФГОС").And.NotContain("✓ документация и ФГОС", "an unconfirmed tick lived in the conversation that /cancel closed");
        await chat.TypeAsync("4, 1");
        (await chat.LastTextAsync()).Should().StartWith("6 из 18. Какая форма наставничества вам удобнее?");

        (await AnswersAsync(membershipId)).Should().Be(
            """{"subject": "физика", "position": "учитель", "full_name": "Петрова Анна", "difficulties": ["планирование уроков", "документация и ФГОС"], "experience_years": 5}""");
        (await harness.ScalarAsync<string>("SELECT history::text FROM questionnaire_responses"))
            .Should().Be("""["full_name", "position", "subject", "experience_years", "difficulties"]""");
    }

    [Fact]
    public async Task Starting_another_questionnaire_while_one_is_open_asks_whether_to_abandon_it()
    {
        var (chat, membershipId) = await MenteeAsync([Role.Mentee, Role.Mentor]);
        await chat.PressDataAsync("q:start:mentee_intake");
        await chat.TypeAsync("Петрова Анна");

        await chat.PressDataAsync("q:start:mentor_intake");
        (await chat.LastTextAsync()).Should().StartWith("У вас есть незаконченный диалог. Продолжить его или начать новое?");
        (await chat.ButtonsAsync()).Select(b => b.Label).Should().Equal("Продолжить начатое", "Начать заново");
        await chat.PressAsync("Продолжить начатое");
        (await chat.LastTextAsync()).Should().StartWith("Продолжаем анкету «Анкета наставляемого»").And.Contain("2 из 18. Ваша должность");

        await chat.PressDataAsync("q:start:mentee_intake");
        (await chat.LastTextAsync()).Should().Contain("2 из 18. Ваша должность", "the open questionnaire itself is resumed without asking");

        await chat.PressDataAsync("q:start:mentor_intake");
        await chat.PressAsync("Начать заново");
        var texts = await chat.TextsAsync();
        texts[^2].Should().StartWith("Анкета наставника поможет куратору");
        texts[^1].Should().StartWith("1 из 10. Ваши фамилия, имя и отчество полностью.");
        await chat.TypeAsync("Петрова Анна Сергеевна");
        (await AnswersAsync(membershipId, "mentor_intake")).Should().Be("""{"full_name": "Петрова Анна Сергеевна"}""");
        (await AnswersAsync(membershipId)).Should().Be("""{"full_name": "Петрова Анна"}""", "the abandoned questionnaire keeps its answers for later");
    }

    [Fact]
    public async Task Only_members_with_the_questionnaires_role_may_start_it()
    {
        var school = await harness.CreateOrganisationAsync();
        await harness.AddMemberAsync(school, 7002, "Сидоров И.", [Role.Mentor]);
        var mentor = new QuestionnaireChat(harness, 7002);
        await mentor.PressDataAsync("q:start:mentee_intake");
        (await mentor.LastTextAsync()).Should().Be("Эта команда доступна не всем участникам программы. Список ваших команд — /help.");

        var stranger = new QuestionnaireChat(harness, 7003);
        await stranger.PressDataAsync("q:start:mentor_intake");
        (await stranger.LastTextAsync()).Should().StartWith("Вы пока не участвуете в программе наставничества.");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM questionnaire_responses")).Should().Be(0);
    }

    [Fact]
    public async Task The_organisations_own_taxonomy_gives_the_options_and_the_self_assessment()
    {
        var school = await harness.CreateOrganisationAsync();
        await harness.ExecuteAsync("UPDATE organisations SET competencies = '{наставничество в ДОУ, игровые технологии}' WHERE id = @id", new { id = school.Id });
        var membershipId = await harness.AddMemberAsync(school, Teacher, "Петрова А.", [Role.Mentee]);
        var chat = new QuestionnaireChat(harness, Teacher);
        await chat.PressDataAsync("q:start:mentee_intake");
        foreach (var text in new[] { "Петрова Анна", "воспитатель", "ДОУ", "1" }) await chat.TypeAsync(text);
        (await chat.ButtonsAsync()).Select(b => b.Label).Should().Equal("наставничество в ДОУ", "игровые технологии", "Готово");
        await chat.TypeAsync("2");
        await chat.PressAsync("любая");
        await chat.PressAsync("оба варианта подходят");
        await chat.TypeAsync("Опыта");
        await chat.PressAsync("4");
        await chat.PressAsync("8");
        (await chat.LastTextAsync()).Should().StartWith("Спасибо!");
        var answers = JsonNode.Parse(await AnswersAsync(membershipId))!.AsObject();
        answers.Where(a => a.Key.StartsWith("self:")).Select(a => $"{a.Key}={a.Value}").Should().BeEquivalentTo("self:наставничество в ДОУ=4", "self:игровые технологии=8");
    }

    [Fact]
    public async Task A_satisfaction_survey_started_for_a_pair_is_stored_under_its_context_key()
    {
        var (chat, membershipId) = await MenteeAsync();
        await chat.PressDataAsync("q:start:satisfaction_mentee:pair:17");
        (await chat.TextsAsync())[0].Should().StartWith("Программа наставничества подходит к концу.");
        foreach (var score in new[] { "9", "10", "8", "10", "7", "10" }) await chat.PressAsync(score);
        await chat.PressAsync("в самый раз");
        await chat.TypeAsync("Разбор уроков");
        await chat.PressAsync("Пропустить");
        await chat.PressAsync("Да");
        await chat.PressAsync("Нет");

        (await chat.LastTextAsync()).Should().StartWith("Спасибо! Все ответы записаны: Анкета удовлетворённости наставляемого.");
        (await harness.ScalarAsync<string>("SELECT context_key || ' ' || status FROM questionnaire_responses")).Should().Be("pair:17 completed");
        JsonNode.DeepEquals(JsonNode.Parse(await AnswersAsync(membershipId, "satisfaction_mentee")), new JsonObject
        {
            ["effectiveness"] = 9, ["comfort"] = 10, ["usefulness"] = 8, ["support"] = 10, ["plan_clarity"] = 7, ["safety"] = 10,
            ["meeting_frequency"] = "в самый раз", ["valuable"] = "Разбор уроков", ["would_continue"] = true, ["would_become_mentor"] = false,
        }).Should().BeTrue();
        (await harness.ScalarAsync<string>("SELECT full_name FROM memberships WHERE id = @membershipId", new { membershipId }))
            .Should().Be("Петрова А.", "a questionnaire without a name leaves the membership's name alone");
    }

    [Fact]
    public async Task An_erased_membership_closes_the_open_questionnaire_and_nothing_more_is_stored()
    {
        var (chat, membershipId) = await MenteeAsync();
        await chat.PressDataAsync("q:start:mentee_intake");
        await chat.TypeAsync("Петрова Анна");
        await harness.ExecuteAsync("UPDATE memberships SET status = 'erased' WHERE id = @membershipId", new { membershipId });

        await chat.TypeAsync("учитель");
        (await chat.LastTextAsync()).Should().Be("Эта анкета уже закрыта. Продолжить незаконченную анкету — /questionnaire.");
        (await AnswersAsync(membershipId)).Should().Be("""{"full_name": "Петрова Анна"}""");
        (await harness.ScalarAsync<long>("SELECT count(*) FROM conversation_states")).Should().Be(0);

        var other = new QuestionnaireChat(harness, 7004);
        await other.PressDataAsync(QuestionnaireButtons.Skip(await harness.ScalarAsync<long>("SELECT id FROM questionnaire_responses"), 1));
        (await other.ToastsAsync()).Should().Equal("Этот вопрос уже закрыт.");
    }

    [Fact]
    public async Task A_completed_profile_links_the_road_map_responsible_person_named_by_its_position()
    {
        var school = await harness.CreateOrganisationAsync();
        var deputy = await harness.AddMemberAsync(school, Teacher, "Орлова А.", [Role.Curator]);
        await harness.AddMemberAsync(school, 7002, "Иванова И.", [Role.Mentor], position: "учитель математики");
        var table = "№\tЭтап\tСроки\tОтветственный\n1\tАнкетирование наставляемых\tсентябрь\tЗаместитель директора по УВР\n";
        var map = RoadMapParser.Parse(table, new RoadMapParseOptions(new DateOnly(2026, 9, 1), 2026));
        (await new RoadMapImport(harness.Database.DataSource, harness.Clock).ImportAsync(school.Id, map, new RoadMapSource("карта.txt", table), false, CancellationToken.None))
            .Outcome.Should().Be(RoadMapImportOutcome.Imported);
        const string linked = "SELECT string_agg(coalesce(membership_id::text, '-'), ',') FROM road_map_responsible_persons WHERE name = 'Заместитель директора по УВР'";
        (await harness.ScalarAsync<string>(linked)).Should().Be("-", "nobody holds the position yet: the curator stands in");

        var chat = new QuestionnaireChat(harness, Teacher);
        await chat.PressDataAsync("q:start:profile");
        await chat.TypeAsync("Орлова Анна Викторовна");
        await chat.TypeAsync("Заместитель директора по УВР");

        (await chat.LastTextAsync()).Should().StartWith("Спасибо! Все ответы записаны: Профиль участника программы.");
        (await harness.ScalarAsync<string>(linked)).Should().Be(deputy.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
