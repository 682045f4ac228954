using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace BoardingDsl.AspNetCore;

/// <summary>
/// A store in process memory, for tests and trying things: everything is lost when the process ends, and it cannot be
/// shared by several instances. Production uses <see cref="SqliteBoardingOrderStore"/> (the default) or a shared
/// database store.
/// </summary>
public sealed class InMemoryBoardingOrderStore : IBoardingOrderStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _orders = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates an empty store on the system clock.</summary>
    public InMemoryBoardingOrderStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates an empty store on <paramref name="time"/> (a fake clock in tests).</summary>
    public InMemoryBoardingOrderStore(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <inheritdoc />
    public ValueTask TrackAsync(string externalReference, string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalReference);
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        lock (_gate)
        {
            if (!_orders.ContainsKey(externalReference))
            {
                _orders.Add(externalReference, new Entry(externalReference, orderId) { DueAt = _time.GetUtcNow() });
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<TrackedOrder?> FindAsync(string externalReference, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_orders.TryGetValue(externalReference, out var entry) ? entry.Snapshot() : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TrackedOrder>> GetOpenAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<TrackedOrder>>(_orders.Values.Where(e => e.IsOpen).Select(e => e.Snapshot()).ToList());
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TrackedOrder>> GetParkedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<TrackedOrder>>(_orders.Values.Where(e => e.ParkedReason is not null).Select(e => e.Snapshot()).ToList());
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> UnparkAsync(string externalReference, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(externalReference, out var entry) || entry.ParkedReason is null)
            {
                return ValueTask.FromResult(false);
            }

            entry.ParkedReason = null;
            entry.FailedAttempts = 0;
            entry.DueAt = _time.GetUtcNow();
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> RequestRefreshAsync(string externalReference, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(externalReference, out var entry))
            {
                return ValueTask.FromResult(false);
            }

            if (!entry.IsFinalObserved)
            {
                entry.RefreshRequests++;
                var now = _time.GetUtcNow();
                if (entry.DueAt is null || entry.DueAt > now)
                {
                    entry.DueAt = now;
                }
            }

            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask MakeAllOpenDueAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var entry in _orders.Values.Where(e => e.IsOpen && e.ParkedReason is null && !e.IsLeased(now)))
            {
                entry.DueAt = now;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OrderLease>> ClaimDueAsync(string owner, int max, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var due = _orders.Values
                .Where(e => e.ParkedReason is null && e.DueAt is { } at && at <= now && !e.IsLeased(now))
                .OrderBy(e => e.DueAt)
                .ThenBy(e => e.ExternalReference, StringComparer.Ordinal)
                .Take(Math.Max(0, max))
                .ToList();
            var leases = new List<OrderLease>(due.Count);
            foreach (var entry in due)
            {
                entry.Token++;
                entry.LeaseOwner = owner;
                entry.LeaseUntil = now + duration;
                entry.RefreshRequestsAtClaim = entry.RefreshRequests;
                leases.Add(new OrderLease(entry.ExternalReference, entry.OrderId, owner, entry.Token, entry.LastObserved, entry.IsFinalObserved,
                    entry.FailedAttempts, entry.RefreshRequests > entry.RefreshRequestsHandled, entry.Queue.Count > 0 ? entry.Queue[0] : null));
            }

            return ValueTask.FromResult<IReadOnlyList<OrderLease>>(leases);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyCollection<string>> RequestRefreshAsync(IReadOnlyCollection<string> externalReferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalReferences);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in externalReferences)
        {
            if (RequestRefreshAsync(reference, cancellationToken).Result)
            {
                known.Add(reference);
            }
        }

        return ValueTask.FromResult<IReadOnlyCollection<string>>(known);
    }

    /// <inheritdoc />
    public ValueTask RenewAsync(OrderLease lease, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            Current(lease).LeaseUntil = _time.GetUtcNow() + duration;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<PendingStatus?> RecordObservedAsync(OrderLease lease, string status, string payload, bool isFinal, BoardingNotificationSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            var entry = Current(lease);
            if (!entry.IsFinalObserved && !string.Equals(entry.LastObserved, status, StringComparison.Ordinal))
            {
                entry.Sequence++;
                entry.Queue.Add(new PendingStatus(entry.Sequence, status, payload, isFinal, source, _time.GetUtcNow()));
                entry.LastObserved = status;
                entry.IsFinalObserved = isFinal;
            }

            // What the fetch answered covers every callback counted when the lease was claimed.
            entry.RefreshRequestsHandled = entry.RefreshRequestsAtClaim;
            return ValueTask.FromResult(entry.Queue.Count > 0 ? entry.Queue[0] : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<PendingStatus?> MarkDeliveredAsync(OrderLease lease, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            var entry = Current(lease);
            var index = entry.Queue.FindIndex(p => p.Sequence == sequence);
            if (index >= 0)
            {
                var delivered = entry.Queue[index];
                entry.Queue.RemoveRange(0, index + 1);
                entry.LastStatus = delivered.Status;
                entry.IsFinal = delivered.IsFinal;
                entry.FailedAttempts = 0;
            }

            return ValueTask.FromResult(entry.Queue.Count > 0 ? entry.Queue[0] : null);
        }
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(OrderLease lease, LeaseRelease release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(release);
        lock (_gate)
        {
            if (!_orders.TryGetValue(lease.ExternalReference, out var entry) || entry.Token != lease.Token || entry.LeaseOwner is null)
            {
                return ValueTask.CompletedTask;
            }

            var now = _time.GetUtcNow();
            entry.LeaseOwner = null;
            entry.LeaseUntil = null;
            var failed = release.FailedAttempts > 0;
            entry.FailedAttempts = release.FailedAttempts;
            entry.ParkedReason = release.ParkReason;

            // A failed delivery keeps its backoff even if callbacks came: they are answered by the retry's fetch.
            var callbackCame = entry.RefreshRequests > entry.RefreshRequestsHandled && !entry.IsFinalObserved && !failed;
            entry.DueAt = callbackCame ? now + release.AfterCallback : release.CheckAgainIn is { } wait ? now + wait : null;
        }

        return ValueTask.CompletedTask;
    }

    private Entry Current(OrderLease lease)
    {
        if (_orders.TryGetValue(lease.ExternalReference, out var entry) && entry.Token == lease.Token && entry.LeaseOwner is not null)
        {
            return entry;
        }

        throw new BoardingLeaseLostException(lease.ExternalReference, lease.Token);
    }

    private sealed class Entry(string externalReference, string orderId)
    {
        public string ExternalReference { get; } = externalReference;

        public string OrderId { get; } = orderId;

        public string? LastStatus { get; set; }

        public bool IsFinal { get; set; }

        public string? LastObserved { get; set; }

        public bool IsFinalObserved { get; set; }

        public long Sequence { get; set; }

        public List<PendingStatus> Queue { get; } = new();

        public DateTimeOffset? DueAt { get; set; }

        public string? LeaseOwner { get; set; }

        public DateTimeOffset? LeaseUntil { get; set; }

        public long Token { get; set; }

        public long RefreshRequests { get; set; }

        public long RefreshRequestsAtClaim { get; set; }

        public long RefreshRequestsHandled { get; set; }

        public int FailedAttempts { get; set; }

        public string? ParkedReason { get; set; }

        public bool IsOpen => !IsFinal || Queue.Count > 0;

        public bool IsLeased(DateTimeOffset now) => LeaseOwner is not null && LeaseUntil > now;

        public TrackedOrder Snapshot() => new(ExternalReference, OrderId, LastStatus, IsFinal)
        {
            PendingCount = Queue.Count,
            FailedAttempts = FailedAttempts,
            ParkedReason = ParkedReason,
        };
    }
}
