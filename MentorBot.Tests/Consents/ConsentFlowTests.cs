using MentorBot.Domain.Consents;
using MentorBot.Domain.Organisations;
using MentorBot.Tests.Conversations;
using Stateless.Graph;

namespace MentorBot.Tests.Consents;

public class ConsentFlowTests
{
    [Theory]
    [InlineData(false, false, ConsentStep.PersonalData)]
    [InlineData(false, true, ConsentStep.PersonalData)]
    [InlineData(true, true, ConsentStep.MentoringDuties)]
    [InlineData(true, false, ConsentStep.Completed)]
    public void Personal_data_is_always_asked_first(bool personalDataGiven, bool dutiesNeeded, ConsentStep expected) =>
        ConsentFlow.FirstStep(personalDataGiven, dutiesNeeded).Should().Be(expected);

    [Fact]
    public void A_mentor_is_asked_for_mentoring_duties_after_personal_data()
    {
        var flow = new ConsentFlow(ConsentStep.PersonalData, mentoringDutiesNeeded: true);

        flow.Answer(ConsentAnswer.Agree).Should().Be(new ConsentDecision(ConsentKind.PersonalData, ConsentEvent.Given, ConsentStep.MentoringDuties));
        flow.Asking.Should().Be(ConsentKind.MentoringDuties);
        flow.Answer(ConsentAnswer.Agree).Should().Be(new ConsentDecision(ConsentKind.MentoringDuties, ConsentEvent.Given, ConsentStep.Completed));
        flow.Asking.Should().BeNull();
        flow.Answer(ConsentAnswer.Disagree).Should().BeNull("a late press changes nothing");
        flow.Step.Should().Be(ConsentStep.Completed);
    }

    [Fact]
    public void A_mentee_is_done_after_personal_data()
    {
        var flow = new ConsentFlow(ConsentStep.PersonalData, mentoringDutiesNeeded: false);

        flow.Answer(ConsentAnswer.Agree)!.Next.Should().Be(ConsentStep.Completed);
    }

    [Theory]
    [InlineData(ConsentStep.PersonalData, ConsentKind.PersonalData, ConsentStep.Declined)]
    [InlineData(ConsentStep.MentoringDuties, ConsentKind.MentoringDuties, ConsentStep.MentoringDeclined)]
    [InlineData(ConsentStep.Publication, ConsentKind.Publication, ConsentStep.PublicationDeclined)]
    public void Declining_ends_the_flow(ConsentStep step, ConsentKind kind, ConsentStep end)
    {
        var flow = new ConsentFlow(step, mentoringDutiesNeeded: true);

        flow.Answer(ConsentAnswer.Disagree).Should().Be(new ConsentDecision(kind, ConsentEvent.Declined, end));
        flow.Asking.Should().BeNull();
    }

    [Theory]
    [InlineData(new[] { Role.Mentor, Role.Mentee }, "mentor_intake")]
    [InlineData(new[] { Role.Mentee }, "mentee_intake")]
    [InlineData(new[] { Role.Curator }, "profile")]
    [InlineData(new[] { Role.Head }, "profile")]
    [InlineData(new[] { Role.Curator, Role.Mentee }, "mentee_intake")]
    [InlineData(new Role[0], null)]
    public void The_questionnaire_after_consents_follows_the_roles_mentor_first(Role[] roles, string? expected) =>
        ConsentFlow.QuestionnaireFor(roles.ToHashSet()).Should().Be(expected);

    [Theory]
    [InlineData(ConsentKind.PersonalData, "152-ФЗ")]
    [InlineData(ConsentKind.MentoringDuties, "351.8")]
    [InlineData(ConsentKind.Publication, "10.1")]
    public void Each_document_names_the_operator_its_law_version_purpose_data_term_and_withdrawal(ConsentKind kind, string law)
    {
        var document = ConsentDocuments.For(kind, "МБОУ «Лицей № 9»", "описания наставнического опыта");

        document.Version.Should().Be(ConsentDocuments.VersionOf(kind));
        document.Text.Should().Contain("МБОУ «Лицей № 9»").And.Contain(law).And.Contain(document.Version)
            .And.Contain("/consents").And.Contain("«Согласен»");
        document.Text.Length.Should().BeLessThan(4096, "one Telegram message, the buttons under it");
        document.Summary.Split('\n').Should().HaveCount(3, "a phone screen leads with three lines");
        document.Summary.Should().Contain("МБОУ «Лицей № 9»").And.Contain("/consents").And.EndWith(ConsentDocuments.FullTextPointer);
    }

    [Fact]
    public void The_personal_data_consent_states_purpose_data_actions_and_term()
    {
        var text = ConsentDocuments.PersonalData("Школа").Text;

        text.Should().Contain("Цель обработки").And.Contain("Персональные данные:").And.Contain("Действия:")
            .And.Contain("Срок:").And.Contain("Отзыв:").And.Contain("идентификаторы, имена и имена пользователя в мессенджерах Telegram и MAX");
    }

    [Fact]
    public void The_consent_diagram_in_the_docs_is_the_export_of_the_flow() =>
        DocsDiagramTests.DocumentedDiagram("consent").Should().Be(MermaidGraph.Format(new ConsentFlow(ConsentStep.PersonalData, true).Machine.GetInfo()));
}
