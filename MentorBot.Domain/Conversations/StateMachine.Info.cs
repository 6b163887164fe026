namespace MentorBot.Domain.Conversations;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>The configuration as data, for diagrams and documentation (Stateless's <c>GetInfo()</c>).</summary>
    /// <returns>States in configuration order, then states only named as destinations; the current state as the initial one.</returns>
    public StateMachineInfo GetInfo()
    {
        var representations = _states.Values.ToList();
        var destinations = representations
            .SelectMany(r => r.Triggers.Values.SelectMany(b => b))
            .Select(b => b.Destination)
            .Distinct()
            .Where(d => !_states.ContainsKey(d))
            .Select(d => new StateRepresentation(d))
            .ToList();
        representations.AddRange(destinations);

        return new StateMachineInfo(Name(State), representations.Select(DescribeState).ToList());
    }

    /// <summary>The Mermaid <c>stateDiagram-v2</c> of this machine; shorthand for <c>MermaidGraph.Format(GetInfo())</c>.</summary>
    /// <returns>The diagram text, without a trailing newline.</returns>
    public string ToMermaid() => MermaidGraph.Format(GetInfo());

    private static string Name(object? value) => value?.ToString() ?? "<null>";

    private static StateInfo DescribeState(StateRepresentation rep)
    {
        // Stateless lists, per trigger, permits, then reentries, then internal transitions; ignores come last.
        var kinds = new[] { TriggerKind.Permit, TriggerKind.Reentry, TriggerKind.Internal };
        var transitions = rep.Triggers.Values
            .SelectMany(behaviours => kinds.SelectMany(kind => behaviours.Where(b => b.Kind == kind)))
            .Concat(rep.Triggers.Values.SelectMany(b => b).Where(b => b.Kind == TriggerKind.Ignore))
            .Select(b => new TransitionInfo(
                Name(b.Trigger),
                Name(b.Destination),
                b.Kind switch
                {
                    TriggerKind.Permit => TransitionKind.Permit,
                    TriggerKind.Reentry => TransitionKind.Reentry,
                    TriggerKind.Internal => TransitionKind.Internal,
                    _ => TransitionKind.Ignore,
                },
                b.Guard is null ? [] : [b.Guard.Description]))
            .ToList();

        return new StateInfo(
            Name(rep.State),
            rep.Superstate is null ? null : Name(rep.Superstate.State),
            rep.Substates.Select(s => Name(s.State)).ToList(),
            transitions,
            rep.EntryActions.Select(a => new EntryActionInfo(a.Description, a.HasFromTrigger ? Name(a.FromTrigger) : null)).ToList(),
            rep.ExitActions.Select(a => a.Description).ToList());
    }
}
