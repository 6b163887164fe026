using System.Globalization;
using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Pairs;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Pairs;

/// <summary>
/// <c>/plan</c> (issue 5, «Personal mentoring plan»): the pair's plan and goals for the mentor and the mentee; the
/// mentor moves an item, adds one, or sets the goals (free text, up to <see cref="MaxGoals"/>). The curator chooses
/// any live pair of the organisation and sees and edits its plan as its mentor does. Buttons:
/// <c>plan:show</c> · <c>plan:pair:P</c> the plan of pair P (curator) · <c>plan:mv:P</c> items of pair P to move · <c>plan:mi:P:I</c> move item I (asks a date) ·
/// <c>plan:add:P</c> (asks «date title») · <c>plan:goals:P</c> (asks the goals). Typed answers arrive in the
/// <see cref="Flow"/> conversation: state <c>move</c>, <c>add</c> or <c>goals</c>, data <c>{"pairId","itemId"}</c>.
/// </summary>
public static class PlanConversation
{
    /// <summary>The button prefix.</summary>
    public const string Prefix = "plan";

    /// <summary>The conversation flow of typed dates and goals.</summary>
    public const string Flow = "plan";

    /// <summary>The data of the «open the plan» button (sent with the approval message).</summary>
    public const string ShowData = "plan:show";

    /// <summary>The most goals a pair keeps (issue 5).</summary>
    public const int MaxGoals = 5;

    /// <summary>The longest goal or item title accepted, in characters.</summary>
    public const int MaxTextLength = 200;

    private sealed record FlowData(long PairId, long ItemId);

    /// <summary><c>/plan</c>: one message per live pair of the person; for the curator, the organisation's live pairs to choose from.</summary>
    public static async Task ShowAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Mentor, Role.Mentee, Role.Curator) is not { } member) return;
        if (member.Has(Role.Curator))
            await ChoosePairAsync(context, member);
        else
            await ShowPlansAsync(context, member);
    }

    private static async Task ChoosePairAsync(ChatContext context, Member member)
    {
        var pairs = await PairStore.ListAsync(context.Connection, context.Transaction, member.Organisation.Id, PairStore.Live, context.CancellationToken);
        if (pairs.Count == 0)
        {
            context.Reply(Reply.Plain(PairsTexts.NoLivePairs));
            return;
        }

        context.Reply(Reply.WithChoices(PairsTexts.ChoosePairForPlan,
            [.. pairs.OrderBy(p => p.MentorDisplay, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => new Choice(PairsTexts.PairOption(p.MentorDisplay, p.MenteeDisplay), $"plan:pair:{p.Id}"))]));
    }

    /// <summary>Every <c>plan:…</c> button.</summary>
    public static async Task ChooseAsync(ChatContext context, ChatInput input)
    {
        var parts = ((ChoiceInput)input).Data.Split(':');
        var action = parts.ElementAtOrDefault(1);
        Role[] allowed = action switch
        {
            "show" => [Role.Mentor, Role.Mentee],
            "pair" => [Role.Curator],
            _ => [Role.Mentor, Role.Curator],
        };
        if (await Access.RequireAsync(context, allowed) is not { } member) return;
        context.AnswerChoice();
        if (action == "show")
        {
            await ShowPlansAsync(context, member);
            return;
        }

        long Id(int k) => long.TryParse(parts.ElementAtOrDefault(k), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
        var pair = await EditablePairAsync(context, member, Id(2));
        if (pair is null)
        {
            context.Reply(Reply.Plain(PairsTexts.PairGone));
            return;
        }

        switch (action)
        {
            case "pair":
                await ShowPlanAsync(context, member, pair);
                break;
            case "mv":
                var items = await PlanStore.ListAsync(context.Connection, context.Transaction, pair.Id, context.CancellationToken);
                context.Reply(Reply.WithChoices(PairsTexts.ChooseItem,
                    [.. items.Where(i => i.DoneAt is null).Select(i => new Choice(PairsTexts.ItemOption(i.Title, DateOnly.FromDateTime(i.DueOn)), $"plan:mi:{pair.Id}:{i.Id}"))]));
                break;
            case "mi":
                await AskAsync(context, "move", pair.Id, Id(3), PairsTexts.AskDate(pair.Term!));
                break;
            case "add":
                await AskAsync(context, "add", pair.Id, 0, PairsTexts.AskItem(pair.Term!));
                break;
            case "goals":
                await AskAsync(context, "goals", pair.Id, 0, PairsTexts.AskGoals(MaxGoals));
                break;
            default:
                context.Reply(Reply.Plain(PairsTexts.StaleButton));
                break;
        }
    }

    /// <summary>Typed text in the <see cref="Flow"/> conversation: a date, «date title» or the goals; a bad answer is asked again with a hint.</summary>
    public static async Task TextAsync(ChatContext context, ChatInput input)
    {
        var state = await context.GetConversationAsync();
        if (await Access.RequireAsync(context, Role.Mentor, Role.Curator) is not { } member || state is null) return;
        var data = JsonSerializer.Deserialize<FlowData>(state.Data)!;
        var pair = await EditablePairAsync(context, member, data.PairId);
        if (pair?.Term is not { } term)
        {
            await context.ClearConversationAsync();
            context.Reply(Reply.Plain(PairsTexts.PairGone));
            return;
        }

        var text = ((TextInput)input).Text.Trim();
        var (c, t, ct) = (context.Connection, context.Transaction, context.CancellationToken);
        switch (state.State)
        {
            case "move":
                if (ReadDate(text, term, out var date) is { } moveProblem)
                {
                    context.Reply(Reply.Plain(moveProblem));
                    return;
                }

                await PlanStore.MoveAsync(c, t, pair.Id, data.ItemId, date, ct);
                break;
            case "add":
                var space = text.IndexOf(' ');
                var title = space < 0 ? "" : text[(space + 1)..].Trim();
                if (space < 0 || title.Length == 0 || title.Length > MaxTextLength)
                {
                    context.Reply(Reply.Plain(PairsTexts.ItemHint(term)));
                    return;
                }

                if (ReadDate(text[..space], term, out var due) is { } addProblem)
                {
                    context.Reply(Reply.Plain(addProblem));
                    return;
                }

                await PlanStore.AddAsync(c, t, pair.Id, title, due, ct);
                break;
            default:
                var goals = text.Split('\n').Select(g => g.Trim().TrimStart('-', '•', '*', ' ')).Where(g => g.Length > 0).ToList();
                if (goals.Count == 0 || goals.Count > MaxGoals || goals.Any(g => g.Length > MaxTextLength))
                {
                    context.Reply(Reply.Plain(PairsTexts.GoalsHint(MaxGoals, MaxTextLength)));
                    return;
                }

                await PairStore.SetGoalsAsync(c, t, pair.Id, goals, ct);
                break;
        }

        await context.ClearConversationAsync();
        context.Reply(Reply.Plain(PairsTexts.Saved));
        await ShowPlanAsync(context, member, (await PairStore.GetAsync(c, t, member.Organisation.Id, pair.Id, ct))!);
    }

    /// <summary>
    /// Reads «ДД.ММ.ГГГГ» (or «ДД.ММ», the year taken from the term) and checks it is a working day inside the term;
    /// returns the Russian hint when not.
    /// </summary>
    internal static string? ReadDate(string text, PairTerm term, out DateOnly date)
    {
        string[] formats = ["d.M.yyyy", "d.M.yy", "d.M"];
        if (!DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return PairsTexts.DateHint(term);
        if (!text.Trim().Count(ch => ch == '.').Equals(2))
        {
            date = new DateOnly(term.Start.Year, date.Month, date.Day);
            if (date < term.Start) date = date.AddYears(1);
        }

        if (date < term.Start || date > term.End) return PairsTexts.OutsideTerm(term);
        return WorkCalendar.Russia.IsWorkingDay(date) ? null : PairsTexts.NotWorkingDay(date);
    }

    private static async Task AskAsync(ChatContext context, string state, long pairId, long itemId, string question)
    {
        await context.SaveConversationAsync(new ConversationState(Flow, state, JsonSerializer.Serialize(new FlowData(pairId, itemId))));
        context.Reply(Reply.Plain(question));
    }

    /// <summary>A live pair with a term that <paramref name="member"/> may edit: as its mentor, or as a curator of its organisation.</summary>
    private static async Task<PairRecord?> EditablePairAsync(ChatContext context, Member member, long pairId)
    {
        var pair = await PairStore.GetAsync(context.Connection, context.Transaction, member.Organisation.Id, pairId, context.CancellationToken);
        return pair is { Term: not null } && PairStore.Live.Contains(pair.Status) && MayEdit(member, pair) ? pair : null;
    }

    private static bool MayEdit(Member member, PairRecord pair) => pair.MentorMembershipId == member.MembershipId || member.Has(Role.Curator);

    private static async Task ShowPlansAsync(ChatContext context, Member member)
    {
        var pairs = await PairStore.ForMemberAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, context.CancellationToken);
        if (pairs.Count == 0)
        {
            // A pair that was dissolved (a consent withdrawn, the curator's decision) says why rather than «no pair yet».
            var dissolved = await PairStore.LastDissolvedAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, context.CancellationToken);
            context.Reply(Reply.Plain(dissolved is { } d
                ? PairsTexts.NoPlanDissolved(d.DissolvedAt is { } at ? LocalDates.OfUtc(at, member.TimeZone) : null, d.Reason, d.WasMentor)
                : PairsTexts.NoPlan));
            return;
        }

        foreach (var pair in pairs) await ShowPlanAsync(context, member, pair);
    }

    private static async Task ShowPlanAsync(ChatContext context, Member member, PairRecord pair)
    {
        var items = await PlanStore.ListAsync(context.Connection, context.Transaction, pair.Id, context.CancellationToken);
        var html = PairsTexts.Plan(pair.MentorDisplay, pair.MenteeDisplay, pair.Term, pair.Goals,
            [.. items.Select(i => (DateOnly.FromDateTime(i.DueOn), i.Title, i.DoneAt is not null))]);
        IReadOnlyList<IReadOnlyList<Choice>> buttons = MayEdit(member, pair) && pair.Term is not null
            ?
            [
                [new Choice(PairsTexts.MoveButton, $"plan:mv:{pair.Id}"), new Choice(PairsTexts.AddButton, $"plan:add:{pair.Id}")],
                [new Choice(PairsTexts.GoalsButton, $"plan:goals:{pair.Id}")],
            ]
            : [];
        context.Reply(Reply.Formatted(html, buttons));
    }
}
