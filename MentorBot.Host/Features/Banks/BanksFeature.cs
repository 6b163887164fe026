using MentorBot.Domain.Banks;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Colleagues;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Banks;

/// <summary>
/// <c>/mentors</c> and <c>/mentees</c> (issue 4 «Banks»): the curator's paged view of the mentor and
/// mentee banks of their current organisation, and a person's card with their answers. The mentee bank is also open to
/// the psychologist and the head, who write notes on a mentee's needs there (issue 15, <see cref="ColleaguesFeature"/>);
/// mentors and mentees never see a bank or anyone else's answers.
/// </summary>
public sealed class BanksFeature : IChatFeature
{
    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Command("mentors", (context, _) => ShowPageAsync(context, Bank.Mentors, 1), BanksTexts.MentorsMenu, Role.Curator)
        .Command("mentees", (context, _) => ShowPageAsync(context, Bank.Mentees, 1), BanksTexts.MenteesMenu, Readers(Bank.Mentees))
        .Choice(BankListing.Prefix, PressAsync);

    private static async Task PressAsync(ChatContext context, ChatInput input)
    {
        if (input is not ChoiceInput choice || BankListing.Parse(choice.Data) is not { } request)
        {
            context.AnswerChoice();
            return;
        }

        if (request.MembershipId is { } membershipId)
            await ShowCardAsync(context, request.Bank, membershipId, request.Page);
        else
            await ShowPageAsync(context, request.Bank, request.Page);
    }

    /// <summary>Who reads a bank: the curator; the mentee bank also the psychologist and the head (issue 15).</summary>
    private static Role[] Readers(Bank bank) => bank == Bank.Mentees ? [Role.Curator, .. Domain.Colleagues.MenteeNotes.AuthorRoles] : [Role.Curator];

    private static async Task ShowPageAsync(ChatContext context, Bank bank, int page)
    {
        var curator = await Access.RequireAsync(context, Readers(bank));
        if (curator is null) return;
        context.AnswerChoice();
        var organisationId = curator.Organisation.Id;
        var counts = await BankStore.CountsAsync(context.Connection, context.Transaction, organisationId, bank, context.CancellationToken);
        page = BankListing.Clamp(page, counts.Joined);
        var members = await BankStore.ListAsync(context.Connection, context.Transaction, organisationId, bank,
            BankListing.Offset(page), BankListing.PageSize, context.CancellationToken);
        context.Reply(BankListing.Page(bank, counts, page, members));
    }

    private static async Task ShowCardAsync(ChatContext context, Bank bank, long membershipId, int returnPage)
    {
        var curator = await Access.RequireAsync(context, Readers(bank));
        if (curator is null) return;
        context.AnswerChoice();
        var member = await BankStore.FindAsync(context.Connection, context.Transaction, curator.Organisation.Id, bank, membershipId, context.CancellationToken);
        if (member is null)
        {
            context.Reply(Reply.WithChoices(BanksTexts.NotFound, new Choice(BanksTexts.BackToList, BankListing.PageData(bank, returnPage))));
            return;
        }

        var intake = await BankStore.IntakeAsync(context.Connection, context.Transaction, curator.Organisation.Id, bank, member.QuestionnaireVersion, context.CancellationToken);
        var impact = await Reports.ReportStore.CardImpactAsync(context.Connection, context.Transaction, curator.Organisation, bank, membershipId, context.CancellationToken);
        var card = BankListing.Card(bank, member, returnPage, curator.TimeZone, intake, impact);
        context.Reply(bank == Bank.Mentees ? await ColleaguesFeature.CardAsync(context, curator, membershipId, card) : card);
    }
}
