using System.Text.RegularExpressions;

namespace MentorBot.Host.Max;

/// <summary>
/// MAX deep links (dev.max.ru/help/deeplinks): <c>https://max.ru/&lt;botName&gt;?start=&lt;payload&gt;</c> opens the
/// dialog with the bot, which receives a <c>bot_started</c> update carrying the payload (≤ 128 characters; longer
/// ones are dropped). MentorBot reads that update as the command <c>/start &lt;payload&gt;</c>, as Telegram's
/// <c>https://t.me/&lt;bot&gt;?start=&lt;payload&gt;</c> arrives.
/// </summary>
public static partial class MaxDeepLinks
{
    /// <summary>The link that starts the bot with <paramref name="payload"/> (an invite token, a <c>/link</c> code).</summary>
    /// <param name="botUsername">The bot's nickname (<see cref="MaxOptions.BotUsername"/>).</param>
    /// <param name="payload">1–128 of <c>A-Za-z0-9_-</c> (our tokens are base64url), so the link needs no escaping.</param>
    /// <exception cref="ArgumentException">An empty nickname, or a payload MAX would drop or mangle.</exception>
    public static string Start(string botUsername, string payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botUsername);
        if (!PayloadPattern().IsMatch(payload ?? ""))
            throw new ArgumentException($"A MAX start payload is 1–{MaxLimits.StartPayload} of A-Za-z0-9_- (longer ones never reach the bot).", nameof(payload));
        return $"https://max.ru/{Uri.EscapeDataString(botUsername.Trim())}?start={payload}";
    }

    /// <summary>
    /// The text a <c>bot_started</c> update stands for: <c>/start &lt;payload&gt;</c>, or <c>/start</c> when the
    /// user opened the bot without a deep link (null, empty or blank payload).
    /// </summary>
    public static string StartCommand(string? payload) =>
        string.IsNullOrWhiteSpace(payload) ? "/start" : $"/start {payload.Trim()}";

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,128}\z")]
    private static partial Regex PayloadPattern();
}
