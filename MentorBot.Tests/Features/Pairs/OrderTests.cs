using System.Text.Json;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Cli;
using MentorBot.Tests.Features.Organisations;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Features.Pairs;

/// <summary>Reads a DOCX back with the same SDK that wrote it.</summary>
public static class Docx
{
    public static (string Text, List<List<string>> Rows) Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document.Body!;
        var rows = body.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText))).ToList()).ToList();
        return (string.Join("\n", body.Elements<Paragraph>().Select(p => p.InnerText)), rows);
    }

    /// <summary>What a reader sees of the page and the type: A4 size, margins (twentieths of a point), default font and size (half-points).</summary>
    public static (uint Width, uint Height, int Top, int Bottom, uint Left, uint Right, string? Font, string? Size) Layout(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var section = document.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        var run = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        return (size.Width!, size.Height!, margin.Top!, margin.Bottom!, margin.Left!, margin.Right!, run.RunFonts?.Ascii?.Value, run.FontSize?.Val?.Value);
    }

    /// <summary>What Word would complain about: the document checked against the Office schema.</summary>
    public static IReadOnlyList<string> SchemaErrors(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        return [.. new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}")];
    }

    /// <summary>The one document queued for <paramref name="userId"/>: its bytes.</summary>
    public static async Task<byte[]> SentDocumentAsync(PipelineHarness harness, long userId) => (await harness.QueuedDocumentsAsync(userId)).Single().Content;
}

[Collection(DatabaseCliCollection.Name)]
public sealed class OrderTests : IAsyncLifetime
{
    private const long Curator = 100, Head = 101, Petrova = 201, Sidorova = 202, Ivanov = 301, Kuznetsova = 302, Lebedev = 303;
    private readonly PipelineHarness harness = new();
    private Organisation school = null!;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        school = await harness.CreateOrganisationAsync("МБОУ «Средняя школа № 42»");
        await harness.AddMemberAsync(school, Curator, "Орлова Ольга Ивановна", [Role.Curator]);
        await harness.AddMemberAsync(school, Head, "Громов Григорий Петрович", [Role.Head]);
        var petrova = await harness.MentorAsync(school, Petrova, "Петрова Анна Сергеевна", "математика", ["работа с родителями"], capacity: 2);
        await harness.MentorAsync(school, Sidorova, "Сидорова Елена Павловна", "русский язык", ["дисциплина и управление классом"], consented: false);
        await harness.MenteeAsync(school, Ivanov, "Иванов Игорь", "математика", ["работа с родителями"]);
        await harness.MenteeAsync(school, Kuznetsova, "Кузнецова Дарья", "русский язык", ["дисциплина и управление классом"]);
        await harness.MenteeAsync(school, Lebedev, "Лебедев Лев", "математика", ["работа с родителями"]);
        await harness.ExecuteAsync("UPDATE memberships SET position = 'учитель математики' WHERE id = @petrova", new { petrova });
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Order_sends_a_docx_with_the_pairs_groups_forms_terms_curator_and_consents()
    {
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        await harness.SendAsync(Curator, harness.Press(Curator, "match:all"));

        var caption = await harness.SendAsync(Head, harness.Text(Head, "/order"));

        caption.Should().BeEmpty("the document carries the caption");
        var (text, rows) = Docx.Read(await Docx.SentDocumentAsync(harness, Head));
        text.Should().Contain("МБОУ «Средняя школа № 42»").And.Contain("ПРИКАЗ").And.Contain("О закреплении наставнических пар (групп)")
            .And.Contain("Куратор программы наставничества: Орлова Ольга Ивановна").And.Contain("/ Громов Григорий Петрович /")
            .And.Contain("2. Следующие пары (группы) закрепить после получения недостающих письменных согласий");
        rows.Should().HaveCount(4, "two headers, the group of two ready links as one entry, and the link lacking a consent");
        rows[1].Should().Equal("1", "Петрова Анна Сергеевна, учитель математики", "1) Иванов Игорь, учитель\n2) Лебедев Лев, учитель", "групповая (наставник и группа наставляемых)",
            "01.09.2026 – 31.05.2027",
            "наставник: на наставническую деятельность — дано, на обработку ПДн — дано\nнаставляемый Иванов Игорь: на обработку ПДн — дано\nнаставляемый Лебедев Лев: на обработку ПДн — дано");
        rows[3][1].Should().StartWith("Сидорова Елена Павловна");
        rows[3][2].Should().NotMatchRegex("^1\\)", "a pair is not a group");
        rows[3][5].Should().Contain("на наставническую деятельность — НЕТ").And.Contain("наставляемый: на обработку ПДн — дано");
        text.Should().Contain("3. Куратор программы наставничества").And.Contain("4. Наставникам").And.Contain("5. Контроль");
    }

    [Fact]
    public async Task Order_looks_like_an_organisational_document_with_clauses_numbered_in_order()
    {
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        var pairId = await harness.ScalarAsync<long>("SELECT id FROM pairs WHERE status = 'proposed' ORDER BY id LIMIT 1");
        await harness.SendAsync(Curator, harness.Press(Curator, $"match:ok:{pairId}"));

        await harness.SendAsync(Curator, harness.Text(Curator, "/order"));

        var bytes = await Docx.SentDocumentAsync(harness, Curator);
        Docx.Layout(bytes).Should().Be((11906u, 16838u, 1134, 1134, 1134u, 567u, "Times New Roman", "28"),
            "A4, margins 20/20/20/10 mm (ГОСТ Р 7.0.97-2016 п. 5.1), Times New Roman 14");
        Docx.SchemaErrors(bytes).Should().BeEmpty("Word opens it without repairs");
        var (text, _) = Docx.Read(bytes);
        var clauses = text.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^\\d+\\. ")).Select(l => l[..l.IndexOf('.')]).ToList();
        clauses.Should().Equal(["1", "2", "3", "4"], "without links lacking a consent the separate list takes no number");
        text.Should().Contain("МБОУ «Средняя школа № 42»").And.Contain("от «___» ____________ 20___ г.").And.Contain("№ ______")
            .And.Contain("Руководитель  ______________  / Громов Григорий Петрович /");
    }

    [Fact]
    public async Task Order_is_for_the_curator_and_the_head_only_and_needs_approved_pairs()
    {
        (await harness.SendAsync(Ivanov, harness.Text(Ivanov, "/order"))).Should().Equal(AccessTexts.NotAllowed);
        (await harness.SendAsync(Curator, harness.Text(Curator, "/order"))).Single().Should().Contain("Утверждённых пар пока нет");
    }

    [Fact]
    public async Task The_cli_writes_the_same_draft_and_rejects_bad_input()
    {
        await harness.SendAsync(Curator, harness.Text(Curator, "/match"));
        var pairId = await harness.ScalarAsync<long>("SELECT id FROM pairs WHERE status = 'proposed' ORDER BY id LIMIT 1");
        await harness.SendAsync(Curator, harness.Press(Curator, $"match:ok:{pairId}"));
        var file = Path.Combine(Path.GetTempPath(), $"order-{Guid.NewGuid():N}.docx");
        var previous = Environment.GetEnvironmentVariable("MENTORBOT_CONNECTION_STRING");
        Environment.SetEnvironmentVariable("MENTORBOT_CONNECTION_STRING", harness.Database.ConnectionString);
        try
        {
            var result = await CliRunner.RunAsync("order", "--org", school.Id.ToString(), "--out", file);
            var badOrg = await CliRunner.RunAsync("order", "--org", "school-42", "--out", file + "x.docx");
            var unknown = await CliRunner.RunAsync("order", "--org", Guid.NewGuid().ToString(), "--out", file + "y.docx");
            var badFile = await CliRunner.RunAsync("order", "--org", school.Id.ToString(), "--out", file + ".txt");

            result.ExitCode.Should().Be(0, result.Error);
            result.Output.Should().Contain("1 pairs fixed, 0 lacking a consent");
            var (text, rows) = Docx.Read(await File.ReadAllBytesAsync(file));
            text.Should().Contain("МБОУ «Средняя школа № 42»");
            rows[1][1].Should().StartWith("Петрова Анна Сергеевна");
            badOrg.ExitCode.Should().Be(2);
            badOrg.Error.Should().Contain("is not an organisation id");
            unknown.ExitCode.Should().Be(2);
            unknown.Error.Should().Contain("no such organisation");
            badFile.ExitCode.Should().Be(2);
            File.Exists(file + "x.docx").Should().BeFalse();
        }
        finally
        {
            Environment.SetEnvironmentVariable("MENTORBOT_CONNECTION_STRING", previous);
            File.Delete(file);
        }
    }
}
