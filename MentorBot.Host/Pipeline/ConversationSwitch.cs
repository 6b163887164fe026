using MentorBot.Domain.Conversations;
using MentorBot.Host.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Host.Pipeline;

/// <summary>
/// One open conversation per chat (issue 4: «starting a new flow while one is open asks whether to
/// abandon the open one»), for every flow: questionnaires, the meeting check-in, …
/// <para>
/// How a feature uses it: in the handler of the command or button that starts its flow, call
/// <see cref="ConfirmSwitchAsync"/> with the flow's name and the callback data that starts it again
/// (e.g. <c>meet:start</c>); when it returns false, stop — the person was asked «Продолжить начатое» /
/// «Начать заново». «Начать заново» closes the open conversation and routes the restart data
/// to its feature as if pressed. «Продолжить начатое» sends <see cref="Resume"/> to the open flow's
/// handler, which should ask its current question again. <c>/back</c> sends <see cref="Back"/> to the
/// open flow's handler (a flow without a back step may answer that it has none).
/// </para>
/// Callback data: <c>sw:keep</c>, <c>sw:new:&lt;restartData&gt;</c> (≤ 64 bytes, so restartData ≤ 57).
/// </summary>
public sealed class ConversationSwitch(IServiceProvider services) : IChatFeature
{
    /// <summary>The button prefix.</summary>
    public const string Prefix = "sw";

    /// <summary>The data of «Продолжить начатое».</summary>
    public const string KeepData = Prefix + ":keep";

    /// <summary>The data prefix of «Начать заново».</summary>
    public const string RestartPrefix = Prefix + ":new:";

    /// <summary>What a flow handler receives when the person chooses to continue it: ask the current question again.</summary>
    public static readonly CommandInput Resume = new("resume", null);

    /// <summary>What a flow handler receives on <c>/back</c>: return to the previous step.</summary>
    public static readonly CommandInput Back = new("back", null);

    /// <summary>
    /// True when <paramref name="newFlow"/> may start now: no conversation is open, or the open one is
    /// the same (<paramref name="isSame"/>; by default: the same flow name — the caller then resumes it).
    /// Otherwise asks «Продолжить начатое» / «Начать заново» and returns false.
    /// </summary>
    /// <param name="context">The update's context.</param>
    /// <param name="newFlow">The flow about to start (<c>conversation_states.flow</c>).</param>
    /// <param name="restartData">Callback data that starts the new flow (routed again after «Начать заново»).</param>
    /// <param name="isSame">Decides whether the open conversation is the one being started.</param>
    /// <exception cref="ArgumentException"><paramref name="restartData"/> is too long for a button (a programming error).</exception>
    public static async Task<bool> ConfirmSwitchAsync(ChatContext context, string newFlow, string restartData, Func<ConversationState, bool>? isSame = null)
    {
        var restart = new Choice(ConversationSwitchTexts.Restart, RestartPrefix + restartData);
        if (!restart.HasValidData) throw new ArgumentException($"'{restartData}' does not fit a button's 64 bytes after '{RestartPrefix}'.", nameof(restartData));
        var open = await context.GetConversationAsync();
        if (open is null || (isSame?.Invoke(open) ?? open.Flow == newFlow)) return true;
        context.AnswerChoice();
        context.Reply(Reply.WithChoices(ConversationSwitchTexts.Question, new Choice(ConversationSwitchTexts.Continue, KeepData), restart));
        return false;
    }

    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Choice(Prefix, OnChoice)
        .Command("back", OnBack, ConversationSwitchTexts.BackMenu);

    private ChatRoutes Routes => services.GetRequiredService<ChatRoutes>();

    private async Task OnChoice(ChatContext context, ChatInput input)
    {
        var data = ((ChoiceInput)input).Data;
        if (data.StartsWith(RestartPrefix, StringComparison.Ordinal))
        {
            var restartData = data[RestartPrefix.Length..];
            await context.ClearConversationAsync();
            if (Routes.ForChoice(restartData) is { } start)
            {
                await start(context, new ChoiceInput(restartData));
                return;
            }

            context.AnswerChoice(ConversationSwitchTexts.Closed);
            return;
        }

        await ForwardAsync(context, Resume, ConversationSwitchTexts.NothingOpen);
    }

    private Task OnBack(ChatContext context, ChatInput input) => ForwardAsync(context, Back, ConversationSwitchTexts.NothingToGoBackTo);

    /// <summary>Hands <paramref name="input"/> to the open flow's handler, or says <paramref name="none"/>.</summary>
    private async Task ForwardAsync(ChatContext context, ChatInput input, string none)
    {
        var open = await context.GetConversationAsync();
        if (open is not null && Routes.ForFlow(open.Flow) is { } handler)
        {
            context.AnswerChoice();
            await handler(context, input);
            return;
        }

        context.AnswerChoice(ConversationSwitchTexts.Closed);
        context.Reply(Reply.Plain(none));
    }
}

/// <summary>What the conversation switch says (Russian).</summary>
public static class ConversationSwitchTexts
{
    /// <summary>Asked when a new flow would replace an open one.</summary>
    public const string Question =
        "У вас есть незаконченный диалог. Продолжить его или начать новое? Если начать заново, незаконченный диалог будет прерван " +
        "(уже сохранённые ответы анкет не пропадут).";

    /// <summary>Keeps the open conversation.</summary>
    public const string Continue = "Продолжить начатое";

    /// <summary>Abandons it and starts the new flow.</summary>
    public const string Restart = "Начать заново";

    /// <summary>«Продолжить начатое» when nothing is open any more.</summary>
    public const string NothingOpen = "Незаконченных диалогов нет. Список команд — /help.";

    /// <summary>/back when nothing is open.</summary>
    public const string NothingToGoBackTo = "Сейчас нет открытого диалога — возвращаться некуда.";

    /// <summary>The toast for a button whose question is closed.</summary>
    public const string Closed = "Этот вопрос уже закрыт.";

    /// <summary>Menu entry of /back.</summary>
    public const string BackMenu = "Вернуться к предыдущему вопросу";
}
