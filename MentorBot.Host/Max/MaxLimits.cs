namespace MentorBot.Host.Max;

/// <summary>
/// The MAX Bot API's limits (OpenAPI schema, dev.max.ru/docs-api; ../shared/reference/max.md). The client
/// refuses requests that break them before sending; the adapter renders replies within them.
/// </summary>
public static class MaxLimits
{
    /// <summary>Characters of a message's text (<c>NewMessageBody.text</c> maxLength; Telegram allows 4096).</summary>
    public const int MessageText = 4000;

    /// <summary>Characters of a callback button's payload (<c>CallbackButton.payload</c> maxLength; Telegram's callback data is 64 bytes).</summary>
    public const int CallbackPayload = 1024;

    /// <summary>Characters of a button's text (<c>Button.text</c> maxLength; about 20 show in a one-button row).</summary>
    public const int ButtonText = 128;

    /// <summary>Rows of an inline keyboard.</summary>
    public const int KeyboardRows = 30;

    /// <summary>Buttons in one row of an inline keyboard.</summary>
    public const int ButtonsPerRow = 7;

    /// <summary>Buttons in one inline keyboard.</summary>
    public const int KeyboardButtons = 210;

    /// <summary>Characters of a deep link's <c>start</c> payload that reach <c>bot_started</c> (dev.max.ru/help/deeplinks; longer ones are dropped).</summary>
    public const int StartPayload = 128;

    /// <summary>Longest long poll, seconds (<c>GET /updates?timeout=</c> 0–90).</summary>
    public const int UpdatesTimeoutSeconds = 90;

    /// <summary>Most updates per <c>GET /updates</c> (<c>limit</c> 1–1000).</summary>
    public const int UpdatesLimit = 1000;

    /// <summary>Requests per second per bot (platform-api.max.ru).</summary>
    public const int RequestsPerSecond = 30;
}
