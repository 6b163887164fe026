namespace MentorBot.Domain.Conversations;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>
    /// Fluent configuration of one state, returned by <see cref="Configure"/>; every method returns
    /// the same object so calls chain as in Stateless.
    /// </summary>
    public sealed class StateConfiguration
    {
        private readonly StateMachine<TState, TTrigger> _machine;
        private readonly StateRepresentation _representation;

        internal StateConfiguration(StateMachine<TState, TTrigger> machine, StateRepresentation representation)
        {
            _machine = machine;
            _representation = representation;
        }

        /// <summary>The state being configured.</summary>
        public TState State => _representation.State;

        /// <summary>Firing <paramref name="trigger"/> in this state moves to <paramref name="destinationState"/>.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="destinationState">Another state; to stay, use <see cref="PermitReentry"/> or <see cref="Ignore"/>.</param>
        /// <returns>This configuration.</returns>
        /// <exception cref="ArgumentException">The destination is this state.</exception>
        public StateConfiguration Permit(TTrigger trigger, TState destinationState) =>
            AddTransition(trigger, destinationState, guard: null);

        /// <summary>Like <see cref="Permit"/>, only while <paramref name="guard"/> returns true.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="destinationState">Another state.</param>
        /// <param name="guard">Evaluated at firing; guards of one trigger must be mutually exclusive.</param>
        /// <param name="guardDescription">Shown in diagrams and errors; defaults to the guard method's name.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitIf(TTrigger trigger, TState destinationState, Func<bool> guard, string? guardDescription = null) =>
            AddTransition(trigger, destinationState, GuardOf(guard, guardDescription));

        /// <summary>Like <see cref="Permit"/>, only while <paramref name="guard"/> accepts the trigger's argument.</summary>
        /// <typeparam name="TArg0">The argument's type.</typeparam>
        /// <param name="trigger">The parameterised trigger.</param>
        /// <param name="destinationState">Another state.</param>
        /// <param name="guard">Evaluated with the argument at firing.</param>
        /// <param name="guardDescription">Shown in diagrams and errors; defaults to the guard method's name.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitIf<TArg0>(TriggerWithParameters<TArg0> trigger, TState destinationState, Func<TArg0, bool> guard, string? guardDescription = null)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(guard);
            return AddTransition(
                trigger.Trigger,
                destinationState,
                new Guard(args => guard(TriggerWithParameters<TArg0>.Unpack(args)), Describe(guard, guardDescription)));
        }

        /// <summary>Firing <paramref name="trigger"/> exits and re-enters this state (exit actions, then entry actions).</summary>
        /// <param name="trigger">The trigger.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitReentry(TTrigger trigger) => Add(trigger, TriggerKind.Reentry, guard: null);

        /// <summary>Like <see cref="PermitReentry"/>, only while <paramref name="guard"/> returns true.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="guard">Evaluated at firing.</param>
        /// <param name="guardDescription">Shown in diagrams and errors.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitReentryIf(TTrigger trigger, Func<bool> guard, string? guardDescription = null) =>
            Add(trigger, TriggerKind.Reentry, GuardOf(guard, guardDescription));

        /// <summary>Firing <paramref name="trigger"/> in this state does nothing: no transition, no action, no callback.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration Ignore(TTrigger trigger) => Add(trigger, TriggerKind.Ignore, guard: null);

        /// <summary>Like <see cref="Ignore"/>, only while <paramref name="guard"/> returns true.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="guard">Evaluated at firing.</param>
        /// <param name="guardDescription">Shown in diagrams and errors.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration IgnoreIf(TTrigger trigger, Func<bool> guard, string? guardDescription = null) =>
            Add(trigger, TriggerKind.Ignore, GuardOf(guard, guardDescription));

        /// <summary>
        /// Firing <paramref name="trigger"/> runs <paramref name="internalAction"/> and stays, without exit
        /// or entry actions and without transition callbacks.
        /// </summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="internalAction">Receives the transition (source equals destination).</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration InternalTransition(TTrigger trigger, Action<Transition> internalAction) =>
            Add(trigger, TriggerKind.Internal, guard: null, ActionBehaviour.Of(internalAction));

        /// <summary>As <see cref="InternalTransition(TTrigger, Action{Transition})"/>, for an action that needs no transition.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="internalAction">The action.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration InternalTransition(TTrigger trigger, Action internalAction) =>
            Add(trigger, TriggerKind.Internal, guard: null, ActionBehaviour.OfAction(internalAction, description: null));

        /// <summary>An internal transition of a parameterised trigger.</summary>
        /// <typeparam name="TArg0">The argument's type.</typeparam>
        /// <param name="trigger">The parameterised trigger.</param>
        /// <param name="internalAction">Receives the argument and the transition.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration InternalTransition<TArg0>(TriggerWithParameters<TArg0> trigger, Action<TArg0, Transition> internalAction)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(internalAction);
            return Add(
                trigger.Trigger,
                TriggerKind.Internal,
                guard: null,
                ActionBehaviour.Of(t => internalAction(TriggerWithParameters<TArg0>.Unpack(t.Parameters), t), internalAction));
        }

        /// <summary>An asynchronous internal transition; only <c>FireAsync</c> may run it.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="internalAction">Receives the transition.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration InternalTransitionAsync(TTrigger trigger, Func<Transition, Task> internalAction) =>
            Add(trigger, TriggerKind.Internal, guard: null, ActionBehaviour.OfAsync(internalAction));

        /// <summary>Runs <paramref name="entryAction"/> whenever this state is entered (also by reentry).</summary>
        /// <param name="entryAction">The action.</param>
        /// <param name="entryActionDescription">Shown in diagrams; defaults to the method's name.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntry(Action entryAction, string? entryActionDescription = null) =>
            AddEntry(ActionBehaviour.OfAction(entryAction, entryActionDescription));

        /// <summary>Runs <paramref name="entryAction"/> whenever this state is entered, with the transition.</summary>
        /// <param name="entryAction">Receives the transition.</param>
        /// <param name="entryActionDescription">Shown in diagrams.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntry(Action<Transition> entryAction, string? entryActionDescription = null) =>
            AddEntry(ActionBehaviour.Of(entryAction, description: entryActionDescription));

        /// <summary>Asynchronous <see cref="OnEntry(Action, string?)"/>; a sync <c>Fire</c> that would run it throws.</summary>
        /// <param name="entryAction">The action.</param>
        /// <param name="entryActionDescription">Shown in diagrams.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryAsync(Func<Task> entryAction, string? entryActionDescription = null) =>
            AddEntry(ActionBehaviour.OfTask(entryAction, entryActionDescription));

        /// <summary>Asynchronous <see cref="OnEntry(Action{Transition}, string?)"/>.</summary>
        /// <param name="entryAction">Receives the transition.</param>
        /// <param name="entryActionDescription">Shown in diagrams.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryAsync(Func<Transition, Task> entryAction, string? entryActionDescription = null) =>
            AddEntry(ActionBehaviour.OfAsync(entryAction, description: entryActionDescription));

        /// <summary>Runs <paramref name="entryAction"/> only when this state is entered through <paramref name="trigger"/>.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="entryAction">The action.</param>
        /// <param name="entryActionDescription">Shown on the diagram's edges of that trigger.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryFrom(TTrigger trigger, Action entryAction, string? entryActionDescription = null) =>
            AddEntry(ActionBehaviour.OfAction(entryAction, entryActionDescription).From(trigger));

        /// <summary>Runs <paramref name="entryAction"/> only when entered through <paramref name="trigger"/>, with the transition.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="entryAction">Receives the transition.</param>
        /// <param name="entryActionDescription">Shown on the diagram's edges of that trigger.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryFrom(TTrigger trigger, Action<Transition> entryAction, string? entryActionDescription = null) =>
            AddEntry(ActionBehaviour.Of(entryAction, description: entryActionDescription).From(trigger));

        /// <summary>Runs <paramref name="entryAction"/> with the trigger's argument when entered through <paramref name="trigger"/>.</summary>
        /// <typeparam name="TArg0">The argument's type.</typeparam>
        /// <param name="trigger">The parameterised trigger.</param>
        /// <param name="entryAction">Receives the argument.</param>
        /// <param name="entryActionDescription">Shown on the diagram's edges of that trigger.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryFrom<TArg0>(TriggerWithParameters<TArg0> trigger, Action<TArg0> entryAction, string? entryActionDescription = null)
        {
            ArgumentNullException.ThrowIfNull(entryAction);
            return OnEntryFrom(trigger, (arg, _) => entryAction(arg), entryActionDescription, entryAction);
        }

        /// <summary>Runs <paramref name="entryAction"/> with the argument and the transition when entered through <paramref name="trigger"/>.</summary>
        /// <typeparam name="TArg0">The argument's type.</typeparam>
        /// <param name="trigger">The parameterised trigger.</param>
        /// <param name="entryAction">Receives the argument and the transition.</param>
        /// <param name="entryActionDescription">Shown on the diagram's edges of that trigger.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryFrom<TArg0>(TriggerWithParameters<TArg0> trigger, Action<TArg0, Transition> entryAction, string? entryActionDescription = null) =>
            OnEntryFrom(trigger, entryAction, entryActionDescription, entryAction);

        /// <summary>Asynchronous <see cref="OnEntryFrom(TTrigger, Action, string?)"/>.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="entryAction">The action.</param>
        /// <param name="entryActionDescription">Shown on the diagram's edges of that trigger.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryFromAsync(TTrigger trigger, Func<Task> entryAction, string? entryActionDescription = null) =>
            AddEntry(ActionBehaviour.OfTask(entryAction, entryActionDescription).From(trigger));

        /// <summary>Asynchronous <see cref="OnEntryFrom{TArg0}(TriggerWithParameters{TArg0}, Action{TArg0}, string?)"/>.</summary>
        /// <typeparam name="TArg0">The argument's type.</typeparam>
        /// <param name="trigger">The parameterised trigger.</param>
        /// <param name="entryAction">Receives the argument.</param>
        /// <param name="entryActionDescription">Shown on the diagram's edges of that trigger.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryFromAsync<TArg0>(TriggerWithParameters<TArg0> trigger, Func<TArg0, Task> entryAction, string? entryActionDescription = null)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(entryAction);
            return AddEntry(ActionBehaviour
                .OfAsync(t => entryAction(TriggerWithParameters<TArg0>.Unpack(t.Parameters)), entryAction, entryActionDescription)
                .From(trigger.Trigger));
        }

        /// <summary>Runs <paramref name="exitAction"/> whenever this state is left (also by reentry).</summary>
        /// <param name="exitAction">The action.</param>
        /// <param name="exitActionDescription">Description for diagrams.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnExit(Action exitAction, string? exitActionDescription = null) =>
            AddExit(ActionBehaviour.OfAction(exitAction, exitActionDescription));

        /// <summary>Runs <paramref name="exitAction"/> whenever this state is left, with the transition.</summary>
        /// <param name="exitAction">Receives the transition.</param>
        /// <param name="exitActionDescription">Description for diagrams.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnExit(Action<Transition> exitAction, string? exitActionDescription = null) =>
            AddExit(ActionBehaviour.Of(exitAction, description: exitActionDescription));

        /// <summary>Asynchronous <see cref="OnExit(Action, string?)"/>; a sync <c>Fire</c> that would run it throws.</summary>
        /// <param name="exitAction">The action.</param>
        /// <param name="exitActionDescription">Description for diagrams.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnExitAsync(Func<Task> exitAction, string? exitActionDescription = null) =>
            AddExit(ActionBehaviour.OfTask(exitAction, exitActionDescription));

        /// <summary>Asynchronous <see cref="OnExit(Action{Transition}, string?)"/>.</summary>
        /// <param name="exitAction">Receives the transition.</param>
        /// <param name="exitActionDescription">Description for diagrams.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnExitAsync(Func<Transition, Task> exitAction, string? exitActionDescription = null) =>
            AddExit(ActionBehaviour.OfAsync(exitAction, description: exitActionDescription));

        /// <summary>
        /// Makes this state a substate of <paramref name="superstate"/>: triggers it does not handle are
        /// looked up in the superstate, entering it from outside runs the superstate's entry actions
        /// first, moving between siblings does not exit the superstate, and <c>IsInState(superstate)</c> is true.
        /// </summary>
        /// <param name="superstate">The enclosing state.</param>
        /// <returns>This configuration.</returns>
        /// <exception cref="ArgumentException">The hierarchy would become cyclic.</exception>
        /// <exception cref="InvalidOperationException">This state already has a different superstate.</exception>
        public StateConfiguration SubstateOf(TState superstate)
        {
            var parent = _machine.GetOrAddRepresentation(superstate);
            for (var rep = parent; rep is not null; rep = rep.Superstate)
            {
                if (EqualityComparer<TState>.Default.Equals(rep.State, State))
                {
                    throw new ArgumentException($"Configuring {State} as a substate of {superstate} creates an illegal cyclic configuration.");
                }
            }

            if (_representation.Superstate is { } existing)
            {
                return existing == parent
                    ? this
                    : throw new InvalidOperationException($"State {State} is already a substate of {existing.State}.");
            }

            _representation.Superstate = parent;
            parent.Substates.Add(_representation);
            return this;
        }

        private StateConfiguration OnEntryFrom<TArg0>(TriggerWithParameters<TArg0> trigger, Action<TArg0, Transition> entryAction, string? description, Delegate described)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(entryAction);
            return AddEntry(ActionBehaviour
                .Of(t => entryAction(TriggerWithParameters<TArg0>.Unpack(t.Parameters), t), described, description)
                .From(trigger.Trigger));
        }

        private static Guard GuardOf(Func<bool> guard, string? description)
        {
            ArgumentNullException.ThrowIfNull(guard);
            return new Guard(_ => guard(), Describe(guard, description));
        }

        private StateConfiguration AddTransition(TTrigger trigger, TState destinationState, Guard? guard)
        {
            if (EqualityComparer<TState>.Default.Equals(destinationState, State))
            {
                throw new ArgumentException(
                    "Permit() (and PermitIf()) require that the destination state is not equal to the source state. " +
                    "To accept a trigger without changing state, use either Ignore() or PermitReentry().",
                    nameof(destinationState));
            }

            _representation.Add(new TriggerBehaviour(trigger, TriggerKind.Permit, destinationState, guard, null));
            return this;
        }

        private StateConfiguration Add(TTrigger trigger, TriggerKind kind, Guard? guard, ActionBehaviour? internalAction = null)
        {
            _representation.Add(new TriggerBehaviour(trigger, kind, State, guard, internalAction));
            return this;
        }

        private StateConfiguration AddEntry(ActionBehaviour action)
        {
            _representation.EntryActions.Add(action);
            return this;
        }

        private StateConfiguration AddExit(ActionBehaviour action)
        {
            _representation.ExitActions.Add(action);
            return this;
        }
    }
}
