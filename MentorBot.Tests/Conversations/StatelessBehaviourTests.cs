using MentorBot.Domain.Consents;
using MentorBot.Domain.Meetings;
using MentorBot.Tests.Questionnaires;
using Stateless;
using Stateless.Reflection;

namespace MentorBot.Tests.Conversations;

/// <summary>
/// What our conversation flows rely on in Stateless 5.20.1 itself (not a copy), and the pitfalls the
/// flows' rule avoids (docs/state-machines.md, "The rule our flows follow"). A Stateless upgrade that
/// changes one of these fails here before it changes what a person sees.
/// </summary>
public class StatelessBehaviourTests
{
    public enum State { A, B, C, D }

    public enum Trigger { X, Y, Z }

    private sealed class Row
    {
        public State Value { get; set; }
    }

    private static StateMachine<State, Trigger> Over(Row row, List<string>? log = null) =>
        new(() => row.Value, s => { row.Value = s; log?.Add($"stored {s}"); });

    [Fact]
    public void A_machine_over_a_stored_row_starts_where_the_row_stands_and_writes_each_move_back()
    {
        var row = new Row { Value = State.B };
        var sm = Over(row);
        sm.Configure(State.B).Permit(Trigger.X, State.C);

        sm.State.Should().Be(State.B);
        sm.Fire(Trigger.X);

        row.Value.Should().Be(State.C);
        row.Value = State.A; // another request changed the row: the machine reads it, it keeps no copy
        sm.State.Should().Be(State.A);
    }

    [Fact]
    public void The_state_is_stored_before_the_entry_actions_run()
    {
        var log = new List<string>();
        var row = new Row();
        var sm = Over(row, log);
        sm.Configure(State.A).OnExit(() => log.Add("exit A")).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntry(() => log.Add($"enter B, row {row.Value}"));

        sm.Fire(Trigger.X);

        log.Should().Equal("exit A", "stored B", "enter B, row B");
    }

    [Fact]
    public async Task Of_two_guarded_permits_the_one_whose_guard_passes_is_taken_and_CanFire_follows_the_guards()
    {
        var mentor = false;
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => mentor, "mentor")
            .PermitIf(Trigger.X, State.C, () => !mentor, "not a mentor")
            .PermitIf(Trigger.Y, State.D, () => false, "never");

        sm.CanFire(Trigger.X).Should().BeTrue();
        sm.CanFire(Trigger.Y).Should().BeFalse();
        (await sm.GetPermittedTriggersAsync()).Should().Equal(Trigger.X);
        sm.Fire(Trigger.X);

        sm.State.Should().Be(State.C);
    }

    [Fact]
    public void Reentry_runs_exit_and_entry_actions_and_the_entry_action_sees_the_trigger()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .PermitReentry(Trigger.X)
            .OnExit(() => log.Add("exit"))
            .OnEntry(t => log.Add($"enter by {t.Trigger}"));

        sm.Fire(Trigger.X);

        log.Should().Equal("exit", "enter by X");
    }

    [Fact]
    public void An_internal_transition_runs_its_action_only_and_does_not_store_the_state()
    {
        var log = new List<string>();
        var row = new Row();
        var sm = Over(row, log);
        sm.Configure(State.A)
            .InternalTransition(Trigger.X, () => log.Add("asked again"))
            .OnExit(() => log.Add("exit"))
            .OnEntry(() => log.Add("enter"));

        sm.Fire(Trigger.X);

        log.Should().Equal("asked again");
    }

    [Fact]
    public void OnEntryFrom_runs_only_when_the_state_is_entered_by_that_trigger()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B).Permit(Trigger.Y, State.B);
        sm.Configure(State.B).OnEntryFrom(Trigger.X, () => log.Add("thanks"));

        sm.Fire(Trigger.Y);
        log.Should().BeEmpty();
        sm.Configure(State.B).Permit(Trigger.Z, State.A);
        sm.Fire(Trigger.Z);
        sm.Fire(Trigger.X);

        log.Should().Equal("thanks");
    }

    [Fact]
    public void An_unhandled_trigger_throws_unless_OnUnhandledTrigger_is_set_and_a_failing_guard_counts_as_unhandled()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, () => false, "an earlier question");

        var unhandled = () => sm.Fire(Trigger.Y);
        var guarded = () => sm.Fire(Trigger.X);
        unhandled.Should().Throw<InvalidOperationException>();
        guarded.Should().Throw<InvalidOperationException>().WithMessage("*an earlier question*");

        var seen = new List<string>();
        sm.OnUnhandledTrigger((state, trigger, unmet) => seen.Add($"{state} {trigger} [{string.Join(", ", unmet ?? [])}]"));
        sm.Fire(Trigger.Y);
        sm.Fire(Trigger.X);

        seen.Should().Equal("A Y []", "A X [an earlier question]");
        sm.State.Should().Be(State.A);
    }

    [Fact]
    public void Ignore_runs_no_action_and_does_not_store_the_state()
    {
        var log = new List<string>();
        var row = new Row();
        var sm = Over(row, log);
        sm.Configure(State.A).Ignore(Trigger.X).OnEntry(() => log.Add("enter")).OnExit(() => log.Add("exit"));

        sm.Fire(Trigger.X);

        log.Should().BeEmpty();
    }

    [Fact]
    public async Task A_superstate_permit_applies_in_its_substates_and_a_substate_ignore_overrides_it()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.B);
        sm.Configure(State.A).Permit(Trigger.X, State.C).Permit(Trigger.Y, State.D);
        sm.Configure(State.B).SubstateOf(State.A).Ignore(Trigger.Y);
        sm.Configure(State.C).SubstateOf(State.A).OnEntry(() => log.Add("enter C"));

        sm.Fire(Trigger.Y);
        sm.State.Should().Be(State.B);
        (await sm.GetPermittedTriggersAsync()).Should().BeEquivalentTo([Trigger.X, Trigger.Y]);
        sm.Fire(Trigger.X);

        sm.State.Should().Be(State.C);
        sm.IsInState(State.A).Should().BeTrue();
        log.Should().Equal("enter C");
    }

    // Pitfall: the stored state moves before the async action is refused.
    [Fact]
    public void A_synchronous_Fire_with_an_async_entry_action_stores_the_new_state_and_then_throws()
    {
        var log = new List<string>();
        var row = new Row();
        var sm = Over(row, log);
        sm.Configure(State.A).OnExit(() => log.Add("exit A")).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntryAsync(() => Task.CompletedTask);

        var act = () => sm.Fire(Trigger.X);

        act.Should().Throw<InvalidOperationException>();
        log.Should().Equal("exit A", "stored B");
        row.Value.Should().Be(State.B);
    }

    // Pitfall: an argument the code forgot arrives as the type's default, not as an error.
    [Fact]
    public void A_parameterised_trigger_fired_without_its_argument_does_not_throw()
    {
        var received = new List<string?>();
        var sm = new StateMachine<State, Trigger>(State.A);
        var withText = sm.SetTriggerParameters<string>(Trigger.X);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntryFrom(withText, text => received.Add(text));

        var act = () => sm.Fire(Trigger.X);

        act.Should().NotThrow();
        sm.State.Should().Be(State.B);
        received.Should().Equal([null]);
    }

    // Pitfall: the unmet guards reach OnUnhandledTrigger under Fire only.
    [Fact]
    public async Task Under_FireAsync_OnUnhandledTrigger_gets_no_list_of_unmet_guards()
    {
        var seen = new List<ICollection<string>?>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, () => false, "an earlier question");
        sm.OnUnhandledTrigger((_, _, unmet) => seen.Add(unmet));

        sm.Fire(Trigger.X);
        await sm.FireAsync(Trigger.X);

        seen.Should().HaveCount(2);
        seen[0].Should().Equal("an earlier question");
        seen[1].Should().BeNull();
    }

    /// <summary>The rule of docs/state-machines.md, checked on the flows as built: no async action or guard anywhere.</summary>
    [Fact]
    public void Every_flow_configures_synchronous_actions_and_guards_only()
    {
        var flows = new[]
        {
            new ConsentFlow(ConsentStep.PersonalData, true).Machine.GetInfo(),
            QuestionnaireDiagramTests.Flow().Machine.GetInfo(),
            MeetingCheckIn.Describe().GetInfo(),
        };

        var invocations = flows.SelectMany(f => f.States).SelectMany(s =>
            s.EntryActions.Select(a => a.Method)
                .Concat(s.ExitActions)
                .Concat(s.ActivateActions).Concat(s.DeactivateActions)
                .Concat(s.FixedTransitions.SelectMany(t => t.GuardConditionsMethodDescriptions)))
            .ToList();

        invocations.Should().NotBeEmpty();
        invocations.Where(i => i.IsAsync).Select(i => i.Description).Should().BeEmpty();
    }
}
