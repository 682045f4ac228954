using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoardingDsl.AspNetCore;

/// <summary>How the receiver learns an order's status: your generated <c>GetOrderStatusAsync</c>, and what the answer means.</summary>
/// <param name="Fetch">Asks the API, e.g. <c>(client, id, ct) => client.GetOrderStatusAsync(id, ct)</c>.</param>
/// <param name="NameOf">The status as a name, for "already handled?" (e.g. <c>s => s.OrderStatus.ToJsonString()</c>).</param>
/// <param name="IsFinal">Whether nothing changes after it (e.g. <c>s => s.OrderStatus.IsFinal()</c>).</param>
public sealed record BoardingStatusSource<TStatus>(
    Func<BoardingClient, string, CancellationToken, Task<TStatus>> Fetch,
    Func<TStatus, string> NameOf,
    Func<TStatus, bool> IsFinal);

/// <summary>Fetches a status and hands each new one to the handlers once, whether a callback or the poller found it.</summary>
public sealed class BoardingStatusDispatcher<TStatus>
{
    private readonly IServiceProvider _services;
    private readonly IBoardingOrderStore _store;
    private readonly BoardingStatusSource<TStatus> _source;
    private readonly BoardingNotificationOptions _options;
    private readonly ILogger _logger;
    private readonly List<Func<BoardingNotification<TStatus>, CancellationToken, Task>> _handlers = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _orderLocks = new(StringComparer.Ordinal);

    /// <summary>Creates the dispatcher.</summary>
    public BoardingStatusDispatcher(IServiceProvider services, IBoardingOrderStore store, BoardingStatusSource<TStatus> source,
        IOptions<BoardingNotificationOptions> options, ILogger<BoardingStatusDispatcher<TStatus>> logger)
    {
        _services = services;
        _store = store;
        _source = source;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Adds a handler (what <c>MapBoardingNotifications</c> does).</summary>
    public void AddHandler(Func<BoardingNotification<TStatus>, CancellationToken, Task> handler)
    {
        lock (_handlers)
        {
            _handlers.Add(handler);
        }
    }

    /// <summary>Fetches the status of <paramref name="order"/> and invokes the handlers if it is new.</summary>
    public async Task<bool> RefreshAsync(TrackedOrder order, BoardingNotificationSource source, CancellationToken cancellationToken)
    {
        // Fetch and record under one lock per order: a slow callback and the poller racing each other must neither
        // deliver a status twice nor deliver an older status after a newer one. Other orders are not held up.
        var gate = _orderLocks.GetOrAdd(order.OrderId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TStatus status;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(_options.StatusTimeout);

                // A typed client per call, so IHttpClientFactory can rotate its handler (DNS changes).
                var client = _services.GetRequiredService<BoardingClient>();
                status = await _source.Fetch(client, order.OrderId, timeout.Token).ConfigureAwait(false);
            }

            var name = _source.NameOf(status);
            var isFinal = _source.IsFinal(status);
            if (!await _store.TryAdvanceAsync(order.ExternalReference, name, isFinal, cancellationToken).ConfigureAwait(false))
            {
                _logger.LogDebug("Order {OrderId}: status {Status} already handled ({Source}).", order.OrderId, name, source);
                return false;
            }

            Func<BoardingNotification<TStatus>, CancellationToken, Task>[] handlers;
            lock (_handlers)
            {
                handlers = _handlers.ToArray();
            }

            var notification = new BoardingNotification<TStatus>(order.ExternalReference, order.OrderId, status, name, isFinal, source);
            foreach (var handler in handlers)
            {
                await handler(notification, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        finally
        {
            gate.Release();
        }
    }
}
