using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BoardingDsl.AspNetCore;
using Xunit;

namespace BoardingDsl.Client.Tests.Stores;

/// <summary>
/// The contract of <see cref="IBoardingOrderStore"/> that the receiver's guarantees rest on, run against every shipped
/// store. <see cref="OpenAsync"/> gives a fresh, empty store; <see cref="OpenAnotherAsync"/> a second handle on the same
/// data, as a second instance (or a restarted process) has.
/// </summary>
public abstract class OrderStoreContract : IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);
    private static readonly LeaseRelease Later = new(Long, TimeSpan.Zero, 0, null);

    private readonly List<IAsyncDisposable> _opened = [];

    /// <summary>A fresh, empty store.</summary>
    protected abstract Task<IBoardingOrderStore> OpenAsync();

    /// <summary>Another handle on the data of the store <see cref="OpenAsync"/> gave last.</summary>
    protected abstract Task<IBoardingOrderStore> OpenAnotherAsync();

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var opened in _opened)
        {
            await opened.DisposeAsync();
        }
    }

    protected T Own<T>(T store)
    {
        if (store is IAsyncDisposable disposable)
        {
            _opened.Add(disposable);
        }

        return store;
    }

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tracked_order_is_found_and_tracking_it_again_changes_nothing()
    {
        var store = await OpenAsync();
        await store.TrackAsync("ref-1", "order-1", Ct);
        await store.TrackAsync("ref-1", "order-other", Ct);

        Assert.Equal(new TrackedOrder("ref-1", "order-1", null, false), await store.FindAsync("ref-1", Ct));
        Assert.Null(await store.FindAsync("ref-2", Ct));
        Assert.Null(await store.FindAsync("REF-1", Ct)); // references are exact
        Assert.Equal(["ref-1"], (await store.GetOpenAsync(Ct)).Select(o => o.ExternalReference));
    }

    [Fact]
    public async Task A_tracked_order_is_due_at_once_and_leased_to_one_claim_at_a_time()
    {
        var store = await OpenAsync();
        await store.TrackAsync("ref-1", "order-1", Ct);

        var lease = Assert.Single(await store.ClaimDueAsync("a", 10, Long, Ct));
        Assert.Equal(("ref-1", "order-1", "a", (string?)null, false, 0, false, (PendingStatus?)null),
            (lease.ExternalReference, lease.OrderId, lease.Owner, lease.LastObservedStatus, lease.IsFinalObserved, lease.FailedAttempts, lease.RefreshRequested, lease.Pending));
        Assert.Empty(await store.ClaimDueAsync("b", 10, Long, Ct));

        await store.ReleaseAsync(lease, new LeaseRelease(TimeSpan.Zero, TimeSpan.Zero, 0, null), Ct);
        var again = Assert.Single(await store.ClaimDueAsync("b", 10, Long, Ct));
        Assert.True(again.Token > lease.Token);
        Assert.Equal("b", again.Owner);
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_the_old_one_is_fenced_off()
    {
        var store = await OpenAsync();
        await store.TrackAsync("ref-1", "order-1", Ct);
        var old = Assert.Single(await store.ClaimDueAsync("a", 1, TimeSpan.FromMilliseconds(1), Ct));
        await Task.Delay(50, Ct);

        var other = await OpenAnotherAsync();
        var taken = Assert.Single(await other.ClaimDueAsync("b", 1, Long, Ct));
        Assert.True(taken.Token > old.Token);

        await Assert.ThrowsAsync<BoardingLeaseLostException>(async () => await store.RecordObservedAsync(old, "New", "{}", false, BoardingNotificationSource.Poll, Ct));
        await store.ReleaseAsync(old, new LeaseRelease(TimeSpan.Zero, TimeSpan.Zero, 3, "stale"), Ct); // ignored

        Assert.Equal("New", (await other.RecordObservedAsync(taken, "New", "{}", false, BoardingNotificationSource.Poll, Ct))!.Status);
        var found = await other.FindAsync("ref-1", Ct);
        Assert.False(found!.IsParked);
        Assert.Equal(0, found.FailedAttempts);
        Assert.Empty(await store.ClaimDueAsync("a", 1, Long, Ct)); // b still holds it
    }

    [Fact]
    public async Task A_lease_that_was_taken_over_cannot_mark_delivered_and_changes_nothing()
    {
        var store = await OpenAsync();
        await store.TrackAsync("ref-1", "order-1", Ct);
        var old = Assert.Single(await store.ClaimDueAsync("a", 1, TimeSpan.FromMilliseconds(1), Ct));
        var pending = await store.RecordObservedAsync(old, "New", "{}", false, BoardingNotificationSource.Poll, Ct);
        await Task.Delay(50, Ct);

        var other = await OpenAnotherAsync();
        var taken = Assert.Single(await other.ClaimDueAsync("b", 1, Long, Ct));
        await Assert.ThrowsAsync<BoardingLeaseLostException>(async () => await store.MarkDeliveredAsync(old, pending!.Sequence, Ct));

        Assert.Equal(new TrackedOrder("ref-1", "order-1", null, false) { PendingCount = 1 }, await other.FindAsync("ref-1", Ct));
        Assert.Equal(pending, taken.Pending);
        Assert.Null(await other.MarkDeliveredAsync(taken, pending!.Sequence, Ct));
    }

    [Fact]
    public async Task An_expired_lease_that_nobody_took_over_still_finishes_its_work()
    {
        // Only a newer claim fences a lease: expiry alone lets another instance take the order, it does not void the work.
        var store = await OpenAsync();
        await store.TrackAsync("ref-1", "order-1", Ct);
        var lease = Assert.Single(await store.ClaimDueAsync("a", 1, TimeSpan.FromMilliseconds(1), Ct));
        await Task.Delay(50, Ct);

        var pending = await store.RecordObservedAsync(lease, "New", "{}", false, BoardingNotificationSource.Tracking, Ct);
        Assert.Null(await store.MarkDeliveredAsync(lease, pending!.Sequence, Ct));
        await store.ReleaseAsync(lease, Later, Ct);

        Assert.Equal(new TrackedOrder("ref-1", "order-1", "New", false), await store.FindAsync("ref-1", Ct));
        Assert.Empty(await (await OpenAnotherAsync()).ClaimDueAsync("b", 1, Long, Ct)); // released for later, not due now
    }

    [Fact]
    public async Task Make_all_open_due_wakes_neither_a_parked_nor_a_finished_order()
    {
        var store = await OpenAsync();
        await store.TrackAsync("parked", "order-1", Ct);
        await store.TrackAsync("done", "order-2", Ct);
        foreach (var lease in await store.ClaimDueAsync("a", 10, Long, Ct))
        {
            var pending = await store.RecordObservedAsync(lease, "Completed", "{}", true, BoardingNotificationSource.Tracking, Ct);
            if (lease.ExternalReference == "done")
            {
                await store.MarkDeliveredAsync(lease, pending!.Sequence, Ct);
                await store.ReleaseAsync(lease, new LeaseRelease(null, TimeSpan.Zero, 0, null), Ct);
            }
            else
            {
                await store.ReleaseAsync(lease, new LeaseRelease(null, TimeSpan.Zero, 3, "failed 3 times"), Ct);
            }
        }

        await store.MakeAllOpenDueAsync(Ct);
        Assert.Empty(await store.ClaimDueAsync("a", 10, Long, Ct));
        Assert.Equal(["parked"], (await store.GetOpenAsync(Ct)).Select(o => o.ExternalReference)); // still to deliver
    }

    [Fact]
    public async Task Observed_statuses_queue_in_order_and_a_repeated_status_is_not_queued_again()
    {
        var store = await OpenAsync();
        await store.TrackAsync("ref-1", "order-1", Ct);
        var lease = Assert.Single(await store.ClaimDueAsync("a", 1, Long, Ct));

        var first = await store.RecordObservedAsync(lease, "Processing", "{\"orderStatus\":\"Processing\"}", false, BoardingNotificationSource.Tracking, Ct);
        var still = await store.RecordObservedAsync(lease, "Processing", "{\"other\":1}", false, BoardingNotificationSource.Poll, Ct);
        var head = await store.RecordObservedAsync(lease, "New", "{\"orderStatus\":\"New\"}", false, BoardingNotificationSource.Callback, Ct);

        Assert.Equal((1L, "Processing", "{\"orderStatus\":\"Processing\"}", false, BoardingNotificationSource.Tracking),
            (first!.Sequence, first.Status, first.Payload, first.IsFinal, first.Source));
        Assert.Equal(first, still);
        Assert.Equal(first, head);
        Assert.Equal(2, (await store.FindAsync("ref-1", Ct))!.PendingCount);

        var next = await store.MarkDeliveredAsync(lease, 1, Ct);
        Assert.Equal((2L, "New", BoardingNotificationSource.Callback), (next!.Sequence, next.Status, next.Source));
        Assert.Equal(new TrackedOrder("ref-1", "order-1", "Processing", false) { PendingCount = 1 }, await store.FindAsync("ref-1", Ct));
        Assert.Null(await store.MarkDeliveredAsync(lease, 2, Ct));
        Assert.Equal(new TrackedOrder("ref-1", "order-1", "New", false), await store.FindAsync("ref-1", Ct));
    }

    [Fact]
    public async Task A_status_that_comes_back_after_another_is_queued_again_with_a_new_sequence()
    {
        var store = await OpenAsync();
        await store.TrackAsync("ref-1", "order-1", Ct);
        var lease = Assert.Single(await store.ClaimDueAsync("a", 1, Long, Ct));
        await store.RecordObservedAsync(lease, "Screening", "{}", false, BoardingNotificationSource.Poll, Ct);
        await store.RecordObservedAsync(lease, "Incomplete", "{}", false, BoardingNotificationSource.Poll, Ct);
        var pending = await store.RecordObservedAsync(lease, "Screening", "{}", false, BoardingNotificationSource.Poll, Ct);

        var sequences = new List<(long, string)>();
        while (pending is not null)
        {
            sequences.Add((pending.Sequence, pending.Status));
            pending = await store.MarkDeliveredAsync(lease, pending.Sequence, Ct);
        }

        Assert.Equal([(1L, "Screening"), (2L, "Incomplete"), (3L, "Screening")], sequences);
    }

    [Fact]
    public async Task The_pending_status_and_its_payload_survive_a_second_handle_exactly()
    {
        var payload = "{\"orderStatus\":\"Susp\\u00e9nded\",\"note\":\"é 😀 \\\"quoted\\\"\",\"big\":\"" + new string('x', 100_000) + "\"}";
        var store = await OpenAsync();
        await store.TrackAsync("réf/1 😀", "order-1", Ct);
        var lease = Assert.Single(await store.ClaimDueAsync("a", 1, Long, Ct));
        await store.RecordObservedAsync(lease, "Suspénded", payload, false, BoardingNotificationSource.Callback, Ct);
        await store.ReleaseAsync(lease, new LeaseRelease(TimeSpan.Zero, TimeSpan.Zero, 1, null), Ct);

        var other = await OpenAnotherAsync();
        var again = Assert.Single(await other.ClaimDueAsync("b", 1, Long, Ct));
        Assert.Equal("réf/1 😀", again.ExternalReference);
        Assert.Equal(("Suspénded", false), (again.LastObservedStatus, again.IsFinalObserved));
        Assert.Equal(1, again.FailedAttempts);
        Assert.Equal(payload, again.Pending!.Payload);
        Assert.Equal("Suspénded", again.Pending.Status);
        Assert.Equal(1, again.Pending.Sequence);
    }

    [Fact]
    public async Task A_final_status_ends_the_order_once_delivered_and_callbacks_then_change_nothing()
    {
        var store = await OpenAsync();
        await store.TrackAsync("ref-1", "order-1", Ct);
        var lease = Assert.Single(await store.ClaimDueAsync("a", 1, Long, Ct));
        var pending = await store.RecordObservedAsync(lease, "Completed", "{}", true, BoardingNotificationSource.Poll, Ct);
        Assert.True(pending!.IsFinal);
        Assert.Equal(pending.Status, (await store.RecordObservedAsync(lease, "Failed", "{}", true, BoardingNotificationSource.Poll, Ct))!.Status); // nothing after final
        Assert.Single(await store.GetOpenAsync(Ct)); // still to deliver

        Assert.Null(await store.MarkDeliveredAsync(lease, pending.Sequence, Ct));
        await store.ReleaseAsync(lease, new LeaseRelease(null, TimeSpan.Zero, 0, null), Ct);

        Assert.Equal(new TrackedOrder("ref-1", "order-1", "Completed", true), await store.FindAsync("ref-1", Ct));
        Assert.Empty(await store.GetOpenAsync(Ct));
        Assert.True(await store.RequestRefreshAsync("ref-1", Ct));
        await store.MakeAllOpenDueAsync(Ct);
        Assert.Empty(await store.ClaimDueAsync("a", 10, Long, Ct));
    }

    [Fact]
    public async Task A_callback_makes_an_idle_order_due_and_an_unknown_reference_is_refused()
    {
        var store = await OpenAsync();
        await store.TrackAsync("ref-1", "order-1", Ct);
        var lease = Assert.Single(await store.ClaimDueAsync("a", 1, Long, Ct));
        await store.RecordObservedAsync(lease, "New", "{}", false, BoardingNotificationSource.Tracking, Ct);
        await store.ReleaseAsync(lease, Later, Ct);
        Assert.Empty(await store.ClaimDueAsync("a", 1, Long, Ct));

        Assert.False(await store.RequestRefreshAsync("unknown", Ct));
        Assert.True(await store.RequestRefreshAsync("ref-1", Ct));
        var claimed = Assert.Single(await store.ClaimDueAsync("a", 1, Long, Ct));
        Assert.True(claimed.RefreshRequested);
        await store.RecordObservedAsync(claimed, "New", "{}", false, BoardingNotificationSource.Callback, Ct);
        await store.ReleaseAsync(claimed, Later, Ct);
        Assert.Empty(await store.ClaimDueAsync("a", 1, Long, Ct)); // the fetch answered the callback
    }

    [Fact]
    public async Task Callbacks_during_a_lease_make_the_order_due_once_more_after_it()
    {
        var store = await OpenAsync();
        await store.TrackAsync("ref-1", "order-1", Ct);
        var lease = Assert.Single(await store.ClaimDueAsync("a", 1, Long, Ct));
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await store.RequestRefreshAsync("ref-1", Ct));
        }

        Assert.Empty(await store.ClaimDueAsync("b", 1, Long, Ct)); // leased: the callbacks wait for the lease
        await store.RecordObservedAsync(lease, "Processing", "{}", false, BoardingNotificationSource.Tracking, Ct);
        await store.ReleaseAsync(lease, Later, Ct);

        var once = Assert.Single(await store.ClaimDueAsync("b", 1, Long, Ct));
        Assert.True(once.RefreshRequested);
        await store.RecordObservedAsync(once, "Processing", "{}", false, BoardingNotificationSource.Callback, Ct);
        await store.ReleaseAsync(once, Later, Ct);
        Assert.Empty(await store.ClaimDueAsync("b", 1, Long, Ct)); // five callbacks, one more fetch
    }

    [Fact]
    public async Task A_failed_delivery_keeps_its_backoff_though_callbacks_came()
    {
        var store = await OpenAsync();
        await store.TrackAsync("ref-1", "order-1", Ct);
        var lease = Assert.Single(await store.ClaimDueAsync("a", 1, Long, Ct));
        await store.RecordObservedAsync(lease, "New", "{}", false, BoardingNotificationSource.Tracking, Ct);
        await store.RequestRefreshAsync("ref-1", Ct);
        await store.ReleaseAsync(lease, new LeaseRelease(Long, TimeSpan.Zero, 1, null), Ct);

        Assert.Empty(await store.ClaimDueAsync("a", 1, Long, Ct));
        Assert.Equal((1, 1), ((await store.FindAsync("ref-1", Ct))!.FailedAttempts, (await store.FindAsync("ref-1", Ct))!.PendingCount));
    }

    [Fact]
    public async Task A_parked_order_is_listed_not_claimed_until_unparked()
    {
        var store = await OpenAsync();
        await store.TrackAsync("ref-1", "order-1", Ct);
        await store.TrackAsync("ref-2", "order-2", Ct);
        var lease = (await store.ClaimDueAsync("a", 10, Long, Ct)).Single(l => l.ExternalReference == "ref-1");
        await store.RecordObservedAsync(lease, "New", "{}", false, BoardingNotificationSource.Tracking, Ct);
        await store.ReleaseAsync(lease, new LeaseRelease(TimeSpan.Zero, TimeSpan.Zero, 10, "handler failed 10 times: InvalidOperationException"), Ct);

        var parked = Assert.Single(await store.GetParkedAsync(Ct));
        Assert.Equal(("ref-1", "handler failed 10 times: InvalidOperationException", 10, 1), (parked.ExternalReference, parked.ParkedReason, parked.FailedAttempts, parked.PendingCount));
        Assert.True(parked.IsParked);
        Assert.True(await store.RequestRefreshAsync("ref-1", Ct));
        Assert.DoesNotContain(await store.ClaimDueAsync("a", 10, Long, Ct), l => l.ExternalReference == "ref-1");

        Assert.False(await store.UnparkAsync("ref-2", Ct));
        Assert.True(await store.UnparkAsync("ref-1", Ct));
        Assert.Empty(await store.GetParkedAsync(Ct));
        var back = Assert.Single(await store.ClaimDueAsync("a", 10, Long, Ct), l => l.ExternalReference == "ref-1");
        Assert.Equal(("New", 0), (back.Pending!.Status, back.FailedAttempts));
    }

    [Fact]
    public async Task Make_all_open_due_wakes_every_open_order_but_not_a_leased_one()
    {
        var store = await OpenAsync();
        foreach (var i in Enumerable.Range(1, 3))
        {
            await store.TrackAsync("ref-" + i, "order-" + i, Ct);
        }

        var leases = await store.ClaimDueAsync("a", 10, Long, Ct);
        Assert.Equal(3, leases.Count);
        await store.ReleaseAsync(leases[0], Later, Ct);
        await store.ReleaseAsync(leases[1], Later, Ct);
        Assert.Empty(await store.ClaimDueAsync("a", 10, Long, Ct));

        await (await OpenAnotherAsync()).MakeAllOpenDueAsync(Ct);
        var due = await store.ClaimDueAsync("b", 10, Long, Ct);
        Assert.Equal([leases[0].ExternalReference, leases[1].ExternalReference], due.Select(l => l.ExternalReference).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Claims_racing_from_two_handles_lease_each_order_once()
    {
        var first = await OpenAsync();
        for (var i = 0; i < 40; i++)
        {
            await first.TrackAsync("ref-" + i, "order-" + i, Ct);
        }

        var second = await OpenAnotherAsync();
        var claimed = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
        {
            var store = n % 2 == 0 ? first : second;
            for (var round = 0; round < 10; round++)
            {
                foreach (var lease in await store.ClaimDueAsync("owner-" + n, 3, Long, Ct))
                {
                    claimed.Add(lease.ExternalReference);
                }
            }
        }, Ct)));

        Assert.Equal(40, claimed.Count);
        Assert.Equal(40, claimed.Distinct().Count());
    }

    [Fact]
    public async Task Claims_take_the_oldest_due_first_and_at_most_max()
    {
        var store = await OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.TrackAsync("ref-" + i, "order-" + i, Ct);
            await Task.Delay(5, Ct);
        }

        Assert.Equal(["ref-0", "ref-1"], (await store.ClaimDueAsync("a", 2, Long, Ct)).Select(l => l.ExternalReference));
        Assert.Equal(["ref-2", "ref-3", "ref-4"], (await store.ClaimDueAsync("a", 10, Long, Ct)).Select(l => l.ExternalReference));
        Assert.Empty(await store.ClaimDueAsync("a", 0, Long, Ct));
    }
}

/// <summary>The contract on <see cref="InMemoryBoardingOrderStore"/>; "another handle" is the same instance.</summary>
public sealed class InMemoryOrderStoreTests : OrderStoreContract
{
    private InMemoryBoardingOrderStore? _store;

    protected override Task<IBoardingOrderStore> OpenAsync() => Task.FromResult<IBoardingOrderStore>(_store = new InMemoryBoardingOrderStore());

    protected override Task<IBoardingOrderStore> OpenAnotherAsync() => Task.FromResult<IBoardingOrderStore>(_store!);
}
