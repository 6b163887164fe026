using MentorBot.Domain.Conversations;

namespace MentorBot.Tests.Conversations;

/// <summary>
/// Semantics of <see cref="StateMachine{TState, TTrigger}"/>. Only the public, Stateless-shaped API
/// is used, so this suite would run against Stateless 5.x with the namespace swapped (and
/// <c>MermaidGraph</c> taken from <c>Stateless.Graph</c>): it pins the behaviour our flows rely on.
/// </summary>
public class StateMachineTests
{
    public enum State { A, B, C, D, E }

    public enum Trigger { X, Y, Z }

    private readonly List<string> _log = [];

    private StateMachine<State, Trigger> Machine(State initial = State.A) => new(initial);

    // ---- construction and state storage ----

    [Fact]
    public void Starts_in_the_initial_state()
    {
        Machine(State.C).State.Should().Be(State.C);
    }

    [Fact]
    public void External_state_is_read_through_the_accessor_and_written_through_the_mutator()
    {
        var row = new StoredState { Value = State.A };
        var sm = new StateMachine<State, Trigger>(() => row.Value, s => { row.Value = s; _log.Add($"stored {s}"); });
        sm.Configure(State.A).Permit(Trigger.X, State.B);

        sm.Fire(Trigger.X);

        row.Value.Should().Be(State.B);
        _log.Should().Equal("stored B");
    }

    [Fact]
    public void External_state_changed_outside_is_what_the_machine_sees()
    {
        var row = new StoredState { Value = State.A };
        var sm = new StateMachine<State, Trigger>(() => row.Value, s => row.Value = s);
        sm.Configure(State.B).Permit(Trigger.Y, State.C);

        row.Value = State.B;

        sm.State.Should().Be(State.B);
        sm.CanFire(Trigger.Y).Should().BeTrue();
    }

    [Fact]
    public void A_new_machine_over_the_same_stored_state_continues_where_the_old_one_stopped()
    {
        var row = new StoredState { Value = State.A };
        StateMachine<State, Trigger> Build()
        {
            var sm = new StateMachine<State, Trigger>(() => row.Value, s => row.Value = s);
            sm.Configure(State.A).Permit(Trigger.X, State.B);
            sm.Configure(State.B).Permit(Trigger.Y, State.C);
            return sm;
        }

        Build().Fire(Trigger.X);
        var afterRestart = Build();
        afterRestart.Fire(Trigger.Y);

        row.Value.Should().Be(State.C);
    }

    [Fact]
    public void External_state_is_stored_before_entry_actions_run()
    {
        var row = new StoredState { Value = State.A };
        var sm = new StateMachine<State, Trigger>(() => row.Value, s => row.Value = s);
        sm.Configure(State.A).OnExit(() => _log.Add($"exit sees {row.Value}")).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntry(() => _log.Add($"entry sees {row.Value}"));

        sm.Fire(Trigger.X);

        _log.Should().Equal("exit sees A", "entry sees B");
    }

    [Fact]
    public void External_state_constructor_rejects_null_delegates()
    {
        var noAccessor = () => new StateMachine<State, Trigger>(null!, _ => { });
        var noMutator = () => new StateMachine<State, Trigger>(() => State.A, null!);

        noAccessor.Should().Throw<ArgumentNullException>();
        noMutator.Should().Throw<ArgumentNullException>();
    }

    // ---- Permit and the order of actions ----

    [Fact]
    public void Permit_moves_to_the_destination()
    {
        var sm = Machine();
        sm.Configure(State.A).Permit(Trigger.X, State.B);

        sm.Fire(Trigger.X);

        sm.State.Should().Be(State.B);
    }

    [Fact]
    public void Permit_to_the_same_state_is_rejected_at_configuration()
    {
        var sm = Machine();

        var act = () => sm.Configure(State.A).Permit(Trigger.X, State.A);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Exit_then_transitioned_then_entry_then_completed()
    {
        var sm = Machine();
        sm.Configure(State.A).OnExit(() => _log.Add("exit A")).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntry(() => _log.Add("enter B"));
        sm.OnTransitioned(t => _log.Add($"transitioned {t.Source}->{t.Destination}"));
        sm.OnTransitionCompleted(t => _log.Add($"completed {t.Source}->{t.Destination}"));

        sm.Fire(Trigger.X);

        _log.Should().Equal("exit A", "transitioned A->B", "enter B", "completed A->B");
    }

    [Fact]
    public void State_is_the_source_during_exit_and_the_destination_from_OnTransitioned_on()
    {
        var sm = Machine();
        sm.Configure(State.A).OnExit(() => _log.Add($"exit {sm.State}")).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntry(() => _log.Add($"entry {sm.State}"));
        sm.OnTransitioned(_ => _log.Add($"transitioned {sm.State}"));

        sm.Fire(Trigger.X);

        _log.Should().Equal("exit A", "transitioned B", "entry B");
    }

    [Fact]
    public void Actions_and_callbacks_receive_the_transition()
    {
        var seen = new List<StateMachine<State, Trigger>.Transition>();
        var sm = Machine();
        sm.Configure(State.A).OnExit(seen.Add).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntry(seen.Add);
        sm.OnTransitioned(seen.Add);
        sm.OnTransitionCompleted(seen.Add);

        sm.Fire(Trigger.X);

        seen.Should().HaveCount(4).And.OnlyContain(t =>
            t.Source == State.A && t.Destination == State.B && t.Trigger == Trigger.X && !t.IsReentry && t.Parameters.Length == 0);
    }

    [Fact]
    public void Several_entry_and_exit_actions_run_in_registration_order()
    {
        var sm = Machine();
        sm.Configure(State.A).OnExit(() => _log.Add("exit 1")).OnExit(() => _log.Add("exit 2")).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntry(() => _log.Add("entry 1")).OnEntry(() => _log.Add("entry 2"));

        sm.Fire(Trigger.X);

        _log.Should().Equal("exit 1", "exit 2", "entry 1", "entry 2");
    }

    [Fact]
    public void Configuring_a_state_twice_adds_to_its_configuration()
    {
        var sm = Machine();
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.A).Permit(Trigger.Y, State.C);

        sm.PermittedTriggers.Should().BeEquivalentTo([Trigger.X, Trigger.Y]);
    }

    // ---- guards ----

    [Fact]
    public void PermitIf_with_a_passing_guard_transitions()
    {
        var sm = Machine();
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, () => true);

        sm.Fire(Trigger.X);

        sm.State.Should().Be(State.B);
    }

    [Fact]
    public void PermitIf_with_a_failing_guard_throws_naming_the_guard_and_stays()
    {
        var sm = Machine();
        sm.Configure(State.A).OnExit(() => _log.Add("exit")).PermitIf(Trigger.X, State.B, () => false, "consent given");

        var act = () => sm.Fire(Trigger.X);

        act.Should().Throw<InvalidOperationException>().WithMessage("*'X'*'A'*guard*consent given*");
        sm.State.Should().Be(State.A);
        _log.Should().BeEmpty();
    }

    [Fact]
    public void The_one_passing_guard_among_several_chooses_the_destination()
    {
        var isAdult = false;
        var sm = Machine();
        sm.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => isAdult)
            .PermitIf(Trigger.X, State.C, () => !isAdult);

        sm.Fire(Trigger.X);

        sm.State.Should().Be(State.C);
    }

    [Fact]
    public void Two_passing_guards_for_one_trigger_throw()
    {
        var sm = Machine();
        sm.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => true)
            .PermitIf(Trigger.X, State.C, () => true);

        var act = () => sm.Fire(Trigger.X);

        act.Should().Throw<InvalidOperationException>().WithMessage("*Multiple*'A'*'X'*");
        sm.State.Should().Be(State.A);
    }

    [Fact]
    public void Guards_are_evaluated_when_the_trigger_fires()
    {
        var open = false;
        var sm = Machine();
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, () => open);

        sm.CanFire(Trigger.X).Should().BeFalse();
        open = true;
        sm.CanFire(Trigger.X).Should().BeTrue();
        sm.Fire(Trigger.X);

        sm.State.Should().Be(State.B);
    }

    [Fact]
    public void PermittedTriggers_lists_only_triggers_whose_guards_pass()
    {
        var sm = Machine();
        sm.Configure(State.A)
            .Permit(Trigger.X, State.B)
            .PermitIf(Trigger.Y, State.C, () => false)
            .PermitIf(Trigger.Z, State.D, () => true);

        sm.PermittedTriggers.Should().BeEquivalentTo([Trigger.X, Trigger.Z]);
    }

    [Fact]
    public void CanFire_is_false_for_a_trigger_the_state_does_not_know()
    {
        var sm = Machine();
        sm.Configure(State.A).Permit(Trigger.X, State.B);

        sm.CanFire(Trigger.Y).Should().BeFalse();
        sm.CanFire(Trigger.X).Should().BeTrue();
    }

    // ---- unhandled triggers ----

    [Fact]
    public void An_unhandled_trigger_throws_by_default()
    {
        var sm = Machine();
        sm.Configure(State.A).Permit(Trigger.X, State.B);

        var act = () => sm.Fire(Trigger.Y);

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("No valid leaving transitions are permitted from state 'A' for trigger 'Y'*");
    }

    [Fact]
    public void A_trigger_in_a_state_that_was_never_configured_is_unhandled()
    {
        var act = () => Machine(State.E).Fire(Trigger.X);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void OnUnhandledTrigger_replaces_the_exception_and_runs_nothing_else()
    {
        var sm = Machine();
        sm.Configure(State.A).OnExit(() => _log.Add("exit")).Permit(Trigger.X, State.B);
        sm.OnTransitioned(_ => _log.Add("transitioned"));
        sm.OnUnhandledTrigger((state, trigger) => _log.Add($"unhandled {trigger} in {state}"));

        sm.Fire(Trigger.Y);

        _log.Should().Equal("unhandled Y in A");
        sm.State.Should().Be(State.A);
    }

    [Fact]
    public void OnUnhandledTrigger_receives_the_descriptions_of_unmet_guards()
    {
        ICollection<string>? unmet = null;
        var sm = Machine();
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, () => false, "questionnaire complete");
        sm.OnUnhandledTrigger((_, _, guards) => unmet = guards);

        sm.Fire(Trigger.X);

        unmet.Should().Equal("questionnaire complete");
    }

    [Fact]
    public async Task OnUnhandledTriggerAsync_runs_under_FireAsync()
    {
        var sm = Machine();
        sm.OnUnhandledTriggerAsync(async (state, trigger) =>
        {
            await Task.Yield();
            _log.Add($"unhandled {trigger} in {state}");
        });

        await sm.FireAsync(Trigger.Z);

        _log.Should().Equal("unhandled Z in A");
    }

    // ---- Ignore ----

    [Fact]
    public void Ignore_changes_nothing_and_runs_nothing()
    {
        var stores = 0;
        var row = new StoredState { Value = State.A };
        var sm = new StateMachine<State, Trigger>(() => row.Value, s => { row.Value = s; stores++; });
        sm.Configure(State.A).OnEntry(() => _log.Add("entry")).OnExit(() => _log.Add("exit")).Ignore(Trigger.X);
        sm.OnTransitioned(_ => _log.Add("transitioned"));
        sm.OnTransitionCompleted(_ => _log.Add("completed"));

        sm.Fire(Trigger.X);

        sm.State.Should().Be(State.A);
        _log.Should().BeEmpty();
        stores.Should().Be(0);
    }

    [Fact]
    public void IgnoreIf_ignores_only_while_its_guard_passes()
    {
        var duplicate = true;
        var sm = Machine();
        sm.Configure(State.A).IgnoreIf(Trigger.X, () => duplicate);

        sm.Fire(Trigger.X);
        duplicate = false;
        var act = () => sm.Fire(Trigger.X);

        act.Should().Throw<InvalidOperationException>();
        sm.State.Should().Be(State.A);
    }

    [Fact]
    public void An_ignored_trigger_can_be_fired_and_is_permitted()
    {
        var sm = Machine();
        sm.Configure(State.A).Ignore(Trigger.X);

        sm.CanFire(Trigger.X).Should().BeTrue();
        sm.PermittedTriggers.Should().Equal(Trigger.X);
    }

    // ---- reentry ----

    [Fact]
    public void PermitReentry_runs_exit_then_entry_of_the_same_state()
    {
        var transitions = new List<StateMachine<State, Trigger>.Transition>();
        var sm = Machine();
        sm.Configure(State.A)
            .OnExit(() => _log.Add("exit A"))
            .OnEntry(() => _log.Add("enter A"))
            .PermitReentry(Trigger.X);
        sm.OnTransitioned(transitions.Add);

        sm.Fire(Trigger.X);

        _log.Should().Equal("exit A", "enter A");
        sm.State.Should().Be(State.A);
        transitions.Should().ContainSingle().Which.IsReentry.Should().BeTrue();
    }

    [Fact]
    public void Reentry_stores_the_state_again()
    {
        var stored = new List<State>();
        var row = new StoredState { Value = State.A };
        var sm = new StateMachine<State, Trigger>(() => row.Value, s => { row.Value = s; stored.Add(s); });
        sm.Configure(State.A).PermitReentry(Trigger.X);

        sm.Fire(Trigger.X);

        stored.Should().Equal(State.A);
    }

    [Fact]
    public void OnEntryFrom_runs_on_reentry_through_its_trigger()
    {
        var sm = Machine();
        sm.Configure(State.A).OnEntryFrom(Trigger.X, () => _log.Add("re-asked")).PermitReentry(Trigger.X);

        sm.Fire(Trigger.X);

        _log.Should().Equal("re-asked");
    }

    [Fact]
    public void PermitReentryIf_follows_its_guard()
    {
        var sm = Machine();
        sm.Configure(State.A).OnEntry(() => _log.Add("enter A")).PermitReentryIf(Trigger.X, () => false, "invalid answer");

        var act = () => sm.Fire(Trigger.X);

        act.Should().Throw<InvalidOperationException>().WithMessage("*invalid answer*");
        _log.Should().BeEmpty();
    }

    // ---- internal transitions ----

    [Fact]
    public void InternalTransition_runs_its_action_without_exit_entry_or_callbacks()
    {
        var sm = Machine();
        sm.Configure(State.A)
            .OnEntry(() => _log.Add("entry"))
            .OnExit(() => _log.Add("exit"))
            .InternalTransition(Trigger.X, t => _log.Add($"internal {t.Source}->{t.Destination}"));
        sm.OnTransitioned(_ => _log.Add("transitioned"));

        sm.Fire(Trigger.X);

        _log.Should().Equal("internal A->A");
        sm.State.Should().Be(State.A);
    }

    [Fact]
    public void A_parameterised_internal_transition_receives_the_argument()
    {
        var sm = Machine();
        var answer = sm.SetTriggerParameters<string>(Trigger.X);
        sm.Configure(State.A).InternalTransition(answer, (text, _) => _log.Add(text));

        sm.Fire(answer, "42");

        _log.Should().Equal("42");
    }

    // ---- trigger parameters ----

    [Fact]
    public async Task OnEntryFrom_a_parameterised_trigger_receives_the_argument()
    {
        var sm = Machine();
        var answer = sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntryFrom(answer, years => _log.Add($"years {years}"));

        await sm.FireAsync(answer, 7);

        _log.Should().Equal("years 7");
        sm.State.Should().Be(State.B);
    }

    [Fact]
    public void OnEntryFrom_with_a_transition_sees_the_argument_in_the_parameters_too()
    {
        object?[]? parameters = null;
        var sm = Machine();
        var answer = sm.SetTriggerParameters<string>(Trigger.X);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntryFrom(answer, (text, t) => { _log.Add(text); parameters = t.Parameters; });

        sm.Fire(answer, "Иванова");

        _log.Should().Equal("Иванова");
        parameters.Should().Equal("Иванова");
    }

    [Fact]
    public void OnEntryFrom_runs_only_for_its_trigger()
    {
        var sm = Machine();
        sm.Configure(State.A).Permit(Trigger.X, State.B).Permit(Trigger.Y, State.B);
        sm.Configure(State.B)
            .OnEntryFrom(Trigger.X, () => _log.Add("from X"))
            .OnEntry(() => _log.Add("always"))
            .Permit(Trigger.Z, State.A);

        sm.Fire(Trigger.Y);
        sm.Fire(Trigger.Z);
        sm.Fire(Trigger.X);

        _log.Should().Equal("always", "from X", "always");
    }

    [Fact]
    public void A_parameterised_trigger_fired_without_its_argument_throws()
    {
        var sm = Machine();
        sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A).Permit(Trigger.X, State.B);

        var act = () => sm.Fire(Trigger.X);

        act.Should().Throw<ArgumentException>();
        sm.State.Should().Be(State.A);
    }

    [Fact]
    public void Trigger_parameters_cannot_be_declared_twice()
    {
        var sm = Machine();
        sm.SetTriggerParameters<int>(Trigger.X);

        var act = () => sm.SetTriggerParameters<string>(Trigger.X);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_typed_guard_sees_the_argument()
    {
        var sm = Machine();
        var score = sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A)
            .PermitIf(score, State.B, s => s >= 1 && s <= 10, "score in 1..10")
            .PermitIf(score, State.C, s => s < 1 || s > 10, "score out of range");

        sm.CanFire(score, 0).Should().BeTrue();
        sm.Fire(score, 11);

        sm.State.Should().Be(State.C);
    }

    // ---- async ----

    [Fact]
    public async Task FireAsync_awaits_async_actions_in_order()
    {
        var sm = Machine();
        sm.Configure(State.A)
            .OnExitAsync(async () => { await Task.Yield(); _log.Add("exit A"); })
            .Permit(Trigger.X, State.B);
        sm.Configure(State.B)
            .OnEntryAsync(async t => { await Task.Delay(1); _log.Add($"enter B from {t.Source}"); })
            .OnEntry(() => _log.Add("sync entry B"));
        sm.OnTransitionCompleted(_ => _log.Add("completed"));

        await sm.FireAsync(Trigger.X);

        _log.Should().Equal("exit A", "enter B from A", "sync entry B", "completed");
    }

    [Fact]
    public void Sync_Fire_refuses_an_async_entry_action()
    {
        var sm = Machine();
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntryAsync(() => Task.CompletedTask);

        var act = () => sm.Fire(Trigger.X);

        act.Should().Throw<InvalidOperationException>().WithMessage("*FireAsync*");
    }

    [Fact]
    public void Sync_Fire_refuses_an_async_exit_action()
    {
        var sm = Machine();
        sm.Configure(State.A).OnExitAsync(() => Task.CompletedTask).Permit(Trigger.X, State.B);

        var act = () => sm.Fire(Trigger.X);

        act.Should().Throw<InvalidOperationException>().WithMessage("*FireAsync*");
    }

    [Fact]
    public void Sync_Fire_is_fine_when_async_actions_are_not_on_the_path()
    {
        var sm = Machine();
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntryFromAsync(Trigger.Y, () => Task.CompletedTask).OnEntry(() => _log.Add("enter B"));
        sm.Configure(State.C).OnEntryAsync(() => Task.CompletedTask);

        sm.Fire(Trigger.X);

        _log.Should().Equal("enter B");
    }

    [Fact]
    public async Task OnEntryFromAsync_with_a_parameterised_trigger_receives_the_argument()
    {
        var sm = Machine();
        var answer = sm.SetTriggerParameters<string>(Trigger.X);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntryFromAsync(answer, async text => { await Task.Yield(); _log.Add(text); });

        await sm.FireAsync(answer, "да");

        _log.Should().Equal("да");
    }

    [Fact]
    public async Task An_exception_in_an_action_reaches_the_caller_and_the_machine_stays_usable()
    {
        var fail = true;
        var sm = Machine();
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntry(() => { if (fail) { throw new TimeoutException(); } }).Permit(Trigger.Y, State.C);

        var act = () => sm.FireAsync(Trigger.X);

        await act.Should().ThrowAsync<TimeoutException>();
        fail = false;
        await sm.FireAsync(Trigger.Y);
        sm.State.Should().Be(State.C);
    }

    // ---- firing from inside actions ----

    [Fact]
    public void A_trigger_fired_from_an_entry_action_runs_after_the_current_transition_completes()
    {
        var sm = Machine();
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B)
            .OnEntry(() => { _log.Add("enter B"); sm.Fire(Trigger.Y); _log.Add("enter B done"); })
            .OnExit(() => _log.Add("exit B"))
            .Permit(Trigger.Y, State.C);
        sm.OnTransitionCompleted(t => _log.Add($"completed {t.Source}->{t.Destination}"));

        sm.Fire(Trigger.X);

        _log.Should().Equal("enter B", "enter B done", "completed A->B", "exit B", "completed B->C");
        sm.State.Should().Be(State.C);
    }

    // ---- hierarchy ----

    [Fact]
    public void IsInState_honours_the_hierarchy()
    {
        var sm = Machine(State.B);
        sm.Configure(State.B).SubstateOf(State.A);
        sm.Configure(State.C).SubstateOf(State.B);

        sm.IsInState(State.B).Should().BeTrue();
        sm.IsInState(State.A).Should().BeTrue();
        sm.IsInState(State.C).Should().BeFalse();
        sm.IsInState(State.D).Should().BeFalse();
    }

    [Fact]
    public void Entering_a_substate_from_outside_enters_the_superstate_first()
    {
        var sm = Machine(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.C);
        sm.Configure(State.B).OnEntry(() => _log.Add("enter B"));
        sm.Configure(State.C).SubstateOf(State.B).OnEntry(() => _log.Add("enter C"));

        sm.Fire(Trigger.X);

        _log.Should().Equal("enter B", "enter C");
        sm.IsInState(State.B).Should().BeTrue();
    }

    [Fact]
    public void Entering_a_deeply_nested_state_enters_from_the_outermost_superstate()
    {
        var sm = Machine(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.D);
        sm.Configure(State.B).OnEntry(() => _log.Add("enter B"));
        sm.Configure(State.C).SubstateOf(State.B).OnEntry(() => _log.Add("enter C"));
        sm.Configure(State.D).SubstateOf(State.C).OnEntry(() => _log.Add("enter D"));

        sm.Fire(Trigger.X);

        _log.Should().Equal("enter B", "enter C", "enter D");
    }

    [Fact]
    public void Moving_between_siblings_does_not_exit_or_enter_the_superstate()
    {
        var sm = Machine(State.C);
        sm.Configure(State.B).OnEntry(() => _log.Add("enter B")).OnExit(() => _log.Add("exit B"));
        sm.Configure(State.C).SubstateOf(State.B).OnExit(() => _log.Add("exit C")).Permit(Trigger.X, State.D);
        sm.Configure(State.D).SubstateOf(State.B).OnEntry(() => _log.Add("enter D"));

        sm.Fire(Trigger.X);

        _log.Should().Equal("exit C", "enter D");
    }

    [Fact]
    public void Leaving_a_substate_for_outside_exits_the_substate_then_the_superstate()
    {
        var sm = Machine(State.C);
        sm.Configure(State.B).OnExit(() => _log.Add("exit B"));
        sm.Configure(State.C).SubstateOf(State.B).OnExit(() => _log.Add("exit C")).Permit(Trigger.X, State.A);
        sm.Configure(State.A).OnEntry(() => _log.Add("enter A"));

        sm.Fire(Trigger.X);

        _log.Should().Equal("exit C", "exit B", "enter A");
    }

    [Fact]
    public void A_trigger_the_substate_does_not_handle_is_handled_by_the_superstate()
    {
        var sm = Machine(State.C);
        sm.Configure(State.B).OnExit(() => _log.Add("exit B")).Permit(Trigger.Z, State.A);
        sm.Configure(State.C).SubstateOf(State.B).OnExit(() => _log.Add("exit C"));

        sm.CanFire(Trigger.Z).Should().BeTrue();
        sm.Fire(Trigger.Z);

        sm.State.Should().Be(State.A);
        _log.Should().Equal("exit C", "exit B");
    }

    [Fact]
    public void The_substate_own_handler_wins_over_the_superstate()
    {
        var sm = Machine(State.C);
        sm.Configure(State.B).Permit(Trigger.Z, State.A);
        sm.Configure(State.C).SubstateOf(State.B).Ignore(Trigger.Z);

        sm.Fire(Trigger.Z);

        sm.State.Should().Be(State.C);
    }

    [Fact]
    public void PermittedTriggers_include_the_superstate_triggers()
    {
        var sm = Machine(State.C);
        sm.Configure(State.B).Permit(Trigger.Z, State.A);
        sm.Configure(State.C).SubstateOf(State.B).Permit(Trigger.X, State.D);

        sm.PermittedTriggers.Should().BeEquivalentTo([Trigger.X, Trigger.Z]);
    }

    [Fact]
    public void Moving_from_a_substate_to_its_superstate_exits_only_the_substate()
    {
        var sm = Machine(State.C);
        sm.Configure(State.B).OnEntry(() => _log.Add("enter B")).OnExit(() => _log.Add("exit B"));
        sm.Configure(State.C).SubstateOf(State.B).OnExit(() => _log.Add("exit C")).Permit(Trigger.X, State.B);

        sm.Fire(Trigger.X);

        sm.State.Should().Be(State.B);
        _log.Should().Equal("exit C");
    }

    [Fact]
    public void Reentry_of_a_substate_does_not_touch_the_superstate()
    {
        var sm = Machine(State.C);
        sm.Configure(State.B).OnEntry(() => _log.Add("enter B")).OnExit(() => _log.Add("exit B"));
        sm.Configure(State.C).SubstateOf(State.B)
            .OnEntry(() => _log.Add("enter C")).OnExit(() => _log.Add("exit C")).PermitReentry(Trigger.X);

        sm.Fire(Trigger.X);

        _log.Should().Equal("exit C", "enter C");
    }

    [Fact]
    public void Reentry_declared_on_the_superstate_exits_the_substate_and_reenters_the_superstate()
    {
        var sm = Machine(State.C);
        sm.Configure(State.B).OnEntry(() => _log.Add("enter B")).OnExit(() => _log.Add("exit B")).PermitReentry(Trigger.X);
        sm.Configure(State.C).SubstateOf(State.B).OnEntry(() => _log.Add("enter C")).OnExit(() => _log.Add("exit C"));

        sm.Fire(Trigger.X);

        _log.Should().Equal("exit C", "exit B", "enter B");
        sm.State.Should().Be(State.B);
    }

    [Fact]
    public async Task Async_internal_transitions_and_transition_callbacks_run_under_FireAsync()
    {
        var sm = Machine();
        sm.Configure(State.A)
            .InternalTransitionAsync(Trigger.X, async _ => { await Task.Yield(); _log.Add("internal"); })
            .Permit(Trigger.Y, State.B);
        sm.OnTransitionedAsync(async t => { await Task.Yield(); _log.Add($"transitioned {t.Destination}"); });

        await sm.FireAsync(Trigger.X);
        var syncInternal = () => sm.Fire(Trigger.X);
        syncInternal.Should().Throw<InvalidOperationException>();
        await sm.FireAsync(Trigger.Y);

        _log.Should().Equal("internal", "transitioned B");
    }

    [Fact]
    public void A_state_cannot_be_its_own_superstate_directly_or_through_a_cycle()
    {
        var sm = Machine();
        sm.Configure(State.B).SubstateOf(State.A);

        var self = () => sm.Configure(State.C).SubstateOf(State.C);
        var cycle = () => sm.Configure(State.A).SubstateOf(State.B);

        self.Should().Throw<ArgumentException>();
        cycle.Should().Throw<ArgumentException>();
    }

    // ---- diagnostics ----

    [Fact]
    public void ToString_shows_the_state_and_the_permitted_triggers()
    {
        var sm = Machine();
        sm.Configure(State.A).Permit(Trigger.X, State.B).Permit(Trigger.Y, State.C);

        sm.ToString().Should().Be("StateMachine { State = A, PermittedTriggers = { X, Y }}");
    }

    private sealed class StoredState
    {
        public State Value { get; set; }
    }
}
