using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.Serialization;

namespace BoardingDsl.Client;

/// <summary>
/// The Boarding API as partner code depends on it. The generated <c>&lt;Operation&gt;Async</c> methods
/// (<c>StartOrderAsync</c>, <c>SubmitOrderAsync</c>, <c>GetOrderStatusAsync</c>, those of your own schemas) extend
/// this interface, and <c>AddBoardingClient</c> registers it, so code that calls CCV takes an
/// <see cref="IBoardingClient"/> and a unit test hands it a substitute: one method to implement, which sees the
/// endpoint, the path and the request and answers with the JSON a test chooses (<c>read(HttpStatusCode.OK, json)</c>).
/// <see cref="BoardingClient"/> is the implementation over HTTP.
/// </summary>
public interface IBoardingClient
{
    /// <summary>Sends one call and reads its answer with <paramref name="read"/>. Used by the generated methods.</summary>
    /// <param name="endpoint">The call as its schema describes it.</param>
    /// <param name="path">The path with its parameters filled in (escaped).</param>
    /// <param name="body">The request body, or null.</param>
    /// <param name="read">Reads a success answer's body (the generated model's <c>FromJson</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="BoardingApiException">The API's answer was an error, or not the documented one (see its subclasses).</exception>
    Task<TResponse> SendAsync<TResponse>(
        BoardingEndpoint endpoint,
        string path,
        IBoardingModel? body,
        Func<HttpStatusCode, ReadOnlyMemory<byte>, TResponse> read,
        CancellationToken cancellationToken = default);
}
