using System.Security.Cryptography;
using System.Text;

namespace MentorBot.Domain.Accounts;

/// <summary>
/// The one-time code that joins a person's account in another messenger to them (issue 16, <c>/link</c>): 8 characters
/// of an alphabet without look-alikes (no 0/O, 1/I/l), valid 10 minutes, used once; only its SHA-256 is stored.
/// </summary>
public static class LinkCode
{
    /// <summary>Letters and digits a person cannot confuse when retyping the code on another device.</summary>
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>The code's length: 32^8 ≈ 10^12 codes, against 5 wrong tries an hour per account.</summary>
    public const int Length = 8;

    /// <summary>How long a code may be used (the issue: 10 minutes).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Wrong or expired codes an account may send in <see cref="AttemptWindow"/> before it must wait.</summary>
    public const int MaxWrongAttempts = 5;

    /// <summary>The window of <see cref="MaxWrongAttempts"/>.</summary>
    public static readonly TimeSpan AttemptWindow = TimeSpan.FromHours(1);

    /// <summary>A new random code (<see cref="RandomNumberGenerator"/>).</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>
    /// The code as typed, normalised: spaces and dashes dropped, upper case; null when it cannot be a code (wrong
    /// length or a character outside <see cref="Alphabet"/>).
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null) return null;
        var code = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    /// <summary>The stored form of a normalised code: SHA-256 of its UTF-8 bytes.</summary>
    public static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));
}
