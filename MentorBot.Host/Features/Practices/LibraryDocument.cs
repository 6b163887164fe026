using System.Globalization;
using MentorBot.Domain.Practices;
using MentorBot.Host.Documents;

namespace MentorBot.Host.Features.Practices;

/// <summary>
/// The practice library as one DOCX collection («сборник кейсов», road map stage 7) in the organisation's document
/// layout (<see cref="OfficialDocument"/>): each approved case anonymised as readers see it (<see cref="CaseView"/>),
/// by topic, with its materials listed by name and size (the files themselves stay in chat: <c>/library</c>).
/// </summary>
public static class LibraryDocument
{
    /// <summary>Builds the DOCX bytes; <paramref name="today"/> dates the collection.</summary>
    /// <param name="organisationName">The organisation's name.</param>
    /// <param name="cases">The approved cases, anonymised.</param>
    /// <param name="materials">Each case's files by case id (missing = none).</param>
    /// <param name="today">The day it is made, in the organisation's zone.</param>
    public static byte[] Build(string organisationName, IReadOnlyList<CaseView> cases, IReadOnlyDictionary<long, IReadOnlyList<CaseMaterial>> materials, DateOnly today) =>
        OfficialDocument.Write(body =>
        {
            body.Append(
                OfficialDocument.Paragraph(PracticesTexts.DocxTitle, OfficialDocument.Align.Center, bold: true),
                OfficialDocument.Paragraph(PracticesTexts.DocxSubtitle(organisationName, cases.Count, today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)), OfficialDocument.Align.Center));
            var number = 0;
            foreach (var topic in cases.GroupBy(c => c.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                body.Append(OfficialDocument.Paragraph(""), OfficialDocument.Paragraph(topic.Key, OfficialDocument.Align.Center, bold: true));
                foreach (var view in topic)
                {
                    number++;
                    var files = materials.GetValueOrDefault(view.Id) ?? [];
                    body.Append(OfficialDocument.Paragraph($"{number}. {view.Title}", OfficialDocument.Align.Left, bold: true));
                    foreach (var line in PracticesTexts.Card(view.Title, view.Topic, view.Authors, view.Mentee, view.Difficulty, view.Actions, view.Result, files).Split('\n').Skip(1))
                        body.Append(OfficialDocument.Paragraph(line));
                }
            }
        });
}
