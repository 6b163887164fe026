using System.CommandLine;
using MentorBot.Domain.Exports;
using MentorBot.Host.Features.Exports;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Persistence;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>export --org ORG --what mentors|mentees|pairs|meetings|feedback|satisfaction|impact --format csv|xlsx --out FILE</c>
/// (issue 7 «Exports»): writes one organisation's export to a file. Every argument is checked before the
/// database is read; the file appears whole or not at all (written beside the target, then moved in).
/// </summary>
public static class ExportCommand
{
    /// <summary>Builds the <c>export</c> verb.</summary>
    public static Command Create()
    {
        var org = new Option<string>("--org") { Description = "The organisation's id (org create prints it).", Required = true };
        var what = new Option<string>("--what") { Description = "mentors | mentees | pairs | meetings | feedback | satisfaction | impact", Required = true };
        var format = new Option<string>("--format") { Description = "csv (UTF-8 with BOM, ';') | xlsx", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The file to write (replaced when it exists).", Required = true };
        var command = new Command("export", "Export a bank, pairs, meetings or survey results of an organisation to CSV or XLSX.") { org, what, format, output };
        command.SetAction(async (parse, ct) =>
        {
            var whatText = parse.GetRequiredValue(what);
            if (!ExportCodes.TryParseKind(whatText, out var kind))
                throw new CliInputException($"--what '{whatText}' is not one of {string.Join(", ", ExportCodes.Kinds.Select(k => k.Code()))}.");
            var formatText = parse.GetRequiredValue(format);
            if (!ExportCodes.TryParseFormat(formatText, out var fileFormat))
                throw new CliInputException($"--format '{formatText}' is not csv or xlsx.");
            var orgText = parse.GetRequiredValue(org);
            if (!Guid.TryParse(orgText, out var organisationId))
                throw new CliInputException($"--org '{orgText}' is not an organisation id (org create prints one).");
            var path = parse.GetRequiredValue(output);
            if (Directory.Exists(path.FullName))
                throw new CliInputException($"--out {path.FullName} is a directory, not a file.");
            if (path.Directory is not { Exists: true })
                throw new CliInputException($"--out {path.FullName}: the directory does not exist.");

            var options = HostCommands.LoadOptions(requireDatabase: true);
            await HostCommands.MigrateAsync(options, TextWriter.Null, quiet: true, ct);
            await using var dataSource = Database.CreateDataSource(options.ConnectionString);
            var organisation = await OrganisationStore.FindAsync(dataSource, organisationId, ct)
                ?? throw new CliInputException($"--org {organisationId}: no such organisation.");
            ExportTable table;
            await using (var connection = await dataSource.OpenConnectionAsync(ct))
                table = await ExportStore.LoadAsync(connection, null, organisationId, TimeZoneInfo.FindSystemTimeZoneById(organisation.TimeZone), kind, ct);

            WriteWhole(path, ExportFile.Write(table, fileFormat));
            parse.InvocationConfiguration.Output.WriteLine($"exported {table.Rows.Count} row{(table.Rows.Count == 1 ? "" : "s")} of «{table.Title}» of «{organisation.Name}» to {path.FullName}");
            return 0;
        });
        return command;
    }

    /// <summary>Writes <paramref name="content"/> to a temporary file beside <paramref name="path"/> and moves it in, so no partial file is ever left.</summary>
    /// <exception cref="CliInputException">The place cannot be written; nothing is left behind.</exception>
    internal static void WriteWhole(FileInfo path, byte[] content)
    {
        var temporary = Path.Combine(path.DirectoryName!, $".{path.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path.FullName, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { /* nothing was created */ }
            throw new CliInputException($"--out {path.FullName}: cannot write the file ({e.Message})");
        }
    }
}
