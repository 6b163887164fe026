using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Max;

/// <summary>
/// The MAX messenger's settings: <c>MENTORBOT_MAX_TOKEN</c>, <c>MENTORBOT_MAX_API_BASE_URL</c>,
/// <c>MENTORBOT_MAX_BOT_USERNAME</c> (or <c>MaxToken</c>, <c>MaxApiBaseUrl</c>, <c>MaxBotUsername</c> in the
/// <c>MentorBot</c> section of appsettings.json), and <c>MENTORBOT_MAX_WEBHOOK_URL</c> / <c>MENTORBOT_MAX_WEBHOOK_SECRET</c>
/// for webhook mode. Read the same way as the Host's other options. <see cref="ToString"/> never shows the token or the secret.
/// </summary>
public sealed partial class MaxOptions
{
    /// <summary>The MAX Bot API of MAX itself.</summary>
    public const string DefaultApiBaseUrl = "https://platform-api.max.ru";

    /// <summary>The bot's access token from the MAX partner platform (business.max.ru); empty = MAX is off. Sent only in the <c>Authorization</c> header; never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>The API root; a fake in tests.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The bot's nickname, for invite links <c>https://max.ru/&lt;bot&gt;?start=&lt;token&gt;</c>; empty = no MAX link.</summary>
    public string BotUsername { get; set; } = "";

    /// <summary>The public https URL MAX posts updates to (<c>POST /subscriptions</c>, port 443); empty = long polling.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>The webhook's secret (5–256 of <c>A-Za-z0-9_-</c>), checked on every call in <c>X-Max-Bot-Api-Secret</c>; never logged.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>True when MAX posts updates to <see cref="WebhookUrl"/> rather than being polled.</summary>
    public bool IsWebhook => IsConfigured && !string.IsNullOrWhiteSpace(WebhookUrl);

    /// <summary>Time limit of one request other than a long poll.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Added to a long poll's <c>timeout</c> (the server holds the request that long) for the round trip.</summary>
    public TimeSpan LongPollGrace { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>True when a token is set: the host serves MAX.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Token);

    /// <summary>Reads the options: the <c>MentorBot</c> section first, then <c>MAX_*</c> keys (environment, <c>MENTORBOT_</c> prefix stripped) on top.</summary>
    /// <param name="configuration">Configuration with appsettings and environment variables (added with prefix <c>MENTORBOT_</c>).</param>
    public static MaxOptions Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("MentorBot");
        string? Get(string key, string envKey) => configuration[envKey] ?? section[key];
        var options = new MaxOptions();
        options.Token = Get("MaxToken", "MAX_TOKEN") ?? options.Token;
        options.ApiBaseUrl = Get("MaxApiBaseUrl", "MAX_API_BASE_URL") ?? options.ApiBaseUrl;
        options.BotUsername = Get("MaxBotUsername", "MAX_BOT_USERNAME") ?? options.BotUsername;
        options.WebhookUrl = Get("MaxWebhookUrl", "MAX_WEBHOOK_URL") ?? options.WebhookUrl;
        options.WebhookSecret = Get("MaxWebhookSecret", "MAX_WEBHOOK_SECRET") ?? options.WebhookSecret;
        return options;
    }

    /// <summary>
    /// Checks the options; returns every problem as one English line naming the environment variable
    /// (empty when valid). Values are quoted only when they are not the token.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        // Control characters or spaces in a header value make HttpClient throw with the value in its message.
        if (IsConfigured && !TokenPattern().IsMatch(Token))
            problems.Add("MENTORBOT_MAX_TOKEN must be the access token from the MAX partner platform: printable characters without spaces.");
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != "https" && api.Scheme != "http"))
            problems.Add($"MENTORBOT_MAX_API_BASE_URL must be an absolute http(s) URL, not '{ApiBaseUrl}'.");
        if (BotUsername.Length > 0 && !UsernamePattern().IsMatch(BotUsername))
            problems.Add($"MENTORBOT_MAX_BOT_USERNAME must be the bot's nickname as in https://max.ru/<nickname> (letters, digits, '_', '.', '-', no '@'), not '{BotUsername}'.");
        if (IsWebhook && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != "https"))
            problems.Add($"MENTORBOT_MAX_WEBHOOK_URL must be an absolute https URL (MAX posts only to port 443), not '{WebhookUrl}'.");
        if (IsWebhook && !SecretPattern().IsMatch(WebhookSecret))
            problems.Add("MENTORBOT_MAX_WEBHOOK_SECRET must be 5–256 of A-Za-z0-9_- when MENTORBOT_MAX_WEBHOOK_URL is set.");
        if (RequestTimeout <= TimeSpan.Zero || LongPollGrace < TimeSpan.Zero)
            problems.Add("The MAX request time limits must be positive.");
        return problems;
    }

    /// <summary>The API root and whether a token is set; never the token.</summary>
    public override string ToString() =>
        $"MaxOptions {{ ApiBaseUrl = {ApiBaseUrl}, Token = {(IsConfigured ? "<set>" : "<empty>")}, BotUsername = {BotUsername}, WebhookUrl = {WebhookUrl} }}";

    [GeneratedRegex(@"^[\x21-\x7E]{1,1024}\z")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{5,256}\z")]
    private static partial Regex SecretPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,64}\z")]
    private static partial Regex UsernamePattern();
}
