using System.Collections.Generic;
using System.Net.Http;

namespace BoardingDsl.Client;

/// <summary>One Boarding API call as its schema's <c>x-boarding-endpoint</c> describes it.</summary>
/// <param name="Operation">The operation name, e.g. <c>StartOrder</c>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The documented path, with <c>{parameter}</c> placeholders.</param>
/// <param name="Responses">CCV's description of each documented status code.</param>
public sealed record BoardingEndpoint(string Operation, HttpMethod Method, string Path, IReadOnlyDictionary<int, string> Responses)
{
    /// <summary>
    /// Whether a lost answer may be asked for again automatically: GET, and the configurator PATCH calls (they take
    /// the whole order and return it, so repeating one changes nothing). Never the submit POST: a second submit
    /// creates a second order.
    /// </summary>
    public bool IsRetriable => Method == HttpMethod.Get || Method == HttpMethod.Patch;
}
