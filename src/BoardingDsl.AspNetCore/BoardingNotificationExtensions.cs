using System;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.AspNetCore;
using BoardingDsl.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers and maps the Boarding notification receiver.</summary>
public static class BoardingNotificationExtensions
{
    /// <summary>
    /// Adds the receiver's services: the order store (in-memory unless you register your own
    /// <see cref="IBoardingOrderStore"/> first), the dispatcher, and the fallback poller. Needs <c>AddBoardingClient</c>.
    /// </summary>
    public static IServiceCollection AddBoardingNotifications<TStatus>(this IServiceCollection services, BoardingStatusSource<TStatus> source, Action<BoardingNotificationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        services.AddOptions<BoardingNotificationOptions>().Configure(o => configure?.Invoke(o));
        services.TryAddSingleton<IBoardingOrderStore, InMemoryBoardingOrderStore>();
        services.AddSingleton(source);
        services.AddSingleton<BoardingStatusDispatcher<TStatus>>();
        services.AddSingleton<BoardingStatusPoller<TStatus>>();
        services.AddHostedService(sp => sp.GetRequiredService<BoardingStatusPoller<TStatus>>());
        return services;
    }

    /// <summary>
    /// Maps CCV's notification callback: a POST with no body to <paramref name="pattern"/>, whose route carries your
    /// reference as <c>{externalReference}</c> (register <c>https://your.host/ccv/orders/{reference}</c> as the
    /// notification URL of each order). The endpoint answers at once; the status is fetched in the background and
    /// <paramref name="handler"/> runs once per new status, from the callback or from the poller. A callback for a
    /// reference not tracked yet is remembered for <see cref="BoardingDsl.AspNetCore.BoardingNotificationOptions.EarlyCallbackWindow"/>
    /// and handled as soon as the order is tracked.
    /// </summary>
    public static IEndpointConventionBuilder MapBoardingNotifications<TStatus>(this IEndpointRouteBuilder endpoints, string pattern,
        Func<BoardingNotification<TStatus>, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!pattern.Contains("{externalReference}", StringComparison.Ordinal))
        {
            throw new ArgumentException("The pattern must carry {externalReference}: CCV's call has no body.", nameof(pattern));
        }

        endpoints.ServiceProvider.GetRequiredService<BoardingStatusDispatcher<TStatus>>().AddHandler(handler);
        return endpoints.MapPost(pattern, async (HttpContext context, string externalReference, IBoardingOrderStore store, BoardingStatusPoller<TStatus> poller) =>
        {
            var order = await store.FindAsync(externalReference, context.RequestAborted).ConfigureAwait(false);
            if (order is null)
            {
                // CCV may call before the order id from the submit answer is stored: keep the call until it is.
                return poller.RememberEarly(externalReference) ? Results.Accepted() : Results.NotFound();
            }

            poller.Enqueue(order);
            return Results.Accepted();
        });
    }
}
