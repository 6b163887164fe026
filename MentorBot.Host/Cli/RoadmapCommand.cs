using System.CommandLine;
using MentorBot.Domain.Roadmaps;
using MentorBot.Host.Features.Roadmaps;
using MentorBot.Host.Persistence;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>roadmap parse FILE [--year Y]</c>: prints the parsed road map as JSON (issue 3's shape);
/// touches no database. <c>roadmap import FILE --org ORG [--year Y] [--replace]</c>: stores it as
/// the organisation's programme (<see cref="RoadMapImport"/>) and prints a summary.
/// </summary>
public static class RoadmapCommand
{
    private const string FileDescription = "The road-map document: .docx, PDF with a text layer, or text (UTF-8, UTF-16, windows-1251) with tab-separated rows; at most 20 MB.";

    /// <summary>Builds the <c>roadmap</c> verb with its <c>parse</c> and <c>import</c> subcommands.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = FileDescription };
        var year = YearOption();
        var parse = new Command("parse", "Parse a road-map document and print it as JSON.") { file, year };
        parse.SetAction(parseResult =>
        {
            var (roadMap, _) = ReadAndParse(parseResult.GetValue(file)!, parseResult.GetValue(year));
            CliJson.Write(parseResult.InvocationConfiguration.Output, RoadmapJson.From(roadMap));
            return 0;
        });

        return new Command("roadmap", "Road-map documents («дорожная карта»).") { parse, CreateImport() };
    }

    private static Command CreateImport()
    {
        var file = new Argument<FileInfo>("FILE") { Description = FileDescription };
        var org = new Option<string>("--org") { Description = "The organisation's id (org create prints it).", Required = true };
        var year = YearOption();
        var replace = new Option<bool>("--replace") { Description = "Replace the organisation's current plan, keeping done marks where a stage's number and title match." };
        var import = new Command("import", "Store a road-map document as the organisation's programme.") { file, org, year, replace };
        import.SetAction(async (parse, ct) =>
        {
            var orgText = parse.GetRequiredValue(org);
            if (!Guid.TryParse(orgText, out var organisationId))
                throw new CliInputException($"--org '{orgText}' is not an organisation id (org create prints one).");
            var path = parse.GetValue(file)!;
            var (roadMap, text) = ReadAndParse(path, parse.GetValue(year));

            var options = HostCommands.LoadOptions(requireDatabase: true);
            await HostCommands.MigrateAsync(options, TextWriter.Null, quiet: true, ct);
            await using var dataSource = Database.CreateDataSource(options.ConnectionString);
            RoadMapImportResult result;
            try
            {
                result = await new RoadMapImport(dataSource, TimeProvider.System)
                    .ImportAsync(organisationId, roadMap, new RoadMapSource(path.Name, text), parse.GetValue(replace), ct);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.CheckViolation)
            {
                // The transaction rolled back; a parsed value the schema refuses is bad input, not a crash.
                throw new CliInputException($"{path.Name}: the road map cannot be stored ({e.ConstraintName}: {e.MessageText}); nothing was changed.");
            }
            var summary = result.Outcome switch
            {
                RoadMapImportOutcome.Imported => result.Summary!,
                RoadMapImportOutcome.UnknownOrganisation => throw new CliInputException($"--org {organisationId}: no such organisation."),
                RoadMapImportOutcome.PlanExists => throw new CliInputException($"organisation {organisationId} already has a road map; run again with --replace to replace it (done marks of matching stages are kept)."),
                _ => throw new InvalidOperationException($"unknown import outcome {result.Outcome}"),
            };

            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"{(summary.Replaced ? "replaced" : "imported")} the road map of «{summary.OrganisationName}» from {path.Name}: "
                + $"{summary.Stages} stages, {summary.Activities} activities, {summary.Periods} periods "
                + $"({summary.DefaultPeriods} from the default schedule), {summary.ResponsiblePersons} responsible persons");
            if (summary.Replaced)
                output.WriteLine($"done marks kept: {summary.DoneMarksKept}; period edits kept: {summary.PeriodEditsKept}");
            return 0;
        });
        return import;
    }

    /// <summary>
    /// <c>--year Y</c>: load the document as a template for the academic year starting 1 September Y — the years it
    /// states in its title and periods move with it, as the chat's «Загрузить на Y/Y+1 учебный год» does (issue 17).
    /// </summary>
    private static Option<int?> YearOption() => new("--year")
    {
        Description = "Load the document for the academic year starting 1 September of this year: the years it states move with it.",
    };

    private static (RoadMap RoadMap, string Text) ReadAndParse(FileInfo path, int? year)
    {
        if (year is { } y && !RoadMapParser.IsValidYear(y))
            throw new CliInputException($"--year {y}: a year from {RoadMap.MinYear} to {RoadMap.MaxYear} is expected.");
        var text = RoadmapFile.Read(path);
        try
        {
            return (RoadMapParser.Parse(text, new RoadMapParseOptions(DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime), year, Template: year is not null)), text);
        }
        catch (RoadMapFormatException e)
        {
            throw new CliInputException($"{path.Name}: {e.Message}");
        }
    }
}

/// <summary>Reads a road-map file (.docx, PDF or text) into the parser's text (<see cref="RoadMapFiles"/>).</summary>
internal static class RoadmapFile
{
    /// <summary>
    /// Word (.docx), PDF with a text layer, or text (UTF-8, UTF-16 with a BOM, windows-1251).
    /// Throws <see cref="CliInputException"/> for a missing file, one over <see cref="RoadmapFeature.MaxUploadBytes"/>
    /// (checked before reading it: the chat's limit, so the CLI takes what the bot takes), or a file <see cref="RoadMapFiles.ReadText"/> cannot read.
    /// </summary>
    public static string Read(FileInfo path)
    {
        byte[] bytes;
        try
        {
            path.Refresh();
            if (path.Exists && path.Length > RoadmapFeature.MaxUploadBytes)
                throw new CliInputException($"{path.Name}: the file is {path.Length / (1024 * 1024.0):0.#} MB; a road map may be at most {RoadmapFeature.MaxUploadBytes / (1024 * 1024)} MB (the Bot API's download limit).");
            bytes = File.ReadAllBytes(path.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{path.Name}: cannot read the file ({e.Message})");
        }

        try
        {
            return RoadMapFiles.ReadText(bytes);
        }
        catch (RoadMapFileException e)
        {
            throw new CliInputException($"{path.Name}: {RoadMapFiles.Describe(e)}");
        }
    }
}

/// <summary>The JSON shape <c>roadmap parse</c> prints (issue 3).</summary>
internal sealed record RoadmapJson(string? Title, string? Organization, string? ApprovedOn, int Year, IReadOnlyList<RoadmapJson.StageJson> Stages,
    IReadOnlyList<RoadmapJson.FragmentJson> Unrecognised)
{
    /// <summary>A fragment not understood (issue 13): table row (header = 1; null above the table), column header, text.</summary>
    public sealed record FragmentJson(int? Row, string? Column, string Text);

    public sealed record StageJson(string Number, string Title, string? Task, string? ExpectedResult, IReadOnlyList<string> Responsible, IReadOnlyList<PeriodJson> Periods, IReadOnlyList<ActivityJson> Activities);

    public sealed record ActivityJson(string? Number, string Text, IReadOnlyList<string> Responsible, IReadOnlyList<PeriodJson> Periods);

    public sealed record PeriodJson(string Text, string? Start, string? End, string Recurrence, string? Weekday);

    public static RoadmapJson From(RoadMap map) => new(map.Title, map.Organization, Date(map.ApprovedOn), map.Year,
        map.Stages.Select(s => new StageJson(s.Number, s.Title, s.Task, s.ExpectedResult, s.Responsible, Periods(s.Periods),
            s.Activities.Select(a => new ActivityJson(a.Number, a.Text, a.Responsible, Periods(a.Periods))).ToList())).ToList(),
        map.Unrecognised.Select(f => new FragmentJson(f.Row, f.Column, f.Text)).ToList());

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
