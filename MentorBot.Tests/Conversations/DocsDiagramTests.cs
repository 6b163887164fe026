using System.Text.RegularExpressions;
using MentorBot.Tests.Integration;
using Stateless;
using Stateless.Graph;

namespace MentorBot.Tests.Conversations;

/// <summary>
/// docs/state-machines.md shows diagrams generated from code: each <c>diagram:NAME</c> block must
/// equal the Mermaid export of the machine it names, so a changed flow fails here until the doc is
/// regenerated (the failure message holds the new text to paste).
/// </summary>
public class DocsDiagramTests
{
    public enum SampleState { Asked, Given, Declined, Withdrawn }

    public enum SampleTrigger { Agree, Decline, Withdraw, Repeat }

    /// <summary>The illustrative machine of the doc's "How to read a diagram" section.</summary>
    public static StateMachine<SampleState, SampleTrigger> SampleMachine()
    {
        var sm = new StateMachine<SampleState, SampleTrigger>(SampleState.Asked);
        sm.Configure(SampleState.Asked)
            .Permit(SampleTrigger.Agree, SampleState.Given)
            .Permit(SampleTrigger.Decline, SampleState.Declined);
        sm.Configure(SampleState.Given)
            .OnEntryFrom(SampleTrigger.Agree, () => { }, "record consent")
            .PermitIf(SampleTrigger.Withdraw, SampleState.Withdrawn, () => true, "confirmed")
            .Ignore(SampleTrigger.Agree);
        sm.Configure(SampleState.Declined)
            .PermitReentry(SampleTrigger.Repeat)
            .OnEntry(() => { }, "say goodbye");
        return sm;
    }

    [Fact]
    public void The_sample_diagram_in_the_docs_is_the_export_of_the_sample_machine()
    {
        DocumentedDiagram("sample").Should().Be(MermaidGraph.Format(SampleMachine().GetInfo()));
    }

    /// <summary>The text inside <c>&lt;!-- diagram:NAME --&gt;</c> … <c>&lt;!-- /diagram:NAME --&gt;</c>, without the code fence.</summary>
    internal static string DocumentedDiagram(string name)
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "docs", "state-machines.md")).ReplaceLineEndings("\n");
        var match = Regex.Match(doc, $@"<!-- diagram:{Regex.Escape(name)} -->\n```mermaid\n(.*?)\n```\n<!-- /diagram:{Regex.Escape(name)} -->", RegexOptions.Singleline);
        match.Success.Should().BeTrue($"docs/state-machines.md should contain the diagram block '{name}'");
        return match.Groups[1].Value;
    }
}
