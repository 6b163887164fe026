namespace MentorBot.Host.Max;

/// <summary>
/// The MAX Bot API answered with an error: an HTTP status other than 200 (the schema's error codes 400,
/// 401, 403, 404, 405, 429, 500, 503) with its JSON body <c>{"code": "…", "message": "…"}</c>, or a 200
/// whose <c>SimpleQueryResult</c> says <c>success: false</c>. Subclasses tell the cases a sender treats
/// differently; this class itself is a refusal that repeating will not change (unless <see cref="IsTransient"/>).
/// The message never contains the token.
/// </summary>
public class MaxApiException : Exception
{
    /// <summary>The error key MAX sends when an uploaded file is not processed yet: send again a little later.</summary>
    public const string AttachmentNotReady = "attachment.not.ready";

    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="code">The body's <c>code</c> (e.g. <c>verify.token</c>), null when the body had none.</param>
    /// <param name="description">The body's <c>message</c>, or what we saw instead; already free of the token.</param>
    public MaxApiException(int statusCode, string? code, string description)
        : base(code is null ? $"MAX Bot API: HTTP {statusCode}: {description}" : $"MAX Bot API: HTTP {statusCode} {code}: {description}")
    {
        StatusCode = statusCode;
        Code = code;
        Description = description;
    }

    /// <summary>The HTTP status (200 for a <c>success: false</c>).</summary>
    public int StatusCode { get; }

    /// <summary>The error key of the body (<c>code</c>), e.g. <c>verify.token</c>, <c>attachment.not.ready</c>.</summary>
    public string? Code { get; }

    /// <summary>The readable description of the body (<c>message</c>).</summary>
    public string Description { get; }

    /// <summary>True when the same request may succeed later: server errors, 429, and an attachment not processed yet.</summary>
    public virtual bool IsTransient => Code == AttachmentNotReady;
}

/// <summary>HTTP 429: more than 30 requests a second for this bot. Transient: wait, then repeat.</summary>
/// <param name="code">The body's <c>code</c>.</param>
/// <param name="description">The body's <c>message</c>.</param>
/// <param name="retryAfter">The <c>Retry-After</c> header, when the server sent one (the docs name no wait).</param>
public sealed class MaxTooManyRequestsException(string? code, string description, TimeSpan? retryAfter)
    : MaxApiException(429, code, description)
{
    /// <summary>How long to wait, when the server said; else the caller's own back-off applies.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <inheritdoc />
    public override bool IsTransient => true;
}

/// <summary>HTTP 401: the token was rejected (revoked, mistyped, or the bot was blocked by moderation). Repeating will not help.</summary>
/// <param name="code">The body's <c>code</c> (MAX: <c>verify.token</c>).</param>
/// <param name="description">The body's <c>message</c>.</param>
public sealed class MaxUnauthorizedException(string? code, string description) : MaxApiException(401, code, description);

/// <summary>
/// HTTP 5xx (503 service unavailable, 500 internal error, a proxy's 502) or an answer that is not the API's
/// JSON. Transient: repeat with back-off.
/// </summary>
/// <param name="statusCode">The HTTP status.</param>
/// <param name="code">The body's <c>code</c>, null when the body was not the API's JSON.</param>
/// <param name="description">The body's <c>message</c>, or a note on what came instead.</param>
public sealed class MaxServerErrorException(int statusCode, string? code, string description)
    : MaxApiException(statusCode, code, description)
{
    /// <inheritdoc />
    public override bool IsTransient => true;
}

/// <summary>
/// No answer from the MAX Bot API: the request timed out (<see cref="IsTimeout"/>) or the connection failed.
/// Always transient. The message names the API path, never the token; no inner exception is kept.
/// </summary>
/// <param name="message">What failed, e.g. "MAX Bot API request POST /messages timed out after 30 s."</param>
/// <param name="isTimeout">True when our time limit ran out.</param>
public sealed class MaxRequestException(string message, bool isTimeout) : Exception(message)
{
    /// <summary>True when our time limit ran out (rather than the connection failing).</summary>
    public bool IsTimeout { get; } = isTimeout;
}
