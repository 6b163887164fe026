using System.CommandLine;
using System.Globalization;
using MentorBot.Domain.Digests;
using MentorBot.Host.Features.Digests;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Host.Cli;

/// <summary><c>digest --org ORG [--now ISO-8601]</c>: prints the curator's weekly digest as plain text (nothing is sent).</summary>
public static class DigestCommand
{
    /// <summary>Builds the <c>digest</c> verb.</summary>
    public static Command Create()
    {
        var org = new Option<string>("--org") { Description = "The organisation's id (org create prints it).", Required = true };
        var nowOption = new Option<string?>("--now") { Description = "The moment to compose as, ISO-8601 (default: now)." };
        var command = new Command("digest", "Print the weekly digest of an organisation.") { org, nowOption };
        command.SetAction(async (parse, ct) =>
        {
            var orgText = parse.GetRequiredValue(org);
            if (!Guid.TryParse(orgText, out var organisationId))
                throw new CliInputException($"--org '{orgText}' is not an organisation id (a UUID, as org create prints it).");
            var nowText = parse.GetValue(nowOption);
            var now = DateTimeOffset.UtcNow;
            if (nowText is not null && !DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out now))
                throw new CliInputException($"--now '{nowText}' is not an ISO-8601 moment such as 2026-09-07T09:00:00+06:00.");

            var options = HostCommands.LoadOptions(requireDatabase: true);
            await HostCommands.MigrateAsync(options, TextWriter.Null, quiet: true, ct);
            var services = new ServiceCollection().AddLogging().AddMentorBotCore(options).BuildServiceProvider();
            await using (services)
            {
                var digests = services.GetRequiredService<DigestService>();
                var organisation = await digests.FindAsync(organisationId, ct)
                    ?? throw new CliInputException($"no organisation has the id {organisationId}.");
                parse.InvocationConfiguration.Output.WriteLine(WeeklyDigest.ToPlainText(await digests.ComposeAsync(organisation, now, ct)));
            }

            return 0;
        });
        return command;
    }
}
