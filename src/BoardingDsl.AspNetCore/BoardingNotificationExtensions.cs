using System;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers and maps the Boarding notification receiver.</summary>
public static class BoardingNotificationExtensions
{
    /// <summary>
    /// Adds the receiver's services: the order store (<see cref="SqliteBoardingOrderStore"/> at
    /// <see cref="BoardingNotificationOptions.SqlitePath"/> unless you register your own <see cref="IBoardingOrderStore"/>
    /// first, e.g. the PostgreSQL one for several instances), the dispatcher, and the worker that fetches, delivers,
    /// retries and polls. Needs <c>AddBoardingClient</c>.
    /// </summary>
    public static IServiceCollection AddBoardingNotifications<TStatus>(this IServiceCollection services, BoardingStatusSource<TStatus> source, Action<BoardingNotificationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        services.AddOptions<BoardingNotificationOptions>().Configure(o => configure?.Invoke(o)).Validate(o =>
        {
            o.Validate();
            return true;
        }).ValidateOnStart();
        services.TryAddSingleton<IBoardingOrderStore>(sp => SqliteBoardingOrderStore.ForOptions(sp));
        services.AddSingleton(source);
        services.AddSingleton<BoardingStatusDispatcher<TStatus>>();
        services.AddSingleton<BoardingStatusWorker<TStatus>>();
        services.TryAddSingleton<RefreshBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<BoardingStatusWorker<TStatus>>());
        return services;
    }

    /// <summary>
    /// Maps CCV's notification callback: a POST with no body to <paramref name="pattern"/>, whose route carries your
    /// reference as <c>{externalReference}</c> (register <c>https://your.host/ccv/orders/{reference}</c> as the
    /// notification URL of each order). The endpoint records the callback in the store and answers 202 at once; the
    /// status is fetched in the background and <paramref name="handler"/> gets each new status until it returns.
    /// A callback for a reference that is not tracked is answered 202 too and does nothing (anyone can call this URL;
    /// tracking an order fetches its status at once, so a callback that beat the submit answer loses nothing).
    /// </summary>
    public static IEndpointConventionBuilder MapBoardingNotifications<TStatus>(this IEndpointRouteBuilder endpoints, string pattern,
        Func<BoardingNotification<TStatus>, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(handler);
        if (!pattern.Contains("{externalReference}", StringComparison.Ordinal))
        {
            throw new ArgumentException("The pattern must carry {externalReference}: CCV's call has no body.", nameof(pattern));
        }

        endpoints.ServiceProvider.GetRequiredService<BoardingStatusDispatcher<TStatus>>().AddHandler(handler);
        return endpoints.MapPost(pattern, async (HttpContext context, string externalReference, RefreshBatcher store, BoardingStatusWorker<TStatus> worker, ILoggerFactory logs) =>
        {
            var logger = logs.CreateLogger(typeof(BoardingNotificationExtensions).FullName!);
            bool known;
            try
            {
                known = await store.RequestRefreshAsync(externalReference, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
            {
                // CCV never retries, so the answer changes nothing for it; the poller finds the status once the store is back.
                logger.LogWarning(ex, "Callback for {Reference}: the order store could not record it; the next poll finds the status.", LogText.Escape(externalReference));
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            if (known)
            {
                worker.Wake();
            }
            else
            {
                logger.LogDebug("Callback for {Reference}, which is not tracked: ignored.", LogText.Escape(externalReference));
            }

            return Results.Accepted();
        });
    }
}
