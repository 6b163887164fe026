using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MentorBot.Domain.Invites;

/// <summary>
/// The secret of an invite link (issue 4): 144 random bits from the OS's cryptographic generator,
/// base64url without padding — 24 characters of <c>A-Za-z0-9_-</c>, which the Bot API accepts as a
/// <c>/start</c> deep-link parameter (1–64 such characters) and <c>invites.token</c>'s CHECK requires (22–64).
/// </summary>
public static partial class InviteToken
{
    /// <summary>Random bytes per token (144 bits; the issue asks for at least 128).</summary>
    public const int Bytes = 18;

    /// <summary>A fresh unguessable token (24 characters).</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>True when <paramref name="text"/> has the shape of a token (22–64 of <c>A-Za-z0-9_-</c>); says nothing of whether it exists.</summary>
    public static bool IsWellFormed(string? text) => text is not null && Shape().IsMatch(text);

    [GeneratedRegex(@"^[A-Za-z0-9_-]{22,64}\z")]
    private static partial Regex Shape();
}
