using MentorBot.Domain.Conversations;

namespace MentorBot.Domain.Reports;

/// <summary>
/// Where the SWOT dialogue stands (stored as the conversation's data, so nothing lives only in memory).
/// </summary>
/// <param name="Step">The quadrant being asked, or null on the review of all four.</param>
/// <param name="Swot">The analysis so far (the draft at first).</param>
/// <param name="FromReview">True when the quadrant was opened from the review: answering it returns there.</param>
public sealed record SwotState(SwotPart? Step, SwotAnalysis Swot, bool FromReview = false);

/// <summary>What one input did to the SWOT dialogue.</summary>
/// <param name="State">The state to keep.</param>
/// <param name="Reply">What the curator reads next.</param>
/// <param name="Save">True when the curator pressed «Сохранить»: store <see cref="SwotState.Swot"/> and close the dialogue.</param>
public sealed record SwotTurn(SwotState State, Reply Reply, bool Save = false);

/// <summary>
/// The short SWOT dialogue of the stage-1 monitoring (issue 14), pure: strengths and weaknesses are shown as drafted
/// and kept or replaced; opportunities and threats are asked; then a review where any of the four may be edited before
/// saving. Each typed answer is a list, one item a line. <c>/back</c> returns to the previous step; <c>/cancel</c>
/// (handled by the glue) closes the dialogue without saving. Buttons: <c>swot:keep</c>, <c>swot:edit:&lt;part&gt;</c>, <c>swot:save</c>.
/// </summary>
public static class SwotDialogue
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

    /// <summary>The button data that opens <paramref name="part"/> from the review.</summary>
    public static string EditData(SwotPart part) => $"{Prefix}:edit:{part.ToString().ToLowerInvariant()}";

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

    /// <summary>The first step: strengths, as drafted.</summary>
    public static SwotTurn Start(SwotAnalysis draft)
    {
        var state = new SwotState(SwotPart.Strengths, draft);
        return new SwotTurn(state, Ask(state));
    }

    /// <summary>The question of the current step again (after «Продолжить начатое»).</summary>
    public static SwotTurn Resume(SwotState state) => new(state, Ask(state));

    /// <summary>Handles typed text, a button or <c>/back</c>; anything it does not understand re-asks with a hint.</summary>
    public static SwotTurn Handle(SwotState state, ChatInput input)
    {
        switch (input)
        {
            case CommandInput { Name: "back" }:
                return Back(state);
            case ChoiceInput { Data: KeepData } when state.Step is { } part:
                return Next(state, part);
            case ChoiceInput { Data: SaveData } when state.Step is null:
                return new SwotTurn(state, Reply.Plain(ReportsTexts.SwotSaved), Save: true);
            case ChoiceInput choice when state.Step is null && TryParseEdit(choice.Data, out var edit):
                var editing = state with { Step = edit, FromReview = true };
                return new SwotTurn(editing, Ask(editing));
            case TextInput text when state.Step is { } part:
                var items = Items(text.Text);
                if (items is null) return new SwotTurn(state, Reply.Plain(ReportsTexts.SwotHint(MaxItems, MaxItemLength)));
                return Next(state with { Swot = state.Swot.With(part, items) }, part);
            default:
                return new SwotTurn(state, Ask(state));
        }
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

    private static SwotTurn Next(SwotState state, SwotPart part)
    {
        var next = state.FromReview || part == SwotPart.Threats ? new SwotState(null, state.Swot) : new SwotState(part + 1, state.Swot);
        return new SwotTurn(next, Ask(next));
    }

    private static SwotTurn Back(SwotState state)
    {
        var previous = state switch
        {
            { Step: null } => new SwotState(SwotPart.Threats, state.Swot),
            { FromReview: true } => new SwotState(null, state.Swot),
            { Step: SwotPart.Strengths } => state,
            { Step: { } part } => new SwotState(part - 1, state.Swot),
        };
        var reply = Ask(previous);
        return new SwotTurn(previous, previous == state ? reply with { Text = ReportsTexts.SwotFirstStep + "\n\n" + reply.Text } : reply);
    }

    private static Reply Ask(SwotState state)
    {
        if (state.Step is not { } part)
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
