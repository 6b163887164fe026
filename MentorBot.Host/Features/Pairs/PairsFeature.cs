using MentorBot.Domain.Organisations;
using MentorBot.Domain.Pairs;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Pairs;

/// <summary>
/// Forming pairs and groups (issue 5, road map stages 4–6): <c>/match</c> for the curator (buttons <c>match:…</c>),
/// the preference survey (<c>pref:…</c>), <c>/forms</c> (<c>forms:…</c>), <c>/order</c> for the curator or head, <c>/plan</c> for the pair
/// (<c>plan:…</c> and the <c>plan</c> flow for typed dates and goals).
/// </summary>
/// <param name="notifier">Background messages to the people concerned (approval, survey, dissolution).</param>
public sealed class PairsFeature(Notifier notifier) : IChatFeature
{
    /// <inheritdoc />
    public void Map(ChatRoutes routes)
    {
        var match = new MatchConversation(notifier);
        var survey = new PreferenceSurvey(notifier);
        var forms = new PairForms(notifier);
        routes
            .Command("match", match.ShowAsync, PairsTexts.MatchMenu, Role.Curator)
            .Choice(MatchConversation.Prefix, match.ChooseAsync)
            .Choice(PreferenceSurvey.Prefix, survey.ChooseAsync)
            .Command("forms", forms.ShowAsync, PairsTexts.FormsMenu, Role.Curator)
            .Choice(PairForms.Prefix, forms.ChooseAsync)
            .Command("order", OrderConversation.SendAsync, PairsTexts.OrderMenu, Role.Curator, Role.Head)
            .Command("plan", PlanConversation.ShowAsync, PairsTexts.PlanMenu, Role.Mentor, Role.Mentee, Role.Curator)
            .Choice(PlanConversation.Prefix, PlanConversation.ChooseAsync)
            .Flow(PlanConversation.Flow, PlanConversation.TextAsync);
    }
}
