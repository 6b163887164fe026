using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Domain.Questionnaires;

namespace MentorBot.Tests.Questionnaires;

public class AnswerReaderTests
{
    private static readonly DateOnly Today = new(2026, 3, 14);
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Stored(AnswerCheck check)
    {
        check.IsValid.Should().BeTrue(check.Problem);
        return check.Value!.ToJsonString(Readable);
    }

    private static string Problem(AnswerCheck check)
    {
        check.IsValid.Should().BeFalse();
        check.Value.Should().BeNull();
        return check.Problem!;
    }

    [Theory]
    [InlineData("Учитель математики", "Учитель математики")]
    [InlineData("  учитель  ", "учитель")]
    [InlineData("5Б класс 🙂", "5Б класс 🙂")]
    public void Free_text_is_stored_trimmed(string text, string expected)
    {
        var check = AnswerReader.Read(Question.FreeText("t", "?", 100), text, Today);
        Stored(check).Should().StartWith("\"");
        check.Value!.GetValue<string>().Should().Be(expected);
    }

    [Theory]
    [InlineData("1,5", "«1,5» — дробное. Округлите вниз: напишите 1.")]
    [InlineData("2.5 года", "«2.5» — дробное. Округлите вниз: напишите 2.")]
    public void A_fraction_where_a_whole_number_is_asked_says_what_is_wrong(string text, string expected)
    {
        var problem = Problem(AnswerReader.Read(Question.Number("n", "?", 0, 60), text, Today));
        problem.Should().StartWith("Нужно целое число от 0 до 60").And.Contain(expected);
    }

    [Theory]
    [InlineData("Иванова", false)]
    [InlineData("  Иванова  ", false)]
    [InlineData("Иванова Мария", true)]
    [InlineData("Иванова Мария Петровна", true)]
    public void A_full_name_needs_more_than_a_surname(string text, bool accepted)
    {
        var fullName = BuiltInQuestionnaires.Find(BuiltInQuestionnaires.MenteeIntake, CompetencyTaxonomy.Default)!.Questions.Single(q => q.Id == "full_name");
        var check = AnswerReader.Read(fullName, text, Today);
        check.IsValid.Should().Be(accepted);
        if (!accepted) check.Problem.Should().Be(QuestionnaireTexts.FullNameNeeded);
    }

    [Fact]
    public void Free_text_over_the_limit_is_refused_with_its_length()
    {
        Problem(AnswerReader.Read(Question.FreeText("t", "?"), new string('а', 5000), Today))
            .Should().Contain("5000").And.Contain("1000");
    }

    [Theory]
    [InlineData("🙂🙂🙂")]
    [InlineData("👍")]
    [InlineData("?!...")]
    [InlineData("   ")]
    public void Free_text_without_letters_or_digits_is_refused(string text) =>
        Problem(AnswerReader.Read(Question.FreeText("t", "?"), text, Today)).Should().NotBeEmpty();

    [Theory]
    [InlineData("5", 5)]
    [InlineData(" 12 ", 12)]
    [InlineData("7 лет", 7)]
    [InlineData("0", 0)]
    [InlineData("60", 60)]
    public void A_number_in_range_is_stored_as_an_integer(string text, int expected) =>
        Stored(AnswerReader.Read(Question.Number("n", "?", 0, 60), text, Today)).Should().Be(expected.ToString());

    [Theory]
    [InlineData("пять", "цифрами")]
    [InlineData("5 или 6", "цифрами")]
    [InlineData("много", "цифрами")]
    [InlineData("61", "от 0 до 60")]
    [InlineData("-1", "от 0 до 60")]
    public void A_number_that_is_not_one_or_out_of_range_is_refused(string text, string hint) =>
        Problem(AnswerReader.Read(Question.Number("n", "?", 0, 60), text, Today)).Should().Contain(hint);

    [Theory]
    [InlineData("1", 1)]
    [InlineData("10", 10)]
    public void A_scale_value_may_be_typed(string text, int expected) =>
        Stored(AnswerReader.Read(Question.Scale("s", "?", 1, 10), text, Today)).Should().Be(expected.ToString());

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("семь")]
    [InlineData("7 баллов")]
    public void Zero_or_anything_else_outside_a_1_to_10_scale_is_refused(string text) =>
        Problem(AnswerReader.Read(Question.Scale("s", "?", 1, 10), text, Today)).Should().Contain("от 1 до 10");

    [Fact]
    public void Scale_buttons_store_their_number_and_reject_unknown_positions()
    {
        var scale = Question.Scale("s", "?", 1, 5);
        scale.ButtonLabels.Should().Equal("1", "2", "3", "4", "5");
        Stored(AnswerReader.Press(scale, 0)).Should().Be("1");
        Stored(AnswerReader.Press(scale, 4)).Should().Be("5");
        Problem(AnswerReader.Press(scale, 5)).Should().NotBeEmpty();
        Problem(AnswerReader.Press(scale, -1)).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("да", "true")]
    [InlineData("Да!", "true")]
    [InlineData("нет", "false")]
    [InlineData("НЕТ", "false")]
    public void Yes_no_is_stored_as_a_boolean(string text, string json) =>
        Stored(AnswerReader.Read(Question.YesNo("y", "?"), text, Today)).Should().Be(json);

    [Fact]
    public void Yes_no_buttons_and_other_words()
    {
        var question = Question.YesNo("y", "?");
        question.ButtonLabels.Should().Equal("Да", "Нет");
        Stored(AnswerReader.Press(question, 0)).Should().Be("true");
        Stored(AnswerReader.Press(question, 1)).Should().Be("false");
        Problem(AnswerReader.Read(question, "может быть", Today)).Should().Contain("«да» или «нет»");
    }

    [Theory]
    [InlineData("очно", "\"очно\"")]
    [InlineData("Дистанционно", "\"дистанционно\"")]
    [InlineData("3", "\"любой\"")]
    public void A_single_choice_is_the_option_label_by_name_or_number(string text, string json) =>
        Stored(AnswerReader.Read(Question.SingleChoice("m", "?", "очно", "дистанционно", "любой"), text, Today)).Should().Be(json);

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("по скайпу")]
    public void A_single_choice_outside_the_options_is_refused(string text) =>
        Problem(AnswerReader.Read(Question.SingleChoice("m", "?", "очно", "дистанционно", "любой"), text, Today)).Should().Contain("варианта");

    [Fact]
    public void A_single_choice_button_stores_its_label() =>
        Stored(AnswerReader.Press(Question.SingleChoice("m", "?", "очно", "дистанционно"), 1)).Should().Be("\"дистанционно\"");

    [Fact]
    public void A_typed_multiple_choice_is_an_array_of_labels_in_option_order()
    {
        var question = Question.MultipleChoice("d", "?", ["а", "б", "в", "г"]);
        Stored(AnswerReader.Read(question, "4, 1; б", Today)).Should().Be("[\"а\",\"б\",\"г\"]");
        Problem(AnswerReader.Read(question, "1, 9", Today)).Should().Contain("Готово");
        Problem(AnswerReader.Press(question, 0)).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("14.03.2026", "2026-03-14")]
    [InlineData("1.3.2026", "2026-03-01")]
    [InlineData("сегодня", "2026-03-14")]
    [InlineData("Вчера", "2026-03-13")]
    public void Past_dates_in_the_accepted_forms_are_stored_as_iso(string text, string iso) =>
        Stored(AnswerReader.Read(Question.Date("d", "?", DateRange.PastOrToday), text, Today)).Should().Be($"\"{iso}\"");

    [Fact]
    public void A_future_date_where_the_past_is_asked_is_refused_and_vice_versa()
    {
        Problem(AnswerReader.Read(Question.Date("d", "?", DateRange.PastOrToday), "15.03.2026", Today)).Should().Contain("ещё не наступила");
        Problem(AnswerReader.Read(Question.Date("d", "?", DateRange.TodayOrFuture), "вчера", Today)).Should().Contain("уже прошла");
        Stored(AnswerReader.Read(Question.Date("d", "?", DateRange.TodayOrFuture), "сегодня", Today)).Should().Be("\"2026-03-14\"");
    }

    [Theory]
    [InlineData("31.02.2026")]
    [InlineData("на прошлой неделе")]
    [InlineData("14/3")]
    public void Something_that_is_not_a_date_is_refused(string text) =>
        Problem(AnswerReader.Read(Question.Date("d", "?", DateRange.Any), text, Today)).Should().Contain("14.03.2026");

    [Fact]
    public void Conditions_match_strings_arrays_and_booleans()
    {
        var answers = new JsonObject { ["m"] = "очно", ["d"] = new JsonArray("а", "другое"), ["y"] = true };
        new AnswerCondition("m", ["Очно"]).IsMetBy(answers).Should().BeTrue();
        new AnswerCondition("d", ["другое"]).IsMetBy(answers).Should().BeTrue();
        new AnswerCondition("d", ["б"]).IsMetBy(answers).Should().BeFalse();
        new AnswerCondition("y", ["да"]).IsMetBy(answers).Should().BeTrue();
        new AnswerCondition("absent", ["да"]).IsMetBy(answers).Should().BeFalse();
    }
}
