namespace MentorBot.Domain.Conversations;

/// <summary>
/// A finite state machine with the API and semantics of Stateless 5.x (DESIGN.md decision 1:
/// Stateless is not in our package registry). States are configured with
/// <see cref="Configure"/>; triggers are fired with <see cref="Fire(TTrigger)"/> or
/// <see cref="FireAsync(TTrigger)"/>. Firing is queued (Stateless's default
/// <c>FiringMode.Queued</c>): a trigger fired from inside an action runs after the current
/// transition has completed.
/// </summary>
/// <remarks>
/// Not thread-safe, like Stateless: one machine serves one conversation at a time. The state
/// can live outside the machine (a database row) through the accessor/mutator constructor,
/// which is how conversation state survives a restart (DESIGN.md decision 3).
/// <para>
/// On purpose unlike Stateless 5.x: a sync <c>Fire</c> that would run an async action throws
/// before any action of that firing has run (Stateless throws on reaching it, after the exit
/// actions and the state change); when a firing throws, triggers its actions queued are dropped
/// (Stateless keeps them for the next firing); <c>SubstateOf</c> a second, different superstate
/// throws (Stateless re-parents and leaves the old link behind); an unhandled-trigger action gets
/// an empty collection, never null; reading the state does not register unconfigured states.
/// </para>
/// <para>
/// Left out: <c>PermitDynamic</c>, initial transitions of superstates, <c>Activate</c>/<c>Deactivate</c>,
/// <c>FiringMode.Immediate</c>, triggers with more than one parameter, multi-guard <c>PermitIf</c>,
/// the DOT graph and Stateless's reflection types (<see cref="GetInfo"/> returns the simpler
/// <see cref="StateMachineInfo"/>).
/// </para>
/// </remarks>
/// <typeparam name="TState">The type of the states; compared with its default equality.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers; compared with its default equality.</typeparam>
public partial class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly Func<TState> _stateAccessor;
    private readonly Action<TState> _stateMutator;
    private readonly OrderedDictionary<TState, StateRepresentation> _states = new();
    private readonly Dictionary<TTrigger, TriggerWithParameters> _triggerParameters = new();
    private readonly List<ActionBehaviour> _onTransitioned = [];
    private readonly List<ActionBehaviour> _onTransitionCompleted = [];
    private readonly Queue<(TTrigger Trigger, object?[] Args)> _queue = new();
    private Func<TState, TTrigger, ICollection<string>, Task>? _unhandledAsync;
    private Action<TState, TTrigger, ICollection<string>> _unhandled;
    private bool _firing;

    /// <summary>Creates a machine that keeps its state in memory, starting in <paramref name="initialState"/>.</summary>
    /// <param name="initialState">The state the machine starts in.</param>
    public StateMachine(TState initialState)
    {
        var state = initialState;
        _stateAccessor = () => state;
        _stateMutator = s => state = s;
        _unhandled = DefaultUnhandledTrigger;
    }

    /// <summary>
    /// Creates a machine whose state lives elsewhere (for us: a conversation row). The accessor is
    /// read whenever the current state is needed; the mutator is called with the new state on
    /// every transition, including a reentry, before the entry actions run.
    /// </summary>
    /// <param name="stateAccessor">Reads the current state.</param>
    /// <param name="stateMutator">Stores a new state.</param>
    /// <exception cref="ArgumentNullException">Either delegate is null.</exception>
    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator)
    {
        _stateAccessor = stateAccessor ?? throw new ArgumentNullException(nameof(stateAccessor));
        _stateMutator = stateMutator ?? throw new ArgumentNullException(nameof(stateMutator));
        _unhandled = DefaultUnhandledTrigger;
    }

    /// <summary>The current state, read through the state accessor.</summary>
    public TState State
    {
        get => _stateAccessor();
        private set => _stateMutator(value);
    }

    /// <summary>
    /// Triggers that can be fired in the current state: those of the state and of its
    /// superstates whose guards pass, ignored triggers included (as in Stateless).
    /// </summary>
    public IEnumerable<TTrigger> PermittedTriggers => GetPermittedTriggers();

    /// <summary>Like <see cref="PermittedTriggers"/>, evaluating parameterised guards with <paramref name="args"/>.</summary>
    /// <param name="args">Arguments passed to guards of triggers with parameters.</param>
    /// <returns>Distinct triggers, the current state's first, then its superstates'.</returns>
    public IEnumerable<TTrigger> GetPermittedTriggers(params object?[] args)
    {
        var result = new List<TTrigger>();
        for (var rep = CurrentRepresentation; rep is not null; rep = rep.Superstate)
        {
            foreach (var (trigger, behaviours) in rep.Triggers)
            {
                if (!result.Contains(trigger) && behaviours.Any(b => b.UnmetGuards(args).Count == 0))
                {
                    result.Add(trigger);
                }
            }
        }

        return result;
    }

    /// <summary>Starts (or continues) configuring <paramref name="state"/>.</summary>
    /// <param name="state">The state to configure; configuring it twice adds to the first configuration.</param>
    /// <returns>A fluent configuration object.</returns>
    public StateConfiguration Configure(TState state) => new(this, GetOrAddRepresentation(state));

    /// <summary>
    /// Declares that <paramref name="trigger"/> carries one argument of type <typeparamref name="TArg0"/>.
    /// </summary>
    /// <typeparam name="TArg0">The argument's type.</typeparam>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The parameterised trigger to pass to <c>Fire</c>, <c>PermitIf</c> and <c>OnEntryFrom</c>.</returns>
    /// <exception cref="InvalidOperationException">Parameters of this trigger were already declared.</exception>
    public TriggerWithParameters<TArg0> SetTriggerParameters<TArg0>(TTrigger trigger)
    {
        var configuration = new TriggerWithParameters<TArg0>(trigger);
        if (!_triggerParameters.TryAdd(trigger, configuration))
        {
            throw new InvalidOperationException($"Parameters for the trigger '{trigger}' have already been configured.");
        }

        return configuration;
    }

    /// <summary>True if the current state is <paramref name="state"/> or one of its substates.</summary>
    /// <param name="state">The state to test.</param>
    /// <returns>Whether the machine is in that state, honouring the hierarchy.</returns>
    public bool IsInState(TState state) => CurrentRepresentation.IsIncludedIn(state);

    /// <summary>True if firing <paramref name="trigger"/> now would be handled (a transition, an internal transition or an ignore).</summary>
    /// <param name="trigger">The trigger to test.</param>
    /// <returns>Whether a handler with passing guards exists in the current state or a superstate.</returns>
    /// <exception cref="InvalidOperationException">More than one guard for the trigger passes.</exception>
    public bool CanFire(TTrigger trigger) => TryFindHandler(CurrentRepresentation, trigger, [], out _);

    /// <summary>Like <see cref="CanFire(TTrigger)"/>, evaluating parameterised guards with <paramref name="arg0"/>.</summary>
    /// <typeparam name="TArg0">The argument's type.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="arg0">The argument the guards see.</param>
    /// <returns>Whether the trigger would be handled with this argument.</returns>
    public bool CanFire<TArg0>(TriggerWithParameters<TArg0> trigger, TArg0 arg0)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return TryFindHandler(CurrentRepresentation, trigger.Trigger, [arg0], out _);
    }

    /// <summary>
    /// Fires <paramref name="trigger"/> synchronously: exit actions, state change,
    /// <see cref="OnTransitioned"/>, entry actions, <see cref="OnTransitionCompleted"/>.
    /// </summary>
    /// <param name="trigger">The trigger.</param>
    /// <exception cref="InvalidOperationException">
    /// The trigger is not handled in the current state (with the default unhandled-trigger action),
    /// guards are ambiguous, or an asynchronous action would run (use <see cref="FireAsync(TTrigger)"/>).
    /// </exception>
    /// <exception cref="ArgumentException">The trigger has parameters and none were given.</exception>
    public void Fire(TTrigger trigger) => FireQueued(trigger, [], runAsync: false).GetAwaiter().GetResult();

    /// <summary>Fires a parameterised trigger synchronously; see <see cref="Fire(TTrigger)"/>.</summary>
    /// <typeparam name="TArg0">The argument's type.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="arg0">The argument, seen by typed guards and <c>OnEntryFrom</c> actions.</param>
    public void Fire<TArg0>(TriggerWithParameters<TArg0> trigger, TArg0 arg0)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        FireQueued(trigger.Trigger, [arg0], runAsync: false).GetAwaiter().GetResult();
    }

    /// <summary>Fires <paramref name="trigger"/>, awaiting asynchronous actions; otherwise as <see cref="Fire(TTrigger)"/>.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>A task that completes when the transition and any triggers queued by its actions have run.</returns>
    public Task FireAsync(TTrigger trigger) => FireQueued(trigger, [], runAsync: true);

    /// <summary>Fires a parameterised trigger, awaiting asynchronous actions.</summary>
    /// <typeparam name="TArg0">The argument's type.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="arg0">The argument, seen by typed guards and <c>OnEntryFrom</c> actions.</param>
    /// <returns>A task that completes when the transition has run.</returns>
    public Task FireAsync<TArg0>(TriggerWithParameters<TArg0> trigger, TArg0 arg0)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return FireQueued(trigger.Trigger, [arg0], runAsync: true);
    }

    /// <summary>Replaces the default reaction to an unhandled trigger (throwing <see cref="InvalidOperationException"/>).</summary>
    /// <param name="unhandledTriggerAction">Receives the current state and the trigger.</param>
    public void OnUnhandledTrigger(Action<TState, TTrigger> unhandledTriggerAction)
    {
        ArgumentNullException.ThrowIfNull(unhandledTriggerAction);
        OnUnhandledTrigger((state, trigger, _) => unhandledTriggerAction(state, trigger));
    }

    /// <summary>Replaces the default reaction to an unhandled trigger, with the descriptions of the guards that failed.</summary>
    /// <param name="unhandledTriggerAction">Receives the current state, the trigger and the unmet guard descriptions (empty if none).</param>
    public void OnUnhandledTrigger(Action<TState, TTrigger, ICollection<string>> unhandledTriggerAction)
    {
        _unhandled = unhandledTriggerAction ?? throw new ArgumentNullException(nameof(unhandledTriggerAction));
        _unhandledAsync = null;
    }

    /// <summary>Asynchronous variant of <see cref="OnUnhandledTrigger(Action{TState, TTrigger})"/>; only <c>FireAsync</c> may run it.</summary>
    /// <param name="unhandledTriggerAction">Receives the current state and the trigger.</param>
    public void OnUnhandledTriggerAsync(Func<TState, TTrigger, Task> unhandledTriggerAction)
    {
        ArgumentNullException.ThrowIfNull(unhandledTriggerAction);
        _unhandledAsync = (state, trigger, _) => unhandledTriggerAction(state, trigger);
    }

    /// <summary>Registers a callback run after the exit actions and the state change, before the entry actions.</summary>
    /// <param name="onTransitionAction">Receives the transition.</param>
    public void OnTransitioned(Action<Transition> onTransitionAction) =>
        _onTransitioned.Add(ActionBehaviour.Of(onTransitionAction));

    /// <summary>Asynchronous variant of <see cref="OnTransitioned"/>; only <c>FireAsync</c> may run it.</summary>
    /// <param name="onTransitionAction">Receives the transition.</param>
    public void OnTransitionedAsync(Func<Transition, Task> onTransitionAction) =>
        _onTransitioned.Add(ActionBehaviour.OfAsync(onTransitionAction));

    /// <summary>Registers a callback run after the entry actions, when the transition is complete.</summary>
    /// <param name="onTransitionAction">Receives the transition.</param>
    public void OnTransitionCompleted(Action<Transition> onTransitionAction) =>
        _onTransitionCompleted.Add(ActionBehaviour.Of(onTransitionAction));

    /// <summary>Asynchronous variant of <see cref="OnTransitionCompleted"/>; only <c>FireAsync</c> may run it.</summary>
    /// <param name="onTransitionAction">Receives the transition.</param>
    public void OnTransitionCompletedAsync(Func<Transition, Task> onTransitionAction) =>
        _onTransitionCompleted.Add(ActionBehaviour.OfAsync(onTransitionAction));

    /// <summary>Describes the current state and the permitted triggers, in Stateless's format.</summary>
    /// <returns>For example <c>StateMachine { State = A, PermittedTriggers = { X, Y }}</c>.</returns>
    public override string ToString() =>
        $"StateMachine {{ State = {State}, PermittedTriggers = {{ {string.Join(", ", GetPermittedTriggers())} }}}}";

    private StateRepresentation CurrentRepresentation => Representation(State);

    /// <summary>A state that was never configured behaves as an empty one; looking it up must not register it.</summary>
    private StateRepresentation Representation(TState state) =>
        _states.TryGetValue(state, out var rep) ? rep : new StateRepresentation(state);

    private StateRepresentation GetOrAddRepresentation(TState state)
    {
        if (!_states.TryGetValue(state, out var rep))
        {
            rep = new StateRepresentation(state);
            _states.Add(state, rep);
        }

        return rep;
    }

    private static void DefaultUnhandledTrigger(TState state, TTrigger trigger, ICollection<string> unmetGuards)
    {
        if (unmetGuards.Count > 0)
        {
            throw new InvalidOperationException(
                $"Trigger '{trigger}' is valid for transition from state '{state}' but a guard conditions are not met. " +
                $"Guard descriptions: '{string.Join(", ", unmetGuards)}'.");
        }

        throw new InvalidOperationException(
            $"No valid leaving transitions are permitted from state '{state}' for trigger '{trigger}'. Consider ignoring the trigger.");
    }
}
