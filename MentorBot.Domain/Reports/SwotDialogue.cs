using MentorBot.Domain.Conversations;
using Stateless;

namespace MentorBot.Domain.Reports;

/// <summary>The steps of the SWOT dialogue: the four quadrants in order, then the review.</summary>
public enum SwotStep
{
    /// <summary>Strengths, as drafted: keep or replace.</summary>
    Strengths,

    /// <summary>Weaknesses, as drafted: keep or replace.</summary>
    Weaknesses,

    /// <summary>Opportunities: asked.</summary>
    Opportunities,

    /// <summary>Threats: asked.</summary>
    Threats,

    /// <summary>All four shown; any may be edited, then saved.</summary>
    Review,

    /// <summary>Saved: the dialogue is over.</summary>
    Saved,
}

/// <summary>What the curator did in the SWOT dialogue (no parameterised triggers: a typed list is held by the flow).</summary>
public enum SwotTrigger
{
    /// <summary>«Оставить как есть» / «Пропустить».</summary>
    Keep,

    /// <summary>A readable list was typed.</summary>
    Answer,

    /// <summary><c>/back</c>.</summary>
    Back,

    /// <summary>«Изменить: сильные стороны».</summary>
    EditStrengths,

    /// <summary>«Изменить: слабые стороны».</summary>
    EditWeaknesses,

    /// <summary>«Изменить: возможности».</summary>
    EditOpportunities,

    /// <summary>«Изменить: угрозы».</summary>
    EditThreats,

    /// <summary>«Сохранить».</summary>
    Save,
}

/// <summary>
/// Where the SWOT dialogue stands (stored as the conversation's data, so nothing lives only in memory).
/// </summary>
/// <param name="Step">The step.</param>
/// <param name="Swot">The analysis so far (the draft at first).</param>
/// <param name="FromReview">True when the quadrant was opened from the review: answering it returns there.</param>
public sealed record SwotState(SwotStep Step, SwotAnalysis Swot, bool FromReview = false)
{
    /// <summary>The quadrant being asked, or null on the review.</summary>
    public SwotPart? Part => Step <= SwotStep.Threats ? (SwotPart)(int)Step : null;
}

/// <summary>What one input did to the SWOT dialogue.</summary>
/// <param name="State">The state to keep.</param>
/// <param name="Reply">What the curator reads next.</param>
/// <param name="Save">True when the curator pressed «Сохранить»: store <see cref="SwotState.Swot"/> and close the dialogue.</param>
public sealed record SwotTurn(SwotState State, Reply Reply, bool Save = false);

/// <summary>
/// The short SWOT dialogue of the stage-1 monitoring (issue 14), pure, on a Stateless machine over the stored step:
/// strengths and weaknesses are shown as drafted and kept or replaced; opportunities and threats are asked; then a review
/// where any of the four may be edited before saving. Each typed answer is a list, one item a line. <c>/back</c> returns
/// to the previous step; <c>/cancel</c> (handled by the glue) closes the dialogue without saving. Buttons:
/// <c>swot:keep</c>, <c>swot:edit:&lt;part&gt;</c>, <c>swot:save</c>.
/// </summary>
public sealed class SwotDialogue
{
    /// <summary>The button and flow prefix.</summary>
    public const string Prefix = "swot";

    /// <summary>«Оставить как есть» / «Пропустить».</summary>
    public const string KeepData = Prefix + ":keep";

    /// <summary>«Сохранить» on the review.</summary>
    public const string SaveData = Prefix + ":save";

    /// <summary>The most items a quadrant takes.</summary>
    public const int MaxItems = 10;

    /// <summary>The longest item, in characters.</summary>
    public const int MaxItemLength = 300;

    private SwotStep step;
    private SwotAnalysis swot;
    private bool fromReview;
    private IReadOnlyList<string> typed = [];

    /// <summary>A dialogue at <paramref name="state"/>.</summary>
    public SwotDialogue(SwotState state)
    {
        (step, swot, fromReview) = (state.Step, state.Swot, state.FromReview);
        Machine = new StateMachine<SwotStep, SwotTrigger>(() => step, s => step = s);
        ConfigureQuadrant(SwotStep.Strengths, SwotStep.Weaknesses);
        ConfigureQuadrant(SwotStep.Weaknesses, SwotStep.Opportunities);
        ConfigureQuadrant(SwotStep.Opportunities, SwotStep.Threats);
        ConfigureQuadrant(SwotStep.Threats, SwotStep.Review);
        Machine.Configure(SwotStep.Strengths).IgnoreIf(SwotTrigger.Back, () => !fromReview, "first step");
        Machine.Configure(SwotStep.Weaknesses).PermitIf(SwotTrigger.Back, SwotStep.Strengths, () => !fromReview, "in order");
        Machine.Configure(SwotStep.Opportunities).PermitIf(SwotTrigger.Back, SwotStep.Weaknesses, () => !fromReview, "in order");
        Machine.Configure(SwotStep.Threats).PermitIf(SwotTrigger.Back, SwotStep.Opportunities, () => !fromReview, "in order");
        Machine.Configure(SwotStep.Review)
            .OnEntry(() => fromReview = false)
            .Permit(SwotTrigger.Back, SwotStep.Threats)
            .Permit(SwotTrigger.EditStrengths, SwotStep.Strengths)
            .Permit(SwotTrigger.EditWeaknesses, SwotStep.Weaknesses)
            .Permit(SwotTrigger.EditOpportunities, SwotStep.Opportunities)
            .Permit(SwotTrigger.EditThreats, SwotStep.Threats)
            .Permit(SwotTrigger.Save, SwotStep.Saved)
            .OnExit(t => fromReview = t.Trigger is not (SwotTrigger.Back or SwotTrigger.Save));
    }

    /// <summary>The underlying machine (for the diagram in docs/state-machines.md).</summary>
    public StateMachine<SwotStep, SwotTrigger> Machine { get; }

    /// <summary>The state to store.</summary>
    public SwotState State => new(step, swot, fromReview);

    private void ConfigureQuadrant(SwotStep quadrant, SwotStep next) => Machine.Configure(quadrant)
        .OnExit(t =>
        {
            if (t.Trigger == SwotTrigger.Answer) swot = swot.With((SwotPart)(int)quadrant, typed);
        })
        .PermitIf(SwotTrigger.Keep, next, () => !fromReview, "in order")
        .PermitIf(SwotTrigger.Answer, next, () => !fromReview, "in order")
        .PermitIf(SwotTrigger.Keep, SwotStep.Review, () => fromReview, "opened from the review")
        .PermitIf(SwotTrigger.Answer, SwotStep.Review, () => fromReview, "opened from the review")
        .PermitIf(SwotTrigger.Back, SwotStep.Review, () => fromReview, "opened from the review");

    /// <summary>The button data that opens <paramref name="part"/> from the review.</summary>
    public static string EditData(SwotPart part) => $"{Prefix}:edit:{part.ToString().ToLowerInvariant()}";

    /// <summary>The first step: strengths, as drafted.</summary>
    public static SwotTurn Start(SwotAnalysis draft)
    {
        var state = new SwotState(SwotStep.Strengths, draft);
        return new SwotTurn(state, Ask(state));
    }

    /// <summary>The question of the current step again (after «Продолжить начатое»).</summary>
    public static SwotTurn Resume(SwotState state) => new(state, Ask(state));

    /// <summary>Handles typed text, a button or <c>/back</c>; anything that does not fit the step re-asks, a bad list with a hint.</summary>
    public static SwotTurn Handle(SwotState state, ChatInput input)
    {
        var dialogue = new SwotDialogue(state);
        SwotTrigger? trigger = input switch
        {
            CommandInput { Name: "back" } => SwotTrigger.Back,
            ChoiceInput { Data: KeepData } => SwotTrigger.Keep,
            ChoiceInput { Data: SaveData } => SwotTrigger.Save,
            ChoiceInput choice when TryParseEdit(choice.Data, out var part) => SwotTrigger.EditStrengths + (int)part,
            TextInput => SwotTrigger.Answer,
            _ => null,
        };
        if (input is TextInput text && state.Part is not null)
        {
            if (Items(text.Text) is not { } items) return new SwotTurn(state, Reply.Plain(ReportsTexts.SwotHint(MaxItems, MaxItemLength)));
            dialogue.typed = items;
        }

        if (trigger is not { } fire || !dialogue.Machine.CanFire(fire)) return Resume(state);
        dialogue.Machine.Fire(fire);
        var next = dialogue.State;
        if (next.Step == SwotStep.Saved) return new SwotTurn(next, Reply.Plain(ReportsTexts.SwotSaved), Save: true);
        var reply = Ask(next);
        return new SwotTurn(next, next == state ? reply with { Text = ReportsTexts.SwotFirstStep + "\n\n" + reply.Text } : reply);
    }

    /// <summary>Reads <see cref="EditData"/>.</summary>
    public static bool TryParseEdit(string data, out SwotPart part)
    {
        foreach (var candidate in Enum.GetValues<SwotPart>())
        {
            if (EditData(candidate) != data) continue;
            part = candidate;
            return true;
        }

        part = default;
        return false;
    }

    /// <summary>
    /// Reads a typed quadrant: one item a line, list marks («-», «•», «1.») dropped, empty lines skipped. Null when
    /// there is no item, more than <see cref="MaxItems"/>, one longer than <see cref="MaxItemLength"/> or one without a letter or digit.
    /// </summary>
    public static IReadOnlyList<string>? Items(string text)
    {
        var items = text.Split('\n').Select(line => line.Trim().TrimStart('-', '•', '*', '–', '—', ' ').Trim()).Select(StripNumber)
            .Where(line => line.Length > 0).ToList();
        if (items.Count is 0 or > MaxItems || items.Any(i => i.Length > MaxItemLength || !i.Any(char.IsLetterOrDigit))) return null;
        return items;
    }

    private static string StripNumber(string line)
    {
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
        return digits > 0 && digits < line.Length && line[digits] is '.' or ')' ? line[(digits + 1)..].Trim() : line;
    }

    private static Reply Ask(SwotState state)
    {
        if (state.Part is not { } part)
        {
            var buttons = new List<IReadOnlyList<Choice>> { new[] { new Choice(ReportsTexts.SwotSaveButton, SaveData) } };
            buttons.AddRange(Enum.GetValues<SwotPart>().Chunk(2).Select(row =>
                (IReadOnlyList<Choice>)[.. row.Select(p => new Choice(ReportsTexts.SwotEditButton(p), EditData(p)))]));
            return Reply.Formatted(ReportsTexts.SwotReview(state.Swot), buttons);
        }

        var items = state.Swot[part];
        return Reply.Formatted(ReportsTexts.SwotAsk(part, items),
            [[new Choice(items.Count > 0 ? ReportsTexts.SwotKeepButton : ReportsTexts.SwotSkipButton, KeepData)]]);
    }
}
