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
/// mentor moves an item, adds one, or sets the goals (free text, up to <see cref="MaxGoals"/>). Buttons:
/// <c>plan:show</c> · <c>plan:mv:P</c> items of pair P to move · <c>plan:mi:P:I</c> move item I (asks a date) ·
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

    /// <summary><c>/plan</c>: one message per live pair of the person.</summary>
    public static async Task ShowAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Mentor, Role.Mentee) is not { } member) return;
        await ShowPlansAsync(context, member);
    }

    /// <summary>Every <c>plan:…</c> button.</summary>
    public static async Task ChooseAsync(ChatContext context, ChatInput input)
    {
        var parts = ((ChoiceInput)input).Data.Split(':');
        var action = parts.ElementAtOrDefault(1);
        if (await Access.RequireAsync(context, action == "show" ? [Role.Mentor, Role.Mentee] : [Role.Mentor]) is not { } member) return;
        context.AnswerChoice();
        if (action == "show")
        {
            await ShowPlansAsync(context, member);
            return;
        }

        long Id(int k) => long.TryParse(parts.ElementAtOrDefault(k), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
        var pair = await MentorPairAsync(context, member, Id(2));
        if (pair is null)
        {
            context.Reply(Reply.Plain(PairsTexts.PairGone));
            return;
        }

        switch (action)
        {
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
        if (await Access.RequireAsync(context, Role.Mentor) is not { } member || state is null) return;
        var data = JsonSerializer.Deserialize<FlowData>(state.Data)!;
        var pair = await MentorPairAsync(context, member, data.PairId);
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
        await ShowPlansAsync(context, member, pair.Id);
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

    private static async Task<PairRecord?> MentorPairAsync(ChatContext context, Member member, long pairId)
    {
        var pairs = await PairStore.ForMemberAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, context.CancellationToken);
        return pairs.FirstOrDefault(p => p.Id == pairId && p.MentorMembershipId == member.MembershipId && p.Term is not null);
    }

    private static async Task ShowPlansAsync(ChatContext context, Member member, long? onlyPair = null)
    {
        var pairs = await PairStore.ForMemberAsync(context.Connection, context.Transaction, member.Organisation.Id, member.MembershipId, context.CancellationToken);
        if (pairs.Count == 0)
        {
            context.Reply(Reply.Plain(PairsTexts.NoPlan));
            return;
        }

        foreach (var pair in pairs.Where(p => onlyPair is null || p.Id == onlyPair))
        {
            var items = await PlanStore.ListAsync(context.Connection, context.Transaction, pair.Id, context.CancellationToken);
            var html = PairsTexts.Plan(pair.MentorDisplay, pair.MenteeDisplay, pair.Term, pair.Goals,
                [.. items.Select(i => (DateOnly.FromDateTime(i.DueOn), i.Title, i.DoneAt is not null))]);
            IReadOnlyList<IReadOnlyList<Choice>> buttons = pair.MentorMembershipId == member.MembershipId
                ?
                [
                    [new Choice(PairsTexts.MoveButton, $"plan:mv:{pair.Id}"), new Choice(PairsTexts.AddButton, $"plan:add:{pair.Id}")],
                    [new Choice(PairsTexts.GoalsButton, $"plan:goals:{pair.Id}")],
                ]
                : [];
            context.Reply(Reply.Formatted(html, buttons));
        }
    }
}
