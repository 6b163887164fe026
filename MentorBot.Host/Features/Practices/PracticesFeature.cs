using MentorBot.Domain.Organisations;
using MentorBot.Domain.Practices;
using MentorBot.Host.Outbox;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Practices;

/// <summary>
/// The practice library («методическая копилка», issue 15; road map stage 7): <c>/case</c> writes a case (mentor or
/// curator), <c>/cases</c> reviews them (curator), <c>/library</c> reads them (everyone in the organisation).
/// </summary>
/// <param name="notifier">Background messages to the curators, authors and the pairs.</param>
/// <param name="downloads">Fetches attached files on demand.</param>
public sealed class PracticesFeature(Notifier notifier, IDocumentDownloads downloads) : IChatFeature
{
    /// <inheritdoc />
    public void Map(ChatRoutes routes)
    {
        var dialogue = new CaseConversation(notifier);
        var review = new CaseReview(notifier);
        var library = new LibraryConversation(downloads);
        routes
            .Command("case", dialogue.StartAsync, PracticesTexts.CaseMenu, Role.Mentor, Role.Curator)
            .Choice(CaseConversation.Flow, dialogue.ChooseAsync)
            .FlowWithDocuments(CaseConversation.Flow, dialogue.TextAsync)
            .Command("cases", review.ShowAsync, PracticesTexts.CasesMenu, Role.Curator)
            .Choice(CaseReview.Prefix, review.ChooseAsync)
            .Flow(CaseReview.Flow, review.TextAsync)
            .Command("library", library.ShowAsync, PracticesTexts.LibraryMenu)
            .Choice(LibraryConversation.Prefix, library.ChooseAsync);
    }
}
