using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MentorBot.Domain.Practices;

namespace MentorBot.Host.Features.Practices;

/// <summary>
/// The practice library as one DOCX collection («сборник кейсов», road map stage 7), built with DocumentFormat.OpenXml:
/// each approved case anonymised as readers see it (<see cref="CaseView"/>), by topic, with its materials listed by
/// name and size (the files themselves stay in chat: <c>/library</c>).
/// </summary>
public static class LibraryDocument
{
    /// <summary>Builds the DOCX bytes; <paramref name="today"/> dates the collection.</summary>
    /// <param name="organisationName">The organisation's name.</param>
    /// <param name="cases">The approved cases, anonymised.</param>
    /// <param name="materials">Each case's files by case id (missing = none).</param>
    /// <param name="today">The day it is made, in the organisation's zone.</param>
    public static byte[] Build(string organisationName, IReadOnlyList<CaseView> cases, IReadOnlyDictionary<long, IReadOnlyList<CaseMaterial>> materials, DateOnly today)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(
                Paragraph(PracticesTexts.DocxTitle, bold: true, center: true),
                Paragraph(PracticesTexts.DocxSubtitle(organisationName, cases.Count, today.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)), center: true));
            var number = 0;
            foreach (var topic in cases.GroupBy(c => c.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                body.Append(Paragraph(topic.Key, bold: true));
                foreach (var view in topic)
                {
                    number++;
                    var files = materials.GetValueOrDefault(view.Id) ?? [];
                    body.Append(Paragraph($"{number}. {view.Title}", bold: true));
                    foreach (var line in PracticesTexts.Card(view.Title, view.Topic, view.Authors, view.Mentee, view.Difficulty, view.Actions, view.Result, files).Split('\n').Skip(1))
                        body.Append(Paragraph(line));
                }
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

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
