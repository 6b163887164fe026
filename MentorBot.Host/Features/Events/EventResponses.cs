using MentorBot.Domain.Banks;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Events;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Events;

/// <summary>
/// Answers to invitations and the curator's overview. <c>ev:yes:E</c> / <c>ev:no:E</c> (an invited member): the answer,
/// and for «Приду» one reminder queued for the day before (09:00 local, the polls' window); «Не смогу» cancels it.
/// <c>/events</c> (curator): each event with its answers; <c>ev:att:E</c> the attendance screen, <c>ev:t:E:M</c> marks
/// M present or not, <c>ev:out:E</c> asks the outcome (typed in the <see cref="OutcomeFlow"/> conversation).
/// </summary>
/// <param name="notifier">Queues the reminders.</param>
public sealed class EventResponses(Notifier notifier)
{
    /// <summary>The button prefix.</summary>
    public const string Prefix = "ev";

    /// <summary>The conversation flow of the outcome (data: the event id).</summary>
    public const string OutcomeFlow = "event_outcome";

    /// <summary>Every <c>ev:…</c> button.</summary>
    public async Task ChooseAsync(ChatContext context, ChatInput input)
    {
        var action = ((ChoiceInput)input).Data.Split(':').ElementAtOrDefault(1);
        Role[] roles = action is "yes" or "no" ? Enum.GetValues<Role>() : [Role.Curator];
        if (await ItemAccess.RequireAsync(context, input, roles, m => FindAsync(context, m, ItemAccess.IdAt(input, 2)), EventsTexts.EventGone) is not var (member, record)) return;
        switch (action)
        {
            case "yes" or "no":
                await RespondAsync(context, member, record, action);
                break;
            case "att":
                await AttendanceAsync(context, record);
                break;
            case "t":
                await EventStore.ToggleAttendedAsync(context.Connection, context.Transaction, record.Id, ItemAccess.IdAt(input, 3), context.CancellationToken);
                await AttendanceAsync(context, record);
                break;
            case "out":
                await ItemAccess.OpenConversationAsync(context, OutcomeFlow, "outcome", record.Id);
                context.Reply(Reply.Plain(EventsTexts.AskOutcome(record.Title)));
                break;
            default:
                context.Reply(Reply.Plain(EventsTexts.EventGone));
                break;
        }
    }

    /// <summary><c>/events</c> (curator): every event with its answers, attendance and outcome.</summary>
    public static async Task ShowAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator) is not { } member) return;
        var events = await EventStore.ListAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken);
        if (events.Count == 0)
        {
            context.Reply(Reply.Plain(EventsTexts.NoEvents));
            return;
        }

        foreach (var e in events)
        {
            var local = LocalDates.TimeOfUtc(e.StartsAt, member.TimeZone);
            context.Reply(Reply.WithChoices(EventsTexts.Line(e.Title, EventRules.ParseKind(e.Kind), local, e.Invited, e.Yes, e.No, e.Attended, e.Outcome),
                new Choice(EventsTexts.AttendanceButton, $"ev:att:{e.Id}"), new Choice(EventsTexts.OutcomeButton, $"ev:out:{e.Id}")));
        }
    }

    /// <summary>The outcome typed by the curator.</summary>
    public static async Task OutcomeAsync(ChatContext context, ChatInput input)
    {
        if (await ItemAccess.RequireAsync(context, input, [Role.Curator], async m => await FindAsync(context, m, await ItemAccess.ConversationIdAsync(context, OutcomeFlow)), EventsTexts.EventGone)
            is not var (_, record)) return;
        var text = (input as TextInput)?.Text.Trim() ?? "";
        if (text.Length is 0 or > EventRules.MaxTextLength)
        {
            context.Reply(Reply.Plain(input is TextInput ? EventsTexts.TextHint(EventRules.MaxTextLength) : EventsTexts.AskOutcome(record.Title)));
            return;
        }

        await EventStore.SetOutcomeAsync(context.Connection, context.Transaction, record.Id, text, context.CancellationToken);
        await context.ClearConversationAsync();
        context.Reply(Reply.Plain(EventsTexts.OutcomeSaved));
    }

    private async Task RespondAsync(ChatContext context, Member member, EventRecord record, string response)
    {
        var (c, t, ct) = (context.Connection, context.Transaction, context.CancellationToken);
        var starts = new DateTimeOffset(record.StartsAt, TimeSpan.Zero);
        if (starts <= context.Now || !await EventStore.RespondAsync(c, t, record.Id, member.MembershipId, response, context.Now, ct))
        {
            context.Reply(Reply.Plain(EventsTexts.EventGone));
            return;
        }

        // One reminder at most: a changed answer cancels the queued one before another is queued.
        var key = $"events:remind:{record.Id}:{member.MembershipId}";
        await OutboxStore.CancelPendingAsync(c, t, "bg:" + key + ":", ct);
        if (response == "yes")
        {
            var local = TimeZoneInfo.ConvertTime(starts, member.TimeZone).DateTime;
            var at = EventRules.ReminderAt(local);
            var dueAt = DeliveryWindow.Polls.Next(Max(context.Now, DeliveryWindow.ToInstant(DateOnly.FromDateTime(at), TimeOnly.FromDateTime(at), member.TimeZone)), member.TimeZone);
            if (dueAt < starts)
                await notifier.EnqueueAsync(c, t, member.MembershipId, Reply.Plain(EventsTexts.Reminder(record.Title, local, record.Place)),
                    $"{key}:{context.Update.Source}{context.Update.UpdateId}", dueAt, ct);
        }

        context.Reply(Reply.Plain(response == "yes" ? EventsTexts.ThanksYes : EventsTexts.ThanksNo));
    }

    private static async Task AttendanceAsync(ChatContext context, EventRecord record)
    {
        var invitees = await EventStore.InviteesAsync(context.Connection, context.Transaction, record.Id, context.CancellationToken);
        context.Reply(Reply.WithChoices(EventsTexts.AttendanceScreen,
            [.. invitees.Select(i => new Choice(EventsTexts.Toggle(i.Name ?? BanksTexts.Unnamed(i.MembershipId), i.Attended, i.Response == "yes"), $"ev:t:{record.Id}:{i.MembershipId}"))]));
    }

    private static Task<EventRecord?> FindAsync(ChatContext context, Member member, long eventId) =>
        EventStore.GetAsync(context.Connection, context.Transaction, member.Organisation.Id, eventId, context.CancellationToken);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
