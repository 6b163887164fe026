namespace MentorBot.Domain.Conversations;

public partial class StateMachine<TState, TTrigger>
{
    private const string UseFireAsync = "Use asynchronous version of Fire [FireAsync]";

    /// <summary>
    /// Run-to-completion: a trigger fired while another is being handled (from an action) is
    /// queued and handled after it. Sync and async firing share one queue and one code path;
    /// in sync mode every step is synchronous, so the returned task is already complete.
    /// </summary>
    private async Task FireQueued(TTrigger trigger, object?[] args, bool runAsync)
    {
        _queue.Enqueue((trigger, args));
        if (_firing)
        {
            return;
        }

        _firing = true;
        try
        {
            while (_queue.TryDequeue(out var next))
            {
                var plan = PlanFiring(next.Trigger, next.Args);
                if (runAsync)
                {
                    await plan.RunAsync();
                }
                else
                {
                    plan.Run();
                }
            }
        }
        catch
        {
            // Unlike Stateless 5.x, drop what the failed transition queued: those triggers were
            // meant to follow a transition that did not complete.
            _queue.Clear();
            throw;
        }
        finally
        {
            _firing = false;
        }
    }

    /// <summary>
    /// Decides everything a trigger will do (guards are evaluated here, as in Stateless's
    /// handler lookup) and lists the steps in Stateless's order. Planning first lets a sync
    /// <c>Fire</c> refuse an async action before any exit action has run.
    /// </summary>
    private Plan PlanFiring(TTrigger trigger, object?[] args)
    {
        if (_triggerParameters.TryGetValue(trigger, out var parameters))
        {
            parameters.ValidateParameters(args);
        }

        var source = State;
        var sourceRep = CurrentRepresentation;
        var plan = new Plan();

        if (!TryFindHandler(sourceRep, trigger, args, out var result))
        {
            var unmet = (ICollection<string>)result.UnmetGuards;
            if (_unhandledAsync is { } unhandledAsync)
            {
                plan.AddAsync(() => unhandledAsync(source, trigger, unmet), $"Cannot execute asynchronous action specified in OnUnhandledTrigger. {UseFireAsync}");
            }
            else
            {
                plan.Add(() => _unhandled(source, trigger, unmet));
            }

            return plan;
        }

        var handler = result.Handler!;
        switch (handler.Kind)
        {
            case TriggerKind.Ignore:
                break;
            case TriggerKind.Internal:
                plan.Add(handler.InternalAction!, new Transition(source, source, trigger, args), "Running asynchronous internal transition in synchronous mode is not allowed. " + UseFireAsync);
                break;
            case TriggerKind.Reentry:
                PlanReentry(plan, sourceRep, new Transition(source, handler.Destination, trigger, args));
                break;
            default:
                PlanTransition(plan, sourceRep, new Transition(source, handler.Destination, trigger, args));
                break;
        }

        return plan;
    }

    private void PlanTransition(Plan plan, StateRepresentation sourceRep, Transition transition)
    {
        PlanExits(plan, sourceRep, transition);
        plan.Add(() => State = transition.Destination);
        PlanEvents(plan, _onTransitioned, transition, "OnTransitioned");
        PlanEntries(plan, Representation(transition.Destination), transition);
        PlanEvents(plan, _onTransitionCompleted, transition, "OnTransitionCompleted");
    }

    /// <summary>
    /// A reentry exits and re-enters the state that declared it. Declared on a superstate while
    /// in a substate, Stateless exits the substate up to the superstate, then exits and re-enters
    /// the superstate itself, which becomes the current state.
    /// </summary>
    private void PlanReentry(Plan plan, StateRepresentation sourceRep, Transition transition)
    {
        if (!transition.IsReentry)
        {
            PlanExits(plan, sourceRep, transition);
            transition = transition with { Source = transition.Destination };
        }

        var destinationRep = Representation(transition.Destination);
        PlanExits(plan, destinationRep, transition);
        plan.Add(() => State = transition.Destination);
        PlanEvents(plan, _onTransitioned, transition, "OnTransitioned");
        PlanEntries(plan, destinationRep, transition);
        PlanEvents(plan, _onTransitionCompleted, transition, "OnTransitionCompleted");
    }

    /// <summary>Exit actions from the innermost state outwards, stopping at the first state that contains the destination.</summary>
    private static void PlanExits(Plan plan, StateRepresentation from, Transition transition)
    {
        for (var rep = from; rep is not null; rep = rep.Superstate)
        {
            if (!transition.IsReentry && rep.Includes(transition.Destination))
            {
                break;
            }

            foreach (var action in rep.ExitActions)
            {
                plan.Add(action, transition, $"Cannot execute asynchronous action specified in OnExit event for '{rep.State}' state. {UseFireAsync}");
            }

            if (transition.IsReentry)
            {
                break;
            }
        }
    }

    /// <summary>Entry actions from the outermost superstate not containing the source inwards to the destination.</summary>
    private static void PlanEntries(Plan plan, StateRepresentation to, Transition transition)
    {
        var entered = new List<StateRepresentation>();
        for (var rep = to; rep is not null; rep = rep.Superstate)
        {
            if (!transition.IsReentry && rep.Includes(transition.Source))
            {
                break;
            }

            entered.Insert(0, rep);
            if (transition.IsReentry)
            {
                break;
            }
        }

        foreach (var rep in entered)
        {
            foreach (var action in rep.EntryActions.Where(a => a.AppliesTo(transition.Trigger)))
            {
                plan.Add(action, transition, $"Cannot execute asynchronous action specified in OnEntry event for '{rep.State}' state. {UseFireAsync}");
            }
        }
    }

    private static void PlanEvents(Plan plan, List<ActionBehaviour> callbacks, Transition transition, string eventName)
    {
        foreach (var callback in callbacks)
        {
            plan.Add(callback, transition, $"Cannot execute asynchronous action specified as {eventName} callback. {UseFireAsync}");
        }
    }

    /// <summary>
    /// Stateless's lookup: a handler of the state itself wins; otherwise the superstate's. When
    /// nothing passes, the result still carries the unmet guards for the error message.
    /// </summary>
    private static bool TryFindHandler(StateRepresentation rep, TTrigger trigger, object?[] args, out HandlerResult result)
    {
        if (TryFindLocalHandler(rep, trigger, args, out var local))
        {
            result = local;
            return true;
        }

        if (rep.Superstate is { } superstate)
        {
            var found = TryFindHandler(superstate, trigger, args, out var inherited);
            result = inherited.Handler is not null ? inherited : local;
            return found;
        }

        result = local;
        return false;
    }

    private static bool TryFindLocalHandler(StateRepresentation rep, TTrigger trigger, object?[] args, out HandlerResult result)
    {
        result = new HandlerResult(null, []);
        if (!rep.Triggers.TryGetValue(trigger, out var behaviours))
        {
            return false;
        }

        var evaluated = behaviours.Select(b => new HandlerResult(b, b.UnmetGuards(args))).ToList();
        var passing = evaluated.Where(r => r.UnmetGuards.Count == 0).ToList();
        if (passing.Count > 1)
        {
            throw new InvalidOperationException(
                $"Multiple permitted exit transitions are configured from state '{rep.State}' for trigger '{trigger}'. Guard clauses must be mutually exclusive.");
        }

        if (passing.Count == 1)
        {
            result = passing[0];
            return true;
        }

        result = evaluated.FirstOrDefault(r => r.UnmetGuards.Count > 0) ?? result;
        return false;
    }

    private sealed record HandlerResult(TriggerBehaviour? Handler, IReadOnlyList<string> UnmetGuards);

    /// <summary>The ordered steps of one firing; remembers the first step that cannot run synchronously.</summary>
    private sealed class Plan
    {
        private readonly List<Func<Task>> _steps = [];
        private string? _asyncStepError;

        public void Add(Action step) => _steps.Add(() =>
        {
            step();
            return Task.CompletedTask;
        });

        public void AddAsync(Func<Task> step, string syncError)
        {
            _asyncStepError ??= syncError;
            _steps.Add(step);
        }

        public void Add(ActionBehaviour action, Transition transition, string syncError)
        {
            if (action.IsAsync)
            {
                AddAsync(() => action.RunAsync(transition), syncError);
            }
            else
            {
                Add(() => action.Run(transition));
            }
        }

        public void Run()
        {
            if (_asyncStepError is not null)
            {
                throw new InvalidOperationException(_asyncStepError);
            }

            foreach (var step in _steps)
            {
                // Every step is synchronous here (checked above), so the task is already complete.
                step().GetAwaiter().GetResult();
            }
        }

        public async Task RunAsync()
        {
            foreach (var step in _steps)
            {
                await step();
            }
        }
    }
}
