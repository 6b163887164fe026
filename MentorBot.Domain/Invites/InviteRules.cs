using MentorBot.Domain.Organisations;

namespace MentorBot.Domain.Invites;

/// <summary>Whether an invite may still be redeemed.</summary>
public enum InviteStatus
{
    /// <summary>It exists, has not expired and has uses left.</summary>
    Valid,

    /// <summary>No invite has this token (mistyped, cut off, or never issued).</summary>
    Unknown,

    /// <summary>Its expiry moment has passed.</summary>
    Expired,

    /// <summary>All its uses are taken.</summary>
    UsedUp,
}

/// <summary>How many times and for how long an invite works.</summary>
/// <param name="MaxUses">Uses allowed, ≥ 1; null = unlimited.</param>
/// <param name="Lifetime">How long it works from creation; null = no expiry.</param>
public sealed record InviteLimits(int? MaxUses, TimeSpan? Lifetime);

/// <summary>The rules of invite links (issue 4), free of storage.</summary>
public static class InviteRules
{
    /// <summary>The longest lifetime a curator may give a link, in days.</summary>
    public const int MaxLifetimeDays = 365;

    /// <summary>
    /// The limits when none are given: a link for mentees or mentors is shared with a whole staff, so
    /// it is unlimited for 30 days; a curator's, head's or psychologist's link grants rights over others' data
    /// (152-ФЗ ст. 19: access limited to those who need it), so it works once within 7 days.
    /// </summary>
    public static InviteLimits DefaultLimits(Role role) => role is Role.Curator or Role.Head or Role.Psychologist
        ? new InviteLimits(1, TimeSpan.FromDays(7))
        : new InviteLimits(null, TimeSpan.FromDays(30));

    /// <summary>
    /// The status of an invite that exists: <see cref="InviteStatus.Expired"/> when <paramref name="now"/>
    /// is at or past <paramref name="expiresAt"/>, <see cref="InviteStatus.UsedUp"/> when
    /// <paramref name="uses"/> reached <paramref name="maxUses"/>, else valid (expiry is reported first).
    /// </summary>
    public static InviteStatus Check(int? maxUses, int uses, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is { } end && now >= end) return InviteStatus.Expired;
        if (maxUses is { } max && uses >= max) return InviteStatus.UsedUp;
        return InviteStatus.Valid;
    }

    /// <summary>
    /// The deep link that opens the bot with the token: <c>https://t.me/&lt;bot&gt;?start=&lt;token&gt;</c>
    /// (Bot API deep linking). Without a bot username (console chat, or <c>MENTORBOT_BOT_USERNAME</c>
    /// unset) it is the command to type instead, <c>/start &lt;token&gt;</c>, which works in any chat with the bot.
    /// </summary>
    public static string Link(string? botUsername, string token)
    {
        var name = botUsername?.Trim().TrimStart('@');
        return string.IsNullOrEmpty(name) ? $"/start {token}" : $"https://t.me/{name}?start={token}";
    }

    /// <summary>
    /// The MAX deep link of an invite, <c>https://max.ru/BOT?start=TOKEN</c> (dev.max.ru/help/deeplinks: the bot gets
    /// <c>bot_started</c> with the token, read as <c>/start TOKEN</c>; our 24-character tokens fit its 128).
    /// </summary>
    /// <param name="maxBotUsername">The bot's MAX nickname.</param>
    /// <param name="token">The invite token.</param>
    public static string MaxLink(string maxBotUsername, string token) => $"https://max.ru/{maxBotUsername.Trim().TrimStart('@')}?start={token}";
}
