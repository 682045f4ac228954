using System;
using System.Net.Http;
using BoardingDsl.Client;
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
                retry.ShouldHandle = args =>
                    args.Outcome.Result?.RequestMessage is { } request && !IsRetriable(request)
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
