using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace BoardingDsl.AspNetCore;

/// <summary>Hands one observed status to every registered handler.</summary>
public sealed class BoardingStatusDispatcher<TStatus>
{
    private readonly BoardingStatusSource<TStatus> _source;
    private readonly List<Func<BoardingNotification<TStatus>, CancellationToken, Task>> _handlers = new();

    /// <summary>Creates the dispatcher.</summary>
    public BoardingStatusDispatcher(BoardingStatusSource<TStatus> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <summary>Adds a handler (what <c>MapBoardingNotifications</c> does).</summary>
    public void AddHandler(Func<BoardingNotification<TStatus>, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_handlers)
        {
            _handlers.Add(handler);
        }
    }

    /// <summary>The idempotency key of a status: the same for every delivery of it.</summary>
    public static string IdempotencyKey(string orderId, long sequence, string status) =>
        string.Create(CultureInfo.InvariantCulture, $"{orderId}/{sequence}/{status}");

    /// <summary>
    /// Invokes every handler, in the order they were added, with the status as it was stored. Throws what a handler
    /// threw (the status then counts as not delivered, and every handler gets it again on the retry).
    /// </summary>
    public async Task DeliverAsync(OrderLease lease, PendingStatus pending, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(pending);
        var status = _source.FromJson(pending.Payload);
        var notification = new BoardingNotification<TStatus>(lease.ExternalReference, lease.OrderId, status, pending.Status, pending.IsFinal, pending.Source)
        {
            IdempotencyKey = IdempotencyKey(lease.OrderId, pending.Sequence, pending.Status),
            Sequence = pending.Sequence,
            Attempt = attempt,
        };

        Func<BoardingNotification<TStatus>, CancellationToken, Task>[] handlers;
        lock (_handlers)
        {
            handlers = _handlers.ToArray();
        }

        foreach (var handler in handlers)
        {
            await handler(notification, cancellationToken).ConfigureAwait(false);
        }
    }
}
