using MentorBot.Domain.Organisations;
using MentorBot.Domain.Pairs;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Pairs;

/// <summary>Forms of mentoring chosen at approval (issue 15) and a pair never turning into a group silently (issue 17 item 10).</summary>
public sealed class MentoringFormTests : IAsyncLifetime
{
    private const long Curator = 100, Head = 101, Petrova = 201, Ivanov = 301, Kuznetsova = 302;
    private readonly PipelineHarness harness = new();
    private Organisation school = null!;
    private long petrova, ivanov, kuznetsova;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync("МБОУ «Средняя школа № 42»");
        await harness.AddMemberAsync(school, Curator, "Орлова Ольга Ивановна", [Role.Curator]);
        await harness.AddMemberAsync(school, Head, "Громов Григорий Петрович", [Role.Head]);
        petrova = await harness.MentorAsync(school, Petrova, "Петрова Анна Сергеевна", "математика", ["работа с родителями", "дисциплина и управление классом"], capacity: 2);
        ivanov = await harness.MenteeAsync(school, Ivanov, "Иванов Игорь", "математика", ["работа с родителями"]);
        kuznetsova = await harness.MenteeAsync(school, Kuznetsova, "Кузнецова Дарья", "математика", ["дисциплина и управление классом"]);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private Task<long> ProposalOfAsync(long mentee) =>
        harness.ScalarAsync<long>("SELECT id FROM pairs WHERE mentee_membership_id = @mentee AND status = 'proposed'", new { mentee });

    private Task<string> FormOfAsync(long mentee) =>
        harness.ScalarAsync<string>("SELECT form FROM pairs WHERE mentee_membership_id = @mentee AND status = 'approved'", new { mentee });

    [Fact]
    public async Task The_card_suggests_a_form_and_the_form_chosen_instead_reaches_the_order()
    {
        var cards = await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        var pairId = await ProposalOfAsync(ivanov);

        var options = await harness.SendAsync(Curator, harness.Press(Curator, $"match:of:{pairId}"));
        var approved = await harness.SendAsync(Curator, harness.Press(Curator, $"match:fa:{pairId}:virtual"));
        await harness.SendAsync(Head, harness.Text(Head, "/order"));

        cards.Single(t => t.Contains("Иванов Игорь")).Should().Contain("Форма (предлагается): педагог – педагог");
        options.Single().Should().Contain("Предлагается: педагог – педагог");
        (await harness.ButtonsAsync(Curator)).Should().Contain([$"match:fa:{pairId}:teacher_teacher", $"match:fa:{pairId}:virtual", $"match:fa:{pairId}:reverse"]);
        approved.Single().Should().Contain("форма «виртуальная (дистанционная)»");
        (await FormOfAsync(ivanov)).Should().Be("virtual");
        (await harness.QueuedTextsAsync(Ivanov)).Single().Should().Contain("Форма наставничества: виртуальная (дистанционная)");
        var (_, rows) = Docx.Read(await Docx.SentDocumentAsync(harness, Head));
        rows.Should().Contain(r => r.Contains("виртуальная (дистанционная)") && r.Any(c => c.StartsWith("Иванов Игорь")));
    }

    [Fact]
    public async Task A_second_mentee_asks_the_curator_before_the_pair_becomes_a_group_and_tells_both_mentees()
    {
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        await harness.SendAsync(Curator, harness.Press(Curator, $"match:ok:{await ProposalOfAsync(ivanov)}"));
        var second = await ProposalOfAsync(kuznetsova);

        var question = await harness.SendAsync(Curator, harness.Press(Curator, $"match:ok:{second}"));

        question.Single().Should().Contain("У наставника Петрова Анна Сергеевна уже есть наставляемые: Иванов Игорь").And.Contain("Объединить в группу");
        (await harness.ScalarAsync<string>("SELECT status FROM pairs WHERE id = @second", new { second })).Should().Be("proposed", "nothing changes before the curator decides");
        (await FormOfAsync(ivanov)).Should().Be("teacher_teacher");

        var done = await harness.SendAsync(Curator, harness.Press(Curator, $"match:fa:{second}:group"));

        done.Single().Should().Contain("форма «групповая (наставник и группа наставляемых)»");
        (await FormOfAsync(ivanov)).Should().Be("group");
        (await FormOfAsync(kuznetsova)).Should().Be("group");
        (await harness.QueuedTextsAsync(Ivanov))[^1].Should().Contain("присоединился ещё один наставляемый — Кузнецова Дарья").And.Contain("групповая");
        (await harness.QueuedTextsAsync(Kuznetsova)).Single().Should().Contain("Форма наставничества: групповая");

        // The group shrinks back to a pair: the remaining mentee is told too.
        var kuznetsovaPair = await harness.ScalarAsync<long>("SELECT id FROM pairs WHERE mentee_membership_id = @kuznetsova AND status = 'approved'", new { kuznetsova });
        await harness.SendAsync(Curator, harness.Press(Curator, $"match:dr:{kuznetsovaPair}:fit"));
        (await FormOfAsync(ivanov)).Should().Be("teacher_teacher");
        (await harness.QueuedTextsAsync(Ivanov))[^1].Should().Contain("стала парой: форма наставничества теперь «педагог – педагог»");
    }

    [Fact]
    public async Task A_group_left_with_one_mentee_by_a_consent_withdrawal_is_a_pair_again_and_its_mentee_is_told()
    {
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        await harness.SendAsync(Curator, harness.Press(Curator, $"match:ok:{await ProposalOfAsync(ivanov)}"));
        await harness.SendAsync(Curator, harness.Press(Curator, $"match:fa:{await ProposalOfAsync(kuznetsova)}:group"));
        (await FormOfAsync(ivanov)).Should().Be("group");

        await harness.SendAsync(Kuznetsova, harness.Press(Kuznetsova, $"consents:withdraw:personal_data:{kuznetsova}"));
        await harness.SendAsync(Kuznetsova, harness.Press(Kuznetsova, $"consents:confirm:personal_data:{kuznetsova}"));

        (await FormOfAsync(ivanov)).Should().Be("teacher_teacher");
        (await harness.QueuedTextsAsync(Ivanov))[^1].Should().Contain("стала парой: форма наставничества теперь «педагог – педагог»");
    }

    [Fact]
    public async Task A_separate_pair_leaves_the_first_pair_as_it_was_and_approve_all_waits_for_that_decision()
    {
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        await harness.SendAsync(Curator, harness.Press(Curator, $"match:ok:{await ProposalOfAsync(ivanov)}"));
        var second = await ProposalOfAsync(kuznetsova);

        var all = await harness.SendAsync(Curator, harness.Press(Curator, "match:all"));
        all.Single().Should().Contain("Не утверждены без вашего решения").And.Contain("Кузнецова Дарья");
        (await harness.ScalarAsync<string>("SELECT status FROM pairs WHERE id = @second", new { second })).Should().Be("proposed");

        await harness.SendAsync(Curator, harness.Press(Curator, $"match:fa:{second}:teacher_teacher"));

        (await FormOfAsync(ivanov)).Should().Be("teacher_teacher");
        (await FormOfAsync(kuznetsova)).Should().Be("teacher_teacher");
        (await harness.QueuedTextsAsync(Ivanov)).Should().ContainSingle("only the approval notice: nothing changed for him");
    }

    [Fact]
    public async Task The_organisation_switches_forms_off_and_the_curator_changes_a_live_pairs_form()
    {
        var screen = await harness.SendAsync(Curator, harness.Text(Curator, "/forms"));
        await harness.SendAsync(Curator, harness.Press(Curator, "forms:t:group"));
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        await harness.SendAsync(Curator, harness.Press(Curator, $"match:ok:{await ProposalOfAsync(ivanov)}"));
        var direct = await harness.SendAsync(Curator, harness.Press(Curator, $"match:ok:{await ProposalOfAsync(kuznetsova)}"));

        screen.Single().Should().Contain("Формы наставничества");
        (await harness.ScalarAsync<string[]>("SELECT mentoring_forms_off FROM organisations WHERE id = @id", new { id = school.Id })).Should().Equal("group");
        direct.Single().Should().Contain("Утверждена пара").And.Contain("форма «педагог – педагог»", "with the group form off there is nothing to ask");

        var pairId = await harness.ScalarAsync<long>("SELECT id FROM pairs WHERE mentee_membership_id = @ivanov", new { ivanov });
        await harness.SendAsync(Curator, harness.Press(Curator, $"match:fm:{pairId}"));
        (await harness.ButtonsAsync(Curator)).Should().Contain($"match:fs:{pairId}:reverse").And.NotContain($"match:fs:{pairId}:group");
        var changed = await harness.SendAsync(Curator, harness.Press(Curator, $"match:fs:{pairId}:reverse"));
        changed.Single().Should().Contain("теперь «реверсивная»");
        (await harness.QueuedTextsAsync(Ivanov))[^1].Should().Contain("Куратор изменил форму наставничества вашей пары: теперь «реверсивная»");
        (await harness.ScalarAsync<string>("SELECT form FROM pairs WHERE id = @pairId", new { pairId })).Should().Be("reverse");
    }

    [Fact]
    public async Task Forms_and_their_buttons_are_the_curators_only()
    {
        (await harness.SendAsync(Ivanov, harness.Text(Ivanov, "/forms"))).Should().Equal(AccessTexts.NotAllowed);
        (await harness.SendAsync(Ivanov, harness.Press(Ivanov, "forms:t:group"))).Should().Equal(AccessTexts.NotAllowed);
        (await harness.SendAsync(Head, harness.Press(Head, "match:fa:1:group"))).Should().Equal(AccessTexts.NotAllowed);
        (await harness.ScalarAsync<string[]>("SELECT mentoring_forms_off FROM organisations WHERE id = @id", new { id = school.Id })).Should().BeEmpty();
    }

    [Fact]
    public void The_suggestion_respects_switched_off_forms_and_one_form_always_stays()
    {
        MentoringForms.Suggest(2, false, new HashSet<MentoringForm>()).Should().Be(MentoringForm.Group);
        MentoringForms.Suggest(2, true, new HashSet<MentoringForm> { MentoringForm.Group }).Should().Be(MentoringForm.HeadTeacher);
        MentoringForms.Suggest(1, false, new HashSet<MentoringForm> { MentoringForm.TeacherTeacher, MentoringForm.HeadTeacher }).Should().Be(MentoringForm.Group);
        var allButOne = MentoringForms.All.Skip(1).ToHashSet();
        MentoringForms.CanSwitchOff(MentoringForms.All[0], allButOne).Should().BeFalse();
        MentoringForms.CanSwitchOff(MentoringForms.All[1], allButOne).Should().BeTrue("switching a form back on is always allowed");
        MentoringForms.All.Should().OnlyHaveUniqueItems().And.HaveCount(Enum.GetValues<MentoringForm>().Length);
    }
}
