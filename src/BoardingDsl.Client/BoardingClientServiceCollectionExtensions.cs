using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using BoardingDsl.Client;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the <see cref="BoardingClient"/> with <c>IHttpClientFactory</c>.</summary>
public static class BoardingClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="BoardingClient"/> as a typed HTTP client with retries for GET and the configurator PATCH calls
    /// on transient failures (after the server's <c>Retry-After</c>, up to <see cref="BoardingClientOptions.MaxRetryAfter"/>),
    /// and never for SubmitOrder (a second submit would create a second order). Redirects are not followed.
    /// </summary>
    public static IHttpClientBuilder AddBoardingClient(this IServiceCollection services, Action<BoardingClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<BoardingClientOptions>().Configure(configure).Validate(o =>
        {
            o.Validate();
            return true;
        }).ValidateOnStart();

        // The key travels in the Authorization header: never log its value (Microsoft.Extensions.Http 8 logs headers at Trace).
        services.PostConfigure<HttpClientFactoryOptions>(nameof(BoardingClient), o =>
        {
            var inner = o.ShouldRedactHeaderValue;
            o.ShouldRedactHeaderValue = header => string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase) || inner(header);
        });

        var builder = services.AddHttpClient(nameof(BoardingClient))
            .ConfigureHttpClient((provider, http) =>
            {
                http.BaseAddress = provider.GetRequiredService<IOptions<BoardingClientOptions>>().Value.BaseAddress;
                http.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // the resilience pipeline owns the timeouts
            });
        builder.AddTypedClient((http, provider) => new BoardingClient(http, provider.GetRequiredService<IOptions<BoardingClientOptions>>().Value));

        // What partner code (and the notification receiver) depends on: the same typed client, substitutable in tests.
        services.AddTransient<IBoardingClient>(provider => provider.GetRequiredService<BoardingClient>());

        // A redirect is never followed: a 302 turns the submit POST into a GET elsewhere (nothing is submitted, yet
        // the answer looks like success), and the key would go along. The client reports any 3xx as
        // BoardingApiRedirectException.
        builder.ConfigurePrimaryHttpMessageHandler((handler, _) =>
        {
            switch (handler)
            {
                case HttpClientHandler client:
                    client.AllowAutoRedirect = false;
                    break;
                case SocketsHttpHandler sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
            }
        });

        builder.AddResilienceHandler("boarding", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<BoardingClientOptions>>().Value;
            pipeline.AddTimeout(options.TotalTimeout);
            if (options.MaxRetryAttempts > 0)
            {
                var retry = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                    ShouldRetryAfterHeader = false, // replaced by the bounded DelayGenerator below
                };
                var transient = retry.ShouldHandle;
                // The request is read from the resilience context: on an exception (reset connection, attempt timeout)
                // there is no response to ask, and a submit must not be sent twice. A Retry-After longer than
                // MaxRetryAfter, or than what is left of TotalTimeout, is not waited on: the answer (429, 503) goes to
                // the caller at once as a typed error with its RetryAfter, instead of a timeout later.
                retry.ShouldHandle = args =>
                    args.Context.GetRequestMessage() is not { } request || !IsRetriable(request) || !WithinBudget(request, args.Outcome.Result, options)
                        ? new ValueTask<bool>(false)
                        : transient(args);
                retry.DelayGenerator = args =>
                    new ValueTask<TimeSpan?>(args.Outcome.Result is { } response ? BoardingClient.RetryAfterOf(response) : null);
                pipeline.AddRetry(retry);
            }

            pipeline.AddTimeout(options.AttemptTimeout);
        });

        return builder;
    }

    private static bool WithinBudget(HttpRequestMessage request, HttpResponseMessage? response, BoardingClientOptions options)
    {
        if (response is null || BoardingClient.RetryAfterOf(response) is not { } wait)
        {
            return true;
        }

        if (wait > options.MaxRetryAfter)
        {
            return false;
        }

        return !request.Options.TryGetValue(BoardingRequestOptions.StartedAt, out var started) ||
               Stopwatch.GetElapsedTime(started) + wait < options.TotalTimeout;
    }

    private static bool IsRetriable(HttpRequestMessage request) =>
        request.Options.TryGetValue(BoardingRequestOptions.Endpoint, out var endpoint)
            ? endpoint.IsRetriable
            : request.Method == HttpMethod.Get;
}
