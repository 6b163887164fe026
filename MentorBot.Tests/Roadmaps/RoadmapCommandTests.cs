using System.Text;
using MentorBot.Tests.Cli;
using MentorBot.Tests.Integration;

namespace MentorBot.Tests.Roadmaps;

/// <summary><c>roadmap parse</c> on bad input: exit code 2 and one line on stderr saying what is wrong.</summary>
public sealed class RoadmapCommandTests : RoadmapFileTests
{
    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty.txt", [], "empty.txt: the file is empty" },
        { "blank.txt", " \n\t\n"u8.ToArray(), "line 1: the document is empty" },
        { "binary.txt", [0x01, 0x02, 0x00, 0x0A], "line 1: binary content" },
        { "no-table.txt", Encoding.UTF8.GetBytes("Дорожная карта\n\nбез таблицы\n"), "line 1: no table found" },
        { "bad-header.txt", Encoding.UTF8.GetBytes("Дорожная карта\n\nа\tб\tв\n"), "line 3: no table header" },
        { "latin1.txt", [0x41, 0x0A, 0x99, 0xA9, 0xAE, 0xB1], "line 2: not valid UTF-8" },
        // Issue 13's bad files.
        { "corrupt.docx", RoadmapFormatTests.BadFile("corrupt-zip"), "not a readable Word document" },
        { "no-table.docx", RoadmapFormatTests.BadFile("docx-without-table"), "the Word document has no table" },
        { "encrypted.pdf", RoadmapFormatTests.BadFile("encrypted-pdf"), "the PDF is protected by a password" },
        { "scan.pdf", RoadmapFormatTests.BadFile("scanned-pdf"), "the PDF is a scan without a text layer" },
        { "old.doc", RoadmapFormatTests.BadFile("doc"), "a Word 97-2003 .doc" },
        { "text.odt", RoadmapFormatTests.BadFile("odt"), "an OpenDocument text (.odt)" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_input_exits_2_with_one_line(string name, byte[] bytes, string reason)
    {
        var result = await CliRunner.RunAsync("roadmap", "parse", Write(name, bytes));

        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.TrimEnd('\n').Should().NotContain("\n").And.Contain(reason);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var result = await CliRunner.RunAsync("roadmap", "parse", Path.Combine(Directory, "missing.txt"));

        result.ExitCode.Should().Be(2);
        result.Error.TrimEnd('\n').Should().NotContain("\n");
    }

    [Theory]
    [InlineData("parse", "0")]
    [InlineData("parse", "-1")]
    [InlineData("parse", "10000")]
    [InlineData("parse", "2147483647")]
    [InlineData("import", "0")]
    public async Task A_year_out_of_range_exits_2_with_one_line(string verb, string year)
    {
        var path = Write("map.txt", Encoding.UTF8.GetBytes("№\tЭтап\tСроки\n1\tПодготовка\tмай\n"));
        string[] org = verb == "import" ? ["--org", Guid.NewGuid().ToString()] : [];

        var result = await CliRunner.RunAsync(["roadmap", verb, path, "--year", year, .. org]);

        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.TrimEnd('\n').Should().NotContain("\n").And.Contain($"--year {year}: a year from 1900 to 2200");
    }

    [Fact]
    public async Task A_file_over_the_chat_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(Directory, "huge.txt");
        using (var file = File.Create(path))
            file.SetLength(20L * 1024 * 1024 + 1); // sparse: nothing is written

        var result = await CliRunner.RunAsync("roadmap", "parse", path);

        result.ExitCode.Should().Be(2);
        result.Error.TrimEnd('\n').Should().NotContain("\n").And.Contain("huge.txt: the file is 20 MB; a road map may be at most 20 MB");
    }

    [Fact]
    public async Task With_a_year_the_document_is_a_template_for_that_academic_year_as_in_chat()
    {
        var result = await CliRunner.RunAsync("roadmap", "parse", RepositoryPaths.SharedRoadmap("school-75-42"), "--year", "2026");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("НАСТАВНИЧЕСТВА В МБОУ СОШ №75/42 на 2026-2030 гг.")
            .And.Contain("\"text\": \"июнь-август, 2026\"").And.Contain("\"start\": \"2026-06-01\"")
            .And.NotContain("2020-06-01", "the template's own years move with it, as «Загрузить на 2026/2027 учебный год» does in chat");
    }

    [Fact]
    public async Task A_windows_1251_file_is_read()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Write("cp1251.txt", Encoding.GetEncoding(1251).GetBytes("№\tЭтап\tСроки\n1\tПодготовка\tмай\n"));

        var result = await CliRunner.RunAsync("roadmap", "parse", path, "--year", "2024");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("\"title\": \"Подготовка\"").And.Contain("\"start\": \"2024-05-01\"");
    }
}

/// <summary>Tests that write road-map files for the CLI into a temporary folder removed afterwards.</summary>
public abstract class RoadmapFileTests : IDisposable
{
    protected string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("roadmap-files-").FullName;

    public void Dispose()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
