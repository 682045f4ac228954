using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace BoardingDsl.Client.Tests.Support;

/// <summary>One attempt as the handler saw it (the handler sits inside the resilience handler, so each retry is one attempt).</summary>
internal sealed record Attempt(string Operation, HttpMethod Method, string Path, int Number, HttpRequestMessage Request, CancellationToken CancellationToken);

/// <summary>One finished attempt: what went out and what came back.</summary>
internal sealed record Exchange(string Operation, string Method, string Path, int Number, string? RequestBody, int? StatusCode, string? ResponseBody, string? Error);

/// <summary>
/// Records every attempt of the client and lets a test answer or fail one itself (a CCV answer the sandbox never
/// gives: 403, 500, a dropped connection) instead of passing it on to the server.
/// </summary>
internal sealed class Traffic
{
    private readonly ConcurrentQueue<Exchange> _exchanges = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    /// <summary>
    /// Decides each attempt: call <c>next</c> to pass it on, or answer with <see cref="Answer"/>, or throw. Null: pass on.
    /// </summary>
    public Func<Attempt, Func<Task<HttpResponseMessage>>, Task<HttpResponseMessage>>? Intercept { get; set; }

    public IReadOnlyList<Exchange> Exchanges => _exchanges.ToArray();

    public int Attempts(string operation) => _attempts.TryGetValue(operation, out var count) ? count : 0;

    /// <summary>A new handler over this record (IHttpClientFactory wants a new instance per pipeline).</summary>
    public DelegatingHandler CreateHandler() => new Handler(this);

    /// <summary>An answer as a server would give it, tied to its request like SocketsHttpHandler's are.</summary>
    public static HttpResponseMessage Answer(HttpRequestMessage request, HttpStatusCode code, string? json = null)
    {
        var response = new HttpResponseMessage(code) { RequestMessage = request };
        if (json is not null)
        {
            response.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return response;
    }

    private sealed class Handler(Traffic traffic) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var operation = request.Options.TryGetValue(BoardingRequestOptions.Endpoint, out var endpoint) ? endpoint.Operation : "(none)";
            var number = traffic._attempts.AddOrUpdate(operation, 1, (_, n) => n + 1);
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var attempt = new Attempt(operation, request.Method, request.RequestUri!.AbsolutePath, number, request, cancellationToken);
            try
            {
                var response = traffic.Intercept is { } intercept
                    ? await intercept(attempt, () => base.SendAsync(request, cancellationToken))
                    : await base.SendAsync(request, cancellationToken);
                var answer = response.Content is null ? null : await response.Content.ReadAsStringAsync(cancellationToken);
                traffic._exchanges.Enqueue(new Exchange(operation, request.Method.Method, attempt.Path, number, body, (int)response.StatusCode, answer, null));
                return response;
            }
            catch (Exception e)
            {
                traffic._exchanges.Enqueue(new Exchange(operation, request.Method.Method, attempt.Path, number, body, null, null, e.GetType().Name));
                throw;
            }
        }
    }
}
