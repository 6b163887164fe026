using System.Text.RegularExpressions;

namespace MentorBot.Host.Telegram;

/// <summary>
/// Keeps the bot token out of texts we store or log. The token travels in every request URL
/// (<c>/bot{token}/method</c>), so any message that quotes a URL could carry it.
/// </summary>
public static partial class TelegramSecrets
{
    /// <summary>Replaces anything shaped like a bot token (<c>123456:ABC-…</c>, Bot API) with <c>&lt;token&gt;</c>.</summary>
    public static string Scrub(string text) => Token().Replace(text, "<token>");

    [GeneratedRegex(@"\d{3,20}(:|%3A)[A-Za-z0-9_-]{20,}", RegexOptions.IgnoreCase)]
    private static partial Regex Token();
}
