using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace BoardingDsl.AspNetCore;

/// <summary>An order the receiver follows: your reference (in the callback route), CCV's order id, the last status handled.</summary>
public sealed record TrackedOrder(string ExternalReference, string OrderId, string? LastStatus, bool IsFinal);

/// <summary>
/// Maps your reference to CCV's order id (the callback carries no data, only your route) and remembers the last
/// status handled per order. Implement it over your database; <see cref="InMemoryBoardingOrderStore"/> is the default.
/// </summary>
public interface IBoardingOrderStore
{
    /// <summary>Starts following an order (call it with the id from the submit answer).</summary>
    ValueTask TrackAsync(string externalReference, string orderId, CancellationToken cancellationToken = default);

    /// <summary>The order behind a reference, or null.</summary>
    ValueTask<TrackedOrder?> FindAsync(string externalReference, CancellationToken cancellationToken = default);

    /// <summary>The orders that have not reached a final status (what the poller asks about).</summary>
    ValueTask<IReadOnlyList<TrackedOrder>> GetOpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records <paramref name="status"/> as handled when it differs from the last one; returns false when it was
    /// already handled (so a callback and a poll, or two callbacks, never invoke the handler twice for one status).
    /// </summary>
    ValueTask<bool> TryAdvanceAsync(string externalReference, string status, bool isFinal, CancellationToken cancellationToken = default);
}

/// <summary>The in-process default store: fine for one instance and for trying things; lost on restart.</summary>
public sealed class InMemoryBoardingOrderStore : IBoardingOrderStore
{
    private readonly ConcurrentDictionary<string, TrackedOrder> _orders = new();

    /// <inheritdoc />
    public ValueTask TrackAsync(string externalReference, string orderId, CancellationToken cancellationToken = default)
    {
        _orders.TryAdd(externalReference, new TrackedOrder(externalReference, orderId, null, false));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<TrackedOrder?> FindAsync(string externalReference, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_orders.TryGetValue(externalReference, out var order) ? order : null);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TrackedOrder>> GetOpenAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<TrackedOrder>>(_orders.Values.Where(o => !o.IsFinal).ToList());

    /// <inheritdoc />
    public ValueTask<bool> TryAdvanceAsync(string externalReference, string status, bool isFinal, CancellationToken cancellationToken = default)
    {
        while (_orders.TryGetValue(externalReference, out var current))
        {
            if (current.LastStatus == status || current.IsFinal)
            {
                return ValueTask.FromResult(false);
            }

            if (_orders.TryUpdate(externalReference, current with { LastStatus = status, IsFinal = isFinal }, current))
            {
                return ValueTask.FromResult(true);
            }
        }

        return ValueTask.FromResult(false);
    }
}
