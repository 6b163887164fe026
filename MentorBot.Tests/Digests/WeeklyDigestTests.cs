using MentorBot.Domain.Digests;

namespace MentorBot.Tests.Digests;

public sealed class WeeklyDigestTests
{
    private static readonly DateOnly Monday = new(2026, 10, 12);

    private static DigestSnapshot Snapshot(FeedbackFigures? feedback = null, int atRisk = 1, int pairs = 3) => new(
        "МБОУ СОШ № 1 <Омск>",
        Monday,
        Monday,
        new RoadMapProgress(7, 2, 1, 3,
            [new DatedItem("2", "Формирование банка наставляемых", new DateOnly(2026, 9, 30))],
            [new DatedItem("4", "Отбор и обучение", new DateOnly(2026, 10, 16))]),
        new BankFigures(Mentors: 3, MentorsLastWeek: 2, Mentees: 6, MenteesLastWeek: 6, ConsentsPending: 1, QuestionnairesUnfinished: 2),
        new PairFigures(Formed: pairs, FormedLastWeek: 0, Active: pairs, UnmatchedMentees: 3,
            Enumerable.Range(1, atRisk).Select(i => new AtRiskPair($"Иванова Мария {i}", $"Петров Олег {i}", 21 + i)).ToList()),
        new MeetingFigures(4, 2, Enumerable.Range(1, pairs).Select(i => new PairMeetings($"Наставник {i}", $"Наставляемый {i}", i % 2, 1)).ToList()),
        feedback ?? new FeedbackFigures(12, 4.58, 8, 4.5),
        OpenFlags: 1,
        OpenFlagsLastWeek: 0);

    [Fact]
    public void The_digest_names_each_figure_with_last_weeks_where_it_changed_and_links_the_screens()
    {
        var text = WeeklyDigest.Compose(Snapshot()).Single();

        text.Should().Contain("МБОУ СОШ № 1 &lt;Омск&gt;, неделя с 12.10.2026")
            .And.Contain("Этапов выполнено: 2 из 7 (неделю назад 1)")
            .And.Contain("В работе: 3")
            .And.Contain("Просрочено: 1\n • 2 «Формирование банка наставляемых» — срок был до 30.09.2026")
            .And.Contain(" • 4 «Отбор и обучение» — до 16.10.2026")
            .And.Contain("Наставников: 3 (неделю назад 2)")
            .And.Contain("Наставляемых: 6\n")
            .And.Contain("Ждём согласия: 1")
            .And.Contain("Не заполнили анкету: 2")
            .And.Contain("Сформировано: 3 (неделю назад 0)")
            .And.Contain("Наставляемых без пары: 3")
            .And.Contain(" • Иванова Мария 1 — Петров Олег 1: 22 дня без встреч")
            .And.Contain("На этой неделе: 4 (на прошлой 2)")
            .And.Contain("Средняя оценка встреч: 4,6 из 5, ответов: 12 (неделю назад 4,5, ответов: 8)")
            .And.Contain("<b>Открытые обращения к куратору</b>: 1 (неделю назад 0)")
            .And.Contain("/roadmap").And.Contain("/mentees").And.Contain("/match");
    }

    [Fact]
    public void Three_things_to_do_most_urgent_first()
    {
        var todo = WeeklyDigest.Todo(Snapshot());

        todo.Should().HaveCount(3);
        todo[0].Should().Contain("просроченный этап 2");
        todo[1].Should().Contain("Иванова Мария 1 — Петров Олег 1");
        todo[2].Should().Contain("обращения: 1");
        WeeklyDigest.Compose(Snapshot()).Single().Should().Contain("<b>Что сделать на этой неделе</b>\n1. Закройте");
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void The_feedback_average_is_hidden_below_five_answers(int answers, bool shown)
    {
        var text = WeeklyDigest.Compose(Snapshot(new FeedbackFigures(answers, 2.0, 0, null))).Single();

        if (shown) text.Should().Contain($"Средняя оценка встреч: 2,0 из 5, ответов: {answers}");
        else text.Should().NotContain("2,0").And.Contain($"Ответов: {answers}. Средняя оценка появится, когда ответов будет не меньше 5");
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void The_impact_line_comes_from_the_impact_monitoring_and_is_withheld_below_five(int people, bool shown)
    {
        var measured = Enumerable.Range(1, people).Select(i => new Domain.Reports.SelfAssessmentPair(i,
            new System.Text.Json.Nodes.JsonObject { ["self:уроки"] = 4 }, new System.Text.Json.Nodes.JsonObject { ["self:уроки"] = i == 1 ? 3 : 7 }));
        var text = WeeklyDigest.Compose(Snapshot() with { Impact = Domain.Reports.ImpactMonitoring.Compute(measured) }).Single();

        if (shown) text.Should().Contain("<b>Мониторинг влияния</b>: оба замера самооценки прошли 5; улучшили — 4, без изменений — 0, снизили — 1");
        else text.Should().Contain("прошли 4 — итоги покажу, когда их будет не меньше 5").And.NotContain("улучшили");
        WeeklyDigest.Compose(Snapshot()).Single().Should().NotContain("Мониторинг влияния", "nobody has the second measurement yet");
    }

    [Fact]
    public void A_long_digest_is_cut_between_sections_into_messages_that_fit_telegram()
    {
        var names = new string('Ж', 150);
        var big = Snapshot(atRisk: 10, pairs: 10) with
        {
            Pairs = new PairFigures(40, 0, 40, 0, Enumerable.Range(1, 40).Select(i => new AtRiskPair(names + i, names, 30)).ToList()),
            Meetings = new MeetingFigures(1, 1, Enumerable.Range(1, 40).Select(i => new PairMeetings(names + i, names, 1, 0)).ToList()),
        };

        var parts = WeeklyDigest.Compose(big);

        parts.Should().HaveCountGreaterThan(1);
        parts.Should().OnlyContain(p => p.Length <= WeeklyDigest.MaxMessageLength);
        parts.Should().OnlyContain(p => p.Split("<b>").Length == p.Split("</b>").Length);
        string.Join("\n\n", parts).Should().Contain(" … и ещё 30");
    }

    [Fact]
    public void Plain_text_drops_the_tags_and_decodes_entities()
    {
        WeeklyDigest.ToPlainText(["<b>Сводка</b> &lt;Омск&gt; &amp; Ко"]).Should().Be("Сводка <Омск> & Ко");
    }

    [Fact]
    public void The_picture_covers_the_eight_weeks_up_to_the_reported_one_and_is_left_out_when_they_were_empty()
    {
        DigestChart.Mondays(new DateOnly(2026, 10, 14)).Should().Equal(
            Enumerable.Range(0, 8).Select(i => new DateOnly(2026, 8, 24).AddDays(7 * i)));

        var weeks = DigestChart.Mondays(Monday).Select((m, i) => new WeekActivity(m, i == 7 ? 2 : i == 6 ? 1 : 0, i == 6 ? 1 : 0)).ToList();
        var chart = DigestChart.Spec(Snapshot() with { Weekly = weeks })!;

        chart.Categories.Should().HaveCount(8).And.StartWith("24.08").And.EndWith("12.10");
        chart.Series.Select(s => s.Name).Should().Equal("Встречи", "Этапы выполнены");
        chart.Series[0].Values.Should().EndWith([1.0, 2.0]);
        DigestChart.Caption(Snapshot() with { Weekly = weeks }).Should().Be("За последние 8 недель: встреч — 3, этапов дорожной карты выполнено — 1.");
        DigestChart.Spec(Snapshot() with { Weekly = [.. weeks.Select(w => w with { Meetings = 0, StagesDone = 0 })] }).Should().BeNull();
    }
}
