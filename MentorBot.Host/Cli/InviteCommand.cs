using System.CommandLine;
using MentorBot.Domain.Invites;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Configuration;
using MentorBot.Host.Features.Invites;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Persistence;
using Npgsql;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>invite --org ORG --role mentee|mentor|curator|head|psychologist [--uses N] [--expires DAYS]</c>: creates an
/// invite and prints its deep link <c>https://t.me/BOT?start=TOKEN</c>. Without <c>MENTORBOT_BOT_USERNAME</c>
/// it prints <c>/start TOKEN</c> (what to send the bot) and says so on stderr. Defaults per role:
/// <see cref="InviteRules.DefaultLimits"/>.
/// </summary>
public static class InviteCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var org = new Option<string>("--org") { Description = "The organisation's id (org create prints it).", Required = true };
        var role = new Option<string>("--role") { Description = "mentee, mentor, curator, head or psychologist.", Required = true };
        var uses = new Option<int?>("--uses") { Description = "How many people may join by it (default: unlimited for mentee/mentor, 1 for curator/head)." };
        var expires = new Option<int?>("--expires") { Description = $"Days it works, 1–{InviteRules.MaxLifetimeDays} (default: 30 for mentee/mentor, 7 for curator/head)." };
        var command = new Command("invite", "Create an invite link to an organisation for a role.") { org, role, uses, expires };
        command.SetAction(async (parse, ct) =>
        {
            var orgText = parse.GetRequiredValue(org);
            if (!Guid.TryParse(orgText, out var organisationId))
                throw new CliInputException($"--org '{orgText}' is not an organisation id (org create prints one).");
            var roleText = parse.GetRequiredValue(role);
            if (!Roles.TryParse(roleText, out var parsedRole))
                throw new CliInputException($"--role '{roleText}' is not one of mentee, mentor, curator, head, psychologist.");
            var limits = InviteRules.DefaultLimits(parsedRole);
            if (parse.GetValue(uses) is { } n)
                limits = n >= 1 ? limits with { MaxUses = n } : throw new CliInputException($"--uses must be at least 1, not {n}.");
            if (parse.GetValue(expires) is { } days)
                limits = days is >= 1 and <= InviteRules.MaxLifetimeDays
                    ? limits with { Lifetime = TimeSpan.FromDays(days) }
                    : throw new CliInputException($"--expires must be 1–{InviteRules.MaxLifetimeDays} days, not {days}.");

            var options = HostCommands.LoadOptions(requireDatabase: true);
            await HostCommands.MigrateAsync(options, TextWriter.Null, quiet: true, ct);
            await using var dataSource = Database.CreateDataSource(options.ConnectionString);
            var organisation = await OrganisationStore.FindAsync(dataSource, organisationId, ct)
                ?? throw new CliInputException($"--org {organisationId}: no such organisation.");
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var invite = await InviteStore.CreateAsync(connection, null, organisation.Id, parsedRole, limits, null, TimeProvider.System.GetUtcNow(), ct);
            PrintLink(parse, options, invite);
            return 0;
        });
        return command;
    }

    /// <summary>Creates the first curator's invite of a new organisation (one use, 7 days) and prints its link.</summary>
    internal static async Task PrintCuratorInviteAsync(ParseResult parse, MentorBotOptions options, NpgsqlDataSource dataSource, Guid organisationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var invite = await InviteStore.CreateAsync(connection, null, organisationId, Role.Curator, InviteRules.DefaultLimits(Role.Curator), null, TimeProvider.System.GetUtcNow(), cancellationToken);
        PrintLink(parse, options, invite);
    }

    private static void PrintLink(ParseResult parse, MentorBotOptions options, CreatedInvite invite)
    {
        parse.InvocationConfiguration.Output.WriteLine(InvitesFeature.Link(options, invite.Token));
        if (InvitesFeature.IsCommandOnly(options))
            parse.InvocationConfiguration.Error.WriteLine("note: MENTORBOT_BOT_USERNAME is not set, so the invite is printed as the /start command to send the bot instead of a t.me link.");
    }
}
