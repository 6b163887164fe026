using MentorBot.Domain.Questionnaires;
using MentorBot.Tests.Conversations;
using Stateless.Graph;

namespace MentorBot.Tests.Questionnaires;

/// <summary>docs/state-machines.md shows the questionnaire flow's diagram as exported from the code.</summary>
public class QuestionnaireDiagramTests
{
    /// <summary>A fresh flow over the built-in mentee intake (the diagram's flow).</summary>
    public static QuestionnaireFlow Flow()
    {
        var definition = BuiltInQuestionnaires.Find(BuiltInQuestionnaires.MenteeIntake, CompetencyTaxonomy.Default)!;
        return new QuestionnaireFlow(definition, QuestionnaireProgress.Start(definition), 0, new DateOnly(2026, 9, 1));
    }

    public static string Diagram() => MermaidGraph.Format(Flow().Machine.GetInfo());

    [Fact]
    public void The_questionnaire_diagram_in_the_docs_is_the_export_of_the_flow() =>
        DocsDiagramTests.DocumentedDiagram("questionnaire").Should().Be(Diagram(), "docs/state-machines.md must show the flow as built; paste this export into its block");
}
