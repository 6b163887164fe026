using MentorBot.Domain.Roadmaps;

namespace MentorBot.Tests.Roadmaps;

/// <summary>Issue 13, «Nothing silently lost»: every cell ends up in the road map or in its list of fragments not understood.</summary>
public class RoadMapConservationTests
{
    private static readonly DateOnly Today = new(2025, 3, 10);

    private static RoadMap Parse(string document) =>
        RoadMapParser.Parse(System.Text.RegularExpressions.Regex.Replace(document, @" ?\| ?", "\t"), new RoadMapParseOptions(Today, 2025));

    private const string Header = "№ | Наименование этапа | Содержание деятельности | Сроки | Ответственный\n";

    [Theory]
    [InlineData("Проведение мероприятий по обмену опытом")]
    [InlineData("Содержание и сроки наставнической деятельности")]
    public void A_stage_whose_title_holds_header_words_is_a_stage_not_a_repeated_header(string title)
    {
        var map = Parse(Header
            + "1. | Подготовка | Приказ | май | директор\n"
            + $"2. | {title} | Наименование мероприятия: семинар | Сроки согласуются: сентябрь | Ответственный исполнитель: методист\n"
            + " | | Круглый стол | октябрь | куратор");

        map.Stages.Select(s => s.Number).Should().Equal("1", "2");
        var stage = map.Stages[1];
        stage.Title.Should().Be(title);
        stage.Activities.Select(a => a.Text).Should().Equal("Наименование мероприятия: семинар", "Круглый стол");
        map.Stages[0].Activities.Select(a => a.Text).Should().Equal("Приказ");
    }

    [Fact]
    public void A_header_repeated_with_other_case_spacing_markup_and_numbering_is_skipped()
    {
        var map = Parse(Header + "1. | Подготовка | Приказ | май | директор\n"
            + "<b>№ </b> | 1. НАИМЕНОВАНИЕ   этапа | Содержание деятельности: | сроки | ответственный\n"
            + "2. | Банк | Анкеты | июнь | куратор");

        map.Stages.Select(s => s.Title).Should().Equal("Подготовка", "Банк");
        map.Unrecognised.Should().BeEmpty();
    }

    [Fact]
    public void Stage_numbers_are_kept_as_written_a_seven_after_an_eight_is_a_new_stage()
    {
        var map = Parse(Header + "8. | Итоги | Отчёт | май | директор\n7. | Поддержка | Сайт | июнь | куратор\n7. | Ещё поддержка | Соцсети | июнь | куратор");

        map.Stages.Select(s => (s.Number, s.Title)).Should().Equal(("8", "Итоги"), ("7", "Поддержка"), ("7", "Ещё поддержка"));
    }

    [Fact]
    public void A_column_the_parser_has_no_use_for_is_listed_with_its_row_and_header()
    {
        var map = Parse("№ | Этап | Сроки | Примечание\n1 | Подготовка | май | согласовать с профсоюзом\n2 | Банк | июнь | ");

        map.Stages.Should().HaveCount(2);
        map.Unrecognised.Should().Equal(new UnrecognisedFragment(2, "Примечание", "согласовать с профсоюзом"));
    }

    [Fact]
    public void A_period_phrase_not_understood_is_kept_on_its_item_and_listed()
    {
        var map = Parse("№ | Этап | Сроки\n1 | Подготовка | май\n2 | Банк | после педсовета");

        var period = map.Stages[1].Periods.Single();
        (period.Text, period.Start, period.End).Should().Be(("после педсовета", null, null));
        map.Stages[1].Activities.Should().BeEmpty();
        map.Unrecognised.Should().Equal(new UnrecognisedFragment(3, "Сроки", "после педсовета"));
    }

    [Fact]
    public void A_block_above_the_table_that_is_neither_title_approval_nor_organisation_is_listed()
    {
        var map = Parse("МБОУ СОШ № 1\n\nДорожная карта на 2025 год\n\nПриложение 2 к приказу\n\nРассмотрено на педсовете\n\n№ | Этап | Сроки\n1 | Подготовка | май");

        map.Organization.Should().Be("МБОУ СОШ № 1");
        map.Unrecognised.Should().Equal(new UnrecognisedFragment(null, null, "Приложение 2 к приказу"), new UnrecognisedFragment(null, null, "Рассмотрено на педсовете"));
    }

    [Fact]
    public void The_paragraphs_of_a_cell_separate_persons_and_the_document_text_is_never_taken_for_markup()
    {
        var text = RoadMapDocumentText.FromBlocks([
            new DocumentParagraph("Дорожная карта на 2025 год"),
            new DocumentParagraph(""),
            new DocumentRow([["№"], ["Этап"], ["Ответственный"]]),
            new DocumentRow([["1."], ["Стаж <5 лет & более"], ["Заместитель директора", "руководитель ШМО"]]),
        ]);

        var stage = RoadMapParser.Parse(text, new RoadMapParseOptions(Today)).Stages.Single();
        stage.Title.Should().Be("Стаж <5 лет & более");
        stage.Responsible.Should().Equal("Заместитель директора", "руководитель ШМО");
    }
}
