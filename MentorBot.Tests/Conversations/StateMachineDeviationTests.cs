using MentorBot.Domain.Conversations;

namespace MentorBot.Tests.Conversations;

/// <summary>
/// Where our machine differs from Stateless 5.x on purpose (see the remarks of
/// <see cref="StateMachine{TState, TTrigger}"/>). These would fail against Stateless; the
/// compatible suite is <see cref="StateMachineTests"/>.
/// </summary>
public class StateMachineDeviationTests
{
    public enum State { A, B, C }

    public enum Trigger { X, Y }

    [Fact]
    public void Sync_Fire_refuses_an_async_action_before_running_any_action_or_storing_the_state()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).OnExit(() => log.Add("exit A")).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntryAsync(() => Task.CompletedTask);

        var act = () => sm.Fire(Trigger.X);

        act.Should().Throw<InvalidOperationException>().WithMessage("*OnEntry*'B'*FireAsync*");
        log.Should().BeEmpty();
        sm.State.Should().Be(State.A);
    }

    [Fact]
    public void Triggers_queued_by_a_failed_firing_are_dropped()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B)
            .OnEntry(() =>
            {
                sm.Fire(Trigger.Y);
                throw new TimeoutException();
            })
            .Permit(Trigger.Y, State.C);

        var failing = () => sm.Fire(Trigger.X);
        failing.Should().Throw<TimeoutException>();
        sm.OnUnhandledTrigger((_, _) => { });
        sm.Fire(Trigger.X);

        // Had Y survived in the queue, this firing would have carried the machine on to C.
        sm.State.Should().Be(State.B);
    }

    [Fact]
    public void A_state_cannot_be_moved_under_a_second_superstate()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.C).SubstateOf(State.A);

        var act = () => sm.Configure(State.C).SubstateOf(State.B);

        act.Should().Throw<InvalidOperationException>();
        sm.Configure(State.C).SubstateOf(State.A).State.Should().Be(State.C);
    }
}
