using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.AspNetCore;

namespace BoardingDsl.Client.Tests.Stores;

/// <summary>
/// A real store whose database "goes down" on demand: every call throws while <see cref="Down"/> is set, and the next
/// calls of one operation throw after <see cref="FailNext"/>.
/// </summary>
internal sealed class FaultyStore(IBoardingOrderStore inner) : IBoardingOrderStore
{
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);

    public volatile bool Down;

    /// <summary>The next <paramref name="times"/> calls of <paramref name="operation"/> (its method name without Async) throw.</summary>
    public void FailNext(string operation, int times = 1)
    {
        lock (_failures)
        {
            _failures[operation] = times;
        }
    }

    private void Check([System.Runtime.CompilerServices.CallerMemberName] string caller = "")
    {
        if (Down)
        {
            throw new InvalidOperationException("the database is down (test)");
        }

        var operation = caller.EndsWith("Async", StringComparison.Ordinal) ? caller[..^5] : caller;
        lock (_failures)
        {
            if (_failures.TryGetValue(operation, out var left) && left > 0)
            {
                _failures[operation] = left - 1;
                throw new InvalidOperationException($"the database failed on {operation} (test)");
            }
        }
    }

    public ValueTask TrackAsync(string externalReference, string orderId, CancellationToken cancellationToken = default) { Check(); return inner.TrackAsync(externalReference, orderId, cancellationToken); }

    public ValueTask<TrackedOrder?> FindAsync(string externalReference, CancellationToken cancellationToken = default) { Check(); return inner.FindAsync(externalReference, cancellationToken); }

    public ValueTask<IReadOnlyList<TrackedOrder>> GetOpenAsync(CancellationToken cancellationToken = default) { Check(); return inner.GetOpenAsync(cancellationToken); }

    public ValueTask<IReadOnlyList<TrackedOrder>> GetParkedAsync(CancellationToken cancellationToken = default) { Check(); return inner.GetParkedAsync(cancellationToken); }

    public ValueTask<bool> UnparkAsync(string externalReference, CancellationToken cancellationToken = default) { Check(); return inner.UnparkAsync(externalReference, cancellationToken); }

    public ValueTask<bool> RequestRefreshAsync(string externalReference, CancellationToken cancellationToken = default) { Check(); return inner.RequestRefreshAsync(externalReference, cancellationToken); }

    public ValueTask<IReadOnlyCollection<string>> RequestRefreshAsync(IReadOnlyCollection<string> externalReferences, CancellationToken cancellationToken = default) { Check(); return inner.RequestRefreshAsync(externalReferences, cancellationToken); }

    public ValueTask RenewAsync(OrderLease lease, TimeSpan duration, CancellationToken cancellationToken = default) { Check(); return inner.RenewAsync(lease, duration, cancellationToken); }

    public ValueTask MakeAllOpenDueAsync(CancellationToken cancellationToken = default) { Check(); return inner.MakeAllOpenDueAsync(cancellationToken); }

    public ValueTask<IReadOnlyList<OrderLease>> ClaimDueAsync(string owner, int max, TimeSpan duration, CancellationToken cancellationToken = default) { Check(); return inner.ClaimDueAsync(owner, max, duration, cancellationToken); }

    public ValueTask<PendingStatus?> RecordObservedAsync(OrderLease lease, string status, string payload, bool isFinal, BoardingNotificationSource source, CancellationToken cancellationToken = default) { Check(); return inner.RecordObservedAsync(lease, status, payload, isFinal, source, cancellationToken); }

    public ValueTask<PendingStatus?> MarkDeliveredAsync(OrderLease lease, long sequence, CancellationToken cancellationToken = default) { Check(); return inner.MarkDeliveredAsync(lease, sequence, cancellationToken); }

    public ValueTask ReleaseAsync(OrderLease lease, LeaseRelease release, CancellationToken cancellationToken = default) { Check(); return inner.ReleaseAsync(lease, release, cancellationToken); }
}
