using System.Text.RegularExpressions;
using MentorBot.Host.Max;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Configuration;

/// <summary>How updates reach the bot.</summary>
public enum ReceiveMode
{
    /// <summary>Long polling with getUpdates (the default; needs no public address).</summary>
    Polling,

    /// <summary>Telegram posts updates to our HTTPS endpoint (several instances behind a load balancer).</summary>
    Webhook,
}

/// <summary>
/// The Host's settings, read from <c>appsettings.json</c> (section <c>MentorBot</c>) and overridden by
/// environment variables with the <c>MENTORBOT_</c> prefix (e.g. <c>MENTORBOT_BOT_TOKEN</c>).
/// </summary>
public sealed partial class MentorBotOptions
{
    /// <summary>Npgsql connection string (<c>MENTORBOT_CONNECTION_STRING</c>).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Bot API token from @BotFather (<c>MENTORBOT_BOT_TOKEN</c>); empty = console chat. Never logged.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>Bot API base URL (<c>MENTORBOT_API_BASE_URL</c>); overridable for the emulator.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Polling or webhook (<c>MENTORBOT_MODE</c>).</summary>
    public ReceiveMode Mode { get; set; } = ReceiveMode.Polling;

    /// <summary>Public HTTPS URL Telegram posts to in webhook mode (<c>MENTORBOT_WEBHOOK_URL</c>).</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>Secret Telegram echoes in <c>X-Telegram-Bot-Api-Secret-Token</c> (<c>MENTORBOT_WEBHOOK_SECRET</c>; Bot API: 1–256 of <c>A-Za-z0-9_-</c>).</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Address Kestrel listens on for the webhook, <c>/healthz</c> and <c>/jobs</c> (<c>MENTORBOT_LISTEN_URL</c>; not in the console chat).</summary>
    public string ListenUrl { get; set; } = "http://0.0.0.0:8080";

    /// <summary>Global send rate of the bot over any sliding second, all instances together (<c>MENTORBOT_SENDER_RATE</c>; Telegram allows about 30).</summary>
    public int SenderRate { get; set; } = 25;

    /// <summary>
    /// Hours a message is retried after network errors, 5xx and timeouts before it fails for good
    /// (<c>MENTORBOT_SENDER_RETRY_HOURS</c>, 1–168): a reminder that arrives late beats one that never arrives.
    /// </summary>
    public int SenderRetryHours { get; set; } = 24;

    /// <summary>Bot username for deep links when getMe is not available (<c>MENTORBOT_BOT_USERNAME</c>).</summary>
    public string BotUsername { get; set; } = "";

    /// <summary>Folder the console chat saves the documents the bot sends into (<c>MENTORBOT_CONSOLE_DOCUMENTS</c>; relative to the working directory).</summary>
    public string ConsoleDocuments { get; set; } = "out";

    /// <summary>Secret that opens the jobs Dashboard at <c>/jobs</c> (<c>MENTORBOT_DASHBOARD_SECRET</c>); empty = closed to everyone. Never logged.</summary>
    public string DashboardSecret { get; set; } = "";

    /// <summary>Lets the Dashboard trigger, requeue and delete jobs (<c>MENTORBOT_DASHBOARD_WRITABLE=true</c>); read-only by default.</summary>
    public bool DashboardWritable { get; set; }

    /// <summary>The MAX messenger's settings (<c>MENTORBOT_MAX_*</c>, issue 16); MAX is served when its token is set, beside Telegram or alone.</summary>
    public MaxOptions Max { get; set; } = new();

    /// <summary>True when a Telegram token is set: the bot serves Telegram.</summary>
    public bool HasTelegram => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>True when neither messenger has a token: the bot talks through the terminal instead.</summary>
    public bool IsConsole => !HasTelegram && !Max.IsConfigured;

    /// <summary>Reads the options: the <c>MentorBot</c> section first, then <c>MENTORBOT_*</c> keys (env, prefix stripped) on top.</summary>
    /// <param name="configuration">Configuration with appsettings and environment variables (added with prefix <c>MENTORBOT_</c>).</param>
    /// <exception cref="OptionsException">A value cannot be read (e.g. a mode that is neither polling nor webhook).</exception>
    public static MentorBotOptions Load(IConfiguration configuration)
    {
        var options = new MentorBotOptions();
        var section = configuration.GetSection("MentorBot");
        string? Get(string key, string envKey) => configuration[envKey] ?? section[key];

        options.ConnectionString = Get(nameof(ConnectionString), "CONNECTION_STRING") ?? options.ConnectionString;
        options.BotToken = Get(nameof(BotToken), "BOT_TOKEN") ?? options.BotToken;
        options.ApiBaseUrl = Get(nameof(ApiBaseUrl), "API_BASE_URL") ?? options.ApiBaseUrl;
        options.WebhookUrl = Get(nameof(WebhookUrl), "WEBHOOK_URL") ?? options.WebhookUrl;
        options.WebhookSecret = Get(nameof(WebhookSecret), "WEBHOOK_SECRET") ?? options.WebhookSecret;
        options.ListenUrl = Get(nameof(ListenUrl), "LISTEN_URL") ?? options.ListenUrl;
        options.BotUsername = Get(nameof(BotUsername), "BOT_USERNAME") ?? options.BotUsername;
        options.DashboardSecret = Get(nameof(DashboardSecret), "DASHBOARD_SECRET") ?? options.DashboardSecret;
        options.Max = MaxOptions.Load(configuration);
        options.ConsoleDocuments = Get(nameof(ConsoleDocuments), "CONSOLE_DOCUMENTS") is { Length: > 0 } folder ? folder : options.ConsoleDocuments;
        var writable = Get(nameof(DashboardWritable), "DASHBOARD_WRITABLE");
        if (!string.IsNullOrWhiteSpace(writable))
            options.DashboardWritable = bool.TryParse(writable.Trim(), out var w)
                ? w
                : throw new OptionsException($"MENTORBOT_DASHBOARD_WRITABLE must be 'true' or 'false', not '{writable}'.");

        var mode = Get(nameof(Mode), "MODE");
        if (!string.IsNullOrWhiteSpace(mode))
        {
            // Only the names: Enum.TryParse would also take "1" or "polling,webhook" (flags) as webhook.
            var name = Enum.GetNames<ReceiveMode>().FirstOrDefault(n => n.Equals(mode.Trim(), StringComparison.OrdinalIgnoreCase));
            options.Mode = name is not null
                ? Enum.Parse<ReceiveMode>(name)
                : throw new OptionsException($"MENTORBOT_MODE must be 'polling' or 'webhook', not '{mode}'.");
        }

        var rate = Get(nameof(SenderRate), "SENDER_RATE");
        if (!string.IsNullOrWhiteSpace(rate))
            options.SenderRate = int.TryParse(rate, out var r)
                ? r
                : throw new OptionsException($"MENTORBOT_SENDER_RATE must be a whole number of messages per second, not '{rate}'.");
        var retry = Get(nameof(SenderRetryHours), "SENDER_RETRY_HOURS");
        if (!string.IsNullOrWhiteSpace(retry))
            options.SenderRetryHours = int.TryParse(retry, out var h)
                ? h
                : throw new OptionsException($"MENTORBOT_SENDER_RETRY_HOURS must be a whole number of hours, not '{retry}'.");
        return options;
    }

    /// <summary>
    /// Checks the options for running the bot; returns every problem as a one-line English message
    /// naming the environment variable (empty when valid). The token's value never appears in a message.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString))
            problems.Add("MENTORBOT_CONNECTION_STRING is not set.");
        if (HasTelegram && !TokenPattern().IsMatch(BotToken))
            problems.Add("MENTORBOT_BOT_TOKEN does not look like a Bot API token (digits, a colon, then letters, digits, '_' or '-').");
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != "https" && api.Scheme != "http"))
            problems.Add($"MENTORBOT_API_BASE_URL must be an absolute http(s) URL, not '{ApiBaseUrl}'.");
        if (SenderRate is < 1 or > 30)
            problems.Add($"MENTORBOT_SENDER_RATE must be 1–30 messages per second (Telegram allows about 30), not {SenderRate}.");
        if (SenderRetryHours is < 1 or > 168)
            problems.Add($"MENTORBOT_SENDER_RETRY_HOURS must be 1–168 hours, not {SenderRetryHours}.");
        if (Mode == ReceiveMode.Webhook)
        {
            if (!HasTelegram)
                problems.Add("MENTORBOT_MODE=webhook needs MENTORBOT_BOT_TOKEN.");
            if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != "https")
                problems.Add("MENTORBOT_WEBHOOK_URL must be an absolute https URL in webhook mode.");
            if (!SecretPattern().IsMatch(WebhookSecret))
                problems.Add("MENTORBOT_WEBHOOK_SECRET must be 1–256 characters of A-Z, a-z, 0-9, '_' or '-' in webhook mode (Bot API setWebhook).");
        }

        // Every mode but the console chat listens (the webhook, /healthz, /jobs).
        if ((Mode == ReceiveMode.Webhook || !IsConsole) && !Uri.TryCreate(ListenUrl, UriKind.Absolute, out _))
            problems.Add($"MENTORBOT_LISTEN_URL must be an absolute URL, not '{ListenUrl}'.");
        problems.AddRange(Max.Validate());
        if (DashboardSecret.Length is > 0 and < 16)
            problems.Add("MENTORBOT_DASHBOARD_SECRET must be at least 16 characters (or empty to keep /jobs closed).");

        return problems;
    }

    // \z, not $: in .NET "$" also matches before a final newline, which would let "token\n" through.
    [GeneratedRegex(@"^[0-9]{1,20}:[A-Za-z0-9_-]{20,}\z")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}\z")]
    private static partial Regex SecretPattern();
}

/// <summary>Configuration that cannot be used; the message names the variable and is safe to print.</summary>
/// <param name="message">One line naming the setting and what is wrong.</param>
public sealed class OptionsException(string message) : Exception(message);
