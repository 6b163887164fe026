using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Reports;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Reports;

/// <summary>
/// The SWOT dialogue's glue (issue 14): starts it from the saved SWOT of the current programme year, or else from the
/// draft (<see cref="SwotDraft"/>), keeps its <see cref="SwotState"/> in the conversation row (flow <see cref="Flow"/>),
/// runs <see cref="SwotDialogue"/> on every input and saves to <c>monitoring_swot</c> on «Сохранить». Curator only.
/// </summary>
public static class SwotConversation
{
    /// <summary>The conversation flow.</summary>
    public const string Flow = "swot";

    /// <summary>The <c>reports:swot</c> button: the switch guard, then the first step.</summary>
    public static async Task StartAsync(ChatContext context, string restartData)
    {
        if (await RequireCuratorAsync(context) is not { } curator) return;
        if (!await ConversationSwitch.ConfirmSwitchAsync(context, Flow, restartData)) return;
        context.AnswerChoice();
        var year = ProgrammeYear.Of(curator.Today(context.Now));
        var (c, t, ct) = (context.Connection, context.Transaction, context.CancellationToken);
        var swot = await ReportStore.SwotAsync(c, t, curator.Organisation.Id, year, ct);
        if (swot is null)
        {
            var surveys = await ReportStore.SurveysAsync(c, t, curator.Organisation.Id, curator.Organisation.TimeZone, year, ct);
            var previous = await ReportStore.SurveysAsync(c, t, curator.Organisation.Id, curator.Organisation.TimeZone, year.Previous, ct);
            swot = SwotDraft.From(SatisfactionMonitoring.Compute(surveys, previous), await ReportStore.CuratorAnswersAsync(c, t, curator.Organisation.Id, year, ct));
        }

        await ApplyAsync(context, curator, year, SwotDialogue.Start(swot));
    }

    /// <summary>Typed text, <c>/back</c>, «Продолжить начатое» and the <c>swot:…</c> buttons.</summary>
    public static async Task ContinueAsync(ChatContext context, ChatInput input)
    {
        if (await RequireCuratorAsync(context) is not { } curator) return;
        context.AnswerChoice();
        var open = await context.GetConversationAsync();
        if (open is not { Flow: Flow } || JsonSerializer.Deserialize<StoredState>(open.Data) is not { } stored)
        {
            context.Reply(Reply.Plain(ReportsTexts.SwotClosed));
            return;
        }

        var year = new ProgrammeYear(stored.Year);
        var turn = input == ConversationSwitch.Resume ? SwotDialogue.Resume(stored.State) : SwotDialogue.Handle(stored.State, input);
        await ApplyAsync(context, curator, year, turn);
    }

    private sealed record StoredState(int Year, SwotState State);

    private static async Task ApplyAsync(ChatContext context, Member curator, ProgrammeYear year, SwotTurn turn)
    {
        if (turn.Save)
        {
            await ReportStore.SaveSwotAsync(context.Connection, context.Transaction, curator.Organisation.Id, year, turn.State.Swot,
                context.ParticipantId, context.Now, context.CancellationToken);
            await context.ClearConversationAsync();
        }
        else
        {
            await context.SaveConversationAsync(new ConversationState(Flow, turn.State.Step.ToString(),
                JsonSerializer.Serialize(new StoredState(year.StartYear, turn.State))));
        }

        context.Reply(turn.Reply);
    }

    private static async Task<Member?> RequireCuratorAsync(ChatContext context)
    {
        if (await Access.RequireAsync(context, Role.Curator, Role.Head) is not { } member) return null;
        if (member.Has(Role.Curator)) return member;
        context.AnswerChoice();
        context.Reply(Reply.Plain(ReportsTexts.CuratorOnly));
        return null;
    }
}
