using System.Text.Json.Nodes;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Exports;
using MentorBot.Domain.Reports;

namespace MentorBot.Tests.Reports;

public class SatisfactionMonitoringTests
{
    private static SurveyRecord Mentee(int effectiveness) => new("satisfaction_mentee", new JsonObject { ["effectiveness"] = effectiveness, ["valuable"] = $"ценно {effectiveness}" });

    [Fact]
    public void A_scale_gives_n_mean_median_distribution_and_the_change_against_the_previous_year()
    {
        var groups = SatisfactionMonitoring.Compute([Mentee(9), Mentee(4), Mentee(8), Mentee(9), Mentee(10), Mentee(6)], [.. Enumerable.Repeat(Mentee(7), 5)]);

        var effectiveness = groups[0].Scales[0];
        (effectiveness.Count, effectiveness.Mean, effectiveness.Median, effectiveness.PreviousMean).Should().Be((6, 46 / 6.0, 8.5, 7.0));
        effectiveness.Distribution.Should().Equal(0, 0, 0, 1, 0, 1, 0, 1, 2, 1);
        effectiveness.Change.Should().BeApproximately(46 / 6.0 - 7, 1e-9);
        groups[0].Valuable.Should().Equal("ценно 10", "ценно 4", "ценно 6", "ценно 8", "ценно 9", "ценно 9");
        groups[1].Should().Match<SatisfactionGroup>(g => g.Questionnaire == "satisfaction_mentor" && g.Responses == 0 && g.Hidden);
    }

    [Fact]
    public void Four_answers_are_withheld_everywhere_the_figures_go_and_the_chart_leaves_the_group_out()
    {
        var groups = SatisfactionMonitoring.Compute([Mentee(9), Mentee(4), Mentee(8), Mentee(9), Mentee(5),
            new("satisfaction_mentor", new JsonObject { ["effectiveness"] = 3, ["valuable"] = "узнаваемый ответ" })], [Mentee(2), Mentee(2), Mentee(2), Mentee(2)]);

        groups[0].Scales[0].PreviousMean.Should().BeNull("four answers last year are withheld too");
        groups[0].Scales[0].Change.Should().BeNull();
        var mentors = groups[1];
        (mentors.Hidden, mentors.Scales[0].Mean, mentors.Scales[0].Distribution, mentors.Valuable.Count).Should().Be((true, (double?)null, (IReadOnlyList<int>?)null, 0));

        var report = QualityReport.Build(new QualityFigures("Школа", new ProgrammeYear(2026), new DateOnly(2027, 5, 25), groups, null, null, null));
        report.Charts.Single().Series.Select(s => s.Name).Should().Equal("Наставляемые");
        report.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).Should().NotContain(t => t.Contains("узнаваемый"));
    }
}

public class SwotDialogueTests
{
    private static readonly SwotAnalysis Draft = new(["Высокая польза встреч"], ["Планы составлены (частично)"], [], []);

    [Fact]
    public void Keep_replace_back_and_edit_from_the_review_then_save()
    {
        var turn = SwotDialogue.Start(Draft);
        turn.State.Step.Should().Be(SwotStep.Strengths);
        turn.Reply.Choices.Single().Single().Should().Be(new Choice("Оставить как есть", "swot:keep"));

        turn = SwotDialogue.Handle(turn.State, new ChoiceInput("swot:keep"));
        turn.State.Step.Should().Be(SwotStep.Weaknesses);
        turn = SwotDialogue.Handle(turn.State, new CommandInput("back", null));
        turn.State.Step.Should().Be(SwotStep.Strengths);
        turn = SwotDialogue.Handle(turn.State, new CommandInput("back", null));
        turn.Reply.Text.Should().StartWith(ReportsTexts.SwotFirstStep);

        turn = SwotDialogue.Handle(turn.State, new TextInput("1. Команда\n2) Доверие\n\n• Открытость"));
        turn.State.Swot.Strengths.Should().Equal("Команда", "Доверие", "Открытость");
        turn = SwotDialogue.Handle(turn.State, new ChoiceInput("swot:keep"));
        turn.Reply.Choices.Single().Single().Label.Should().Be("Пропустить", "opportunities are empty until the curator names them");
        turn = SwotDialogue.Handle(turn.State, new TextInput("Партнёры"));
        turn = SwotDialogue.Handle(turn.State, new ChoiceInput("swot:keep"));
        turn.State.Step.Should().Be(SwotStep.Review);
        turn = SwotDialogue.Handle(turn.State, new ChoiceInput("swot:edit:weaknesses"));
        turn = SwotDialogue.Handle(turn.State, new TextInput("Нехватка времени"));
        turn.State.Step.Should().Be(SwotStep.Review, "an edit from the review returns there");
        SwotDialogue.Handle(turn.State, new ChoiceInput("swot:save")).Should().Match<SwotTurn>(t => t.Save);
        turn.State.Swot.Should().BeEquivalentTo(new SwotAnalysis(["Команда", "Доверие", "Открытость"], ["Нехватка времени"], ["Партнёры"], []));
    }

    [Theory]
    [InlineData("")]
    [InlineData("—\n---")]
    [InlineData("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11")]
    public void An_unreadable_list_is_asked_again_and_nothing_changes(string text)
    {
        var start = SwotDialogue.Start(Draft).State;
        var turn = SwotDialogue.Handle(start, new TextInput(text));
        turn.State.Should().Be(start);
        turn.Reply.Text.Should().StartWith("Не получилось прочитать список");
    }
}

public class SwotDiagramTests
{
    [Fact]
    public void The_SWOT_diagram_in_the_docs_is_the_export_of_the_dialogue()
    {
        var machine = new SwotDialogue(new SwotState(SwotStep.Strengths, SwotAnalysis.Empty)).Machine;
        Conversations.DocsDiagramTests.DocumentedDiagram("swot").Should().Be(Stateless.Graph.MermaidGraph.Format(machine.GetInfo()));
    }
}
