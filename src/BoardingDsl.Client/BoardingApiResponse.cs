using System.Net;
using System.Text.Json;

namespace BoardingDsl.Client;

/// <summary>
/// The answer of a call whose response body CCV does not document (SubmitOrder): the status code and the body, a
/// JSON object (the client refuses anything else as a <see cref="BoardingApiInvalidResponseException"/>).
/// </summary>
public sealed class BoardingApiResponse
{
    /// <summary>Creates the response.</summary>
    public BoardingApiResponse(HttpStatusCode statusCode, JsonElement? body)
    {
        StatusCode = statusCode;
        Body = body;
    }

    /// <summary>The HTTP status code (CCV documents both 200 "Order created" and 201 "Success" for SubmitOrder).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The body: a JSON object when read by the client.</summary>
    public JsonElement? Body { get; }

    /// <summary>A string member of the body, e.g. <c>orderId</c>, when present.</summary>
    public string? GetString(string member) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <inheritdoc />
    public override string ToString() => $"{(int)StatusCode} {Body?.GetRawText()}";
}
