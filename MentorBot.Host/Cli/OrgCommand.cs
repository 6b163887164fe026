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
    /// <summary>Builds the <c>org</c> verb with its <c>create</c> and <c>weights</c> subcommands.</summary>
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

        return new Command("org", "Organisations.") { create, Weights() };
    }

    /// <summary>
    /// <c>org weights --org ORG (--file FILE | --reset)</c>: stores the organisation's matching weights (a JSON
    /// object of <see cref="Domain.Matching.MatchingWeights"/>, camelCase; omitted ones keep their defaults) or
    /// goes back to the defaults, then prints the weights in force.
    /// </summary>
    private static Command Weights()
    {
        var org = new Option<string>("--org") { Description = "The organisation's id.", Required = true };
        var file = new Option<FileInfo?>("--file") { Description = "JSON file, e.g. {\"competency\": 0.5, \"subject\": 0.1}." };
        var reset = new Option<bool>("--reset") { Description = "Back to the default weights." };
        var command = new Command("weights", "Set an organisation's matching weights (or --reset to the defaults).") { org, file, reset };
        command.SetAction(async (parse, ct) =>
        {
            var orgText = parse.GetRequiredValue(org);
            if (!Guid.TryParse(orgText, out var organisationId))
                throw new CliInputException($"--org '{orgText}' is not an organisation id.");
            var path = parse.GetValue(file);
            var toDefaults = parse.GetValue(reset);
            if ((path is null) == !toDefaults)
                throw new CliInputException("give either --file FILE or --reset.");
            Domain.Matching.MatchingWeights? weights = null;
            if (path is not null)
            {
                if (!path.Exists) throw new CliInputException($"--file '{path.FullName}' does not exist.");
                weights = Features.Pairs.OrganisationWeights.TryParse(await File.ReadAllTextAsync(path.FullName, ct), out var problem)
                    ?? throw new CliInputException($"{path.Name}: {problem}");
            }

            var options = HostCommands.LoadOptions(requireDatabase: true);
            await HostCommands.MigrateAsync(options, TextWriter.Null, quiet: true, ct);
            await using var dataSource = Database.CreateDataSource(options.ConnectionString);
            if (!await Features.Pairs.OrganisationWeights.SaveAsync(dataSource, organisationId, weights, ct))
                throw new CliInputException($"no organisation with id {organisationId}.");
            parse.InvocationConfiguration.Output.WriteLine(System.Text.Json.JsonSerializer.Serialize(
                weights ?? Domain.Matching.MatchingWeights.Default, Features.Pairs.OrganisationWeights.Json));
            return 0;
        });
        return command;
    }
}
