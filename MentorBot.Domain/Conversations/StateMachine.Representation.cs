namespace MentorBot.Domain.Conversations;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>
    /// One firing of a trigger, as seen by actions and transition callbacks.
    /// </summary>
    /// <param name="Source">The state the machine was in.</param>
    /// <param name="Destination">The state the machine goes to (equal to <paramref name="Source"/> for a reentry or an internal transition).</param>
    /// <param name="Trigger">The trigger that was fired.</param>
    /// <param name="Parameters">The trigger's arguments; empty for a trigger without parameters.</param>
    public sealed record Transition(TState Source, TState Destination, TTrigger Trigger, object?[] Parameters)
    {
        /// <summary>True when source and destination are the same state.</summary>
        public bool IsReentry => EqualityComparer<TState>.Default.Equals(Source, Destination);
    }

    /// <summary>A trigger whose firing carries arguments; created by <c>SetTriggerParameters</c>.</summary>
    public abstract class TriggerWithParameters
    {
        /// <summary>Wraps <paramref name="trigger"/>.</summary>
        /// <param name="trigger">The underlying trigger value.</param>
        protected TriggerWithParameters(TTrigger trigger) => Trigger = trigger;

        /// <summary>The underlying trigger value.</summary>
        public TTrigger Trigger { get; }

        /// <summary>Checks that <paramref name="args"/> fit the declared parameter types.</summary>
        /// <param name="args">The arguments a firing supplies.</param>
        /// <exception cref="ArgumentException">Too many or too few arguments, or one of the wrong type.</exception>
        public abstract void ValidateParameters(object?[] args);

        /// <summary>Reads argument <paramref name="index"/> as <typeparamref name="T"/>, with Stateless's error messages.</summary>
        private protected static T Unpack<T>(object?[] args, int index)
        {
            if (args.Length <= index)
            {
                throw new ArgumentException($"An argument of type {typeof(T)} is required in position {index}.");
            }

            return args[index] switch
            {
                T value => value,
                null when default(T) is null => default!,
                var other => throw new ArgumentException(
                    $"The argument in position {index} is of type {other?.GetType().ToString() ?? "null"} but must be of type {typeof(T)}."),
            };
        }
    }

    /// <summary>A trigger carrying one argument of type <typeparamref name="TArg0"/>.</summary>
    /// <typeparam name="TArg0">The argument's type.</typeparam>
    public sealed class TriggerWithParameters<TArg0> : TriggerWithParameters
    {
        internal TriggerWithParameters(TTrigger trigger)
            : base(trigger)
        {
        }

        /// <inheritdoc/>
        public override void ValidateParameters(object?[] args)
        {
            if (args.Length > 1)
            {
                throw new ArgumentException($"Too many parameters have been supplied. Expecting 1 but got {args.Length}.");
            }

            Unpack(args);
        }

        internal static TArg0 Unpack(object?[] args) => Unpack<TArg0>(args, 0);
    }

    internal enum TriggerKind
    {
        Permit,
        Reentry,
        Ignore,
        Internal,
    }

    internal sealed record Guard(Func<object?[], bool> Condition, string Description);

    /// <summary>What one state does with one trigger, under an optional guard.</summary>
    internal sealed record TriggerBehaviour(TTrigger Trigger, TriggerKind Kind, TState Destination, Guard? Guard, ActionBehaviour? InternalAction)
    {
        public IReadOnlyList<string> UnmetGuards(object?[] args) =>
            Guard is null || Guard.Condition(args) ? [] : [Guard.Description];
    }

    /// <summary>An entry, exit, internal or transition-event action; sync or async, never both.</summary>
    internal sealed class ActionBehaviour
    {
        private readonly Action<Transition>? _sync;
        private readonly Func<Transition, Task>? _async;

        private ActionBehaviour(Action<Transition>? sync, Func<Transition, Task>? async, string description)
        {
            _sync = sync;
            _async = async;
            Description = description;
        }

        /// <summary>Stateless's description: the given text, else the method's name, else "Function" for a lambda.</summary>
        public string Description { get; }

        public bool IsAsync => _async is not null;

        /// <summary>Set for <c>OnEntryFrom</c>: the action runs only when entered through this trigger.</summary>
        public bool HasFromTrigger { get; private init; }

        public TTrigger? FromTrigger { get; private init; }

        public static ActionBehaviour Of(Action<Transition> action, Delegate? described = null, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return new(action, null, Describe(described ?? action, description));
        }

        public static ActionBehaviour OfAsync(Func<Transition, Task> action, Delegate? described = null, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return new(null, action, Describe(described ?? action, description));
        }

        /// <summary>For the overloads whose action takes no transition; described by the user's delegate, not the wrapper.</summary>
        public static ActionBehaviour OfAction(Action action, string? description)
        {
            ArgumentNullException.ThrowIfNull(action);
            return Of(_ => action(), action, description);
        }

        /// <summary>Asynchronous counterpart of <see cref="OfAction"/>.</summary>
        public static ActionBehaviour OfTask(Func<Task> action, string? description)
        {
            ArgumentNullException.ThrowIfNull(action);
            return OfAsync(_ => action(), action, description);
        }

        public ActionBehaviour From(TTrigger trigger) => new(_sync, _async, Description) { HasFromTrigger = true, FromTrigger = trigger };

        public bool AppliesTo(TTrigger trigger) => !HasFromTrigger || EqualityComparer<TTrigger>.Default.Equals(FromTrigger, trigger);

        public void Run(Transition transition) => _sync!(transition);

        public Task RunAsync(Transition transition) => _async!(transition);
    }

    /// <summary>
    /// Describes a delegate as Stateless does for diagrams: an explicit description wins; compiler
    /// generated names (lambdas, local functions) become "Function".
    /// </summary>
    private static string Describe(Delegate? method, string? description)
    {
        if (description is not null)
        {
            return description;
        }

        var name = method?.Method.Name;
        return name is null ? "<null>" : name.IndexOfAny(['<', '>', '`']) >= 0 ? "Function" : name;
    }

    internal sealed class StateRepresentation(TState state)
    {
        public TState State { get; } = state;

        public StateRepresentation? Superstate { get; set; }

        public List<StateRepresentation> Substates { get; } = [];

        /// <summary>Ordered so that diagrams list transitions in configuration order.</summary>
        public OrderedDictionary<TTrigger, List<TriggerBehaviour>> Triggers { get; } = new();

        public List<ActionBehaviour> EntryActions { get; } = [];

        public List<ActionBehaviour> ExitActions { get; } = [];

        /// <summary>This state or one of its substates, at any depth.</summary>
        public bool Includes(TState other) =>
            EqualityComparer<TState>.Default.Equals(State, other) || Substates.Any(s => s.Includes(other));

        /// <summary>This state or one of its superstates.</summary>
        public bool IsIncludedIn(TState other) =>
            EqualityComparer<TState>.Default.Equals(State, other) || (Superstate?.IsIncludedIn(other) ?? false);

        public void Add(TriggerBehaviour behaviour)
        {
            if (!Triggers.TryGetValue(behaviour.Trigger, out var behaviours))
            {
                behaviours = [];
                Triggers.Add(behaviour.Trigger, behaviours);
            }

            behaviours.Add(behaviour);
        }
    }
}
