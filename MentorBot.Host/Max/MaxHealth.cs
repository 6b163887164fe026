namespace MentorBot.Host.Max;

/// <summary>
/// Whether the bot reaches the MAX Bot API, for <c>/healthz</c> beside Telegram's: unhealthy with the reason (no token)
/// until the first poll or the webhook subscription succeeds, and while polls keep failing; healthy again on success.
/// </summary>
public sealed class MaxHealth
{
    private volatile string? problem = "not connected to the MAX Bot API yet";

    /// <summary>Why MAX is unhealthy (one line), or null when it is healthy.</summary>
    public string? Problem => problem;

    /// <summary>Records a successful call.</summary>
    public void Healthy() => problem = null;

    /// <summary>Records a failed call with <paramref name="reason"/>.</summary>
    public void Unhealthy(string reason) => problem = reason;

    /// <summary>One line an operator can act on for a failed MAX call: a rejected token names <c>MENTORBOT_MAX_TOKEN</c>.</summary>
    public static string Describe(Exception e) =>
        e is MaxUnauthorizedException ? "the MAX token was rejected (401): check MENTORBOT_MAX_TOKEN" : $"{e.GetType().Name}: {e.Message}";
}
