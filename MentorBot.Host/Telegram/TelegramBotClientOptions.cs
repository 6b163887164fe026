namespace MentorBot.Host.Telegram;

/// <summary>Where and as whom the client talks to the Bot API.</summary>
public sealed class TelegramBotClientOptions
{
    /// <summary>The bot token from @BotFather; a secret: it never appears in a log or an exception message.</summary>
    public string Token { get; set; } = "";

    /// <summary>The API root; override it for the telegram-test-api emulator or a local Bot API server.</summary>
    public string BaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>
    /// Time limit of one request other than a long poll. A long poll (getUpdates with a timeout) gets
    /// its own timeout plus <see cref="LongPollGrace"/>, because the server holds it open that long.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra time a long poll gets beyond its <c>timeout</c> for the network round trip.</summary>
    public TimeSpan LongPollGrace { get; set; } = TimeSpan.FromSeconds(10);
}
