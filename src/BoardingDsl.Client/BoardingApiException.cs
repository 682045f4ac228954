using System;
using System.Net;

namespace BoardingDsl.Client;

/// <summary>The Boarding API answered with an error status. Never contains the API key.</summary>
public sealed class BoardingApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BoardingApiException(string operation, HttpStatusCode statusCode, string? description, string? responseBody)
        : base($"{operation} failed with {(int)statusCode} {statusCode}: {description ?? "undocumented status"}" +
               (string.IsNullOrEmpty(responseBody) ? string.Empty : Environment.NewLine + Truncate(responseBody)))
    {
        Operation = operation;
        StatusCode = statusCode;
        Description = description;
        ResponseBody = responseBody;
    }

    /// <summary>The operation, e.g. <c>SubmitOrder</c>.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>CCV's description of the status code for this operation, from the schema.</summary>
    public string? Description { get; }

    /// <summary>The response body as text, if any.</summary>
    public string? ResponseBody { get; }

    private static string Truncate(string body) => body.Length <= 4000 ? body : body.Substring(0, 4000) + "…";
}
