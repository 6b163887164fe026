using MentorBot.Domain.Questionnaires;
using MentorBot.Tests.Conversations;

namespace MentorBot.Tests.Questionnaires;

/// <summary>docs/state-machines.md shows the questionnaire flow's diagram as exported from the code.</summary>
public class QuestionnaireDiagramTests
{
    public static string Diagram()
    {
        var definition = BuiltInQuestionnaires.Find(BuiltInQuestionnaires.MenteeIntake, CompetencyTaxonomy.Default)!;
        return new QuestionnaireFlow(definition, QuestionnaireProgress.Start(definition), 0, new DateOnly(2026, 9, 1)).Machine.ToMermaid();
    }

    [Fact]
    public void The_questionnaire_diagram_in_the_docs_is_the_export_of_the_flow() =>
        DocsDiagramTests.DocumentedDiagram("questionnaire").Should().Be(Diagram(), "docs/state-machines.md must show the flow as built; paste this export into its block");
}
