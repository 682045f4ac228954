using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace BoardingDsl.AspNetCore;

/// <summary>
/// Where the receiver keeps what it must not lose: your reference → CCV's order id (the callback carries only your
/// route), every status it observed, in order, until your handlers took it, and which instance is working on an order.
/// </summary>
/// <remarks>
/// <para>
/// The receiver's delivery guarantees rest on this contract, so every implementation must keep it exactly (the tests
/// in <c>OrderStoreContract</c> run against each shipped store):
/// </para>
/// <list type="bullet">
/// <item>An order is worked on by one <see cref="OrderLease"/> at a time, across every process sharing the store.
/// Each claim gets a new <see cref="OrderLease.Token"/>; a call with an older token throws
/// <see cref="BoardingLeaseLostException"/> and changes nothing (fencing: a paused instance cannot overwrite the work
/// of the one that took over).</item>
/// <item>Observed statuses form a queue per order: a status different from the last observed one is appended with the
/// next sequence number; <see cref="OrderLease.Pending"/> is always the oldest one not yet delivered.</item>
/// <item>A refresh requested while an order is leased is not lost: releasing that lease makes the order due again at
/// once (however many callbacks came, one more fetch).</item>
/// <item>Times are the store's own clock (the database's, for a shared store), so instances with skewed clocks agree.</item>
/// </list>
/// </remarks>
public interface IBoardingOrderStore
{
    /// <summary>Starts following an order (call it with the id from the submit answer); its status is fetched at once.</summary>
    /// <remarks>Tracking an already tracked reference again changes nothing.</remarks>
    ValueTask TrackAsync(string externalReference, string orderId, CancellationToken cancellationToken = default);

    /// <summary>The order behind a reference, or null.</summary>
    ValueTask<TrackedOrder?> FindAsync(string externalReference, CancellationToken cancellationToken = default);

    /// <summary>The orders that have not reached a final status, or still have a status to deliver.</summary>
    ValueTask<IReadOnlyList<TrackedOrder>> GetOpenAsync(CancellationToken cancellationToken = default);

    /// <summary>The orders whose handlers kept failing (see <see cref="BoardingNotificationOptions.MaxDeliveryAttempts"/>).</summary>
    ValueTask<IReadOnlyList<TrackedOrder>> GetParkedAsync(CancellationToken cancellationToken = default);

    /// <summary>Puts a parked order back to work (after you fixed what made its handler fail); false when it is not parked.</summary>
    ValueTask<bool> UnparkAsync(string externalReference, CancellationToken cancellationToken = default);

    /// <summary>
    /// A callback came for <paramref name="externalReference"/>: makes the order due at once (or once its current lease
    /// ends). False when the reference is not tracked.
    /// </summary>
    ValueTask<bool> RequestRefreshAsync(string externalReference, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="RequestRefreshAsync(string, CancellationToken)"/> for several callbacks in one transaction (the
    /// receiver groups the callbacks that arrive together: one commit, one disk flush, for all of them). Returns the
    /// references that are tracked.
    /// </summary>
    async ValueTask<IReadOnlyCollection<string>> RequestRefreshAsync(IReadOnlyCollection<string> externalReferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalReferences);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in externalReferences)
        {
            if (await RequestRefreshAsync(reference, cancellationToken).ConfigureAwait(false))
            {
                known.Add(reference);
            }
        }

        return known;
    }

    /// <summary>After a start: every open order that is not leased is due at once (missed callbacks are found now, not at the next poll).</summary>
    ValueTask MakeAllOpenDueAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases up to <paramref name="max"/> due orders for <paramref name="owner"/> (free or expired leases only, not
    /// parked, oldest due first) for <paramref name="duration"/>.
    /// </summary>
    ValueTask<IReadOnlyList<OrderLease>> ClaimDueAsync(string owner, int max, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends a lease by <paramref name="duration"/> from now (the worker renews the leases it holds while it works, so
    /// a short <see cref="BoardingNotificationOptions.LeaseDuration"/> lets another instance take over a crashed one's
    /// orders quickly without taking them from a slow but live one).
    /// </summary>
    /// <exception cref="BoardingLeaseLostException">The lease is no longer the order's current one.</exception>
    ValueTask RenewAsync(OrderLease lease, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a fetched status. When it differs from the last observed status it is appended to the order's queue.
    /// Returns the oldest status not yet delivered (this one, an older one, or null when there is none).
    /// </summary>
    /// <exception cref="BoardingLeaseLostException">The lease is no longer the order's current one.</exception>
    ValueTask<PendingStatus?> RecordObservedAsync(OrderLease lease, string status, string payload, bool isFinal, BoardingNotificationSource source, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the handlers took the status with <paramref name="sequence"/> (it becomes the order's
    /// <see cref="TrackedOrder.LastStatus"/>, attempts reset); returns the next one not yet delivered, or null.
    /// </summary>
    /// <exception cref="BoardingLeaseLostException">The lease is no longer the order's current one.</exception>
    ValueTask<PendingStatus?> MarkDeliveredAsync(OrderLease lease, long sequence, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends a lease (a lease that was lost already is ignored). See <see cref="LeaseRelease"/> for when the order is due again.
    /// </summary>
    ValueTask ReleaseAsync(OrderLease lease, LeaseRelease release, CancellationToken cancellationToken = default);
}

/// <summary>An order the receiver follows.</summary>
/// <param name="ExternalReference">Your reference (in the callback route).</param>
/// <param name="OrderId">CCV's order id.</param>
/// <param name="LastStatus">The last status your handlers took, or null.</param>
/// <param name="IsFinal">Whether that status is final (nothing changes after it).</param>
public sealed record TrackedOrder(string ExternalReference, string OrderId, string? LastStatus, bool IsFinal)
{
    /// <summary>Statuses observed and not yet delivered (waiting for a handler that failed, or in flight).</summary>
    public int PendingCount { get; init; }

    /// <summary>Failed delivery attempts of the oldest pending status since the last success.</summary>
    public int FailedAttempts { get; init; }

    /// <summary>Why the order is parked (its handlers kept failing), or null when it is not.</summary>
    public string? ParkedReason { get; init; }

    /// <summary>Whether the order is parked: nothing is fetched or delivered for it until <see cref="IBoardingOrderStore.UnparkAsync"/>.</summary>
    public bool IsParked => ParkedReason is not null;
}

/// <summary>A status observed and not yet delivered.</summary>
/// <param name="Sequence">Its place in the order's queue (1 for the first status observed): part of the idempotency key.</param>
/// <param name="Status">The status name as CCV sent it.</param>
/// <param name="Payload">The status answer as JSON, as it was fetched (a retry hands the handler this, not a newer answer).</param>
/// <param name="IsFinal">Whether the status is final.</param>
/// <param name="Source">What made the receiver fetch it.</param>
/// <param name="ObservedAt">When it was recorded (the store's clock).</param>
public sealed record PendingStatus(long Sequence, string Status, string Payload, bool IsFinal, BoardingNotificationSource Source, DateTimeOffset ObservedAt);

/// <summary>One instance's exclusive right, for a while, to fetch and deliver an order's statuses.</summary>
/// <param name="ExternalReference">The order's reference.</param>
/// <param name="OrderId">CCV's order id.</param>
/// <param name="Owner">The instance holding the lease.</param>
/// <param name="Token">Grows with every claim of this order: what fences a lease that was taken over.</param>
/// <param name="LastObservedStatus">The last status fetched (delivered or not), or null.</param>
/// <param name="IsFinalObserved">Whether that status is final: nothing more to fetch.</param>
/// <param name="FailedAttempts">Failed delivery attempts of <paramref name="Pending"/> so far.</param>
/// <param name="RefreshRequested">Whether a callback asked for this fetch (else a poll, a start or a retry did).</param>
/// <param name="Pending">The oldest status not yet delivered, or null.</param>
public sealed record OrderLease(
    string ExternalReference,
    string OrderId,
    string Owner,
    long Token,
    string? LastObservedStatus,
    bool IsFinalObserved,
    int FailedAttempts,
    bool RefreshRequested,
    PendingStatus? Pending);

/// <summary>How a lease ends.</summary>
/// <param name="CheckAgainIn">
/// When the order is due again: the next poll, or a retry's backoff; null, only when a callback or
/// <see cref="IBoardingOrderStore.MakeAllOpenDueAsync"/> asks (a final order with nothing pending).
/// </param>
/// <param name="AfterCallback">
/// When a refresh was requested during the lease and no delivery failed in it, the order is due after this instead
/// (at most one more fetch for any number of callbacks, and no sooner than this after the last one).
/// </param>
/// <param name="FailedAttempts">The failed delivery attempts to store (0 after a success).</param>
/// <param name="ParkReason">Non-null parks the order with this reason.</param>
public sealed record LeaseRelease(TimeSpan? CheckAgainIn, TimeSpan AfterCallback, int FailedAttempts, string? ParkReason);

/// <summary>The lease was taken over by another claim (it expired): this instance must drop the order's work.</summary>
public sealed class BoardingLeaseLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BoardingLeaseLostException(string externalReference, long token)
        : base($"The lease {token} on an order is no longer current; another instance took it over.")
    {
        ExternalReference = externalReference;
        Token = token;
    }

    /// <summary>The order's reference.</summary>
    public string ExternalReference { get; }

    /// <summary>The lost lease's token.</summary>
    public long Token { get; }
}
