namespace MentorBot.Host.Telegram;

/// <summary>
/// The Bot API refused a request (<c>ok: false</c>) or answered with something that is not the API's
/// JSON (e.g. a proxy's HTML 502). Named as in Telegram.Bot. The message never contains the bot token.
/// </summary>
public class ApiRequestException : Exception
{
    /// <summary>Creates the exception from the response's description, error code and parameters.</summary>
    public ApiRequestException(string message, int errorCode, ResponseParameters? parameters = null)
        : base(message)
    {
        ErrorCode = errorCode;
        Parameters = parameters;
    }

    /// <summary>The API's <c>error_code</c> (400, 403, 409, 429…), or the HTTP status when the body was not the API's JSON.</summary>
    public int ErrorCode { get; }

    /// <summary>The API's <c>parameters</c>: <c>retry_after</c> after a 429, <c>migrate_to_chat_id</c> after a group migration.</summary>
    public ResponseParameters? Parameters { get; }

    /// <summary>The API's <c>description</c>, e.g. "Forbidden: bot was blocked by the user".</summary>
    public string Description => Message;
}
