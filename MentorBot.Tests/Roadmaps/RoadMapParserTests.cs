using MentorBot.Domain.Roadmaps;

namespace MentorBot.Tests.Roadmaps;

/// <summary>One test per table quirk of issue 3, on small made-up documents where the real ones do not show it.</summary>
public class RoadMapParserTests
{
    private static readonly DateOnly Today = new(2025, 3, 10);

    private static RoadMap Parse(string document, int? year = null) =>
        RoadMapParser.Parse(System.Text.RegularExpressions.Regex.Replace(document, @" ?\| ?", "\t"), new RoadMapParseOptions(Today, year));

    private const string FiveColumns = "№ | Наименование этапа | Сроки | Ответственный | Ожидаемый результат\n";

    [Fact]
    public void Columns_are_recognised_by_header_words_not_position()
    {
        var map = Parse("Ответственный | Сроки | Мероприятие | №\nдиректор | май | Приказ | 1.");

        var stage = map.Stages.Should().ContainSingle().Subject;
        (stage.Number, stage.Title, stage.Responsible.Single(), stage.Periods.Single().Text).Should().Be(("1", "Приказ", "директор", "май"));
    }

    [Fact]
    public void Six_columns_with_a_title_and_a_content_column()
    {
        var map = Parse("№ | Этап | Содержание | Сроки | Ответственный | Результат\n1 | Подготовка | Приказ | май | директор | приказ издан");

        var stage = map.Stages.Single();
        stage.Title.Should().Be("Подготовка");
        stage.ExpectedResult.Should().Be("приказ издан");
        stage.Activities.Single().Should().BeEquivalentTo(new Activity(null, "Приказ", ["директор"], [new Period("май", new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31), Recurrence.None)]));
    }

    [Fact]
    public void A_header_repeated_after_a_page_break_and_a_column_numbering_row_are_skipped()
    {
        var map = Parse(FiveColumns + "1 | 2 | 3 | 4 | 5\n1 | Подготовка | май | директор | приказ\n" + FiveColumns + "2 | Банк наставников | сентябрь | зам. директора | банк");

        map.Stages.Select(s => s.Title).Should().Equal("Подготовка", "Банк наставников");
    }

    [Fact]
    public void Stage_and_activity_numbering_kept_as_written_even_duplicated_or_out_of_order()
    {
        var map = Parse(FiveColumns + "2. | Банк | май | | \n2.1 | Анкета | май | | \n2.3 | Собеседование | июнь | | \n1 | Подготовка | | | \n1 | Ещё подготовка | | | ");

        map.Stages.Select(s => s.Number).Should().Equal("2", "1", "1");
        map.Stages[0].Activities.Select(a => (a.Number, a.Text)).Should().Equal(("2.1", "Анкета"), ("2.3", "Собеседование"));
        map.Stages[0].Periods.Select(p => p.Text).Should().Equal("май", "июнь");
    }

    [Fact]
    public void A_continuation_row_adds_text_periods_and_responsible_persons_to_the_row_above()
    {
        var map = Parse(FiveColumns + "1 | Подготовка | май | директор | приказ\n2.1 | Анкетирование | сентябрь | зам. директора | \n | наставников | октябрь | рук. ШМО | ");

        var activity = map.Stages[1 - 1].Activities.Single();
        activity.Text.Should().Be("Анкетирование наставников");
        activity.Periods.Select(p => p.Text).Should().Equal("сентябрь", "октябрь");
        activity.Responsible.Should().Equal("зам. директора", "рук. ШМО");
        map.Stages[0].Responsible.Should().Equal("директор", "зам. директора", "рук. ШМО");
    }

    [Fact]
    public void A_stage_title_with_task_and_result_is_split()
    {
        var map = Parse("№ | Этап | Сроки\n1 | Подготовка условий Задача: создать нормативную базу. Результат: приказы изданы | май");

        var stage = map.Stages.Single();
        (stage.Title, stage.Task, stage.ExpectedResult).Should().Be(("Подготовка условий", "создать нормативную базу.", "приказы изданы"));
    }

    [Theory]
    [InlineData("Приказы: 1. О наставничестве. 2. О парах.", "О наставничестве.", "О парах.")]
    [InlineData("1) Сбор запросов 2) Банк данных", "Сбор запросов", "Банк данных")]
    [InlineData("- анкета; - собеседование", "анкета", "собеседование")]
    [InlineData("<ul><li>анкета</li><li>собеседование</li></ul>", "анкета", "собеседование")]
    public void A_content_cell_with_several_items_is_split_into_activities(string content, params string[] items)
    {
        var map = Parse($"№ | Этап | Содержание\n1 | Банк | {content}");

        var texts = map.Stages.Single().Activities.Select(a => a.Text).ToList();
        texts.Should().EndWith(items);
    }

    [Fact]
    public void Periods_pair_with_content_items_when_the_counts_agree()
    {
        var map = Parse("№ | Этап | Содержание | Сроки\n1 | Работа пар | 1. Встречи 2. Отчёт | Февраль-июнь 2023 Апрель-июнь 2023");

        map.Stages.Single().Activities.Select(a => a.Periods.Single().Start).Should().Equal(new DateOnly(2023, 2, 1), new DateOnly(2023, 4, 1));
    }

    [Fact]
    public void Html_markdown_and_non_breaking_spaces_are_cleaned()
    {
        var map = Parse("<p><b>№</b> | <b style=\"x\">Этап</b> | Сроки</p>\n1. | <p>**Подготовка**\u00A0условий</p><br> | <i>май</i>");

        var stage = map.Stages.Single();
        stage.Title.Should().Be("Подготовка условий");
        stage.Periods.Single().Text.Should().Be("май");
    }

    [Fact]
    public void A_word_hyphenated_across_a_page_break_is_joined()
    {
        var map = Parse(FiveColumns + "1 | Работа пар | май | куратор | работа по программам настав-\n\n | | | | ничества");

        map.Stages.Single().ExpectedResult.Should().Be("работа по программам наставничества");
    }

    [Theory]
    [InlineData("директор, зам. директора")]
    [InlineData("директор<br>зам. директора")]
    public void Responsible_persons_split_by_commas_and_line_breaks(string cell) =>
        Parse($"№ | Этап | Ответственный\n1 | Подготовка | {cell}").Stages.Single().Responsible.Should().Equal("директор", "зам. директора");

    [Fact]
    public void Responsible_persons_split_by_capitalised_position_words() =>
        Parse("№ | Этап | Ответственный\n1 | Подготовка | Заведующий ДОУ Старший воспитатель").Stages.Single().Responsible
            .Should().Equal("Заведующий ДОУ", "Старший воспитатель");

    [Theory]
    [InlineData("ДОРОЖНАЯ КАРТА наставничества в 2024 году", 2024, 2024)]
    [InlineData("План мероприятий на 2023 год", 2023, 2023)]
    [InlineData("Дорожная карта на 2020-2024 гг.", 2020, 2024)]
    public void The_year_comes_from_the_title(string title, int year, int lastYear)
    {
        var map = Parse($"{title}\n\n№ | Этап | Сроки\n1 | Подготовка | май");

        (map.Year, map.LastYear, map.AcademicYear).Should().Be((year, lastYear, false));
    }

    [Fact]
    public void The_year_option_overrides_the_title() =>
        Parse("Дорожная карта на 2023 год\n\n№ | Этап | Сроки\n1 | Подготовка | май", year: 2030).Stages.Single().Periods.Single().Start.Should().Be(new DateOnly(2030, 5, 1));

    [Fact]
    public void Else_the_year_of_the_approval_date()
    {
        var map = Parse("УТВЕРЖДЕНА приказом\nот 31.08.2021 г. № 214\n\nДорожная карта\n\n№ | Этап | Сроки\n1 | Подготовка | май");

        (map.ApprovedOn, map.Year).Should().Be((new DateOnly(2021, 8, 31), 2021));
    }

    [Fact]
    public void Else_the_current_year() =>
        Parse("№ | Этап | Сроки\n1 | Подготовка | май").Year.Should().Be(Today.Year);

    [Fact]
    public void An_academic_year_title_puts_january_to_august_in_its_second_year()
    {
        var map = Parse("Дорожная карта на 2024-2025 учебный год\n\n№ | Этап | Сроки\n1 | Подготовка | август\n2 | Банк | сентябрь");

        map.AcademicYear.Should().BeTrue();
        map.Stages.Select(s => s.Periods.Single().Start).Should().Equal(new DateOnly(2025, 8, 1), new DateOnly(2024, 9, 1));
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("Дорожная карта\nбез таблицы", 1, "no table")]
    [InlineData("Дорожная карта\nа\tб\tв", 2, "no table header")]
    [InlineData("№\tЭтап\tСроки\n\tбез номера\tмай", 2, "before any numbered stage")]
    [InlineData("№\tЭтап\tСроки\n1\tа\x01б\tмай", 2, "binary")]
    public void Bad_input_names_the_line(string document, int line, string reason)
    {
        var act = () => RoadMapParser.Parse(document, new RoadMapParseOptions(Today));

        act.Should().Throw<RoadMapFormatException>().Where(e => e.Line == line && e.Message.Contains(reason));
    }
}
