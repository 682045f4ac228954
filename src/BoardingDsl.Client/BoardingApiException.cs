using System;
using System.Globalization;
using System.Net;

namespace BoardingDsl.Client;

/// <summary>
/// A Boarding API call did not give its documented answer. The base of every error the client raises for an answer
/// (or a missing one): <see cref="BoardingApiStatusException"/> (4xx/5xx, <see cref="BoardingApiRateLimitedException"/>
/// for 429), <see cref="BoardingApiInvalidResponseException"/> (a 2xx that is not the documented JSON),
/// <see cref="BoardingApiResponseTooLargeException"/>, <see cref="BoardingApiRedirectException"/> and
/// <see cref="BoardingApiTimeoutException"/>. A cancellation by the caller's own token stays an
/// <see cref="OperationCanceledException"/>; a failed connection stays an <c>HttpRequestException</c>.
/// Never contains the API key: bodies are kept only as a bounded excerpt with credentials redacted.
/// </summary>
public class BoardingApiException : Exception
{
    /// <summary>The longest excerpt of the body that <see cref="Exception.Message"/> shows.</summary>
    private const int MessageExcerptChars = 4000;

    /// <summary>Creates the exception for an error status.</summary>
    public BoardingApiException(string operation, HttpStatusCode statusCode, string? description, string? responseBody)
        : this(operation, statusCode, description, responseBody, null, StatusMessage(operation, statusCode, description, null) + BodyLine(responseBody), null)
    {
    }

    /// <summary>Creates the exception with its own message.</summary>
    protected BoardingApiException(string operation, HttpStatusCode statusCode, string? description, string? responseBody, string? contentType, string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        Description = description;
        ResponseBody = responseBody;
        ContentType = contentType;
    }

    /// <summary>The operation, e.g. <c>SubmitOrder</c>.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status code; <c>0</c> when no answer came (<see cref="BoardingApiTimeoutException"/>).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>CCV's description of the status code for this operation, from the schema.</summary>
    public string? Description { get; }

    /// <summary>
    /// The response body as text, if any: a bounded excerpt (it ends with <c>…</c> when cut) with any echoed
    /// <c>Authorization</c> value, <c>Basic</c>/<c>Bearer</c> credential and the API key replaced by <c>***</c>.
    /// </summary>
    public string? ResponseBody { get; }

    /// <summary>The answer's <c>Content-Type</c>, if it had one.</summary>
    public string? ContentType { get; }

    /// <summary><c>"{operation} failed with {code} {name}: {description}"</c>, the first line of a status error.</summary>
    private protected static string StatusMessage(string operation, HttpStatusCode statusCode, string? description, TimeSpan? retryAfter) =>
        $"{operation} failed with {(int)statusCode} {statusCode}: {description ?? "undocumented status"}" +
        (retryAfter is { } wait ? $" (Retry-After: {Seconds(wait)})" : string.Empty);

    /// <summary>The body on a new line, cut for the message.</summary>
    private protected static string BodyLine(string? responseBody) =>
        string.IsNullOrEmpty(responseBody)
            ? string.Empty
            : Environment.NewLine + (responseBody.Length <= MessageExcerptChars ? responseBody : responseBody.Substring(0, MessageExcerptChars) + "…");

    private protected static string Seconds(TimeSpan time) =>
        time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}

/// <summary>The API answered with an error status (4xx or 5xx).</summary>
public class BoardingApiStatusException : BoardingApiException
{
    /// <summary>Creates the exception.</summary>
    public BoardingApiStatusException(string operation, HttpStatusCode statusCode, string? description, string? responseBody, string? contentType = null, TimeSpan? retryAfter = null)
        : base(operation, statusCode, description, responseBody, contentType, StatusMessage(operation, statusCode, description, retryAfter) + BodyLine(responseBody), null)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>
    /// How long the server asked to wait before the next call (its <c>Retry-After</c>, in delta-seconds or as an
    /// HTTP-date, counted from when the answer came), when it sent one: on 429 and 503 in particular.
    /// </summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>
/// The API answered 429 Too Many Requests. GET and PATCH calls were retried after <see cref="BoardingApiStatusException.RetryAfter"/>
/// while it was within <see cref="BoardingClientOptions.MaxRetryAfter"/> and the total timeout; this is the answer
/// that was not waited on (or the last one).
/// </summary>
public sealed class BoardingApiRateLimitedException : BoardingApiStatusException
{
    /// <summary>Creates the exception.</summary>
    public BoardingApiRateLimitedException(string operation, string? description, string? responseBody, string? contentType = null, TimeSpan? retryAfter = null)
        : base(operation, HttpStatusCode.TooManyRequests, description, responseBody, contentType, retryAfter)
    {
    }
}

/// <summary>
/// The API answered with a success status, but not with the documented JSON: an HTML page (a captive proxy), an
/// empty body, malformed JSON, a JSON value of the wrong shape, or a content type that is not JSON. The call may or
/// may not have been carried out.
/// </summary>
public sealed class BoardingApiInvalidResponseException : BoardingApiException
{
    /// <summary>Creates the exception.</summary>
    public BoardingApiInvalidResponseException(string operation, HttpStatusCode statusCode, string? contentType, string reason, string? responseBody, Exception? innerException = null)
        : base(operation, statusCode, null, responseBody, contentType,
            $"{operation} answered {(int)statusCode} {statusCode} ({contentType ?? "no content type"}), but not with the documented JSON: {reason}" + BodyLine(responseBody),
            innerException)
    {
        Reason = reason;
    }

    /// <summary>What is wrong with the answer.</summary>
    public string Reason { get; }
}

/// <summary>The answer's body is larger than <see cref="BoardingClientOptions.MaxResponseBytes"/>; it was not read past the limit.</summary>
public sealed class BoardingApiResponseTooLargeException : BoardingApiException
{
    /// <summary>Creates the exception.</summary>
    public BoardingApiResponseTooLargeException(string operation, HttpStatusCode statusCode, string? contentType, long maxResponseBytes, long? contentLength)
        : base(operation, statusCode, null, null, contentType,
            $"{operation} answered {(int)statusCode} {statusCode} with a body of " +
            (contentLength is { } length ? length.ToString(CultureInfo.InvariantCulture) + " bytes" : "more bytes") +
            $" than BoardingClientOptions.MaxResponseBytes ({maxResponseBytes.ToString(CultureInfo.InvariantCulture)}); it was not read.",
            null)
    {
        MaxResponseBytes = maxResponseBytes;
        ContentLength = contentLength;
    }

    /// <summary>The limit that was exceeded.</summary>
    public long MaxResponseBytes { get; }

    /// <summary>The <c>Content-Length</c> the server announced, if it did.</summary>
    public long? ContentLength { get; }
}

/// <summary>
/// The API answered with a redirect (3xx), which the client does not follow: a redirected POST would become a GET
/// elsewhere, and the key would go along. Also raised when an <c>HttpClient</c> of your own did follow one (the
/// answer then came from <see cref="LocationHost"/>, not from the Boarding API). Treat the call as not carried out,
/// and check the base address.
/// </summary>
public sealed class BoardingApiRedirectException : BoardingApiException
{
    /// <summary>Creates the exception.</summary>
    public BoardingApiRedirectException(string operation, HttpStatusCode statusCode, string? locationHost, bool followed)
        : base(operation, statusCode, null, null, null,
            followed
                ? $"{operation} was redirected to {locationHost ?? "another address"} and the HttpClient followed it (answer {(int)statusCode} {statusCode}); that answer is not the Boarding API's. Build the HttpClient with AllowAutoRedirect = false."
                : $"{operation} answered {(int)statusCode} {statusCode}, a redirect to {locationHost ?? "no location"}, which is not followed; check BoardingClientOptions.BaseAddress.",
            null)
    {
        LocationHost = locationHost;
        Followed = followed;
    }

    /// <summary>The host of the redirect's <c>Location</c> (never its path or query), if it had one.</summary>
    public string? LocationHost { get; }

    /// <summary>Whether the <c>HttpClient</c> had already followed the redirect (<see cref="BoardingApiException.StatusCode"/> is then the final answer's).</summary>
    public bool Followed { get; }
}

/// <summary>
/// No answer came in time: the attempt timeout (<see cref="BoardingClientOptions.AttemptTimeout"/>, also for reading
/// the body), the total timeout (<see cref="BoardingClientOptions.TotalTimeout"/>) or the <c>HttpClient.Timeout</c> of a
/// client of your own. <see cref="BoardingApiException.StatusCode"/> is <c>0</c>. A submit that timed out may have been
/// carried out.
/// </summary>
public sealed class BoardingApiTimeoutException : BoardingApiException
{
    /// <summary>Creates the exception.</summary>
    public BoardingApiTimeoutException(string operation, TimeSpan timeout, string which, Exception? innerException)
        : base(operation, 0, null, null, null, $"{operation} timed out: no answer within {which} ({Seconds(timeout)}).", innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that ran out.</summary>
    public TimeSpan Timeout { get; }
}
