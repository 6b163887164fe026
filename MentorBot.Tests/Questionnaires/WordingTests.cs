using MentorBot.Domain.Exports;
using MentorBot.Domain.Matching;
using MentorBot.Domain.Meetings;
using MentorBot.Domain.Questionnaires;

namespace MentorBot.Tests.Questionnaires;

/// <summary>Russian a teacher reads without stumbling (issue 17 item 15).</summary>
public class WordingTests
{
    private static QuestionnaireDefinition Intake(string id) => BuiltInQuestionnaires.Find(id, CompetencyTaxonomy.Default)!;

    [Theory]
    [InlineData(BuiltInQuestionnaires.MentorIntake)]
    [InlineData(BuiltInQuestionnaires.Profile)]
    [InlineData(BuiltInQuestionnaires.FinalSelfAssessment)]
    public void The_end_of_a_questionnaire_names_it_once_and_agrees_with_any_title(string id)
    {
        var title = Intake(id).Title;
        QuestionnaireTexts.Thanks(title).Should().NotContain("Анкета «").And.NotContain("заполнена").And.Contain(title);
        QuestionnaireTexts.AlreadyCompleted(title).Should().NotContain("Анкета «").And.NotContain("заполнена");
    }

    [Fact]
    public void The_intro_does_not_speak_of_buttons_before_a_question_without_them()
    {
        var intake = Intake(BuiltInQuestionnaires.MenteeIntake);
        intake.Questions[0].Kind.Should().Be(QuestionKind.FreeText);
        intake.Intro.Should().NotContain("Варианты выбирайте кнопками").And.Contain("На вопросы с вариантами отвечайте кнопками");
    }

    [Fact]
    public void How_to_meet_is_answered_in_words_that_fit_the_question_and_old_answers_still_read()
    {
        var formMode = Intake(BuiltInQuestionnaires.MenteeIntake).Questions.Single(q => q.Id == "form_mode");
        formMode.Options.Should().Equal("очно", "дистанционно", "оба варианта подходят");
        MeetingFormats.TryParse("оба варианта подходят", out var any).Should().BeTrue();
        any.Should().Be(Domain.Matching.MeetingFormat.Any);
        MeetingFormats.TryParse("любой", out var old).Should().BeTrue("answers stored before the change say «любой»");
        old.Should().Be(Domain.Matching.MeetingFormat.Any);
    }

    [Fact]
    public void Exports_name_the_meeting_format_as_the_chat_does()
    {
        ExportTexts.MeetingFormat("online").Should().Be("дистанционно").And.Be(MeetingsTexts.FormatName(Domain.Meetings.MeetingFormat.Online));
        ExportTexts.MeetingFormat("in_person").Should().Be("очно");
    }

    [Fact]
    public void The_flag_reply_does_not_guess_the_curators_gender() =>
        MeetingsTexts.FlagSent.Should().Contain("Куратор ответит").And.NotContain("Он ответит");
}
