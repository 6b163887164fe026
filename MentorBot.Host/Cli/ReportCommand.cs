using System.CommandLine;
using System.Globalization;
using MentorBot.Domain.Reports;
using MentorBot.Domain.Scheduling;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Features.Reports;
using MentorBot.Host.Persistence;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>report --org ORG --what quality|impact|programme --out FILE.docx [--year Y]</c> (issue 14): writes a monitoring
/// report or the programme's final report, the curator's view, dated today in the organisation's time zone. Every
/// argument is checked before the database is read; the file appears whole or not at all.
/// </summary>
public static class ReportCommand
{
    /// <summary>The earliest and latest programme year accepted by <c>--year</c>.</summary>
    public const int MinYear = 2000, MaxYear = 2100;

    /// <summary>Builds the <c>report</c> verb.</summary>
    public static Command Create()
    {
        var org = new Option<string>("--org") { Description = "The organisation's id (org create prints it).", Required = true };
        var what = new Option<string>("--what") { Description = "quality | impact | programme", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The .docx file to write (replaced when it exists).", Required = true };
        var yearOption = new Option<string?>("--year") { Description = "The programme year by the year it starts in (2026 = 2026/2027); default: the current one." };
        var command = new Command("report", "Write a monitoring report (quality, impact) or the programme's final report (DOCX).") { org, what, output, yearOption };
        command.SetAction(async (parse, ct) =>
        {
            var whatText = parse.GetRequiredValue(what);
            if (!ReportKinds.TryParse(whatText, out var kind))
                throw new CliInputException($"--what '{whatText}' is not one of {string.Join(", ", ReportKinds.All.Select(k => k.Code()))}.");
            var orgText = parse.GetRequiredValue(org);
            if (!Guid.TryParse(orgText, out var organisationId))
                throw new CliInputException($"--org '{orgText}' is not an organisation id (org create prints one).");
            var file = parse.GetRequiredValue(output);
            if (!file.Name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
                throw new CliInputException($"--out '{file.Name}' must end with .docx.");
            if (Directory.Exists(file.FullName))
                throw new CliInputException($"--out {file.FullName} is a directory, not a file.");
            if (file.Directory is not { Exists: true })
                throw new CliInputException($"--out {file.FullName}: the directory does not exist.");
            int? year = null;
            if (parse.GetValue(yearOption) is { } yearText)
            {
                if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < MinYear or > MaxYear)
                    throw new CliInputException($"--year '{yearText}' is not a year from {MinYear} to {MaxYear} (2026 means 2026/2027).");
                year = y;
            }

            var options = HostCommands.LoadOptions(requireDatabase: true);
            await HostCommands.MigrateAsync(options, TextWriter.Null, quiet: true, ct);
            await using var dataSource = Database.CreateDataSource(options.ConnectionString);
            var organisation = await OrganisationStore.FindAsync(dataSource, organisationId, ct)
                ?? throw new CliInputException($"--org {organisationId}: no such organisation.");
            var today = LocalDates.Of(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(organisation.TimeZone));
            var programmeYear = year is { } chosen ? new ProgrammeYear(chosen) : ProgrammeYear.Of(today);
            ReportDocument report;
            await using (var connection = await dataSource.OpenConnectionAsync(ct))
                report = await ReportBuilder.BuildAsync(connection, null, organisation, kind, programmeYear, today, curatorView: true, ct);

            ExportCommand.WriteWhole(file, ReportDocx.Write(report));
            parse.InvocationConfiguration.Output.WriteLine($"wrote «{report.Title}» of «{organisation.Name}» for {programmeYear.Label} to {file.FullName}");
            return 0;
        });
        return command;
    }
}
