using System;
using System.Net.Http;
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
    /// on transient failures, and never for SubmitOrder (a second submit would create a second order).
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
                };
                var transient = retry.ShouldHandle;
                // The request is read from the resilience context: on an exception (reset connection, attempt timeout)
                // there is no response to ask, and a submit must not be sent twice.
                retry.ShouldHandle = args =>
                    args.Context.GetRequestMessage() is not { } request || !IsRetriable(request)
                        ? new System.Threading.Tasks.ValueTask<bool>(false)
                        : transient(args);
                pipeline.AddRetry(retry);
            }

            pipeline.AddTimeout(options.AttemptTimeout);
        });

        return builder;
    }

    private static bool IsRetriable(HttpRequestMessage request) =>
        request.Options.TryGetValue(BoardingRequestOptions.Endpoint, out var endpoint)
            ? endpoint.IsRetriable
            : request.Method == HttpMethod.Get;
}
