using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.Serialization;
using Polly.Timeout;

namespace BoardingDsl.Client;

/// <summary>
/// The typed Boarding API client. The generator adds one <c>&lt;Operation&gt;Async</c> extension method per endpoint
/// schema (<c>StartOrderAsync</c>, <c>SubmitOrderAsync</c>, <c>GetOrderStatusAsync</c>, and those of your own schemas).
/// Register it with <c>services.AddBoardingClient(o => …)</c>, or create it over an <see cref="HttpClient"/>.
/// </summary>
public sealed class BoardingClient : IBoardingClient
{
    /// <summary>How much of an error answer's body is read (at most <see cref="BoardingClientOptions.MaxResponseBytes"/>).</summary>
    private const int ErrorBodyBytes = 64 * 1024;

    /// <summary>The longest body excerpt an exception keeps.</summary>
    private const int ExcerptChars = 16 * 1024;

    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly BoardingRedactor _redactor;
    private readonly int _maxResponseBytes;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _totalTimeout;

    /// <summary>Creates the client over <paramref name="http"/> (its resilience handlers, if any, apply).</summary>
    /// <exception cref="InvalidOperationException">The options, or the base address of <paramref name="http"/>, cannot work.</exception>
    public BoardingClient(HttpClient http, BoardingClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (http.BaseAddress is { } own)
        {
            BoardingClientOptions.ValidateAddress(own, "HttpClient.BaseAddress");
        }

        _http = http;
        _http.BaseAddress = WithTrailingSlash(_http.BaseAddress ?? options.BaseAddress!);
        _authorization = options.AuthenticationScheme == BoardingAuthenticationScheme.Bearer
            ? new AuthenticationHeaderValue("Bearer", options.ApiKey)
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ApiKey + ":")));
        _redactor = new BoardingRedactor(options.ApiKey!);
        _maxResponseBytes = options.MaxResponseBytes;
        _attemptTimeout = options.AttemptTimeout;
        _totalTimeout = options.TotalTimeout;
    }

    // "https://host/v1" must keep its "/v1" when the relative API paths are added to it.
    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsolutePath.EndsWith('/') ? address : new Uri(address.GetLeftPart(UriPartial.Path) + "/" + address.Query);

    /// <summary>
    /// Sends one call and reads its answer with <paramref name="read"/>. Used by the generated methods. The answer is
    /// read only up to <see cref="BoardingClientOptions.MaxResponseBytes"/>; <paramref name="read"/> sees only a 2xx
    /// with a JSON content type and a non-empty body, and a <see cref="JsonException"/> it throws is a
    /// <see cref="BoardingApiInvalidResponseException"/>.
    /// </summary>
    /// <exception cref="BoardingApiStatusException">The API answered with an error status (<see cref="BoardingApiRateLimitedException"/> for 429).</exception>
    /// <exception cref="BoardingApiInvalidResponseException">A success status without the documented JSON.</exception>
    /// <exception cref="BoardingApiResponseTooLargeException">A success answer larger than the limit.</exception>
    /// <exception cref="BoardingApiRedirectException">A redirect (3xx).</exception>
    /// <exception cref="BoardingApiTimeoutException">No answer within the attempt or total timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="HttpRequestException">The connection failed.</exception>
    public async Task<TResponse> SendAsync<TResponse>(
        BoardingEndpoint endpoint,
        string path,
        IBoardingModel? body,
        Func<HttpStatusCode, ReadOnlyMemory<byte>, TResponse> read,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(read);
        var relative = path.TrimStart('/');
        var target = new Uri(_http.BaseAddress!, relative);
        using var request = new HttpRequestMessage(endpoint.Method, relative);
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Options.Set(BoardingRequestOptions.Endpoint, endpoint);
        request.Options.Set(BoardingRequestOptions.StartedAt, Stopwatch.GetTimestamp());
        if (body is not null)
        {
            request.Content = new ByteArrayContent(BoardingJson.SerializeToUtf8Bytes(body))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
            };
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new BoardingApiTimeoutException(endpoint.Operation, e.Timeout, e.Timeout == _attemptTimeout ? "the attempt timeout" : e.Timeout == _totalTimeout ? "the total timeout" : "a timeout", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BoardingApiTimeoutException(endpoint.Operation, _http.Timeout, "HttpClient.Timeout", e);
        }

        using (response)
        {
            return await ReadAsync(endpoint, target, response, read, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TResponse> ReadAsync<TResponse>(
        BoardingEndpoint endpoint,
        Uri target,
        HttpResponseMessage response,
        Func<HttpStatusCode, ReadOnlyMemory<byte>, TResponse> read,
        CancellationToken cancellationToken)
    {
        var operation = endpoint.Operation;
        var status = response.StatusCode;
        var contentType = response.Content.Headers.ContentType is { } type ? _redactor.Redact(type.ToString()) : null;
        endpoint.Responses.TryGetValue((int)status, out var description);

        // Not followed by AddBoardingClient's handler; a redirect an HttpClient of the caller's own followed shows as
        // an answer from elsewhere (and, for a POST, to a GET): it is not the Boarding API's answer either.
        if ((int)status is >= 300 and < 400)
        {
            throw new BoardingApiRedirectException(operation, status, LocationHost(response.Headers.Location, target), followed: false);
        }

        if (response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } answered &&
            (!string.Equals(answered.Authority, target.Authority, StringComparison.OrdinalIgnoreCase) || response.RequestMessage.Method != endpoint.Method))
        {
            throw new BoardingApiRedirectException(operation, status, answered.Host, followed: true);
        }

        var success = response.IsSuccessStatusCode;
        if (success && response.Content.Headers.ContentLength is { } announced && announced > _maxResponseBytes)
        {
            throw new BoardingApiResponseTooLargeException(operation, status, contentType, _maxResponseBytes, announced);
        }

        var limit = success ? _maxResponseBytes : Math.Min(_maxResponseBytes, ErrorBodyBytes);
        (byte[] Buffer, int Length, bool Cut) bytes;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_attemptTimeout);
            try
            {
                bytes = await ReadBoundedAsync(response.Content, limit, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new BoardingApiTimeoutException(operation, _attemptTimeout, "the attempt timeout, reading the body", e);
            }
        }

        var content = new ReadOnlyMemory<byte>(bytes.Buffer, 0, bytes.Length);
        if (!success)
        {
            var excerpt = _redactor.Excerpt(content.Span, bytes.Cut, ExcerptChars);
            var retryAfter = RetryAfterOf(response);
            throw status == HttpStatusCode.TooManyRequests
                ? new BoardingApiRateLimitedException(operation, description, excerpt, contentType, retryAfter)
                : new BoardingApiStatusException(operation, status, description, excerpt, contentType, retryAfter);
        }

        if (bytes.Cut)
        {
            throw new BoardingApiResponseTooLargeException(operation, status, contentType, _maxResponseBytes, null);
        }

        if (!IsJson(response.Content.Headers.ContentType))
        {
            throw Invalid(contentType is null ? "the answer has no content type" : "the content type is not JSON", null);
        }

        if (content.IsEmpty)
        {
            throw Invalid("the body is empty", null);
        }

        try
        {
            return read(status, content);
        }
        catch (JsonException e)
        {
            throw Invalid(_redactor.Redact(e.Message), e);
        }

        BoardingApiInvalidResponseException Invalid(string reason, Exception? inner) =>
            new(operation, status, contentType, reason, _redactor.Excerpt(content.Span, false, ExcerptChars), inner);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; <c>Cut</c> when more came.</summary>
    private static async Task<(byte[] Buffer, int Length, bool Cut)> ReadBoundedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var announced = content.Headers.ContentLength;
            var buffer = new byte[(int)Math.Min(announced is { } n and >= 0 ? n + 1 : 16 * 1024, (long)limit + 1)];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        return (buffer, limit, true);
                    }

                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
                }

                var got = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (got == 0)
                {
                    return (buffer, length, false);
                }

                length += got;
                if (length > limit)
                {
                    return (buffer, limit, true);
                }
            }
        }
    }

    private static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media &&
        (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
         media.Equals("text/json", StringComparison.OrdinalIgnoreCase) ||
         media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The redirect target's host only (a relative Location stays on the request's host).</summary>
    private static string? LocationHost(Uri? location, Uri target) =>
        location is null ? null : location.IsAbsoluteUri ? location.Host : target.Host;

    /// <summary>The answer's <c>Retry-After</c> as a wait from now (an HTTP-date in the past is zero), if it sent one.</summary>
    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };

    /// <summary>
    /// Reads an undocumented answer (SubmitOrder's). CCV documents no body for it, but the status call needs the
    /// order id that only the submit answer can carry, and a captive proxy's HTML page or an empty 200 must not pass
    /// for a submitted order: the answer must be a JSON object (the sandbox answers <c>{"orderId": …}</c>).
    /// </summary>
    /// <exception cref="JsonException">The body is empty, not JSON, or not a JSON object.</exception>
    public static BoardingApiResponse ReadUndocumented(HttpStatusCode statusCode, ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            throw new JsonException("The body is empty; a JSON object is expected.");
        }

        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"The body is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not a JSON object.");
        }

        return new BoardingApiResponse(statusCode, document.RootElement.Clone());
    }

    /// <summary>Fills a path parameter, escaped.</summary>
    public static string FillPath(string path, string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override string ToString() => $"BoardingClient({BoardingClientOptions.Printable(_http.BaseAddress)})";
}

/// <summary>Keys of <see cref="HttpRequestMessage.Options"/> the client sets.</summary>
public static class BoardingRequestOptions
{
    /// <summary>The endpoint of the request, so handlers can tell a submit from a configurator call.</summary>
    public static readonly HttpRequestOptionsKey<BoardingEndpoint> Endpoint = new("BoardingDsl.Endpoint");

    /// <summary>When the call began (<see cref="Stopwatch.GetTimestamp"/>), so a retry can tell how much of the total timeout is left.</summary>
    internal static readonly HttpRequestOptionsKey<long> StartedAt = new("BoardingDsl.StartedAt");
}
