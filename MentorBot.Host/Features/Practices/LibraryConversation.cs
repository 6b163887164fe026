using System.Globalization;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Practices;
using MentorBot.Host.Features.Consents;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Practices;

/// <summary>
/// <c>/library [слово]</c> for everyone in the organisation: the approved cases by topic of the competency taxonomy, or
/// those whose anonymised text has the word; a case opens as its anonymised card (<see cref="CaseView"/>) with its
/// files downloaded from the messenger on demand. The curator also gets the whole library as one DOCX.
/// Buttons: <c>lib:t:INDEX</c> a topic (index into the topics in use, by name) · <c>lib:c:ID</c> a case ·
/// <c>lib:f:ID</c> its files · <c>lib:docx</c> the collection · <c>lib:pub</c> the publication consent.
/// </summary>
/// <param name="downloads">Fetches attached files from the messenger.</param>
public sealed class LibraryConversation(IDocumentDownloads downloads)
{
    /// <summary>The button prefix.</summary>
    public const string Prefix = "lib";

    /// <summary>The button data that opens the publication consent (sent with the approval of a case naming the person).</summary>
    public const string ConsentData = "lib:pub";

    private static readonly Role[] Everyone = Enum.GetValues<Role>();

    /// <summary><c>/library</c>: the topics, or the search when a word follows.</summary>
    public async Task ShowAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Everyone) is not { } member) return;
        var views = await ApprovedAsync(context, member);
        if (views.Count == 0)
        {
            context.Reply(Reply.Plain(PracticesTexts.EmptyLibrary));
            return;
        }

        if ((input as CommandInput)?.Argument is { } word)
        {
            var found = views.Where(v => v.Mentions(word)).ToList();
            context.Reply(found.Count == 0 ? Reply.Plain(PracticesTexts.NotFound(word)) : List(PracticesTexts.SearchHeading(word), found));
            return;
        }

        var topics = Topics(views);
        var buttons = topics.Select((topic, k) => (IReadOnlyList<Choice>)[new Choice(PracticesTexts.TopicOption(topic, views.Count(v => v.Topic == topic)), $"lib:t:{k}")]).ToList();
        if (member.Has(Role.Curator)) buttons.Add([new Choice(PracticesTexts.DocxButton, "lib:docx")]);
        context.Reply(new Reply(PracticesTexts.Topics(views.Count), buttons));
    }

    /// <summary>Every <c>lib:…</c> button.</summary>
    public async Task ChooseAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Everyone) is not { } member) return;
        context.AnswerChoice();
        var parts = ((ChoiceInput)input).Data.Split(':');
        var id = long.TryParse(parts.ElementAtOrDefault(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        switch (parts.ElementAtOrDefault(1))
        {
            case "t":
                var views = await ApprovedAsync(context, member);
                var topics = Topics(views);
                if (id < 0 || id >= topics.Count) goto default;
                context.Reply(List(topics[(int)id], [.. views.Where(v => v.Topic == topics[(int)id])]));
                break;
            case "c":
                await CardAsync(context, member, id);
                break;
            case "f":
                await FilesAsync(context, member, id);
                break;
            case "docx" when member.Has(Role.Curator):
                var all = await ApprovedAsync(context, member);
                var materials = new Dictionary<long, IReadOnlyList<CaseMaterial>>();
                foreach (var view in all)
                    materials[view.Id] = await PracticeStore.MaterialsAsync(context.Connection, context.Transaction, view.Id, context.CancellationToken);
                var today = member.Today(context.Now);
                context.ReplyDocument(PracticesTexts.DocxFileName, LibraryDocument.Build(member.Organisation.Name, all, materials, today), PracticesTexts.DocxCaption(all.Count));
                break;
            case "pub":
                await ConsentConversation.AskPublicationAsync(context, member, PracticesTexts.PublicationSubject);
                break;
            default:
                context.Reply(Reply.Plain(PracticesTexts.NotInLibrary));
                break;
        }
    }

    private static async Task CardAsync(ChatContext context, Member member, long caseId)
    {
        var record = await PracticeStore.GetAsync(context.Connection, context.Transaction, member.Organisation.Id, caseId, context.CancellationToken);
        if (record is null || record.Status != "approved")
        {
            context.Reply(Reply.Plain(PracticesTexts.NotInLibrary));
            return;
        }

        var view = CaseView.Of(record);
        var materials = await PracticeStore.MaterialsAsync(context.Connection, context.Transaction, caseId, context.CancellationToken);
        var text = PracticesTexts.Card(view.Title, view.Topic, view.Authors, view.Mentee, view.Difficulty, view.Actions, view.Result, materials);
        context.Reply(materials.Count == 0 ? Reply.Plain(text) : Reply.WithChoices(text, new Choice(PracticesTexts.MaterialsButton(materials.Count), $"lib:f:{caseId}")));
    }

    /// <summary>
    /// Sends the case's files, downloaded now — JPEG and PNG images as photos (<see cref="CasePhotos"/>), the rest as
    /// documents; readers get those of approved cases, the curator those of any case.
    /// </summary>
    private async Task FilesAsync(ChatContext context, Member member, long caseId)
    {
        var record = await PracticeStore.GetAsync(context.Connection, context.Transaction, member.Organisation.Id, caseId, context.CancellationToken);
        if (record is null || (record.Status != "approved" && !member.Has(Role.Curator)))
        {
            context.Reply(Reply.Plain(PracticesTexts.NotInLibrary));
            return;
        }

        foreach (var material in await PracticeStore.MaterialsAsync(context.Connection, context.Transaction, caseId, context.CancellationToken))
        {
            var name = material.FileName ?? PracticesTexts.UnnamedFile;
            byte[]? bytes;
            try
            {
                bytes = await downloads.DownloadAsync(new DocumentInput(material.FileId, material.FileName, material.FileSize), CaseConversation.MaxFileBytes, context.CancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException)
            {
                bytes = null;
            }

            if (bytes is null) context.Reply(Reply.Plain(PracticesTexts.FileUnavailable(name)));
            else if (CasePhotos.IsPhoto(bytes)) context.ReplyPhoto(bytes, name); // a photo is seen in the chat, not opened as a file
            else context.ReplyDocument(name, bytes);
        }
    }

    private static Reply List(string heading, IReadOnlyList<CaseView> views) =>
        Reply.WithChoices(PracticesTexts.CaseList(heading, views.Count), [.. views.Select(v => new Choice(v.Title.Length > 60 ? v.Title[..60] + "…" : v.Title, $"lib:c:{v.Id}"))]);

    private static List<string> Topics(IEnumerable<CaseView> views) => [.. views.Select(v => v.Topic).Distinct().Order(StringComparer.Ordinal)];

    private static async Task<List<CaseView>> ApprovedAsync(ChatContext context, Member member) =>
        [.. (await PracticeStore.ListAsync(context.Connection, context.Transaction, member.Organisation.Id, ["approved"], context.CancellationToken)).Select(CaseView.Of)];
}
