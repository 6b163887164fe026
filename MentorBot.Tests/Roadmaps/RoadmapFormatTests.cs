using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MentorBot.Domain.Roadmaps;
using MentorBot.Host.Features.Roadmaps;
using MentorBot.Tests.Cli;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Roadmaps;

/// <summary>
/// Issue 13: the same road map as .txt, .docx and .pdf gives the same golden JSON through <c>roadmap parse</c>;
/// the Word quirks one by one; the bad files of issue 13 (used by the CLI and chat tests).
/// </summary>
public sealed class RoadmapFormatTests : RoadmapFileTests
{
    private static RoadMapFixtures.Source Shared(string name) => RoadMapFixtures.Read(File.ReadAllText(RepositoryPaths.SharedRoadmap(name)));

    [Theory]
    [InlineData("kindergarten-333-volgograd", "docx")]
    [InlineData("kindergarten-333-volgograd", "docx-split")]
    [InlineData("kindergarten-333-volgograd", "pdf-ruled")]
    [InlineData("kindergarten-333-volgograd", "pdf-plain")]
    [InlineData("school-75-42", "docx")]
    [InlineData("school-75-42", "docx-split")]
    [InlineData("school-75-42", "pdf-ruled")]
    [InlineData("school-75-42", "pdf-plain")]
    [InlineData("kineshma-polytechnic-college", "docx")]
    [InlineData("kineshma-polytechnic-college", "docx-split")]
    [InlineData("kineshma-polytechnic-college", "pdf-ruled")]
    [InlineData("kineshma-polytechnic-college", "pdf-plain")]
    public async Task Word_and_pdf_forms_print_the_same_golden_json_as_the_text(string name, string form)
    {
        var source = Shared(name);
        var (extension, bytes) = form switch
        {
            "docx" => ("docx", RoadMapFixtures.Docx(source)),
            "docx-split" => ("docx", RoadMapFixtures.Docx(source, splitTable: true)),
            "pdf-ruled" => ("pdf", RoadMapFixtures.Pdf(source, rulings: true)),
            _ => ("pdf", RoadMapFixtures.Pdf(source, rulings: false)),
        };
        string[] year = name == "kineshma-polytechnic-college" ? ["--year", "2024"] : [];

        var result = await CliRunner.RunAsync(["roadmap", "parse", Write($"{name}.{extension}", bytes), .. year]);

        result.Error.Should().BeEmpty();
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "MentorBot.Tests", "Roadmaps", "Golden", name + ".json")));
        JsonNode.DeepEquals(JsonNode.Parse(result.Output), expected).Should().BeTrue($"{form} of {name} should print the golden JSON; got:\n{result.Output}");
    }

    [Fact]
    public void The_pdf_fixtures_really_span_pages_and_pdfpig_reads_cyrillic_words_with_their_positions()
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(RoadMapFixtures.Pdf(Shared("school-75-42"), rulings: true));

        document.NumberOfPages.Should().BeGreaterThan(1);
        var word = document.GetPage(1).GetWords().First(w => w.Text == "Сроки");
        word.BoundingBox.Left.Should().BeGreaterThan(30);
        word.BoundingBox.Bottom.Should().BeInRange(0, 420);
        document.GetPage(2).GetWords().Select(w => w.Text).Should().Contain("Сроки", "the header repeats on the second page");
    }

    [Fact]
    public void Word_quirks_merged_cells_numbering_paragraphs_tracked_changes_fields_nested_tables_and_text_boxes()
    {
        var bytes = Word(body =>
        {
            body.Append(Para("Дорожная карта на 2025 год"));
            var numbering = body.Ancestors<Document>().First().MainDocumentPart!.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1)" }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "\uF0B7" }) { LevelIndex = 0 }) { AbstractNumberId = 2 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 });
            var field = new Paragraph(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 2 })),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }), new Run(new FieldCode(" PAGE ")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }), new Run(new Text("Семинар")), new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            var tracked = new Paragraph(new Run(new Text("Заместитель")), new InsertedRun(new Run(new Text(" директора") { Space = SpaceProcessingModeValues.Preserve })),
                new DeletedRun(new Run(new DeletedText(" бухгалтер"))));
            var textBox = new Paragraph(new Run(new Picture(new DocumentFormat.OpenXml.Vml.Shape(new DocumentFormat.OpenXml.Vml.TextBox(new TextBoxContent(Para("Куратор")))))));
            var lineBreak = new Paragraph(new Run(new Text("сентябрь")), new Run(new Break()), new Run(new Text("октябрь")));
            body.Append(new Table(
                Row(Cell("№"), Cell("Этап"), Cell("Содержание"), Cell("Сроки"), Cell("Ответственный")),
                Row(Cell(new VerticalMerge { Val = MergedCellValues.Restart }, Para("1.")), Cell(new VerticalMerge { Val = MergedCellValues.Restart }, Para("Подготовка")),
                    Cell(null, Listed(1, "Приказ"), Listed(1, "Положение")), Cell("май"), Cell(null, Para("Директор"), tracked)),
                Row(Cell(new VerticalMerge(), Para("")), Cell(new VerticalMerge(), Para("")), Cell(null, Listed(2, "Анкетирование"), field),
                    Cell(new GridSpan { Val = 2 }, Para("июнь"))),
                Row(Cell("2."), Cell("Банк"), Cell(null, new Table(Row(Cell("Встреча"), Cell("Опрос"))), Para("")), Cell(null, lineBreak), Cell(null, textBox))));
        });

        var map = RoadMapParser.Parse(RoadMapFiles.ReadText(bytes), new RoadMapParseOptions(new DateOnly(2025, 1, 10)));

        map.Stages.Select(s => s.Number).Should().Equal("1", "2");
        var first = map.Stages[0];
        first.Activities.Select(a => a.Text).Should().Equal("Приказ", "Положение", "Анкетирование", "Семинар");
        first.Responsible.Should().Equal("Директор", "Заместитель директора");
        first.Periods.Select(p => p.Text).Should().Equal("май", "июнь");
        var second = map.Stages[1];
        second.Activities.Select(a => a.Text).Should().Equal("Встреча", "Опрос");
        second.Periods.Select(p => p.Text).Should().Equal("сентябрь", "октябрь");
        second.Responsible.Should().Equal("Куратор");
        map.Unrecognised.Should().BeEmpty();
    }

    /// <summary>The bytes of each bad file of issue 13 (also sent to the bot in its feature tests).</summary>
    public static byte[] BadFile(string kind) => kind switch
    {
        "corrupt-zip" => [.. "PK\u0003\u0004"u8, .. Encoding.ASCII.GetBytes(new string('x', 200))],
        "docx-without-table" => Word(body => body.Append(Para("Дорожная карта"), Para("Таблица будет позже."))),
        "encrypted-pdf" => RoadMapFixtures.Pdf(RoadMapFixtures.Read("Дорожная карта\n\n№\tЭтап\tСроки\n1\tПодготовка\tмай\n"), rulings: true, userPassword: "secret"),
        "scanned-pdf" => RoadMapFixtures.ScannedPdf(),
        "empty" => [],
        "doc" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
        "odt" => Odt(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static byte[] Word(Action<Body> fill)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            document.AddMainDocumentPart().Document = new Document(body);
            fill(body);
        }

        return stream.ToArray();
    }

    private static byte[] Odt()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("mimetype").Open()))
                writer.Write("application/vnd.oasis.opendocument.text");
            using (var writer = new StreamWriter(zip.CreateEntry("content.xml").Open()))
                writer.Write("<office:document-content/>");
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Listed(int numId, string text) => new(
        new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId })), new Run(new Text(text)));

    private static TableRow Row(params TableCell[] cells) => new(cells);

    private static TableCell Cell(string text) => new(Para(text));

    private static TableCell Cell(OpenXmlElement? property, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties());
        if (property is not null) cell.TableCellProperties!.Append(property);
        cell.Append(content);
        return cell;
    }
}
