using System.Text;

namespace MentorBot.Domain.Conversations;

/// <summary>
/// A machine's configuration as data, for diagrams (Stateless's <c>GetInfo()</c>). Names are the
/// states' and triggers' <c>ToString()</c>.
/// </summary>
/// <param name="InitialState">The state the diagram starts from: the machine's current state when <c>GetInfo()</c> ran, as in Stateless.</param>
/// <param name="States">Configured states in configuration order, then states only named as destinations.</param>
public sealed record StateMachineInfo(string InitialState, IReadOnlyList<StateInfo> States);

/// <summary>One state of a <see cref="StateMachineInfo"/>.</summary>
/// <param name="Name">The state's name.</param>
/// <param name="Superstate">The enclosing state's name, if any.</param>
/// <param name="Substates">Names of the direct substates, in configuration order.</param>
/// <param name="Transitions">What the state does with each trigger: per trigger, permits, then reentries, then internal transitions; ignored triggers last (Stateless's order).</param>
/// <param name="EntryActions">Entry actions in the order they run.</param>
/// <param name="ExitActions">Descriptions of the exit actions in the order they run.</param>
public sealed record StateInfo(
    string Name,
    string? Superstate,
    IReadOnlyList<string> Substates,
    IReadOnlyList<TransitionInfo> Transitions,
    IReadOnlyList<EntryActionInfo> EntryActions,
    IReadOnlyList<string> ExitActions);

/// <summary>How a state handles a trigger.</summary>
public enum TransitionKind
{
    /// <summary><c>Permit</c>/<c>PermitIf</c>: moves to another state.</summary>
    Permit,

    /// <summary><c>PermitReentry</c>: exits and re-enters the state.</summary>
    Reentry,

    /// <summary><c>InternalTransition</c>: runs an action and stays, without exit or entry.</summary>
    Internal,

    /// <summary><c>Ignore</c>/<c>IgnoreIf</c>: nothing happens.</summary>
    Ignore,
}

/// <summary>One trigger handling of a state.</summary>
/// <param name="Trigger">The trigger's name.</param>
/// <param name="Destination">The destination state's name (the state itself unless <see cref="TransitionKind.Permit"/>).</param>
/// <param name="Kind">What firing does.</param>
/// <param name="Guards">Guard descriptions; empty when unguarded.</param>
public sealed record TransitionInfo(string Trigger, string Destination, TransitionKind Kind, IReadOnlyList<string> Guards);

/// <summary>An entry action of a state.</summary>
/// <param name="Description">The given description, else the method's name, else "Function".</param>
/// <param name="FromTrigger">For <c>OnEntryFrom</c>, the trigger's name; null for <c>OnEntry</c>.</param>
public sealed record EntryActionInfo(string Description, string? FromTrigger);

/// <summary>
/// Formats a <see cref="StateMachineInfo"/> as a Mermaid <c>stateDiagram-v2</c>, line for line as
/// Stateless's <c>MermaidGraph.Format</c>, so that docs/ can show diagrams generated from the code.
/// Lines are separated by <c>\n</c> on every platform so that generated docs do not churn.
/// </summary>
public static class MermaidGraph
{
    /// <summary>Formats the diagram.</summary>
    /// <param name="info">From <c>StateMachine.GetInfo()</c>.</param>
    /// <returns>
    /// <c>stateDiagram-v2</c>; aliases for names Mermaid cannot take; one <c>state X { … }</c> block per
    /// superstate; one <c>A --&gt; B : Trigger / EntryFromActions [guard]</c> line per transition
    /// (ignored triggers as self-loops); <c>[*] --&gt; Initial</c> last. No trailing newline.
    /// </returns>
    public static string Format(StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var byName = new Dictionary<string, StateInfo>();
        foreach (var state in info.States)
        {
            byName.TryAdd(state.Name, state);
        }

        var nodes = NodeOrder(info.States, byName);
        var aliases = Aliases(nodes.Select(n => n.Name).ToList());
        string Node(string name) => aliases.GetValueOrDefault(name, name);

        var text = new StringBuilder("stateDiagram-v2");
        foreach (var node in nodes.Where(n => aliases.ContainsKey(n.Name)))
        {
            text.Append($"\n\t{aliases[node.Name]} : {node.Name}");
        }

        foreach (var superstate in nodes.Where(n => n.Substates.Count > 0))
        {
            text.Append($"\n\tstate {Node(superstate.Name)} {{");
            foreach (var substate in superstate.Substates)
            {
                text.Append($"\n\t\t{Node(substate)}");
            }

            text.Append("\n\t}");
        }

        foreach (var state in info.States)
        {
            foreach (var transition in state.Transitions)
            {
                var label = Label(transition, Actions(state, transition, byName));
                text.Append($"\n\t{Node(state.Name)} --> {Node(transition.Destination)} : {label}");
            }
        }

        text.Append($"\n[*] --> {Node(info.InitialState)}");
        return text.ToString();
    }

    /// <summary>Top-level superstates with their substates depth-first, then every other state.</summary>
    private static List<StateInfo> NodeOrder(IReadOnlyList<StateInfo> states, Dictionary<string, StateInfo> byName)
    {
        var ordered = new List<StateInfo>();
        void AddTree(StateInfo state)
        {
            if (ordered.Contains(state))
            {
                return;
            }

            ordered.Add(state);
            foreach (var substate in state.Substates)
            {
                if (byName.TryGetValue(substate, out var info))
                {
                    AddTree(info);
                }
            }
        }

        foreach (var state in states.Where(s => s.Substates.Count > 0 && s.Superstate is null))
        {
            AddTree(state);
        }

        foreach (var state in states.Where(s => !ordered.Contains(s)))
        {
            ordered.Add(state);
        }

        return ordered;
    }

    /// <summary>
    /// Mermaid node ids cannot hold whitespace, ':' or '-': such names get an alias with those
    /// characters removed, made unique with _1, _2… (Stateless's rule).
    /// </summary>
    private static Dictionary<string, string> Aliases(List<string> names)
    {
        var aliases = new Dictionary<string, string>();
        var taken = new HashSet<string>(names);
        foreach (var name in names)
        {
            var stripped = string.Concat(name.Where(c => !(char.IsWhiteSpace(c) || c == ':' || c == '-')));
            if (stripped == name)
            {
                continue;
            }

            var alias = stripped;
            for (var count = 1; taken.Contains(alias); count++)
            {
                alias = $"{stripped}_{count}";
            }

            taken.Add(alias);
            aliases[name] = alias;
        }

        return aliases;
    }

    /// <summary>
    /// Actions shown on an edge: for a move, the destination's <c>OnEntryFrom</c> actions of that
    /// trigger; for a reentry, the state's unconditional entry actions; none for an ignore or an
    /// internal transition (which runs no entry action).
    /// </summary>
    private static IEnumerable<string> Actions(StateInfo source, TransitionInfo transition, Dictionary<string, StateInfo> byName) =>
        transition.Kind switch
        {
            TransitionKind.Permit when byName.TryGetValue(transition.Destination, out var destination) =>
                destination.EntryActions.Where(a => a.FromTrigger == transition.Trigger).Select(a => a.Description),
            TransitionKind.Reentry when byName.TryGetValue(transition.Destination, out var state) =>
                state.EntryActions.Where(a => a.FromTrigger is null).Select(a => a.Description),
            _ => [],
        };

    private static string Label(TransitionInfo transition, IEnumerable<string> actions)
    {
        var label = new StringBuilder(transition.Trigger);
        var actionList = actions.ToList();
        if (actionList.Count > 0)
        {
            label.Append(" / ").AppendJoin(", ", actionList);
        }

        foreach (var guard in transition.Guards)
        {
            label.Append(label.Length > 0 ? " " : string.Empty).Append('[').Append(guard).Append(']');
        }

        return label.ToString();
    }
}
