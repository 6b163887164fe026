using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Questionnaires;

namespace MentorBot.Tests.Questionnaires;

public class QuestionnaireFlowTests
{
    private const long ResponseId = 42;
    private static readonly DateOnly Today = new(2026, 3, 14);

    public static QuestionnaireDefinition Sample() => new("sample", 1, "Пробная анкета", "Вступление.", "Что дальше.", [Role.Mentee],
    [
        Question.FreeText("name", "Как вас зовут?", 50),
        Question.SingleChoice("mode", "Как встречаться?", "очно", "дистанционно"),
        Question.FreeText("platform", "Где именно?") with { ShowIf = new("mode", ["дистанционно"]), Optional = true },
        Question.MultipleChoice("topics", "Темы?", ["уроки", "родители", "другое"]),
        Question.FreeText("topics_other", "Какие ещё?") with { ShowIf = new("topics", ["другое"]) },
        Question.Scale("rate", "Оценка?", 1, 5),
        Question.Date("since", "С какого дня?", DateRange.PastOrToday) with { Optional = true },
        Question.YesNo("agree", "Согласны?"),
    ]);

    /// <summary>Runs inputs one by one, reloading the progress from its stored JSON between them (as the Host does).</summary>
    private sealed class Run
    {
        private readonly QuestionnaireDefinition definition;

        public Run(QuestionnaireDefinition? definition = null)
        {
            this.definition = definition ?? Sample();
            Progress = QuestionnaireProgress.Start(this.definition);
            Last = new QuestionnaireFlow(this.definition, Progress, ResponseId, Today).Handle(new QuestionnaireInput.Resume(true));
        }

        public QuestionnaireProgress Progress { get; private set; }

        public QuestionnaireStep Last { get; private set; }

        public string LastText => Last.Replies[^1].Text;

        public IEnumerable<Choice> Buttons => Last.Replies[^1].Choices.SelectMany(row => row);

        public int Index => definition.IndexOf(Progress.Current);

        public Run Do(QuestionnaireInput input)
        {
            Progress = QuestionnaireProgress.FromJson(Progress.AnswersJson(), Progress.HistoryJson(), Progress.Current, Progress.Completed, Progress.Ticks);
            Last = new QuestionnaireFlow(definition, Progress, ResponseId, Today).Handle(input);
            return this;
        }

        public Run Type(string text) => Do(new QuestionnaireInput.Typed(text));

        public Run Press(string label)
        {
            var choice = Buttons.Single(c => c.Label == label);
            QuestionnaireButtons.TryParseAnswer(choice.Data, out var id, out var input).Should().BeTrue();
            id.Should().Be(ResponseId);
            return Do(input);
        }
    }

    [Fact]
    public void A_fresh_start_sends_the_intro_then_the_first_question_numbered()
    {
        var run = new Run();
        run.Last.Replies.Select(r => r.Text).Should().Equal("Вступление.", "1 из 6. Как вас зовут?\nНапишите ответ сообщением (до 50 символов).");
        run.Last.Changed.Should().BeFalse();
    }

    [Fact]
    public void Answering_everything_stores_the_contract_shapes_and_thanks()
    {
        var run = new Run().Type("Анна").Press("очно").Press("уроки").Press("родители").Press("✓ уроки").Press("уроки").Press("Готово")
            .Press("4").Type("вчера").Press("Да");

        run.Progress.Completed.Should().BeTrue();
        run.Progress.Current.Should().BeNull();
        run.Progress.AnswersJson().Should().Be("""{"name":"Анна","mode":"очно","topics":["уроки","родители"],"rate":4,"since":"2026-03-13","agree":true}""");
        run.Progress.History.Should().Equal("name", "mode", "topics", "rate", "since", "agree");
        run.LastText.Should().Be("Спасибо! Все ответы записаны: Пробная анкета.\n\nЧто дальше.");
    }

    [Fact]
    public void Ticks_show_with_a_check_mark_and_done_needs_at_least_one()
    {
        var run = new Run().Type("Анна").Press("очно");
        run.Press("Готово").LastText.Should().StartWith("Отметьте хотя бы один вариант");
        run.Progress.Current.Should().Be("topics");

        run.Press("родители");
        run.Buttons.Select(b => b.Label).Should().Equal("уроки", "✓ родители", "другое", "Готово");
        run.LastText.Should().Contain("Отмечено: родители.");
        run.Last.Changed.Should().BeTrue();
        run.Progress.Answers.ContainsKey("topics").Should().BeFalse("ticks are not an answer until «Готово»");
    }

    [Fact]
    public void Conditional_questions_appear_only_when_the_earlier_answer_matches()
    {
        var run = new Run().Type("Анна").Press("дистанционно");
        run.Progress.Current.Should().Be("platform");
        run.LastText.Should().StartWith("3 из 7. Где именно?");
        run.Buttons.Select(b => b.Label).Should().Equal("Пропустить");

        run.Press("Пропустить").Press("другое").Press("Готово");
        run.Progress.Current.Should().Be("topics_other");
        run.Type("аттестация").Progress.Current.Should().Be("rate");
        run.Progress.Answers.ContainsKey("platform").Should().BeFalse();
    }

    [Fact]
    public void Back_returns_to_the_previous_question_shows_the_earlier_answer_and_a_changed_answer_drops_dependent_ones()
    {
        var run = new Run().Type("Анна").Press("дистанционно").Type("Сферум");
        run.Progress.Current.Should().Be("topics");

        run.Do(new QuestionnaireInput.Back());
        run.Progress.Current.Should().Be("platform");
        run.LastText.Should().Contain("Ваш прежний ответ: Сферум.");
        run.Do(new QuestionnaireInput.Back());
        run.Progress.Current.Should().Be("mode");

        run.Press("очно").Progress.Current.Should().Be("topics");
        run.Press("уроки").Press("Готово").Press("5").Press("Пропустить").Press("Нет");
        run.Progress.Completed.Should().BeTrue();
        run.Progress.AnswersJson().Should().Be("""{"name":"Анна","mode":"очно","topics":["уроки"],"rate":5,"agree":false}""");
        run.Progress.History.Should().Equal("name", "mode", "topics", "rate", "since", "agree");
    }

    [Fact]
    public void Back_on_a_multiple_choice_restores_its_ticks()
    {
        var run = new Run().Type("Анна").Press("очно").Press("уроки").Press("другое").Press("Готово");
        run.Do(new QuestionnaireInput.Back());
        run.Progress.Current.Should().Be("topics");
        run.Buttons.Select(b => b.Label).Should().Equal("✓ уроки", "родители", "✓ другое", "Готово");
    }

    [Fact]
    public void Back_on_the_first_question_says_so_and_changes_nothing()
    {
        var run = new Run().Do(new QuestionnaireInput.Back());
        run.LastText.Should().StartWith("Это первый вопрос анкеты");
        run.LastText.Should().Contain("Как вас зовут?");
        run.Last.Changed.Should().BeFalse();
        run.Progress.Current.Should().Be("name");
    }

    [Theory]
    [InlineData("🙂🙂")]
    [InlineData("")]
    public void Invalid_text_repeats_the_question_with_a_hint_and_stores_nothing(string text)
    {
        var run = new Run().Type(text);
        run.Last.Changed.Should().BeFalse();
        run.Progress.Answers.Should().BeEmpty();
        run.Progress.Current.Should().Be("name");
        run.LastText.Should().Contain("1 из 6. Как вас зовут?");
    }

    [Fact]
    public void Typed_answers_work_for_button_questions_and_invalid_ones_are_hinted()
    {
        var run = new Run().Type("Анна").Type("по телефону");
        run.LastText.Should().StartWith("Такого варианта нет");
        run.Buttons.Select(b => b.Label).Should().Equal("очно", "дистанционно");
        run.Type("1").Type("1, 2").Type("0");
        run.LastText.Should().StartWith("Число должно быть от 1 до 5");
        run.Type("3").Type("15.03.2026");
        run.LastText.Should().StartWith("Эта дата ещё не наступила");
        run.Progress.Current.Should().Be("since");
        run.Type("пропустить").Type("может быть");
        run.LastText.Should().StartWith("Ответьте «да» или «нет»");
        run.Type("да").Progress.Completed.Should().BeTrue();
        run.Progress.AnswersJson().Should().Be("""{"name":"Анна","mode":"очно","topics":["уроки","родители"],"rate":3,"agree":true}""");
    }

    [Fact]
    public void A_required_question_cannot_be_skipped()
    {
        var run = new Run().Do(new QuestionnaireInput.Skip(0));
        run.LastText.Should().StartWith("Этот вопрос обязательный");
        run.Progress.Current.Should().Be("name");
    }

    [Fact]
    public void A_button_of_a_question_no_longer_open_is_closed_and_changes_nothing()
    {
        var run = new Run().Type("Анна");
        var modeButtons = run.Buttons.ToList();
        run.Press("очно");
        var before = run.Progress.AnswersJson();

        QuestionnaireButtons.TryParseAnswer(modeButtons[1].Data, out _, out var stale).Should().BeTrue();
        run.Do(stale);
        run.Last.Toast.Should().Be("Этот вопрос уже закрыт.");
        run.Last.Replies.Should().BeEmpty();
        run.Last.Changed.Should().BeFalse();
        run.Progress.AnswersJson().Should().Be(before);
    }

    [Fact]
    public void A_completed_questionnaire_says_so_and_closes_its_buttons()
    {
        var definition = new QuestionnaireDefinition("one", 1, "Одна", "Вступление.", "Дальше.", [Role.Mentee], [Question.YesNo("ok", "Ок?")]);
        var run = new Run(definition).Press("Да");
        run.Progress.Completed.Should().BeTrue();
        run.Do(new QuestionnaireInput.Resume(false)).LastText.Should().Be("Вы уже ответили на все вопросы: Одна. Спасибо!");
        run.Do(new QuestionnaireInput.Pick(0, 1)).Last.Toast.Should().Be("Этот вопрос уже закрыт.");
        run.Progress.AnswersJson().Should().Be("""{"ok":true}""");
    }

    [Fact]
    public void Resuming_repeats_the_open_question_with_a_note()
    {
        var run = new Run().Type("Анна").Do(new QuestionnaireInput.Resume(false));
        run.Last.Replies.Should().ContainSingle();
        run.LastText.Should().StartWith("Продолжаем анкету «Пробная анкета» с того места, где вы остановились.\n\n2 из 6. Как встречаться?");
    }

    [Fact]
    public void Button_data_fits_the_bot_api_and_round_trips()
    {
        var data = QuestionnaireButtons.Pick(long.MaxValue, 99, 9);
        new Choice("x", data).HasValidData.Should().BeTrue();
        QuestionnaireButtons.TryParseAnswer(data, out var id, out var input).Should().BeTrue();
        id.Should().Be(long.MaxValue);
        input.Should().Be(new QuestionnaireInput.Pick(99, 9));
        QuestionnaireButtons.TryParseStart(QuestionnaireButtons.Start("satisfaction_mentee", "pair:17"), out var q, out var key).Should().BeTrue();
        (q, key).Should().Be(("satisfaction_mentee", "pair:17"));
        QuestionnaireButtons.TryParseAnswer("q:x:1:2", out _, out _).Should().BeFalse();
        QuestionnaireButtons.TryParseAnswer("q:a:1:2", out _, out _).Should().BeFalse();
    }

    [Fact]
    public void Definitions_with_broken_invariants_are_refused()
    {
        var act = () => new QuestionnaireDefinition("x", 1, "X", "", "", [Role.Mentee],
            [Question.FreeText("a", "?") with { ShowIf = new("b", ["да"]) }, Question.YesNo("b", "?")]);
        act.Should().Throw<ArgumentException>().WithMessage("*depends on 'b'*");
        var duplicate = () => new QuestionnaireDefinition("x", 1, "X", "", "", [Role.Mentee], [Question.YesNo("a", "?"), Question.YesNo("a", "?")]);
        duplicate.Should().Throw<ArgumentException>();
        var wide = () => new QuestionnaireDefinition("x", 1, "X", "", "", [Role.Mentee], [Question.Scale("s", "?", 0, 10)]);
        wide.Should().Throw<ArgumentException>();
    }
}
