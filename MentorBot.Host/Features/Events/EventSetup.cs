using System.Globalization;
using System.Text.Json;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Events;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Persistence;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Events;

/// <summary>
/// <c>/event</c> (curator): sets up an event — from an open road-map activity that names one (round table, seminar,
/// conference, contest, ceremony) or new; title, kind, date and time in the organisation's zone, place or link, who is
/// invited — then sends the invitations through the outbox within working hours, with «Приду / Не смогу». The draft is
/// the chat's conversation (flow <see cref="Flow"/>): <c>/back</c>, <c>/cancel</c>, resumable. Buttons:
/// <c>event:new</c> · <c>event:src:ACTIVITY</c> (0 = new) · <c>event:k:KIND</c> · <c>event:a:AUDIENCE</c> · <c>event:send</c>.
/// </summary>
/// <param name="notifier">Sends the invitations.</param>
public sealed class EventSetup(Notifier notifier)
{
    /// <summary>The conversation flow and the button prefix.</summary>
    public const string Flow = "event";

    /// <summary><c>/event</c>: resumes an open draft or starts one.</summary>
    public async Task StartAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator) is not { } member) return;
        if (!await ConversationSwitch.ConfirmSwitchAsync(context, Flow, "event:new")) return;
        await AskAsync(context, member, await DraftAsync(context) ?? new EventDraft(EventStep.Source, null, null, null, null, null, null));
    }

    /// <summary>Every <c>event:…</c> button.</summary>
    public async Task ChooseAsync(ChatContext context, ChatInput input)
    {
        var parts = ((ChoiceInput)input).Data.Split(':');
        if (parts.ElementAtOrDefault(1) == "new")
        {
            if (await Access.RequireAsync(context, Role.Curator) is null) return;
            context.AnswerChoice();
            await context.ClearConversationAsync();
            await StartAsync(context, new CommandInput("event", null));
            return;
        }

        if (await ItemAccess.RequireAsync(context, input, [Role.Curator], _ => DraftAsync(context), EventsTexts.EventGone) is not var (member, draft)) return;
        var value = parts.ElementAtOrDefault(2);
        switch (parts.ElementAtOrDefault(1), draft.Step)
        {
            case ("src", EventStep.Source) when value == "0":
                await AskAsync(context, member, draft with { ActivityId = null, Step = EventStep.Title });
                return;
            case ("src", EventStep.Source) when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var activityId)
                && await EventStore.ActivityTextAsync(context.Connection, context.Transaction, member.Organisation.Id, activityId, context.CancellationToken) is { } text:
                var title = text.Length > EventRules.MaxTextLength ? text[..EventRules.MaxTextLength] : text;
                await AskAsync(context, member, draft with { ActivityId = activityId, Title = title, Kind = EventRules.KindOf(text), Step = EventStep.When });
                return;
            case ("k", EventStep.Kind) when Enum.GetValues<EventKind>().FirstOrDefault(k => k.Code() == value) is var kind && kind.Code() == value:
                await AskAsync(context, member, draft with { Kind = kind, Step = EventStep.When });
                return;
            case ("a", EventStep.Audience) when Enum.GetValues<EventAudience>().FirstOrDefault(a => a.Code() == value) is var audience && audience.Code() == value:
                await AskAsync(context, member, draft with { Audience = audience, Step = EventStep.Confirm });
                return;
            case ("send", EventStep.Confirm):
                await SendAsync(context, member, draft);
                return;
        }

        await AskAsync(context, member, draft);
    }

    /// <summary>Typed answers, <c>/back</c> and «Продолжить начатое».</summary>
    public async Task TextAsync(ChatContext context, ChatInput input)
    {
        if (await ItemAccess.RequireAsync(context, input, [Role.Curator], _ => DraftAsync(context), EventsTexts.EventGone) is not var (member, draft)) return;
        var text = (input as TextInput)?.Text.Trim();
        switch (input, draft.Step)
        {
            case (CommandInput { Name: "back" }, _):
                // An event from an activity has its title and kind: /back from the date returns to the choice of activity.
                var previous = draft.Step == EventStep.When && draft.ActivityId is not null ? EventStep.Source : EventRules.Previous(draft.Step);
                await AskAsync(context, member, previous is { } step ? draft with { Step = step } : draft);
                return;
            case (TextInput, EventStep.Title or EventStep.Place) when text!.Length is 0 or > EventRules.MaxTextLength:
                context.Reply(Reply.Plain(EventsTexts.TextHint(EventRules.MaxTextLength)));
                return;
            case (TextInput, EventStep.Title):
                await AskAsync(context, member, draft with { Title = text, Step = EventStep.Kind });
                return;
            case (TextInput, EventStep.Place):
                await AskAsync(context, member, draft with { Place = text, Step = EventStep.Audience });
                return;
            case (TextInput, EventStep.When):
                var nowLocal = TimeZoneInfo.ConvertTime(context.Now, member.TimeZone).DateTime;
                if (EventRules.ParseWhen(text!, nowLocal) is { } at)
                {
                    await AskAsync(context, member, draft with { StartsAt = at, Step = EventStep.Place });
                    return;
                }

                context.Reply(Reply.Plain(EventsTexts.WhenHint));
                return;
            case (TextInput, _):
                context.Reply(Reply.Plain(EventsTexts.PressAButton));
                break;
        }

        await AskAsync(context, member, draft);
    }

    private async Task SendAsync(ChatContext context, Member member, EventDraft draft)
    {
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var startsAt = DeliveryWindow.ToInstant(DateOnly.FromDateTime(draft.StartsAt!.Value), TimeOnly.FromDateTime(draft.StartsAt.Value), member.TimeZone);
        var invited = await EventStore.AudienceAsync(c, t, org, draft.Audience!.Value, member.MembershipId, ct);
        var eventId = await EventStore.CreateAsync(c, t, org, draft, startsAt, invited, context.ParticipantId, context.Now, ct);
        await context.ClearConversationAsync();
        var dueAt = DeliveryWindow.WorkingHours.Next(context.Now, member.TimeZone);
        var invitation = Reply.WithChoices(EventsTexts.Invitation(member.Organisation.Name, draft.Title!, draft.Kind!.Value, draft.StartsAt.Value, draft.Place!),
            new Choice(EventsTexts.YesButton, $"ev:yes:{eventId}"), new Choice(EventsTexts.NoButton, $"ev:no:{eventId}"));
        foreach (var membershipId in invited)
            await notifier.EnqueueAsync(c, t, membershipId, invitation, $"events:invite:{eventId}:{membershipId}", dueAt, ct);
        context.Reply(Reply.Plain(EventsTexts.Created(invited.Count)));
    }

    private static async Task AskAsync(ChatContext context, Member member, EventDraft draft)
    {
        await context.SaveConversationAsync(new ConversationState(Flow, draft.Step.ToString(), JsonSerializer.Serialize(draft, JsonSerializerOptions.Web)));
        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        context.Reply(draft.Step switch
        {
            EventStep.Source => Reply.WithChoices(EventsTexts.AskSource,
                [.. (await EventStore.ActivitiesAsync(c, t, org, ct)).Select(a => new Choice(a.Text.Length > 60 ? a.Text[..60] + "…" : a.Text, $"event:src:{a.Id}")), new Choice(EventsTexts.NewButton, "event:src:0")]),
            EventStep.Title => Reply.Plain(EventsTexts.AskTitle(EventRules.MaxTextLength)),
            EventStep.Kind => Reply.WithChoices(EventsTexts.AskKind, [.. Enum.GetValues<EventKind>().Select(k => new Choice(EventsTexts.KindName(k), $"event:k:{k.Code()}"))]),
            EventStep.When => Reply.Plain(EventsTexts.AskWhen),
            EventStep.Place => Reply.Plain(EventsTexts.AskPlace(EventRules.MaxTextLength)),
            EventStep.Audience => Reply.WithChoices(EventsTexts.AskAudience, [.. Enum.GetValues<EventAudience>().Select(a => new Choice(EventsTexts.AudienceName(a), $"event:a:{a.Code()}"))]),
            _ => Reply.WithChoices(EventsTexts.Summary(draft.Title!, draft.Kind ?? EventKind.Other, draft.StartsAt!.Value, draft.Place!, draft.Audience!.Value,
                    (await EventStore.AudienceAsync(c, t, org, draft.Audience.Value, member.MembershipId, ct)).Count),
                new Choice(EventsTexts.SendButton, "event:send")),
        });
    }

    private static async Task<EventDraft?> DraftAsync(ChatContext context) =>
        await context.GetConversationAsync() is { Flow: Flow } open ? JsonSerializer.Deserialize<EventDraft>(open.Data, JsonSerializerOptions.Web) : null;
}
