using System.Globalization;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Organisations;
using MentorBot.Domain.Publishing;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Documents;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;

namespace MentorBot.Host.Features.Publishing;

/// <summary>
/// <c>/publish</c> (curator; information support, issue 15): a ready text about the programme for the period chosen
/// (<c>pub:month</c> the last month, <c>pub:year</c> since 1 September) as a message to copy and as DOCX, with no
/// personal data but the names of mentors with the publication consent (152-ФЗ ст. 10.1); recorded as a publication on
/// the road map's information-support item.
/// </summary>
public sealed class PublishFeature : IChatFeature
{
    /// <summary>The button prefix.</summary>
    public const string Prefix = "pub";

    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Command("publish", AskAsync, PublishTexts.Menu, Role.Curator)
        .Choice(Prefix, PublishAsync);

    private static async Task AskAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator) is null) return;
        context.Reply(Reply.WithChoices(PublishTexts.AskPeriod, new Choice(PublishTexts.MonthButton, "pub:month"), new Choice(PublishTexts.YearButton, "pub:year")));
    }

    private static async Task PublishAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator) is not { } member) return;
        context.AnswerChoice();
        var today = member.Today(context.Now);
        DateOnly? from = ((ChoiceInput)input).Data switch
        {
            "pub:month" => today.AddMonths(-1).AddDays(1),
            "pub:year" => new DateOnly(today.Month >= 9 ? today.Year : today.Year - 1, 9, 1),
            _ => null,
        };
        if (from is not { } start)
        {
            context.Reply(Reply.Plain(PublishTexts.StaleButton));
            return;
        }

        var (c, t, ct, org) = (context.Connection, context.Transaction, context.CancellationToken, member.Organisation.Id);
        var facts = await PublishStore.FactsAsync(c, t, org, member.Organisation.Name, start, today,
            DeliveryWindow.ToInstant(start, TimeOnly.MinValue, member.TimeZone), context.Now, member.TimeZone, ct);
        var text = ProgrammeNews.Write(facts);
        var item = await PublishStore.InformationActivityAsync(c, t, org, ct);
        await PublishStore.RecordAsync(c, t, org, item, start, today, text, context.ParticipantId, context.Now, ct);
        context.Reply(Reply.Plain(text));
        context.ReplyDocument(PublishTexts.FileName, Docx(text), PublishTexts.Caption);
        context.Reply(Reply.Plain(item is { } i ? PublishTexts.Marked(i.Text, today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)) : PublishTexts.NotMarked));
    }

    /// <summary>
    /// The text as DOCX in the organisation's document layout (<see cref="OfficialDocument"/>): the first paragraph a
    /// centred bold heading, then one justified paragraph per paragraph of the text.
    /// </summary>
    private static byte[] Docx(string text) => OfficialDocument.Write(body =>
    {
        var paragraphs = text.Split("\n\n");
        body.Append(OfficialDocument.Paragraph(paragraphs[0], OfficialDocument.Align.Center, bold: true));
        foreach (var paragraph in paragraphs.Skip(1))
            body.Append(OfficialDocument.Paragraph(paragraph));
    });
}
