using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.AspNetCore;
using BoardingDsl.Client.Tests.Support;
using BoardingDsl.Sandbox;
using Microsoft.Extensions.Logging;
using Xunit;

namespace BoardingDsl.Client.Tests;

/// <summary>
/// What a production day brings to the receiver: a handler that throws, one that never succeeds, a second instance
/// over the same store, an instance that stops or hangs mid-work, a restart. No status is lost or delivered out of order;
/// a status handed over twice carries the same idempotency key.
/// </summary>
public sealed class ReceiverDeliveryTests
{
    internal static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SandboxOptions Walking(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, int stepMs) =>
        new() { StatusStepInterval = TimeSpan.FromMilliseconds(stepMs), TrustedNotificationCertificate = certificate };

    private static readonly string[] Walk = ["Processing", "Incomplete", "Screening", "New", "FulfillmentDone", "Completed"];

    private static void AssertInWalkOrderOnce(IEnumerable<string> statuses)
    {
        var list = statuses.ToList();
        var positions = list.Select(s => Array.IndexOf(Walk, s)).ToArray();
        Assert.True(positions.All(p => p >= 0) && positions.Zip(positions.Skip(1)).All(p => p.First < p.Second), "not once each in walk order: " + string.Join(", ", list));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_handler_that_throws_once_gets_the_same_status_again_and_it_is_recorded_only_then()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var sandbox = await BoardingSandbox.StartAsync(Walking(certificate, 100), Ct);
        var failures = 0;
        await using var receiver = await Receiver.StartAsync(sandbox, certificate, pollInterval: TimeSpan.FromMilliseconds(200), handler: (n, _) =>
            n.StatusName == "New" && Interlocked.Increment(ref failures) == 1
                ? throw new InvalidOperationException("database down")
                : Task.CompletedTask);

        var orderId = await receiver.SubmitAndTrackAsync("fails-once", OrderStatus.New, OrderStatus.Completed);
        var final = await receiver.Final.WaitAsync(TimeSpan.FromSeconds(15), Ct);

        var news = receiver.Attempts.Where(a => a.StatusName == "New").ToList();
        Assert.Equal(2, news.Count);
        Assert.Equal([1, 2], news.Select(n => n.Attempt));
        Assert.Single(news.Select(n => n.IdempotencyKey).Distinct());
        Assert.Equal(news[0].Sequence, news[1].Sequence);
        Assert.Equal(news[0].Status.ToJson(), news[1].Status.ToJson()); // the answer as fetched, not a newer one
        Assert.Single(receiver.Notifications, n => n.StatusName == "New");
        AssertInWalkOrderOnce(receiver.Notifications.Select(n => n.StatusName));
        Assert.Equal("Completed", final.StatusName);
        Assert.Contains(receiver.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message == $"Order {orderId} (fails-once): a handler failed on status New (attempt 1); retrying in 00:00:00.0500000.");
        await Wait.ForAsync(new TrackedOrder("fails-once", orderId, "Completed", true), () => receiver.Store.FindAsync("fails-once", Ct), "Completed recorded as handled");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_handler_that_keeps_failing_parks_its_order_logs_an_error_and_holds_up_no_other_order()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var sandbox = await BoardingSandbox.StartAsync(Walking(certificate, 100), Ct);
        var broken = 1;
        await using var receiver = await Receiver.StartAsync(sandbox, certificate, pollInterval: TimeSpan.FromMilliseconds(200),
            o => o.MaxDeliveryAttempts = 3,
            handler: (n, _) => n.ExternalReference == "poison" && Volatile.Read(ref broken) == 1 ? throw new FormatException("cannot map") : Task.CompletedTask);

        var poisonId = await receiver.SubmitAndTrackAsync("poison", OrderStatus.Completed);
        await receiver.SubmitAndTrackAsync("healthy", OrderStatus.Completed);
        var final = await receiver.Final.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        Assert.Equal("healthy", final.ExternalReference);

        await Wait.UntilAsync(() => receiver.Logs.Lines.Any(l => l.Level == LogLevel.Error), "the order parked", TimeSpan.FromSeconds(10));
        var parked = Assert.Single(await receiver.Store.GetParkedAsync(Ct));
        Assert.Equal(("poison", 3), (parked.ExternalReference, parked.FailedAttempts));
        var first = receiver.Attempts.First(a => a.ExternalReference == "poison").StatusName; // Processing, unless the machine is slow
        Assert.Equal($"the handlers failed 3 times on status {first} (#1): System.FormatException", parked.ParkedReason);
        Assert.Null(parked.LastStatus);
        var error = Assert.Single(receiver.Logs.Lines, l => l.Level == LogLevel.Error);
        Assert.StartsWith($"Order {poisonId} (poison): parked; the handlers failed 3 times on status {first}.", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, receiver.Attempts.Count(a => a.ExternalReference == "poison"));
        await Task.Delay(400, Ct);
        Assert.Equal(3, receiver.Attempts.Count(a => a.ExternalReference == "poison")); // parked: no more attempts

        // Fixed: back to work, and every status it missed comes in order.
        Volatile.Write(ref broken, 0);
        Assert.True(await receiver.Store.UnparkAsync("poison", Ct));
        await Wait.UntilAsync(() => receiver.Notifications.Any(n => n.ExternalReference == "poison" && n.IsFinal), "the unparked order finished", TimeSpan.FromSeconds(10));
        var statuses = receiver.Notifications.Where(n => n.ExternalReference == "poison").Select(n => n.StatusName).ToList();
        Assert.Equal(first, statuses[0]);
        AssertInWalkOrderOnce(statuses);
    }

    [Fact(Timeout = 30_000)]
    public Task Two_instances_over_one_store_with_slow_answers_deliver_each_status_once_and_in_order()
    {
        var store = new InMemoryBoardingOrderStore();
        return TwoInstancesAsync(store, store);
    }

    /// <summary>Two receivers, each with its own handle on one store (<paramref name="forA"/>, <paramref name="forB"/>).</summary>
    internal static async Task TwoInstancesAsync(IBoardingOrderStore forA, IBoardingOrderStore forB)
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var sandbox = await BoardingSandbox.StartAsync(Walking(certificate, 150), Ct);
        var delivered = new ConcurrentQueue<(string Instance, BoardingNotification<OrderStatusResponse> Notification)>();
        Func<BoardingNotification<OrderStatusResponse>, CancellationToken, Task> Record(string instance) => (n, _) =>
        {
            delivered.Enqueue((instance, n));
            return Task.CompletedTask;
        };
        await using var a = await Receiver.StartAsync(sandbox, certificate, TimeSpan.FromMilliseconds(100), o => o.InstanceName = "a", forA, Record("a"));
        await using var b = await Receiver.StartAsync(sandbox, certificate, TimeSpan.FromMilliseconds(100), o => o.InstanceName = "b", forB, Record("b"));
        var random = new Random(1234);
        foreach (var receiver in new[] { a, b })
        {
            receiver.Traffic.Intercept = async (attempt, next) =>
            {
                int wait;
                lock (random)
                {
                    wait = random.Next(0, 250);
                }

                var response = await next();
                await Task.Delay(wait, attempt.CancellationToken);
                return response;
            };
        }

        // Each order's notification URL goes to a or b at random (a load balancer); callbacks for every status.
        var all = Enum.GetValues<OrderStatus>();
        var orders = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var reference = "lb-" + i;
            var via = i % 2 == 0 ? a : b;
            orders.Add(await via.SubmitAndTrackAsync(reference, all));
        }

        await Wait.UntilAsync(() => delivered.Count(d => d.Notification.IsFinal) == 6, "every order final", TimeSpan.FromSeconds(25));
        await Task.Delay(400, Ct); // late duplicates would show now
        foreach (var group in delivered.GroupBy(d => d.Notification.ExternalReference))
        {
            AssertInWalkOrderOnce(group.Select(d => d.Notification.StatusName));
            Assert.Equal(group.Count(), group.Select(d => d.Notification.IdempotencyKey).Distinct().Count());
        }

        Assert.Contains(delivered, d => d.Instance == "a");
        Assert.Contains(delivered, d => d.Instance == "b");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_instance_that_hangs_mid_delivery_is_taken_over_after_its_lease_and_the_status_keeps_its_key()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = TimeSpan.FromHours(1), TrustedNotificationCertificate = certificate }, Ct);
        var store = new InMemoryBoardingOrderStore();
        var hang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Action<BoardingNotificationOptions> lease(string name) => o =>
        {
            o.InstanceName = name;
            o.StatusTimeout = TimeSpan.FromMilliseconds(500);
            o.HandlerTimeout = TimeSpan.FromMilliseconds(500);
            o.LeaseDuration = TimeSpan.FromSeconds(1);
        };

        // a's handler hangs, ignoring its token, like a process frozen by a long GC pause or a dead database socket.
        var hangs = 0;
        await using var a = await Receiver.StartAsync(sandbox, certificate, TimeSpan.FromHours(1), lease("a"), store, async (_, _) =>
        {
            if (Interlocked.Increment(ref hangs) == 1)
            {
                hung.TrySetResult();
                await hang.Task;
            }
        });
        var orderId = await a.SubmitAndTrackAsync("frozen-1");
        await hung.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        await using var b = await Receiver.StartAsync(sandbox, certificate, TimeSpan.FromHours(1), lease("b"), store);
        // Once the lease ends, whichever instance claims first (b, or a with a free slot) delivers it again.
        await Wait.UntilAsync(() => a.Notifications.Count + b.Notifications.Count == 1, "the order taken over", TimeSpan.FromSeconds(10));
        hang.SetResult(); // the frozen work wakes up: its lease is gone, and it must not record anything

        await Wait.UntilAsync(() => a.Logs.Lines.Any(l => l.Message.Contains("another instance took the order over", StringComparison.Ordinal)), "the frozen work noticed");
        await Task.Delay(300, Ct);
        // At least once: the frozen handler finished too, so two handlers ran to the end, with one key between them.
        var done = a.Notifications.Concat(b.Notifications).ToList();
        Assert.Equal(2, done.Count);
        Assert.Equal(orderId + "/1/Processing", Assert.Single(done.Select(n => n.IdempotencyKey).Distinct()));
        await Wait.ForAsync(new TrackedOrder("frozen-1", orderId, "Processing", false), () => store.FindAsync("frozen-1", Ct), "Processing recorded as handled");
    }

    [Fact(Timeout = 30_000)]
    public Task A_restart_between_a_callback_and_its_fetch_loses_nothing_the_next_start_fetches_every_open_order()
    {
        var store = new InMemoryBoardingOrderStore(); // stands for a durable store: it outlives the first process
        return RestartAsync(() => store);
    }

    /// <summary>A receiver stops between a callback and its fetch; the next start opens the store with <paramref name="open"/>.</summary>
    internal static async Task RestartAsync(Func<IBoardingOrderStore> open)
    {
        using var certificate = SelfSignedCertificate.Create();
        var options = new SandboxOptions { StatusStepInterval = TimeSpan.FromSeconds(1), TrustedNotificationCertificate = certificate, FailDelivery = _ => true };
        await using var sandbox = await BoardingSandbox.StartAsync(options, Ct);
        sandbox.EventRaised += e =>
        {
            if (e.Kind == SandboxEventKinds.StatusChanged && e.Message == "Incomplete")
            {
                options.StatusStepInterval = TimeSpan.FromHours(1); // the order stays there for the rest of the test
            }
        };
        var first = await Receiver.StartAsync(sandbox, certificate, TimeSpan.FromHours(1), o => o.InstanceName = "web-1", open());
        var orderId = await first.SubmitAndTrackAsync("restart-1");
        await Wait.UntilAsync(() => first.Notifications.Count == 1, "the tracking fetch delivered");
        var before = first.Notifications[0];

        // The status moves on; the callback arrives, and the process stops before its fetch answers.
        await Wait.UntilAsync(() => sandbox.Events.Any(e => e.OrderId == orderId && e.Kind == SandboxEventKinds.StatusChanged && e.Message == "Incomplete"), "the next status");
        var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.Traffic.Intercept = async (attempt, next) =>
        {
            stuck.TrySetResult();
            await Task.Delay(Timeout.Infinite, attempt.CancellationToken);
            return await next();
        };
        Assert.Equal(HttpStatusCode.Accepted, await first.CallBackAsync("restart-1"));
        await stuck.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await first.DisposeAsync();

        var store = open();
        await using var second = await Receiver.StartAsync(sandbox, certificate, TimeSpan.FromHours(1), o => o.InstanceName = "web-1", store);
        await Wait.UntilAsync(() => second.Notifications.Count == 1, "the status after the restart");
        var notification = Assert.Single(second.Notifications);
        Assert.Equal(("Incomplete", before.Sequence + 1), (notification.StatusName, notification.Sequence));
        await Wait.ForAsync(new TrackedOrder("restart-1", orderId, "Incomplete", false), () => store.FindAsync("restart-1", Ct), "Incomplete recorded as handled");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_store_outage_answers_callbacks_503_and_loses_no_status_once_the_store_is_back()
    {
        using var certificate = SelfSignedCertificate.Create();
        var options = new SandboxOptions { StatusStepInterval = TimeSpan.FromSeconds(2), TrustedNotificationCertificate = certificate, FailDelivery = _ => true };
        await using var sandbox = await BoardingSandbox.StartAsync(options, Ct);
        sandbox.EventRaised += e =>
        {
            if (e.Kind == SandboxEventKinds.StatusChanged && e.Message == "Incomplete")
            {
                options.StatusStepInterval = TimeSpan.FromHours(1); // it stays there for the rest of the test
            }
        };
        var store = new Stores.FaultyStore(new InMemoryBoardingOrderStore());
        await using var receiver = await Receiver.StartAsync(sandbox, certificate, TimeSpan.FromMilliseconds(300), store: store);
        var orderId = await receiver.SubmitAndTrackAsync("outage-1");
        await Wait.UntilAsync(() => receiver.Notifications.Count == 1, "Processing delivered");

        // The database goes down; the status moves on; CCV's one call comes now.
        store.Down = true;
        await Wait.UntilAsync(() => sandbox.Events.Any(e => e.OrderId == orderId && e.Kind == SandboxEventKinds.StatusChanged && e.Message == "Incomplete"), "the next status");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await receiver.CallBackAsync("outage-1"));
        await Task.Delay(500, Ct);
        Assert.Single(receiver.Notifications);
        Assert.Contains(receiver.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message == "Callback for outage-1: the order store could not record it; the next poll finds the status.");

        // Back: the poll finds what the lost callback announced.
        store.Down = false;
        await Wait.UntilAsync(() => receiver.Notifications.Count == 2, "the status after the outage", TimeSpan.FromSeconds(10));
        Assert.Equal(("Incomplete", BoardingNotificationSource.Poll), (receiver.Notifications[1].StatusName, receiver.Notifications[1].Source));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_store_failure_in_the_middle_of_the_work_hands_the_order_back_when_the_store_answers_not_when_the_lease_ends()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = TimeSpan.FromHours(1), TrustedNotificationCertificate = certificate }, Ct);
        var store = new Stores.FaultyStore(new InMemoryBoardingOrderStore());

        // The first status is fetched, then its recording fails: the order was claimed and is still leased for a minute.
        store.FailNext("RecordObserved");
        await using var receiver = await Receiver.StartAsync(sandbox, certificate, TimeSpan.FromHours(1), o => o.LeaseDuration = TimeSpan.FromMinutes(1), store);
        await receiver.SubmitAndTrackAsync("midwork-1");

        await Wait.UntilAsync(() => receiver.Notifications.Count == 1, "the status after the failed recording", TimeSpan.FromSeconds(15));
        Assert.Contains(receiver.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.EndsWith("the order store failed; the order is handed back as soon as the store answers again.", StringComparison.Ordinal));
        Assert.Equal(("Processing", BoardingNotificationSource.Tracking), (receiver.Notifications[0].StatusName, receiver.Notifications[0].Source));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_slow_handler_keeps_its_lease_by_renewing_it_and_no_other_instance_delivers_the_status_again()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = TimeSpan.FromHours(1), TrustedNotificationCertificate = certificate }, Ct);
        var store = new InMemoryBoardingOrderStore();
        Action<BoardingNotificationOptions> shortLease(string name) => o =>
        {
            o.InstanceName = name;
            o.LeaseDuration = TimeSpan.FromMilliseconds(600);
            o.HandlerTimeout = TimeSpan.FromSeconds(20);
        };
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var a = await Receiver.StartAsync(sandbox, certificate, TimeSpan.FromHours(1), shortLease("a"), store, async (_, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(2.5), ct); // four lease lengths: only renewals keep it
        });
        await a.SubmitAndTrackAsync("slow-1");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        // b starts once a holds the order: it looks at the store four times a lease length and must find it leased.
        await using var b = await Receiver.StartAsync(sandbox, certificate, TimeSpan.FromHours(1), shortLease("b"), store);

        await Wait.UntilAsync(() => a.Notifications.Count == 1, "the slow handler finished", TimeSpan.FromSeconds(10));
        await Task.Delay(500, Ct);
        Assert.Single(a.Attempts);
        Assert.Empty(b.Attempts);
        Assert.DoesNotContain(a.Logs.Lines, l => l.Message.Contains("another instance took the order over", StringComparison.Ordinal));
    }
}
