using System.CommandLine;
using System.Text;
using MentorBot.Domain.Roadmaps;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>roadmap parse FILE [--year Y]</c>: prints the parsed road map as JSON (issue 3's shape);
/// touches no database.
/// </summary>
public static class RoadmapCommand
{
    /// <summary>Builds the <c>roadmap</c> verb with its <c>parse</c> subcommand.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The road-map document as text (UTF-8 or windows-1251), table rows tab-separated." };
        var year = new Option<int?>("--year") { Description = "The year month-only periods fall in (overrides the document's)." };
        var parse = new Command("parse", "Parse a road-map document and print it as JSON.") { file, year };
        parse.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            var text = RoadmapFile.Read(path);
            RoadMap roadMap;
            try
            {
                roadMap = RoadMapParser.Parse(text, new RoadMapParseOptions(DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime), parseResult.GetValue(year)));
            }
            catch (RoadMapFormatException e)
            {
                throw new CliInputException($"{path.Name}: {e.Message}");
            }

            CliJson.Write(parseResult.InvocationConfiguration.Output, RoadmapJson.From(roadMap));
            return 0;
        });

        return new Command("roadmap", "Road-map documents («дорожная карта»).") { parse };
    }
}

/// <summary>Reads a road-map file's text, detecting its encoding.</summary>
internal static class RoadmapFile
{
    /// <summary>
    /// UTF-8 (BOM optional) or UTF-16 with a BOM; bytes that are not valid UTF-8 are read as
    /// windows-1251 (what Russian Word exports to «Текст DOS/Windows») when that gives Cyrillic text.
    /// Throws <see cref="CliInputException"/> for a missing file or an unreadable encoding.
    /// </summary>
    public static string Read(FileInfo path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{path.Name}: cannot read the file ({e.Message})");
        }

        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            return new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw new CliInputException($"{path.Name}: line {LineOf(bytes, nul)}: binary content (a NUL byte), not a text document");
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            var text = Windows1251(bytes);
            var letters = text.Count(char.IsLetter);
            var cyrillic = text.Count(c => c is >= 'А' and <= 'я' or 'ё' or 'Ё');
            if (letters > 0 && cyrillic * 2 >= letters)
            {
                return text;
            }

            throw new CliInputException($"{path.Name}: line {LineOf(bytes, e.Index)}: not valid UTF-8 and not windows-1251 Russian text");
        }
    }

    private static string Windows1251(byte[] bytes)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1251).GetString(bytes);
    }

    private static int LineOf(byte[] bytes, int index) => 1 + bytes.Take(Math.Max(0, index)).Count(b => b == (byte)'\n');
}

/// <summary>The JSON shape <c>roadmap parse</c> prints (issue 3).</summary>
internal sealed record RoadmapJson(string? Title, string? Organization, string? ApprovedOn, int Year, IReadOnlyList<RoadmapJson.StageJson> Stages)
{
    public sealed record StageJson(string Number, string Title, string? Task, string? ExpectedResult, IReadOnlyList<string> Responsible, IReadOnlyList<PeriodJson> Periods, IReadOnlyList<ActivityJson> Activities);

    public sealed record ActivityJson(string? Number, string Text, IReadOnlyList<string> Responsible, IReadOnlyList<PeriodJson> Periods);

    public sealed record PeriodJson(string Text, string? Start, string? End, string Recurrence, string? Weekday);

    public static RoadmapJson From(RoadMap map) => new(map.Title, map.Organization, Date(map.ApprovedOn), map.Year,
        map.Stages.Select(s => new StageJson(s.Number, s.Title, s.Task, s.ExpectedResult, s.Responsible, Periods(s.Periods),
            s.Activities.Select(a => new ActivityJson(a.Number, a.Text, a.Responsible, Periods(a.Periods))).ToList())).ToList());

    private static List<PeriodJson> Periods(IEnumerable<Period> periods) => periods.Select(p => new PeriodJson(p.Text, Date(p.Start), Date(p.End),
        p.Recurrence switch
        {
            Recurrence.None => "none",
            Recurrence.Yearly => "yearly",
            Recurrence.Weekly => "weekly",
            Recurrence.OnDemand => "on_demand",
            _ => throw new ArgumentOutOfRangeException(nameof(periods), p.Recurrence, "unknown recurrence"),
        },
        p.Weekday?.ToString().ToLowerInvariant())).ToList();

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
