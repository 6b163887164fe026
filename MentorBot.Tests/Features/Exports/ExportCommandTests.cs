using Dapper;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Features.Organisations;
using MentorBot.Tests.Cli;
using MentorBot.Tests.Features.Organisations;

namespace MentorBot.Tests.Features.Exports;

[Collection(DatabaseCliCollection.Name)]
public sealed class ExportCommandTests : IAsyncLifetime
{
    private readonly CliDatabase cli = new();
    private readonly string folder = Directory.CreateTempSubdirectory("mentorbot-export-").FullName;
    private Guid organisationId;

    public async Task InitializeAsync()
    {
        await cli.InitializeAsync();
        organisationId = Guid.NewGuid();
        await using var connection = await cli.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("INSERT INTO organisations (id, name, time_zone) VALUES (@organisationId, 'Гимназия № 5', 'Europe/Volgograd')", new { organisationId });
        var participantId = await connection.ExecuteScalarAsync<long>("INSERT INTO participants DEFAULT VALUES RETURNING id");
        var now = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
        var membershipId = await MembershipStore.GrantAsync(connection, null, organisationId, participantId, Role.Mentee, now, default);
        await connection.ExecuteAsync("""
            UPDATE memberships SET full_name = 'Егорова Ева', position = 'воспитатель' WHERE id = @membershipId;
            INSERT INTO consent_events (organisation_id, participant_id, kind, event, text_version, channel, occurred_at)
            VALUES (@organisationId, @participantId, 'personal_data', 'given', 'v1', 'telegram', @at);
            INSERT INTO questionnaire_responses (membership_id, questionnaire, version, status, answers, started_at, updated_at, completed_at)
            VALUES (@membershipId, 'mentee_intake', 1, 'completed', '{"difficulties": ["работа с родителями"], "experience_years": 2}', @at, @at, @at);
            """, new { membershipId, organisationId, participantId, at = now.UtcDateTime });
    }

    public async Task DisposeAsync()
    {
        await cli.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private string[] Run(string what, string format, string output, string? org = null) =>
        ["export", "--org", org ?? organisationId.ToString(), "--what", what, "--format", format, "--out", output];

    [Fact]
    public async Task Writes_a_csv_excel_opens_as_is()
    {
        var path = Path.Combine(folder, "mentees.csv");

        var result = await CliRunner.RunAsync(Run("mentees", "csv", path));

        result.Error.Should().BeEmpty();
        result.ExitCode.Should().Be(0);
        result.Output.Should().Be($"exported 1 row of «Наставляемые» of «Гимназия № 5» to {path}\n");
        var rows = ExportReadBack.Csv(await File.ReadAllBytesAsync(path));
        rows[0][0].Should().Be("ФИО");
        rows[1].Should().Equal("Егорова Ева", "воспитатель", "", "01.09.2026", "дано", "заполнена", "01.09.2026", "2", "работа с родителями", "", "", "");
        Directory.GetFiles(folder).Should().ContainSingle();
    }

    [Fact]
    public async Task Writes_an_xlsx_replacing_an_older_file()
    {
        var path = Path.Combine(folder, "pairs.xlsx");
        await File.WriteAllTextAsync(path, "old");

        var result = await CliRunner.RunAsync(Run("mentees", "xlsx", path));

        result.ExitCode.Should().Be(0, result.Error);
        var sheet = ExportReadBack.Xlsx(await File.ReadAllBytesAsync(path));
        sheet.Rows[1][0].Text.Should().Be("Егорова Ева");
        sheet.Rows[1][3].Should().Be(new ExportReadBack.XlsxCell("01.09.2026", true, false));
        Directory.GetFiles(folder).Should().ContainSingle();
    }

    public static TheoryData<string, string, string?, string, string> BadInputs => new()
    {
        { "passwords", "csv", null, "out.csv", "error: --what 'passwords' is not one of mentors, mentees, pairs, meetings, feedback, satisfaction, impact." },
        { "mentees", "pdf", null, "out.pdf", "error: --format 'pdf' is not csv or xlsx." },
        { "mentees", "csv", "school-42", "out.csv", "error: --org 'school-42' is not an organisation id (org create prints one)." },
        { "mentees", "csv", "00000000-0000-0000-0000-000000000042", "out.csv", "error: --org 00000000-0000-0000-0000-000000000042: no such organisation." },
        { "mentees", "csv", null, "missing/out.csv", "error: --out {folder}/missing/out.csv: the directory does not exist." },
        { "mentees", "csv", null, "", "error: --out {folder} is a directory, not a file." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gives_one_line_exit_2_and_no_file(string what, string format, string? org, string output, string expected)
    {
        var result = await CliRunner.RunAsync(Run(what, format, Path.Combine(folder, output), org));

        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.Should().Be(expected.Replace("{folder}", folder) + "\n");
        Directory.EnumerateFileSystemEntries(folder).Should().BeEmpty();
    }

    [Fact]
    public async Task An_unwritable_place_gives_one_line_exit_2_and_leaves_nothing()
    {
        var result = await CliRunner.RunAsync(Run("mentees", "csv", "/proc/mentorbot-export.csv"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("error: --out /proc/mentorbot-export.csv: cannot write the file (").And.EndWith(")\n");
        result.Error.TrimEnd('\n').Should().NotContain("\n");
        Directory.EnumerateFileSystemEntries("/proc").Should().NotContain(e => e.Contains("mentorbot-export"));
    }

    [Fact]
    public async Task A_missing_option_is_refused_before_anything_happens()
    {
        var result = await CliRunner.RunAsync("export", "--org", organisationId.ToString(), "--what", "mentees", "--out", Path.Combine(folder, "x.csv"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("error: ").And.Contain("--format");
        Directory.EnumerateFileSystemEntries(folder).Should().BeEmpty();
    }
}
