using MentorBot.Domain.Conversations;

namespace MentorBot.Tests.Conversations;

/// <summary>
/// The Mermaid export, line for line as Stateless's <c>MermaidGraph.Format(machine.GetInfo())</c>
/// (expected texts follow Stateless's own fixture), so diagrams in docs/ come from the code.
/// </summary>
public class MermaidGraphTests
{
    public enum State { A, B, C, D }

    public enum Trigger { X, Y, Z }

    private static string Lines(params string[] lines) => string.Join("\n", lines);

    [Fact]
    public void A_machine_without_transitions_shows_only_the_initial_state()
    {
        var sm = new StateMachine<State, Trigger>(State.A);

        MermaidGraph.Format(sm.GetInfo()).Should().Be(Lines("stateDiagram-v2", "[*] --> A"));
    }

    [Fact]
    public void Transitions_are_listed_in_configuration_order()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B).Permit(Trigger.Y, State.C);

        MermaidGraph.Format(sm.GetInfo()).Should().Be(Lines(
            "stateDiagram-v2",
            "\tA --> B : X",
            "\tA --> C : Y",
            "[*] --> A"));
    }

    [Fact]
    public void Guards_are_shown_by_description_then_method_name_then_Function()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => true, "consent given")
            .PermitIf(Trigger.Y, State.C, IsTrue)
            .PermitIf(Trigger.Z, State.D, () => true);

        MermaidGraph.Format(sm.GetInfo()).Should().Be(Lines(
            "stateDiagram-v2",
            "\tA --> B : X [consent given]",
            "\tA --> C : Y [IsTrue]",
            "\tA --> D : Z [Function]",
            "[*] --> A"));
    }

    [Fact]
    public void Ignored_triggers_are_self_loops_listed_after_the_transitions()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Ignore(Trigger.Y).Permit(Trigger.X, State.B);

        MermaidGraph.Format(sm.GetInfo()).Should().Be(Lines(
            "stateDiagram-v2",
            "\tA --> B : X",
            "\tA --> A : Y",
            "[*] --> A"));
    }

    [Fact]
    public void Superstates_are_drawn_as_composite_states()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B).Permit(Trigger.Y, State.C);
        sm.Configure(State.B).SubstateOf(State.D);
        sm.Configure(State.C).SubstateOf(State.D);

        MermaidGraph.Format(sm.GetInfo()).Should().Be(Lines(
            "stateDiagram-v2",
            "\tstate D {",
            "\t\tB",
            "\t\tC",
            "\t}",
            "\tA --> B : X",
            "\tA --> C : Y",
            "[*] --> A"));
    }

    [Fact]
    public void OnEntryFrom_actions_label_the_edges_of_their_trigger()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        var answer = sm.SetTriggerParameters<string>(Trigger.Y);
        sm.Configure(State.A)
            .OnEntry(() => { }, "OnEntry")
            .Permit(Trigger.X, State.B)
            .PermitIf(Trigger.Y, State.C, () => true, "IsTriggerY")
            .PermitIf(Trigger.Z, State.B, () => true, "IsTriggerZ");
        sm.Configure(State.B).OnEntryFrom(Trigger.X, () => { }, "BX");
        sm.Configure(State.C).OnEntryFrom(answer, SaveAnswer);

        MermaidGraph.Format(sm.GetInfo()).Should().Be(Lines(
            "stateDiagram-v2",
            "\tA --> B : X / BX",
            "\tA --> C : Y / SaveAnswer [IsTriggerY]",
            "\tA --> B : Z [IsTriggerZ]",
            "[*] --> A"));
    }

    [Fact]
    public void A_reentry_shows_the_entry_actions_it_reruns()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).OnEntry(() => { }, "ask again").PermitReentry(Trigger.X);

        MermaidGraph.Format(sm.GetInfo()).Should().Be(Lines(
            "stateDiagram-v2",
            "\tA --> A : X / ask again",
            "[*] --> A"));
    }

    [Fact]
    public void State_names_Mermaid_cannot_take_get_unique_aliases()
    {
        var sm = new StateMachine<string, Trigger>("A A");
        sm.Configure("A A").Permit(Trigger.X, "B");
        sm.Configure("A  A").Permit(Trigger.X, "B");
        sm.Configure("A-A").Permit(Trigger.X, "B");

        MermaidGraph.Format(sm.GetInfo()).Should().Be(Lines(
            "stateDiagram-v2",
            "\tAA : A A",
            "\tAA_1 : A  A",
            "\tAA_2 : A-A",
            "\tAA --> B : X",
            "\tAA_1 --> B : X",
            "\tAA_2 --> B : X",
            "[*] --> AA"));
    }

    private static bool IsTrue() => true;

    private static void SaveAnswer(string answer)
    {
    }
}
