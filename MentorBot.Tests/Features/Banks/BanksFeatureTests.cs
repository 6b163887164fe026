using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Banks;

public sealed class BanksFeatureTests : IAsyncLifetime
{
    private const long Curator = 100;
    private readonly PipelineHarness harness = new();

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task The_curator_sees_counts_consents_questionnaire_states_and_difficulties_of_mentees()
    {
        var school = await harness.CreateOrganisationAsync();
        await harness.AddMemberAsync(school, Curator, "Куратова Ольга", [Role.Curator]);
        var done = await harness.AddMemberAsync(school, 201, "Андреева Анна", [Role.Mentee], "учитель математики", "математика");
        var started = await harness.AddMemberAsync(school, 202, "Борисова Бэлла", [Role.Mentee]);
        await harness.AddMemberAsync(school, 203, "Васильева Вера", [Role.Mentee], consented: false);
        await harness.RespondAsync(done, "mentee_intake", new { full_name = "Андреева Анна", difficulties = new[] { "работа с родителями", "дисциплина и управление классом" } });
        await harness.RespondAsync(started, "mentee_intake", new { full_name = "Борисова Бэлла" }, completed: false);

        var list = await harness.SendAsync(Curator, harness.Text(Curator, "/mentees"));

        list.Text.Should().Contain("<b>Банк наставляемых</b>\nПрисоединились: 3 · дали согласия: 2 · заполнили анкету: 1");
        list.Text.Should().Contain("<b>1. Андреева Анна</b> — учитель математики, математика\n"
            + "Согласие на обработку ПДн: дано; анкета: заполнена\nТрудности: работа с родителями, дисциплина и управление классом");
        list.Text.Should().Contain("<b>2. Борисова Бэлла</b>\nСогласие на обработку ПДн: дано; анкета: заполняется\nТрудности: не указаны");
        list.Text.Should().Contain("<b>3. Васильева Вера</b>\nСогласие на обработку ПДн: ожидается; анкета: не начата");
        list.Text.Should().NotContain("Страница");
        list.Buttons.Select(b => b.Label).Should().Equal("1. Андреева Анна", "2. Борисова Бэлла", "3. Васильева Вера");
    }

    [Fact]
    public async Task Mentors_count_as_consented_only_with_the_mentoring_duties_consent_too()
    {
        var school = await harness.CreateOrganisationAsync();
        await harness.AddMemberAsync(school, Curator, "Куратова Ольга", [Role.Curator]);
        await harness.AddMemberAsync(school, 301, "Глебова Галина", [Role.Mentor]);
        await harness.AddMemberAsync(school, 302, "Дмитриев Денис", [Role.Mentor], consented: false);
        await harness.ConsentAsync(school, 302, "personal_data", "given");
        await harness.ConsentAsync(school, 302, "mentoring_duties", "declined");
        var mentee = await harness.AddMemberAsync(school, 303, "Ежова Елена", [Role.Mentee]);
        await harness.RespondAsync(mentee, "mentee_intake", new { full_name = "Ежова Елена" });

        var list = await harness.SendAsync(Curator, harness.Text(Curator, "/mentors"));

        list.Text.Should().Contain("Присоединились: 2 · дали согласия: 1 · заполнили анкету: 0");
        list.Text.Should().Contain("<b>1. Глебова Галина</b>\nСогласие на обработку ПДн: дано; согласие на наставническую деятельность: дано; анкета: не начата");
        list.Text.Should().Contain("<b>2. Дмитриев Денис</b>\nСогласие на обработку ПДн: дано; согласие на наставническую деятельность: отказ; анкета: не начата");
        list.Text.Should().NotContain("Ежова").And.NotContain("Трудности");
    }

    [Fact]
    public async Task The_bank_is_paged_by_ten_with_back_and_next_buttons()
    {
        var school = await harness.CreateOrganisationAsync();
        await harness.AddMemberAsync(school, Curator, "Куратова Ольга", [Role.Curator]);
        for (var i = 1; i <= 23; i++)
            await harness.AddMemberAsync(school, 1000 + i, $"Наставляемая {i:00}", [Role.Mentee]);

        var first = await harness.SendAsync(Curator, harness.Text(Curator, "/mentees"));
        first.Text.Should().Contain("Присоединились: 23").And.Contain("Страница 1 из 3")
            .And.Contain("<b>1. Наставляемая 01</b>").And.Contain("<b>10. Наставляемая 10</b>").And.NotContain("Наставляемая 11");
        first.Buttons.Should().HaveCount(11).And.EndWith(("Далее ›", "banks:page:mentees:2"));

        var second = await harness.SendAsync(Curator, harness.Press(Curator, "banks:page:mentees:2"));
        second.Text.Should().Contain("Страница 2 из 3").And.Contain("<b>11. Наставляемая 11</b>").And.Contain("<b>20. Наставляемая 20</b>")
            .And.NotContain("Наставляемая 10<").And.NotContain("Наставляемая 21");
        second.Buttons.TakeLast(2).Should().Equal(("‹ Назад", "banks:page:mentees:1"), ("Далее ›", "banks:page:mentees:3"));

        var third = await harness.SendAsync(Curator, harness.Press(Curator, "banks:page:mentees:3"));
        third.Text.Should().Contain("Страница 3 из 3").And.Contain("<b>23. Наставляемая 23</b>").And.NotContain("Наставляемая 20");
        third.Buttons.Should().HaveCount(4).And.EndWith(("‹ Назад", "banks:page:mentees:2"));

        var stale = await harness.SendAsync(Curator, harness.Press(Curator, "banks:page:mentees:9"));
        stale.Text.Should().Contain("Страница 3 из 3");
    }

    [Fact]
    public async Task A_card_shows_the_persons_answers_escaped_and_leads_back_to_the_page()
    {
        var school = await harness.CreateOrganisationAsync();
        await harness.AddMemberAsync(school, Curator, "Куратова Ольга", [Role.Curator]);
        var mentee = await harness.AddMemberAsync(school, 401, "Жукова <Жанна> & Ко", [Role.Mentee], "учитель истории");
        await harness.RespondAsync(mentee, "mentee_intake", new Dictionary<string, object>
        {
            ["full_name"] = "Жукова <Жанна> & Ко",
            ["experience_years"] = 2,
            ["difficulties"] = new[] { "работа с родителями" },
            ["form_mode"] = "очно",
            ["expectations"] = "Научиться <b>держать</b> класс",
            ["self:работа с родителями"] = 3,
        });

        var list = await harness.SendAsync(Curator, harness.Text(Curator, "/mentees"));
        list.Text.Should().Contain("<b>1. Жукова &lt;Жанна&gt; &amp; Ко</b>");
        var (_, data) = list.Buttons.Single();

        var card = await harness.SendAsync(Curator, harness.Press(Curator, data));

        card.Text.Should().StartWith("<b>Жукова &lt;Жанна&gt; &amp; Ко</b>\nБанк наставляемых · учитель истории\nПрисоединился(-ась): 01.09.2026\n"
            + "Согласие на обработку ПДн: дано; анкета: заполнена 01.09.2026");
        card.Text.Should().Contain("<b>Ответы анкеты</b>\nФИО: Жукова &lt;Жанна&gt; &amp; Ко\nПедагогический стаж, лет: 2\n"
            + "Трудности: работа с родителями\nФормат встреч: очно\nОжидания: Научиться &lt;b&gt;держать&lt;/b&gt; класс\n"
            + "Самооценка: работа с родителями: 3");
        card.Buttons.Should().Equal(("‹ К списку", "banks:page:mentees:1"));
    }

    [Fact]
    public async Task Mentees_and_mentors_get_no_access_to_banks_or_cards()
    {
        var school = await harness.CreateOrganisationAsync();
        var mentee = await harness.AddMemberAsync(school, 501, "Зуева Зоя", [Role.Mentee]);
        await harness.AddMemberAsync(school, 502, "Иванов Иван", [Role.Mentor]);
        await harness.RespondAsync(mentee, "mentee_intake", new { full_name = "Зуева Зоя", expectations = "секрет" });

        foreach (var (user, update) in new[]
                 {
                     (501L, harness.Text(501, "/mentees")), (501L, harness.Text(501, "/mentors")),
                     (502L, harness.Text(502, "/mentees")), (502L, harness.Press(502, $"banks:card:mentees:{mentee}:1")),
                 })
        {
            var reply = await harness.SendAsync(user, update);
            reply.Text.Should().Be(AccessTexts.NotAllowed);
        }

        (await harness.QueuedTextsAsync(502)).Should().NotContain(t => t.Contains("секрет") || t.Contains("Банк"));
    }

    [Fact]
    public async Task A_curator_sees_only_their_own_organisations_people()
    {
        var school = await harness.CreateOrganisationAsync("Школа № 1");
        var lyceum = await harness.CreateOrganisationAsync("Лицей № 2", "Europe/Volgograd");
        await harness.AddMemberAsync(school, Curator, "Куратова Ольга", [Role.Curator]);
        await harness.AddMemberAsync(lyceum, 101, "Лицеева Лидия", [Role.Curator]);
        await harness.AddMemberAsync(school, 601, "Школьная Светлана", [Role.Mentee]);
        var other = await harness.AddMemberAsync(lyceum, 602, "Лицейская Людмила", [Role.Mentee]);
        await harness.RespondAsync(other, "mentee_intake", new { full_name = "Лицейская Людмила", expectations = "чужое" });

        var list = await harness.SendAsync(Curator, harness.Text(Curator, "/mentees"));
        list.Text.Should().Contain("Присоединились: 1").And.Contain("Школьная Светлана").And.NotContain("Лицейская");

        var forged = await harness.SendAsync(Curator, harness.Press(Curator, $"banks:card:mentees:{other}:1"));
        forged.Text.Should().Be("Участник не найден: возможно, он отозвал согласие или покинул программу.");

        var theirs = await harness.SendAsync(101, harness.Text(101, "/mentees"));
        theirs.Text.Should().Contain("Присоединились: 1").And.Contain("Лицейская Людмила").And.NotContain("Школьная");
    }

    [Fact]
    public async Task Declined_and_erased_members_are_not_in_a_bank()
    {
        var school = await harness.CreateOrganisationAsync();
        await harness.AddMemberAsync(school, Curator, "Куратова Ольга", [Role.Curator]);
        await harness.AddMemberAsync(school, 701, "Кириллова Ксения", [Role.Mentee]);
        var declined = await harness.AddMemberAsync(school, 702, "Отказова Ольга", [Role.Mentee]);
        var erased = await harness.AddMemberAsync(school, 703, "Стёртова Серафима", [Role.Mentee]);
        await harness.ExecuteAsync("UPDATE memberships SET status = 'declined' WHERE id = @declined", new { declined });
        await harness.ExecuteAsync("UPDATE memberships SET status = 'erased' WHERE id = @erased", new { erased });

        var list = await harness.SendAsync(Curator, harness.Text(Curator, "/mentees"));

        list.Text.Should().Contain("Присоединились: 1 · дали согласия: 1").And.NotContain("Отказова").And.NotContain("Стёртова");
    }

    [Fact]
    public async Task An_empty_bank_says_whom_to_invite()
    {
        var school = await harness.CreateOrganisationAsync();
        await harness.AddMemberAsync(school, Curator, "Куратова Ольга", [Role.Curator]);

        var list = await harness.SendAsync(Curator, harness.Text(Curator, "/mentors"));

        list.Text.Should().Be("<b>Банк наставников</b>\nПрисоединились: 0 · дали согласия: 0 · заполнили анкету: 0\n\n"
            + "Пока никто не присоединился как наставник. Пригласите наставников ссылкой-приглашением.");
        list.Buttons.Should().BeEmpty();
    }
}
