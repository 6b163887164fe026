using Telegram.Bot.Exceptions;

namespace MentorBot.Host.Telegram;

/// <summary>
/// Whether the bot is connected to the Bot API, for <c>/healthz</c> (issue 12 item 6): unhealthy with the reason
/// until start-up has set or deleted the webhook, and whenever polling fails; healthy again on the next success.
/// </summary>
public sealed class TelegramHealth
{
    private readonly TaskCompletionSource connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? problem = "not connected to the Bot API yet";

    /// <summary>Why the bot is unhealthy (one line, no token), or null when it is healthy.</summary>
    public string? Problem => problem;

    /// <summary>Completes once start-up has reached the Bot API (polling waits for it: getUpdates answers 409 while a webhook is set).</summary>
    public Task StartedUp => connected.Task;

    /// <summary>Records a successful call: healthy.</summary>
    public void Healthy()
    {
        problem = null;
        connected.TrySetResult();
    }

    /// <summary>Records a failed call: unhealthy with <paramref name="reason"/>.</summary>
    public void Unhealthy(string reason) => problem = reason;

    /// <summary>
    /// One line an operator can act on for a failed Bot API call: a rejected token (401) names
    /// <c>MENTORBOT_BOT_TOKEN</c>; other refusals give the code and description; anything else is «unreachable».
    /// Token-shaped text is scrubbed (<see cref="TelegramSecrets.Scrub"/>).
    /// </summary>
    public static string Describe(Exception e) => e switch
    {
        ApiRequestException { ErrorCode: 401 } => "the token was rejected (401): check MENTORBOT_BOT_TOKEN",
        ApiRequestException refused => TelegramSecrets.Scrub($"the Bot API refused ({refused.ErrorCode}: {refused.Message})"),
        _ => TelegramSecrets.Scrub($"Bot API unreachable ({e.Message})"),
    };
}
