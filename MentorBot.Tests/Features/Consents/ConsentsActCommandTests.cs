using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MentorBot.Host.Features.Consents;
using MentorBot.Tests.Cli;
using MentorBot.Tests.Features.Organisations;

namespace MentorBot.Tests.Features.Consents;

/// <summary><c>consents act</c>: the destruction record as DOCX, read back.</summary>
[Collection(DatabaseCliCollection.Name)]
public sealed class ConsentsActCommandTests : IAsyncLifetime
{
    private readonly CliDatabase cli = new();
    private readonly string folder = Directory.CreateTempSubdirectory("mentorbot-act").FullName;
    private Guid organisation;

    public async Task InitializeAsync()
    {
        await cli.InitializeAsync();
        organisation = Guid.Parse((await CliRunner.RunAsync("org", "create", "--name", "МБОУ СОШ № 5", "--time-zone", "Asia/Omsk")).Output.Split('\n')[0]);
    }

    public async Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        await cli.DisposeAsync();
    }

    public static IReadOnlyList<string> Paragraphs(string path)
    {
        using var document = WordprocessingDocument.Open(path, false);
        return document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    [Fact]
    public async Task Writes_the_act_with_every_destruction_entry_of_the_organisation()
    {
        await using (var connection = await cli.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO destruction_records (organisation_id, participant_id, reason, destroyed, performed_by, performed_at)
                VALUES (@organisation, 17, 'consent_withdrawn', ARRAY['ФИО, должность, предмет', 'ответы анкет (в том числе самооценка)'], 'бот (автоматически)', '2026-09-02T04:30:00Z')
                """, new { organisation });
        }

        var path = Path.Combine(folder, "акт.docx");
        var result = await CliRunner.RunAsync("consents", "act", "--org", organisation.ToString(), "--out", path);

        result.Error.Should().BeEmpty();
        result.ExitCode.Should().Be(0);
        result.Output.Should().Be($"wrote {path}: 1 destruction entry\n");
        var paragraphs = Paragraphs(path);
        paragraphs.Should().Contain(["АКТ", "об уничтожении персональных данных", "Оператор: МБОУ СОШ № 5", "участник № 1",
            "ФИО, должность, предмет; ответы анкет (в том числе самооценка)", DestructionAct.ReasonText("consent_withdrawn"), "02.09.2026 10:30", "бот (автоматически)"]);
        paragraphs.Should().NotContain("участник № 17", "a database id says nothing to a reader of the act");
    }

    [Fact]
    public async Task The_act_numbers_people_within_the_act_and_looks_like_an_organisational_document()
    {
        await using (var connection = await cli.Database.DataSource.OpenConnectionAsync())
        {
            // Participant 95 withdrew twice (rejoined in between), 40 once: two people, three entries.
            await connection.ExecuteAsync("""
                INSERT INTO destruction_records (organisation_id, participant_id, reason, destroyed, performed_by, performed_at)
                VALUES (@organisation, 95, 'consent_withdrawn', ARRAY['ФИО'], 'бот (автоматически)', '2026-09-02T04:30:00Z'),
                       (@organisation, 40, 'consent_withdrawn', ARRAY['ФИО'], 'бот (автоматически)', '2026-09-03T04:30:00Z'),
                       (@organisation, 95, 'consent_withdrawn', ARRAY['ФИО'], 'бот (автоматически)', '2026-09-04T04:30:00Z')
                """, new { organisation });
        }

        var path = Path.Combine(folder, "акт.docx");
        (await CliRunner.RunAsync("consents", "act", "--org", organisation.ToString(), "--out", path)).ExitCode.Should().Be(0);

        var bytes = await File.ReadAllBytesAsync(path);
        var (text, rows) = Pairs.Docx.Read(bytes);
        rows.Skip(1).Select(r => r[1]).Should().Equal("участник № 1", "участник № 2", "участник № 1");
        Pairs.Docx.Layout(bytes).Should().Be((11906u, 16838u, 1134, 1134, 1134u, 567u, "Times New Roman", "28"));
        Pairs.Docx.SchemaErrors(bytes).Should().BeEmpty();
        text.Should().Contain("МБОУ СОШ № 5").And.Contain("УТВЕРЖДАЮ").And.Contain("Руководитель  ______________  / ____________________ /")
            .And.Contain("«___» ____________ 20___ г.").And.Contain("№ ______");
    }

    [Fact]
    public async Task An_organisation_without_entries_is_refused_and_nothing_is_written()
    {
        var path = Path.Combine(folder, "акт.docx");

        var result = await CliRunner.RunAsync("consents", "act", "--org", organisation.ToString(), "--out", path);

        result.ExitCode.Should().Be(2);
        result.Error.TrimEnd('\n').Should().NotContain("\n").And.Contain("no destruction entries");
        File.Exists(path).Should().BeFalse();
    }

    [Theory]
    [InlineData("act.pdf", ".docx")]
    [InlineData("missing-folder/act.docx", "folder does not exist")]
    public async Task A_bad_output_path_is_refused(string relative, string mentioned)
    {
        var result = await CliRunner.RunAsync("consents", "act", "--org", organisation.ToString(), "--out", Path.Combine(folder, relative));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(mentioned);
    }
}
