using System.CommandLine;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Persistence;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>org create --name N --time-zone TZ</c>: creates an organisation and prints its id, then on a second
/// line the first curator's invite link (one use, 7 days; see <see cref="InviteCommand"/>).
/// </summary>
public static class OrgCommand
{
    /// <summary>Builds the <c>org</c> verb with its <c>create</c> subcommand.</summary>
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "The organisation's name.", Required = true };
        var timeZone = new Option<string>("--time-zone") { Description = "Its IANA time zone, e.g. Asia/Omsk or Europe/Volgograd.", Required = true };
        var create = new Command("create", "Create an organisation; print its id and a curator invite link.") { name, timeZone };
        create.SetAction(async (parse, ct) =>
        {
            var nameText = parse.GetRequiredValue(name).Trim();
            if (nameText.Length == 0)
                throw new CliInputException("--name must not be blank.");
            if (nameText.Length > OrganisationStore.MaxNameLength)
                throw new CliInputException($"--name is longer than {OrganisationStore.MaxNameLength} characters.");
            var zoneText = parse.GetRequiredValue(timeZone);
            if (!IanaTimeZone.TryResolve(zoneText, out var zone))
                throw new CliInputException($"--time-zone '{zoneText}' is not an IANA time zone such as Asia/Omsk or Europe/Volgograd.");

            var options = HostCommands.LoadOptions(requireDatabase: true);
            await HostCommands.MigrateAsync(options, TextWriter.Null, quiet: true, ct);
            await using var dataSource = Database.CreateDataSource(options.ConnectionString);
            var organisation = await OrganisationStore.CreateAsync(dataSource, nameText, zone, TimeProvider.System.GetUtcNow(), ct);
            parse.InvocationConfiguration.Output.WriteLine(organisation.Id);
            await InviteCommand.PrintCuratorInviteAsync(parse, options, dataSource, organisation.Id, ct);
            return 0;
        });

        return new Command("org", "Organisations.") { create };
    }
}
