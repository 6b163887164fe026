using System.Globalization;
using Dapper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MentorBot.Domain.Pairs;
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
        const string people = """
            SELECT coalesce(nullif(btrim(m.full_name), ''), nullif(btrim(concat_ws(' ', p.first_name, p.last_name)), ''), '') AS name, r.role
              FROM memberships m
              JOIN participants p ON p.id = m.participant_id
              JOIN membership_roles r ON r.membership_id = m.id AND r.role IN ('curator', 'head')
             WHERE m.organisation_id = @organisationId AND m.status = 'active'
             ORDER BY m.id
            """;
        var name = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(organisation, new { organisationId }, transaction, cancellationToken: cancellationToken));
        if (name is null) return null;
        var roles = (await connection.QueryAsync<(string Name, string Role)>(new CommandDefinition(people, new { organisationId }, transaction, cancellationToken: cancellationToken))).ToList();
        var pairs = await PairStore.ListAsync(connection, transaction, organisationId, PairStore.Live, cancellationToken);
        return new OrderDraft(name,
            [.. roles.Where(r => r.Role == "curator" && r.Name.Length > 0).Select(r => r.Name)],
            [.. roles.Where(r => r.Role == "head" && r.Name.Length > 0).Select(r => r.Name)],
            [.. pairs.OrderBy(p => p.MentorMembershipId).ThenBy(p => p.Id)]);
    }

    /// <summary>Builds the DOCX bytes of <paramref name="draft"/>; <paramref name="today"/> dates the draft.</summary>
    public static byte[] Build(OrderDraft draft, DateOnly today)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(
                Paragraph(draft.OrganisationName, bold: true, center: true),
                Paragraph(PairsTexts.OrderWord, bold: true, center: true),
                Paragraph(PairsTexts.OrderNumberLine),
                Paragraph(PairsTexts.OrderTitle, bold: true, center: true),
                Paragraph(PairsTexts.OrderPreamble),
                Paragraph(PairsTexts.OrderFixClause));
            body.Append(draft.Ready.Count == 0 ? Paragraph(PairsTexts.OrderNoReadyPairs) : PairsTable(draft.Ready));
            if (draft.Lacking.Count > 0)
            {
                body.Append(Paragraph(PairsTexts.OrderLackingClause), PairsTable(draft.Lacking));
            }

            body.Append(
                Paragraph(PairsTexts.OrderCuratorClause(draft.Curators)),
                Paragraph(PairsTexts.OrderPlanClause),
                Paragraph(PairsTexts.OrderControlClause),
                Paragraph(PairsTexts.OrderSignature(draft.Heads.FirstOrDefault())),
                Paragraph(PairsTexts.OrderAcquainted));
            foreach (var person in draft.Pairs.SelectMany(p => new[] { p.MentorDisplay, p.MenteeDisplay }).Distinct())
                body.Append(Paragraph(PairsTexts.OrderAcquaintedLine(person)));
            body.Append(Paragraph(PairsTexts.OrderDraftNote(today)));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table PairsTable(IReadOnlyList<PairRecord> pairs)
    {
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(borders, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(true, [.. PairsTexts.OrderColumns]));
        var number = 0;
        foreach (var pair in pairs)
        {
            number++;
            var form = MentoringForms.TryParse(pair.Form, out var f) ? f.RussianName() : pair.Form;
            table.Append(Row(false,
                number.ToString(CultureInfo.InvariantCulture),
                PairsTexts.OrderPerson(pair.MentorDisplay, pair.MentorPosition),
                PairsTexts.OrderPerson(pair.MenteeDisplay, pair.MenteePosition),
                form,
                pair.Term is { } term ? PairsTexts.TermText(term) : "",
                PairsTexts.OrderConsents(pair.MentorDutiesConsent, pair.MentorDataConsent, pair.MenteeDataConsent)));
        }

        return table;
    }

    private static TableRow Row(bool header, params string[] cells) =>
        new(cells.Select(text => new TableCell(Paragraph(text, bold: header))));

    private static Paragraph Paragraph(string text, bool bold = false, bool center = false)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        var paragraph = new Paragraph();
        if (center) paragraph.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        paragraph.Append(run);
        return paragraph;
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

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, member.TimeZone).DateTime);
        context.ReplyDocument(OrderDocument.FileName, OrderDocument.Build(draft, today), PairsTexts.OrderCaption(draft.Ready.Count, draft.Lacking.Count));
    }
}
