using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.Serialization;

namespace BoardingDsl.Client;

/// <summary>
/// The typed Boarding API client. The generator adds one <c>&lt;Operation&gt;Async</c> extension method per endpoint
/// schema (<c>StartOrderAsync</c>, <c>SubmitOrderAsync</c>, <c>GetOrderStatusAsync</c>, and those of your own schemas).
/// Register it with <c>services.AddBoardingClient(o => …)</c>, or create it over an <see cref="HttpClient"/>.
/// </summary>
public sealed class BoardingClient
{
    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue _authorization;

    /// <summary>Creates the client over <paramref name="http"/> (its resilience handlers, if any, apply).</summary>
    public BoardingClient(HttpClient http, BoardingClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = http;
        _http.BaseAddress = WithTrailingSlash(_http.BaseAddress ?? options.BaseAddress!);
        _authorization = options.AuthenticationScheme == BoardingAuthenticationScheme.Bearer
            ? new AuthenticationHeaderValue("Bearer", options.ApiKey)
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ApiKey + ":")));
    }

    // "https://host/v1" must keep its "/v1" when the relative API paths are added to it.
    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsolutePath.EndsWith('/') ? address : new Uri(address.GetLeftPart(UriPartial.Path) + "/" + address.Query);

    /// <summary>Sends one call and reads its answer with <paramref name="read"/>. Used by the generated methods.</summary>
    /// <exception cref="BoardingApiException">The API answered with an error status.</exception>
    public async Task<TResponse> SendAsync<TResponse>(
        BoardingEndpoint endpoint,
        string path,
        IBoardingModel? body,
        Func<HttpStatusCode, ReadOnlyMemory<byte>, TResponse> read,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        using var request = new HttpRequestMessage(endpoint.Method, path.TrimStart('/'));
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Options.Set(BoardingRequestOptions.Endpoint, endpoint);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(BoardingJson.SerializeToUtf8Bytes(body))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
            };
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            endpoint.Responses.TryGetValue((int)response.StatusCode, out var description);
            throw new BoardingApiException(endpoint.Operation, response.StatusCode, description, bytes.Length == 0 ? null : Encoding.UTF8.GetString(bytes));
        }

        return read(response.StatusCode, bytes);
    }

    /// <summary>Reads an undocumented answer as it came.</summary>
    public static BoardingApiResponse ReadUndocumented(HttpStatusCode statusCode, ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return new BoardingApiResponse(statusCode, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return new BoardingApiResponse(statusCode, document.RootElement.Clone());
        }
        catch (JsonException)
        {
            return new BoardingApiResponse(statusCode, null);
        }
    }

    /// <summary>Fills a path parameter, escaped.</summary>
    public static string FillPath(string path, string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override string ToString() => $"BoardingClient({_http.BaseAddress})";
}

/// <summary>Keys of <see cref="HttpRequestMessage.Options"/> the client sets.</summary>
public static class BoardingRequestOptions
{
    /// <summary>The endpoint of the request, so handlers can tell a submit from a configurator call.</summary>
    public static readonly HttpRequestOptionsKey<BoardingEndpoint> Endpoint = new("BoardingDsl.Endpoint");
}
