using System.CommandLine;
using MentorBot.Host.Features.Consents;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Persistence;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>consents act --org ORG --out FILE.docx</c>: writes the organisation's destruction record («акт об
/// уничтожении персональных данных») from its destruction entries (<see cref="DestructionAct"/>).
/// </summary>
public static class ConsentsCommand
{
    /// <summary>Builds the <c>consents</c> verb with its <c>act</c> subcommand.</summary>
    public static Command Create()
    {
        var org = new Option<string>("--org") { Description = "The organisation's id (org create prints it).", Required = true };
        var output = new Option<string>("--out") { Description = "The .docx file to write.", Required = true };
        var act = new Command("act", "Write the destruction record of withdrawn personal data as DOCX.") { org, output };
        act.SetAction(async (parse, ct) =>
        {
            var orgText = parse.GetRequiredValue(org);
            if (!Guid.TryParse(orgText, out var organisationId))
                throw new CliInputException($"--org '{orgText}' is not an organisation id (org create prints one).");
            var path = parse.GetRequiredValue(output);
            if (!path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
                throw new CliInputException($"--out '{path}' must name a .docx file.");
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null && !Directory.Exists(folder))
                throw new CliInputException($"--out '{path}': the folder does not exist.");

            var options = HostCommands.LoadOptions(requireDatabase: true);
            await HostCommands.MigrateAsync(options, TextWriter.Null, quiet: true, ct);
            await using var dataSource = Database.CreateDataSource(options.ConnectionString);
            var organisation = await OrganisationStore.FindAsync(dataSource, organisationId, ct)
                ?? throw new CliInputException($"--org {organisationId}: no such organisation.");
            var records = await DestructionAct.LoadAsync(dataSource, organisation.Id, ct);
            if (records.Count == 0)
                throw new CliInputException($"organisation {organisation.Id} has no destruction entries: nobody has withdrawn consent there.");
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var head = (await MembershipStore.NamesWithRoleAsync(connection, null, organisation.Id, Domain.Organisations.Role.Head, ct)).FirstOrDefault();
            var bytes = DestructionAct.Build(organisation.Name, head, TimeZoneInfo.FindSystemTimeZoneById(organisation.TimeZone), records, TimeProvider.System.GetUtcNow());
            await File.WriteAllBytesAsync(path, bytes, ct);
            parse.InvocationConfiguration.Output.WriteLine($"wrote {path}: {records.Count} destruction entr{(records.Count == 1 ? "y" : "ies")}");
            return 0;
        });
        return new Command("consents", "Consents and the destruction record.") { act };
    }
}
