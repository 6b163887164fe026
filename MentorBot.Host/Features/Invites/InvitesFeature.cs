using System.Globalization;
using MentorBot.Domain.Conversations;
using MentorBot.Domain.Invites;
using MentorBot.Domain.Organisations;
using MentorBot.Host.Configuration;
using MentorBot.Host.Features.Consents;
using MentorBot.Host.Features.Organisations;
using MentorBot.Host.Pipeline;
using Microsoft.Extensions.Logging;

namespace MentorBot.Host.Features.Invites;

/// <summary>
/// Invite links (issue 4): <c>/invite</c> for curators (a button per role → a link to their current
/// organisation only) and the redemption of <c>/start TOKEN</c>, which grants the role and goes on to
/// the consents. Buttons: <c>invite:new:ROLE</c>.
/// </summary>
public sealed class InvitesFeature(MentorBotOptions options, ILogger<InvitesFeature> logger) : IChatFeature
{
    private const string Prefix = "invite";

    /// <summary>The roles /invite offers, in button order.</summary>
    public static readonly IReadOnlyList<Role> InvitableRoles = [Role.Mentee, Role.Mentor, Role.Curator, Role.Head, Role.Psychologist];

    /// <inheritdoc />
    public void Map(ChatRoutes routes) => routes
        .Command("invite", AskRoleAsync, InviteTexts.InviteMenu, Role.Curator)
        .Choice(Prefix, CreateAsync);

    /// <summary>
    /// Redeems <paramref name="token"/> for the sender: an unknown, expired or used-up invite gets a clear
    /// message and changes nothing; a valid one counts a use (under the invite's row lock, so concurrent
    /// redemptions never exceed its limit), grants its role (a second invite adds a role to the same
    /// membership) and starts the consents. Opening an invite for a role already held counts no use.
    /// </summary>
    public static async Task RedeemAsync(ChatContext context, string token)
    {
        var invite = InviteToken.IsWellFormed(token) ? await InviteStore.LockAsync(context.Connection, context.Transaction, token, context.CancellationToken) : null;
        var status = invite?.StatusAt(context.Now) ?? InviteStatus.Unknown;
        if (status != InviteStatus.Valid || !Roles.TryParse(invite!.Role, out var role))
        {
            context.Reply(Reply.Plain(status switch
            {
                InviteStatus.Expired => InviteTexts.Expired,
                InviteStatus.UsedUp => InviteTexts.UsedUp,
                _ => InviteTexts.Unknown,
            }));
            return;
        }

        var existing = await MembershipStore.FindAsync(context.Connection, context.Transaction, invite.OrganisationId, context.ParticipantId, context.CancellationToken);
        Member member;
        if (existing is not null && existing.Has(role))
        {
            member = existing;
            await OrganisationSwitch.MakeCurrentAsync(context, member.Organisation.Id);
            context.Reply(Reply.Plain(InviteTexts.AlreadyJoined(member.Organisation.Name, role)));
        }
        else
        {
            await InviteStore.CountUseAsync(context.Connection, context.Transaction, token, context.CancellationToken);
            var membershipId = await MembershipStore.GrantAsync(context.Connection, context.Transaction, invite.OrganisationId, context.ParticipantId, role, context.Now, context.CancellationToken);
            member = await MembershipStore.GetAsync(context.Connection, context.Transaction, membershipId, context.CancellationToken)
                ?? throw new InvalidOperationException($"membership {membershipId} was granted but is not active");
            context.Reply(Reply.Plain(InviteTexts.Joined(member.Organisation.Name, role)));
        }

        await ConsentConversation.BeginAsync(context, member);
    }

    /// <summary>
    /// The text that hands an invite over: <c>https://t.me/BOT?start=TOKEN</c>, or <c>/start TOKEN</c>
    /// when no bot username is configured (<see cref="InviteRules.Link"/>); when MAX is served with a bot nickname,
    /// the MAX link <c>https://max.ru/BOT?start=TOKEN</c> too (issue 16), each on its own labelled line.
    /// </summary>
    public static string Link(MentorBotOptions options, string token)
    {
        if (!HasMaxLink(options)) return InviteRules.Link(options.BotUsername, token);
        var max = InviteRules.MaxLink(options.Max.BotUsername, token);
        return string.IsNullOrWhiteSpace(options.BotUsername) ? max : $"Telegram: {InviteRules.Link(options.BotUsername, token)}\nMAX: {max}";
    }

    /// <summary>True when invites carry no link at all, only the <c>/start TOKEN</c> command (no bot name is configured).</summary>
    public static bool IsCommandOnly(MentorBotOptions options) => string.IsNullOrWhiteSpace(options.BotUsername) && !HasMaxLink(options);

    private static bool HasMaxLink(MentorBotOptions options) => options.Max.IsConfigured && !string.IsNullOrWhiteSpace(options.Max.BotUsername);

    private static async Task AskRoleAsync(ChatContext context, ChatInput input)
    {
        if (await Access.RequireAsync(context, Role.Curator) is not { } member) return;
        context.Reply(Reply.WithChoices(InviteTexts.WhomToInvite(member.Organisation.Name),
            [.. InvitableRoles.Select(r => new Choice(InviteTexts.RoleButton(r), $"{Prefix}:new:{r.Code()}"))]));
    }

    private async Task CreateAsync(ChatContext context, ChatInput input)
    {
        var parts = ((ChoiceInput)input).Data.Split(':');
        if (parts is not [_, "new", var code] || !Roles.TryParse(code, out var role))
        {
            context.AnswerChoice(PipelineTexts.ButtonExpired);
            return;
        }

        if (await Access.RequireAsync(context, Role.Curator) is not { } member) return;
        context.AnswerChoice();
        var invite = await InviteStore.CreateAsync(context.Connection, context.Transaction, member.Organisation.Id, role,
            InviteRules.DefaultLimits(role), context.ParticipantId, context.Now, context.CancellationToken);
        var expires = invite.ExpiresAt is { } at
            ? TimeZoneInfo.ConvertTime(at, member.TimeZone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)
            : null;
        var link = Link(options, invite.Token);
        // The curator cannot fix a setting; the operator can (issue 17 item 14). The console chat has no Telegram name to set.
        if (IsCommandOnly(options) && !options.IsConsole)
            logger.LogWarning("An invite of organisation {OrganisationId} was shown as a /start command: MENTORBOT_BOT_USERNAME is not set, so no t.me link can be made", member.Organisation.Id);
        context.Reply(Reply.Plain(InviteTexts.Link(member.Organisation.Name, role, link, expires, invite.MaxUses, IsCommandOnly(options))));
    }
}
