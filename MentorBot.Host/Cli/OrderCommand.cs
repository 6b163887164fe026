using System.CommandLine;
using MentorBot.Host.Features.Pairs;
using MentorBot.Host.Persistence;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>order --org ORG --out FILE.docx</c>: writes the draft «Приказ о закреплении наставнических пар (групп)» of the
/// organisation's approved pairs (issue 5) and prints how many pairs it fixes and how many lack a consent.
/// </summary>
public static class OrderCommand
{
    /// <summary>Builds the <c>order</c> verb.</summary>
    public static Command Create()
    {
        var org = new Option<string>("--org") { Description = "The organisation's id (from org create).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The .docx file to write.", Required = true };
        var command = new Command("order", "Write the order draft fixing the organisation's approved pairs (DOCX).") { org, output };
        command.SetAction(async (parse, ct) =>
        {
            var orgText = parse.GetRequiredValue(org);
            if (!Guid.TryParse(orgText, out var organisationId))
                throw new CliInputException($"--org '{orgText}' is not an organisation id (a UUID printed by org create).");
            var file = parse.GetRequiredValue(output);
            if (!file.Name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
                throw new CliInputException($"--out '{file.Name}' must end with .docx.");
            if (file.Directory is { Exists: false } folder)
                throw new CliInputException($"--out folder {folder.FullName} does not exist.");

            var options = HostCommands.LoadOptions(requireDatabase: true);
            await HostCommands.MigrateAsync(options, TextWriter.Null, quiet: true, ct);
            await using var dataSource = Database.CreateDataSource(options.ConnectionString);
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var draft = await OrderDocument.LoadAsync(connection, null, organisationId, ct)
                ?? throw new CliInputException($"--org {organisationId}: no such organisation.");
            await File.WriteAllBytesAsync(file.FullName, OrderDocument.Build(draft, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime)), ct);
            parse.InvocationConfiguration.Output.WriteLine($"{file.FullName}: {draft.Ready.Count} pairs fixed, {draft.Lacking.Count} lacking a consent");
            return 0;
        });
        return command;
    }
}
