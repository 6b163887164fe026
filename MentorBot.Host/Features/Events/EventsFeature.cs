using MentorBot.Domain.Events;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Events;

/// <summary>
/// Programme events (issue 15; road maps: round tables, seminars, conferences, contests, the closing ceremony):
/// <c>/event</c> sets one up and invites, <c>/events</c> shows answers, attendance and outcomes (curator); invited
/// people answer with the invitation's buttons.
/// </summary>
/// <param name="notifier">Invitations and reminders.</param>
public sealed class EventsFeature(Notifier notifier) : IChatFeature
{
    /// <inheritdoc />
    public void Map(ChatRoutes routes)
    {
        var setup = new EventSetup(notifier);
        var responses = new EventResponses(notifier);
        routes
            .Command("event", setup.StartAsync, EventsTexts.EventMenu, Role.Curator)
            .Choice(EventSetup.Flow, setup.ChooseAsync)
            .Flow(EventSetup.Flow, setup.TextAsync)
            .Command("events", EventResponses.ShowAsync, EventsTexts.EventsMenu, Role.Curator)
            .Choice(EventResponses.Prefix, responses.ChooseAsync)
            .Flow(EventResponses.OutcomeFlow, EventResponses.OutcomeAsync);
    }
}
