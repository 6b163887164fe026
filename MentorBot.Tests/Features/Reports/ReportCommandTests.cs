using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Cli;
using MentorBot.Tests.Features.Organisations;
using MentorBot.Tests.Features.Pairs;

namespace MentorBot.Tests.Features.Reports;

[Collection(DatabaseCliCollection.Name)]
public sealed class ReportCommandTests : IAsyncLifetime
{
    private readonly CliDatabase cli = new();
    private readonly string folder = Directory.CreateTempSubdirectory("reports").FullName;

    public Task InitializeAsync() => cli.InitializeAsync();

    public async Task DisposeAsync()
    {
        await cli.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Report_writes_the_docx_and_bad_arguments_get_one_line_and_exit_code_2()
    {
        var school = await OrganisationStore.CreateAsync(cli.Database.DataSource, "МБОУ СОШ № 7", "Europe/Volgograd", DateTimeOffset.UnixEpoch, default);
        var file = Path.Combine(folder, "итог.docx");

        var result = await CliRunner.RunAsync("report", "--org", school.Id.ToString(), "--what", "programme", "--out", file, "--year", "2025");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Итоговый отчёт о реализации программы наставничества").And.Contain("2025/2026");
        var (text, _) = Docx.Read(await File.ReadAllBytesAsync(file));
        text.Should().Contain("МБОУ СОШ № 7").And.Contain("2025/2026 учебный год").And.Contain("Дорожная карта не загружена.");

        string[][] bad =
        [
            ["--org", school.Id.ToString(), "--what", "everything", "--out", file],
            ["--org", "school-7", "--what", "quality", "--out", file],
            ["--org", Guid.NewGuid().ToString(), "--what", "quality", "--out", file],
            ["--org", school.Id.ToString(), "--what", "impact", "--out", Path.Combine(folder, "report.txt")],
            ["--org", school.Id.ToString(), "--what", "impact", "--out", Path.Combine(folder, "нет", "r.docx")],
            ["--org", school.Id.ToString(), "--what", "impact", "--out", file, "--year", "26/27"],
        ];
        foreach (var args in bad)
        {
            var failed = await CliRunner.RunAsync(["report", .. args]);
            failed.ExitCode.Should().Be(2, string.Join(' ', args));
            failed.Error.Trim().Split('\n').Should().ContainSingle(string.Join(' ', args)).Which.Should().NotContain("   at ");
        }

        Directory.GetFiles(folder).Should().Equal(file);
    }
}
