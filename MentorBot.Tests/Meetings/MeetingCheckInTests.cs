using MentorBot.Domain.Conversations;
using MentorBot.Domain.Meetings;
using Stateless.Graph;

namespace MentorBot.Tests.Meetings;

public class MeetingCheckInTests
{
    private static readonly DateOnly Today = new(2026, 9, 17); // a Thursday
    private static readonly CheckInPair Anna = new(11, "Петрова Анна Сергеевна");
    private static readonly CheckInPair Ivan = new(12, "Сидоров Иван Олегович");

    private static CheckInStep Begin(string text, params CheckInPair[] pairs) =>
        MeetingCheckIn.Begin(MeetingCheckInData.For(pairs, MeetingMessageParser.Parse(text, Today), text), Today);

    private static CheckInStep Press(CheckInStep step, string data) => MeetingCheckIn.Handle(step.State, step.Data, new ChoiceInput(data), Today);

    private static CheckInStep Say(CheckInStep step, string text) => MeetingCheckIn.Handle(step.State, step.Data, new TextInput(text), Today);

    private static IEnumerable<string> Buttons(Reply reply) => reply.Choices.SelectMany(row => row).Select(c => c.Data);

    [Fact]
    public void A_complete_message_goes_straight_to_the_card_with_save_edit_cancel()
    {
        var step = Begin("Встретились сегодня, 45 минут, очно, тема: самоанализ урока", Anna);

        step.State.Should().Be(CheckInState.Confirming);
        var card = step.Replies.Should().ContainSingle().Subject;
        card.Text.Should().Contain("Дата: 17.09.2026").And.Contain("Длительность: 45 мин").And.Contain("Вид: регулярная")
            .And.Contain("Формат: очно").And.Contain("Тема: самоанализ урока").And.Contain("Наставляемый: Петрова Анна Сергеевна");
        card.Choices[0].Select(c => c.Label).Should().Equal("Сохранить", "Изменить", "Отмена");
        Buttons(card).Should().Contain("meet:flag");
        step.Effect.Should().Be(CheckInEffect.None);
    }

    [Fact]
    public void A_meeting_before_the_pair_was_approved_is_refused_with_the_approval_date()
    {
        var approved = Anna with { ApprovedOn = new DateOnly(2026, 9, 15) };
        var refusal = MeetingsTexts.BeforeApproval(new DateOnly(2026, 9, 14), new DateOnly(2026, 9, 15));
        refusal.Should().Contain("Пара утверждена 15.09.2026").And.Contain("не раньше 15.09.2026");

        var step = Begin("14.09 45 минут очно, тема: самоанализ урока", approved);
        step.State.Should().Be(CheckInState.AskingDate);
        step.Data.Date.Should().BeNull();
        step.Replies.Single().Text.Should().StartWith(refusal);

        var typed = Say(step, "14.09");
        typed.State.Should().Be(CheckInState.AskingDate);
        typed.Replies.Single().Text.Should().StartWith(refusal);

        Say(typed, "15.09").State.Should().Be(CheckInState.Confirming);
    }

    [Fact]
    public void A_date_given_before_choosing_the_pair_is_asked_again_for_a_pair_approved_later()
    {
        var step = Begin("14.09 45 минут очно, тема: самоанализ урока", Anna, Ivan with { ApprovedOn = new DateOnly(2026, 9, 16) });
        step.State.Should().Be(CheckInState.AskingPair);

        step = Press(step, "meet:pair:12");

        step.State.Should().Be(CheckInState.AskingDate);
        step.Replies.Single().Text.Should().StartWith(MeetingsTexts.BeforeApproval(new DateOnly(2026, 9, 14), new DateOnly(2026, 9, 16)));
    }

    [Fact]
    public void Missing_date_and_duration_are_asked_in_turn_then_the_card_is_shown()
    {
        var step = Begin("тема: родительское собрание", Anna);
        step.State.Should().Be(CheckInState.AskingDate);
        step.Replies.Single().Text.Should().Be(MeetingsTexts.AskDate);

        step = Say(step, "вчера");
        step.State.Should().Be(CheckInState.AskingDuration);
        step.Data.Date.Should().Be(Today.AddDays(-1));

        step = Say(step, "40");
        step.State.Should().Be(CheckInState.Confirming);
        step.Data.DurationMinutes.Should().Be(40);
        step.Replies.Single().Text.Should().Contain("Тема: родительское собрание");
    }

    [Fact]
    public void Quick_buttons_answer_date_and_duration()
    {
        var step = Begin("", Anna);
        step = Press(step, "meet:date:2");
        step.Data.Date.Should().Be(Today.AddDays(-2));
        step = Press(step, "meet:dur:90");
        step.Data.DurationMinutes.Should().Be(90);
        step.State.Should().Be(CheckInState.Confirming);
    }

    [Fact]
    public void With_several_pairs_the_pair_is_asked_unless_a_mentee_is_named()
    {
        var asked = Begin("вчера час очно", Anna, Ivan);
        asked.State.Should().Be(CheckInState.AskingPair);
        Buttons(asked.Replies.Single()).Should().Contain(["meet:pair:11", "meet:pair:12"]);
        Press(asked, "meet:pair:12").Data.PairId.Should().Be(12);
        Say(asked, "с Иваном").Data.PairId.Should().Be(12);
        Press(asked, "meet:pair:99").State.Should().Be(CheckInState.AskingPair, "a pair that is not the mentor's is refused");

        var named = Begin("вчера час очно с Анной, готовились к педсовету", Anna, Ivan);
        named.State.Should().Be(CheckInState.Confirming);
        named.Data.PairId.Should().Be(11);
    }

    [Fact]
    public void A_future_date_is_questioned_not_accepted()
    {
        var step = Begin("завтра час очно", Anna);

        step.State.Should().Be(CheckInState.AskingDate);
        step.Data.Date.Should().BeNull();
        step.Replies.Single().Text.Should().StartWith("Дата 18.09.2026 (пт) ещё не наступила");

        var again = Say(step, "20.09.2026");
        again.State.Should().Be(CheckInState.AskingDate);
        again.Replies.Single().Text.Should().Contain("ещё не наступила");
    }

    [Fact]
    public void Durations_over_eight_hours_or_under_five_minutes_are_questioned()
    {
        var tooLong = Begin("вчера 9 часов", Anna);
        tooLong.State.Should().Be(CheckInState.AskingDuration);
        tooLong.Replies.Single().Text.Should().StartWith("9 ч — слишком долго");

        var tooShort = Say(tooLong, "3 минуты");
        tooShort.State.Should().Be(CheckInState.AskingDuration);
        tooShort.Data.DurationMinutes.Should().BeNull();
        tooShort.Replies.Single().Text.Should().StartWith("3 мин — слишком коротко");

        Say(tooShort, "8 часов").State.Should().Be(CheckInState.Confirming, "exactly 8 hours is plausible");
    }

    [Fact]
    public void Unreadable_answers_re_ask_with_a_hint()
    {
        var step = Begin("тема: ФГОС", Anna);
        var again = Say(step, "не помню");
        again.State.Should().Be(CheckInState.AskingDate);
        again.Replies.Single().Text.Should().StartWith(MeetingsTexts.DateNotUnderstood);

        var card = Begin("вчера час", Anna);
        var hint = Say(card, "ок");
        hint.State.Should().Be(CheckInState.Confirming);
        hint.Replies.Single().Text.Should().StartWith(MeetingsTexts.PressAButton);
    }

    [Fact]
    public void Save_on_the_card_ends_with_the_save_effect()
    {
        var step = Press(Begin("вчера час", Anna), "meet:save");

        step.State.Should().Be(CheckInState.Saved);
        step.Effect.Should().Be(CheckInEffect.Save);
        step.Data.IsComplete.Should().BeTrue();
    }

    [Fact]
    public void Edit_changes_one_part_and_returns_to_the_card()
    {
        var step = Press(Begin("вчера час", Anna), "meet:edit");
        step.State.Should().Be(CheckInState.ChoosingField);
        Buttons(step.Replies.Single()).Should().NotContain("meet:field:pair", "one pair: nothing to choose");

        step = Press(step, "meet:field:kind");
        step.State.Should().Be(CheckInState.AskingKind);
        step = Press(step, "meet:kind:trial");
        step.State.Should().Be(CheckInState.Confirming);
        step.Replies.Single().Text.Should().Contain("Вид: пробная");

        step = Press(Press(step, "meet:edit"), "meet:field:topic");
        step = Say(step, "посещение урока");
        step.Data.Topic.Should().Be("посещение урока");

        step = Press(Press(step, "meet:edit"), "meet:field:format");
        step = Press(step, "meet:fmt:online");
        step.Replies.Single().Text.Should().Contain("Формат: дистанционно");

        step = Press(Press(step, "meet:edit"), "meet:field:date");
        step = Say(step, "15.09");
        step.State.Should().Be(CheckInState.Confirming);
        step.Data.Date.Should().Be(new DateOnly(2026, 9, 15));
    }

    [Fact]
    public void A_flag_is_raised_from_the_check_in_and_the_check_in_goes_on()
    {
        var step = Press(Begin("вчера час", Anna), "meet:flag");
        step.State.Should().Be(CheckInState.AskingFlag);
        step.Replies.Single().Text.Should().Be(MeetingsTexts.AskFlag);

        step = Say(step, "Наставляемая не выходит на связь");
        step.Effect.Should().Be(CheckInEffect.RaiseFlag);
        step.FlagText.Should().Be("Наставляемая не выходит на связь");
        step.State.Should().Be(CheckInState.Confirming);
        step.Replies.Select(r => r.Text).First().Should().Be(MeetingsTexts.FlagSent);

        var fromQuestion = Press(Begin("тема: ФГОС", Anna), "meet:flag");
        Press(fromQuestion, "meet:back").State.Should().Be(CheckInState.AskingDate, "back returns to the missing part");
    }

    [Fact]
    public void Cancel_closes_without_saving()
    {
        var step = Press(Begin("вчера", Anna), "meet:cancel");

        step.State.Should().Be(CheckInState.Cancelled);
        step.Effect.Should().Be(CheckInEffect.Close);
        step.Replies.Single().Text.Should().Be(MeetingsTexts.CheckInCancelled);
    }

    [Fact]
    public void Correcting_a_saved_log_shows_its_card_marked_as_a_correction()
    {
        var data = new MeetingCheckInData(Today.AddDays(-3), 60, MeetingKind.Final, MeetingFormat.InPerson, "итоги", 11, [Anna], MeetingId: 5);

        var step = MeetingCheckIn.Begin(data, Today);

        step.State.Should().Be(CheckInState.Confirming);
        step.Replies.Single().Text.Should().StartWith("Исправление записи о встрече").And.Contain("Вид: итоговая");
    }

    [Fact]
    public void Every_button_fits_the_bot_api_limit()
    {
        var pairs = Enumerable.Range(0, 5).Select(i => new CheckInPair(long.MaxValue - i, "Наставляемый " + i)).ToArray();
        var steps = new[] { Begin("", pairs), Begin("вчера час", pairs), Press(Begin("вчера час", Anna, Ivan), "meet:edit") };

        steps.SelectMany(s => s.Replies).SelectMany(r => r.Choices).SelectMany(row => row).Should().OnlyContain(c => c.HasValidData);
    }

    [Fact]
    public void The_documented_diagram_is_the_export_of_the_check_in()
    {
        Conversations.DocsDiagramTests.DocumentedDiagram("meeting-check-in").Should().Be(MermaidGraph.Format(MeetingCheckIn.Describe().GetInfo()));
    }

    [Fact]
    public void Back_leaves_a_change_for_the_menu_and_the_menu_for_the_card_but_not_the_first_questions()
    {
        var step = Begin("тема: родительское собрание", Anna);
        step = MeetingCheckIn.Back(step.State, step.Data, Today);
        step.State.Should().Be(CheckInState.AskingDate);
        step.Replies.Single().Text.Should().Be(MeetingsTexts.NoStepBack + "\n\n" + MeetingsTexts.AskDate);

        step = Say(Say(step, "вчера"), "40");
        step = Press(Press(step, "meet:edit"), "meet:field:date");
        step = MeetingCheckIn.Back(step.State, step.Data, Today);
        (step.State, step.Replies.Single().Text).Should().Be((CheckInState.ChoosingField, MeetingsTexts.AskField));
        step = MeetingCheckIn.Back(step.State, step.Data, Today);
        step.State.Should().Be(CheckInState.Confirming);

        step = MeetingCheckIn.Back(Press(step, "meet:flag").State, step.Data, Today);
        step.State.Should().Be(CheckInState.Confirming, "back from the flag text returns to where the check-in was");
        step.Data.Date.Should().Be(Today.AddDays(-1));
    }

    [Fact]
    public void Repeat_asks_the_open_step_again_without_a_hint()
    {
        var step = Begin("вчера", Anna);

        var again = MeetingCheckIn.Repeat(step.State, step.Data, Today);

        again.State.Should().Be(CheckInState.AskingDuration);
        again.Replies.Single().Should().BeEquivalentTo(step.Replies.Single());
        again.Effect.Should().Be(CheckInEffect.None);
    }
}

public class MeetingChangeRulesTests
{
    private static readonly DateTimeOffset Logged = new(2026, 9, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_author_may_change_a_log_for_seven_days()
    {
        MeetingChangeRules.Check(7, 7, Logged, deleted: false, Logged.AddDays(1)).Should().Be(MeetingChangeVerdict.Allowed);
        MeetingChangeRules.Check(7, 7, Logged, deleted: false, Logged.AddDays(7)).Should().Be(MeetingChangeVerdict.Allowed);
        MeetingChangeRules.Check(7, 7, Logged, deleted: false, Logged.AddDays(7).AddMinutes(1)).Should().Be(MeetingChangeVerdict.WindowClosed);
    }

    [Fact]
    public void Nobody_else_may_change_it()
    {
        MeetingChangeRules.Check(7, 8, Logged, deleted: false, Logged.AddMinutes(5)).Should().Be(MeetingChangeVerdict.NotAuthor);
    }

    [Fact]
    public void A_deleted_log_cannot_be_changed_again()
    {
        MeetingChangeRules.Check(7, 7, Logged, deleted: true, Logged.AddMinutes(5)).Should().Be(MeetingChangeVerdict.Deleted);
    }
}

public class FeedbackPollTimingTests
{
    private static readonly TimeZoneInfo Omsk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Omsk");
    private static readonly TimeZoneInfo Volgograd = TimeZoneInfo.FindSystemTimeZoneById("Europe/Volgograd");

    [Fact]
    public void A_meeting_logged_the_same_day_is_asked_about_next_morning()
    {
        // 15:00 in Omsk (UTC+6): the day ends at 18:00, +2 h = 20:00, the window's end → 09:00 next day.
        var due = FeedbackPollTiming.DueAt(new DateOnly(2026, 9, 17), new DateTimeOffset(2026, 9, 17, 9, 0, 0, TimeSpan.Zero), Omsk);
        due.Should().Be(new DateTimeOffset(2026, 9, 18, 9, 0, 0, TimeSpan.FromHours(6)));
    }

    [Fact]
    public void A_meeting_logged_days_later_is_asked_about_two_hours_after_saving()
    {
        var due = FeedbackPollTiming.DueAt(new DateOnly(2026, 9, 14), new DateTimeOffset(2026, 9, 17, 10, 0, 0, TimeSpan.FromHours(3)), Volgograd);
        due.Should().Be(new DateTimeOffset(2026, 9, 17, 12, 0, 0, TimeSpan.FromHours(3)));
    }

    [Fact]
    public void Never_at_night()
    {
        // Saved at 23:30 Volgograd: +2 h is 01:30 → 09:00 that morning.
        var due = FeedbackPollTiming.DueAt(new DateOnly(2026, 9, 14), new DateTimeOffset(2026, 9, 17, 23, 30, 0, TimeSpan.FromHours(3)), Volgograd);
        due.Should().Be(new DateTimeOffset(2026, 9, 18, 9, 0, 0, TimeSpan.FromHours(3)));
        FeedbackPollTiming.ExpiresAt(due).Should().Be(due.AddDays(7));
    }
}
