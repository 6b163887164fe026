using System.Globalization;
using Dapper;
using DocumentFormat.OpenXml.Wordprocessing;
using MentorBot.Domain.Pairs;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Documents;
using MentorBot.Host.Features.Organisations;
using Npgsql;

namespace MentorBot.Host.Features.Pairs;

/// <summary>What the order draft states.</summary>
/// <param name="OrganisationName">The organisation's name (its title block).</param>
/// <param name="Curators">Names of the programme's curators.</param>
/// <param name="Heads">Names of the heads (who sign); may be empty.</param>
/// <param name="Pairs">The live (approved or active) links, by mentor then id.</param>
public sealed record OrderDraft(string OrganisationName, IReadOnlyList<string> Curators, IReadOnlyList<string> Heads, IReadOnlyList<PairRecord> Pairs)
{
    /// <summary>Links every written consent of which is in force: these the order fixes.</summary>
    public IReadOnlyList<PairRecord> Ready => [.. Pairs.Where(p => p.ConsentsComplete)];

    /// <summary>Links lacking a consent: listed separately, not fixed until it is given (ТК РФ ст. 351.8, 152-ФЗ ст. 9).</summary>
    public IReadOnlyList<PairRecord> Lacking => [.. Pairs.Where(p => !p.ConsentsComplete)];
}

/// <summary>
/// The DOCX draft «Приказ о закреплении наставнических пар (групп)» (road map 1 and 5.4), built with
/// DocumentFormat.OpenXml: the organisation, the pairs and groups with forms and terms, the curator, and each
/// participant's written consent; pairs lacking a consent in a separate list.
/// </summary>
public static class OrderDocument
{
    /// <summary>The file name the person receives.</summary>
    public const string FileName = "Приказ о закреплении наставнических пар.docx";

    /// <summary>Reads what the draft needs for <paramref name="organisationId"/>; null when there is no such organisation.</summary>
    public static async Task<OrderDraft?> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organisationId, CancellationToken cancellationToken)
    {
        const string organisation = "SELECT name FROM organisations WHERE id = @organisationId";
        var name = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(organisation, new { organisationId }, transaction, cancellationToken: cancellationToken));
        if (name is null) return null;
        var curators = await MembershipStore.NamesWithRoleAsync(connection, transaction, organisationId, Role.Curator, cancellationToken);
        var heads = await MembershipStore.NamesWithRoleAsync(connection, transaction, organisationId, Role.Head, cancellationToken);
        var pairs = await PairStore.ListAsync(connection, transaction, organisationId, PairStore.Live, cancellationToken);
        return new OrderDraft(name, curators, heads,
            [.. pairs.OrderBy(p => p.MentorMembershipId).ThenBy(p => p.Id)]);
    }

    /// <summary>
    /// Builds the DOCX bytes of <paramref name="draft"/> in the layout of <see cref="OfficialDocument"/>; clauses are
    /// numbered in order (the separate list of links lacking a consent takes a number only when present);
    /// <paramref name="today"/> dates the draft.
    /// </summary>
    public static byte[] Build(OrderDraft draft, DateOnly today) => OfficialDocument.Write(body =>
    {
        var clause = 0;
        Paragraph Clause(string text) => OfficialDocument.Paragraph(PairsTexts.OrderClause(++clause, text));
        body.Append(
            OfficialDocument.Paragraph(draft.OrganisationName, OfficialDocument.Align.Center, bold: true),
            OfficialDocument.Paragraph(""),
            OfficialDocument.Paragraph(PairsTexts.OrderWord, OfficialDocument.Align.Center, bold: true),
            OfficialDocument.Paragraph(""),
            OfficialDocument.Paragraph(PairsTexts.OrderNumberLine, OfficialDocument.Align.Left),
            OfficialDocument.Paragraph(""),
            OfficialDocument.Paragraph(PairsTexts.OrderTitle, OfficialDocument.Align.Center, bold: true),
            OfficialDocument.Paragraph(""),
            OfficialDocument.Paragraph(PairsTexts.OrderPreamble),
            Clause(PairsTexts.OrderFixClause));
        body.Append(draft.Ready.Count == 0 ? OfficialDocument.Paragraph(PairsTexts.OrderNoReadyPairs) : PairsTable(draft.Ready));
        if (draft.Lacking.Count > 0) body.Append(Clause(PairsTexts.OrderLackingClause), PairsTable(draft.Lacking));
        body.Append(
            Clause(PairsTexts.OrderCuratorClause(draft.Curators)),
            Clause(PairsTexts.OrderPlanClause),
            Clause(PairsTexts.OrderControlClause),
            OfficialDocument.Paragraph(""),
            OfficialDocument.Paragraph(PairsTexts.OrderSignature(draft.Heads.FirstOrDefault()), OfficialDocument.Align.Left),
            OfficialDocument.Paragraph(""),
            OfficialDocument.Paragraph(PairsTexts.OrderAcquainted, OfficialDocument.Align.Left));
        foreach (var person in draft.Pairs.SelectMany(p => new[] { p.MentorDisplay, p.MenteeDisplay }).Distinct())
            body.Append(OfficialDocument.Paragraph(PairsTexts.OrderAcquaintedLine(person), OfficialDocument.Align.Left));
        body.Append(OfficialDocument.Paragraph(""), OfficialDocument.Paragraph(PairsTexts.OrderDraftNote(today), OfficialDocument.Align.Left));
    });

    /// <summary>
    /// The order's entries: a group (a mentor's links of the group form) is one entry listing its mentees; any other
    /// link is an entry of its own. In the order of <paramref name="links"/> (by mentor, then id).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<PairRecord>> Entries(IReadOnlyList<PairRecord> links) =>
        [.. links.GroupBy(p => p.Form == MentoringForm.Group.Code() ? $"g{p.MentorMembershipId}" : $"p{p.Id}").Select(g => (IReadOnlyList<PairRecord>)[.. g])];

    private static Table PairsTable(IReadOnlyList<PairRecord> links)
    {
        var rows = Entries(links).Select((entry, index) =>
        {
            var first = entry[0];
            var group = entry.Count > 1;
            var form = MentoringForms.TryParse(first.Form, out var f) ? f.RussianName() : first.Form;
            IReadOnlyList<string> mentees = group
                ? [.. entry.Select((p, i) => PairsTexts.OrderGroupMentee(i + 1, PairsTexts.OrderPerson(p.MenteeDisplay, p.MenteePosition)))]
                : [PairsTexts.OrderPerson(first.MenteeDisplay, first.MenteePosition)];
            IReadOnlyList<string> consents =
                [PairsTexts.OrderMentorConsents(first.MentorDutiesConsent, first.MentorDataConsent),
                 .. entry.Select(p => PairsTexts.OrderMenteeConsent(group ? p.MenteeDisplay : null, p.MenteeDataConsent))];
            return (IReadOnlyList<IReadOnlyList<string>>)
            [
                [(index + 1).ToString(CultureInfo.InvariantCulture)],
                [PairsTexts.OrderPerson(first.MentorDisplay, first.MentorPosition)],
                mentees,
                [form],
                [.. entry.Select(p => p.Term is { } term ? PairsTexts.TermText(term) : "").Where(t => t.Length > 0).Distinct()],
                consents,
            ];
        });
        return OfficialDocument.Table(PairsTexts.OrderColumns, [5, 19, 22, 15, 14, 25], rows);
    }
}

/// <summary><c>/order</c> for the curator or the head: sends the order draft as a document.</summary>
public static class OrderConversation
{
    /// <summary>Builds the draft of the member's organisation and sends it; without live pairs, says so instead.</summary>
    public static async Task SendAsync(Pipeline.ChatContext context, Domain.Conversations.ChatInput input)
    {
        if (await Organisations.Access.RequireAsync(context, Domain.Organisations.Role.Curator, Domain.Organisations.Role.Head) is not { } member) return;
        var draft = (await OrderDocument.LoadAsync(context.Connection, context.Transaction, member.Organisation.Id, context.CancellationToken))!;
        if (draft.Pairs.Count == 0)
        {
            context.Reply(Domain.Conversations.Reply.Plain(PairsTexts.OrderNoPairs));
            return;
        }

        var today = member.Today(context.Now);
        context.ReplyDocument(OrderDocument.FileName, OrderDocument.Build(draft, today), PairsTexts.OrderCaption(draft.Ready.Count, draft.Lacking.Count));
    }
}
