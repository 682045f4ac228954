using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.AspNetCore;
using BoardingDsl.Client.Tests.Support;
using BoardingDsl.Sandbox;
using Xunit;

namespace BoardingDsl.Client.Tests;

/// <summary>
/// The notification receiver against the sandbox: CCV's calls come over HTTPS to a Kestrel receiver with a self-signed
/// certificate (the sandbox trusts exactly that one), and the poller catches what the calls miss.
/// </summary>
public sealed class ReceiverTests
{
    private static readonly string[] Walk = ["Processing", "Incomplete", "Screening", "New", "FulfillmentDone", "Completed"];

    private static bool InWalkOrder(IEnumerable<string> statuses)
    {
        var positions = statuses.Select(s => Array.IndexOf(Walk, s)).ToArray();
        return positions.All(p => p >= 0) && positions.Zip(positions.Skip(1)).All(p => p.First < p.Second);
    }

    private static string Describe(IEnumerable<BoardingNotification<OrderStatusResponse>> notifications) =>
        string.Join(", ", notifications.Select(n => $"{n.StatusName} ({n.Source})"));

    [Fact(Timeout = 15_000)]
    public async Task A_missed_notification_reaches_the_handler_through_the_poller_and_the_final_status_is_delivered_once()
    {
        using var certificate = SelfSignedCertificate.Create();
        var calls = 0;
        var options = new SandboxOptions
        {
            StatusStepInterval = TimeSpan.FromMilliseconds(50),
            TrustedNotificationCertificate = certificate,

            // CCV calls once and never retries: the first call (for New, the first status subscribed to) is lost.
            FailDelivery = _ => Interlocked.Increment(ref calls) == 1,
        };
        await using var sandbox = await BoardingSandbox.StartAsync(options, TestContext.Current.CancellationToken);

        // New lasts a second (the interval is read at each step), so the poller sees it whatever the machine's load.
        sandbox.EventRaised += e =>
        {
            if (e.Kind == SandboxEventKinds.StatusChanged)
            {
                options.StatusStepInterval = TimeSpan.FromMilliseconds(e.Message == "New" ? 1000 : 50);
            }
        };
        await using var receiver = await Receiver.StartAsync(sandbox, certificate, pollInterval: TimeSpan.FromMilliseconds(100));

        var orderId = await receiver.SubmitAndTrackAsync("missed-1", OrderStatus.New, OrderStatus.Completed);
        var final = await receiver.Final.WaitAsync(TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken);
        await Wait.UntilAsync(() => sandbox.Events.Any(e => e.OrderId == orderId && e.Kind == SandboxEventKinds.NotificationSent), "the call for Completed answered");
        await Task.Delay(300, TestContext.Current.CancellationToken); // a few more polls: nothing more may come

        var events = sandbox.Events.Where(e => e.OrderId == orderId).ToArray();
        Assert.Single(events, e => e.Kind == SandboxEventKinds.NotificationDropped && e.Message == $"New: POST {receiver.UrlOf("missed-1")} dropped (FailDelivery)");
        Assert.Single(events, e => e.Kind == SandboxEventKinds.NotificationSent && e.Message == $"Completed: POST {receiver.UrlOf("missed-1")} 202");
        Assert.DoesNotContain(events, e => e.Kind == SandboxEventKinds.NotificationFailed);

        var notifications = receiver.Notifications;
        var what = Describe(notifications);
        var missed = Assert.Single(notifications, n => n.StatusName == "New");
        Assert.Equal(BoardingNotificationSource.Poll, missed.Source);
        Assert.Equal(OrderStatus.New, missed.Status.OrderStatus);
        Assert.False(missed.IsFinal);
        Assert.Equal("missed-1", missed.ExternalReference);
        Assert.Equal(orderId, missed.OrderId);

        Assert.Equal("Completed", final.StatusName);
        Assert.True(final.IsFinal);
        Assert.Equal(OrderStatus.Completed, final.Status.OrderStatus);
        Assert.Same(final, notifications[^1]);
        Assert.Single(notifications, n => n.IsFinal);
        Assert.Equal(notifications.Count, notifications.Select(n => n.StatusName).Distinct().Count());
        Assert.True(InWalkOrder(notifications.Select(n => n.StatusName)), what);
        Assert.All(notifications, n => Assert.Equal(orderId, n.OrderId));

        await Wait.ForAsync(new TrackedOrder("missed-1", orderId, "Completed", true), () => receiver.Store.FindAsync("missed-1", TestContext.Current.CancellationToken), "Completed recorded as handled");
        Assert.Empty(await receiver.Store.GetOpenAsync(TestContext.Current.CancellationToken));
    }

    [Fact(Timeout = 15_000)]
    public async Task With_every_call_delivered_each_status_comes_once_by_callback_and_the_final_one_last()
    {
        using var certificate = SelfSignedCertificate.Create();

        // Processing lasts half a second (time to track the order before the first call), then a status every 100 ms.
        var options = new SandboxOptions { StatusStepInterval = TimeSpan.FromMilliseconds(500), TrustedNotificationCertificate = certificate };
        await using var sandbox = await BoardingSandbox.StartAsync(options, TestContext.Current.CancellationToken);
        sandbox.EventRaised += e =>
        {
            if (e.Kind == SandboxEventKinds.StatusChanged && e.Message != "Processing")
            {
                options.StatusStepInterval = TimeSpan.FromMilliseconds(100);
            }
        };

        // No polling during the test: whatever arrives came by callback.
        await using var receiver = await Receiver.StartAsync(sandbox, certificate, pollInterval: TimeSpan.FromHours(1));

        var orderId = await receiver.SubmitAndTrackAsync("callbacks-1", OrderStatus.Incomplete, OrderStatus.Screening, OrderStatus.New, OrderStatus.FulfillmentDone, OrderStatus.Completed);
        var final = await receiver.Final.WaitAsync(TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken);
        await Wait.UntilAsync(() => sandbox.Events.Count(e => e.OrderId == orderId && e.Kind == SandboxEventKinds.NotificationSent) == 5, "five notification calls answered");

        // Tracking fetches at once (Processing); everything after came by callback.
        var notifications = receiver.Notifications;
        Assert.Equal(("Processing", BoardingNotificationSource.Tracking), (notifications[0].StatusName, notifications[0].Source));
        Assert.All(notifications.Skip(1), n => Assert.Equal(BoardingNotificationSource.Callback, n.Source));
        Assert.Equal("Completed", final.StatusName);
        Assert.Same(final, notifications[^1]);
        Assert.Equal(notifications.Count, notifications.Select(n => n.StatusName).Distinct().Count());
        Assert.True(InWalkOrder(notifications.Select(n => n.StatusName)), Describe(notifications));
        Assert.All(sandbox.Events.Where(e => e.Kind == SandboxEventKinds.NotificationSent), e => Assert.EndsWith(" 202", e.Message, StringComparison.Ordinal));
    }

    [Fact(Timeout = 15_000)]
    public async Task The_same_callback_twice_invokes_the_handler_once_for_that_status()
    {
        using var certificate = SelfSignedCertificate.Create();

        // The order stays in Processing for the whole test; the sandbox's own calls are all dropped.
        await using var sandbox = await BoardingSandbox.StartAsync(
            new SandboxOptions { StatusStepInterval = TimeSpan.FromSeconds(30), TrustedNotificationCertificate = certificate, FailDelivery = _ => true },
            TestContext.Current.CancellationToken);
        await using var receiver = await Receiver.StartAsync(sandbox, certificate, pollInterval: TimeSpan.FromHours(1));
        var orderId = await receiver.SubmitAndTrackAsync("twice-1", OrderStatus.Processing);

        await Wait.UntilAsync(() => receiver.Notifications.Count == 1, "the tracking fetch handled");
        Assert.Equal(HttpStatusCode.Accepted, await receiver.CallBackAsync("twice-1"));
        await Wait.UntilAsync(() => receiver.Traffic.Attempts("GetOrderStatus") == 2, "the callback's fetch");
        var again = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => receiver.CallBackAsync("twice-1")));
        Assert.All(again, code => Assert.Equal(HttpStatusCode.Accepted, code));

        // Callbacks that come while a fetch is due or in flight share the next fetch: never more fetches than callbacks.
        await Wait.UntilAsync(() => receiver.Logs.Lines.Any(l => l.Message == $"Order {orderId}: status Processing already handled (Callback)."), "a callback found it handled already");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        var fetches = receiver.Traffic.Attempts("GetOrderStatus");
        Assert.InRange(fetches, 3, 1 + 1 + 6);
        var notification = Assert.Single(receiver.Notifications);
        Assert.Equal("Processing", notification.StatusName);
        Assert.Equal(BoardingNotificationSource.Tracking, notification.Source);
        Assert.Equal(orderId + "/1/Processing", notification.IdempotencyKey);
        Assert.False(notification.IsFinal);
        Assert.Equal(orderId, notification.OrderId);
        Assert.Equal(fetches, sandbox.Events.Count(e => e.OrderId == orderId && e.Kind == SandboxEventKinds.Request && e.Message.StartsWith("GET ", StringComparison.Ordinal)));
        Assert.Single(sandbox.Events, e => e.OrderId == orderId && e.Kind == SandboxEventKinds.NotificationDropped);
    }

    [Fact(Timeout = 15_000)]
    public async Task A_callback_that_comes_before_the_order_is_tracked_loses_nothing_tracking_fetches_at_once()
    {
        // CCV's first call can beat the submit answer to your code. The poller is an hour away.
        using var certificate = SelfSignedCertificate.Create();
        await using var sandbox = await BoardingSandbox.StartAsync(
            new SandboxOptions { StatusStepInterval = TimeSpan.FromHours(1), TrustedNotificationCertificate = certificate },
            TestContext.Current.CancellationToken);
        await using var receiver = await Receiver.StartAsync(sandbox, certificate, pollInterval: TimeSpan.FromHours(1));
        var orderId = await receiver.SubmitAsync("early-1");

        Assert.Equal(HttpStatusCode.Accepted, await receiver.CallBackAsync("early-1"));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(0, receiver.Traffic.Attempts("GetOrderStatus"));

        await receiver.Store.TrackAsync("early-1", orderId, TestContext.Current.CancellationToken);
        await Wait.UntilAsync(() => receiver.Notifications.Count == 1, "the status fetched when tracked");

        var notification = Assert.Single(receiver.Notifications);
        Assert.Equal((orderId, "Processing", BoardingNotificationSource.Tracking), (notification.OrderId, notification.StatusName, notification.Source));
        Assert.Equal(1, receiver.Traffic.Attempts("GetOrderStatus"));
    }

    [Fact(Timeout = 15_000)]
    public async Task A_callback_for_a_reference_never_tracked_is_accepted_and_fetches_nothing()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { TrustedNotificationCertificate = certificate }, TestContext.Current.CancellationToken);
        await using var receiver = await Receiver.StartAsync(sandbox, certificate, pollInterval: TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.Accepted, await receiver.CallBackAsync("nobody-knows-this"));

        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal(0, receiver.Traffic.Attempts("GetOrderStatus"));
        Assert.Empty(receiver.Notifications);
        Assert.Empty(sandbox.Events);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_flood_of_forged_callbacks_spends_no_API_call_and_does_not_crowd_out_a_real_early_callback()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var sandbox = await BoardingSandbox.StartAsync(
            new SandboxOptions { StatusStepInterval = TimeSpan.FromHours(1), TrustedNotificationCertificate = certificate },
            TestContext.Current.CancellationToken);
        await using var receiver = await Receiver.StartAsync(sandbox, certificate, pollInterval: TimeSpan.FromHours(1));
        var orderId = await receiver.SubmitAsync("real-1");

        var forged = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => receiver.CallBackAsync("made-up-" + i)));
        Assert.All(forged, code => Assert.Equal(HttpStatusCode.Accepted, code)); // answered like real ones: nothing to enumerate
        Assert.Equal(HttpStatusCode.Accepted, await receiver.CallBackAsync("real-1"));
        await receiver.Store.TrackAsync("real-1", orderId, TestContext.Current.CancellationToken);

        await Wait.UntilAsync(() => receiver.Notifications.Count == 1, "the real order's status");
        Assert.Equal(1, receiver.Traffic.Attempts("GetOrderStatus"));
        Assert.Equal("real-1", receiver.Notifications[0].ExternalReference);
    }

    [Fact(Timeout = 15_000)]
    public async Task A_reference_with_CR_LF_in_the_callback_path_is_logged_escaped()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { TrustedNotificationCertificate = certificate }, TestContext.Current.CancellationToken);
        await using var receiver = await Receiver.StartAsync(sandbox, certificate, pollInterval: TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.Accepted, await receiver.CallBackAsync(new Uri(receiver.BaseAddress, "ccv/orders/evil%0d%0a[Error] FORGED%e2%80%a8x")));

        static bool Ours(LogLine l) => l.Category.EndsWith(".BoardingNotificationExtensions", StringComparison.Ordinal);
        await Wait.UntilAsync(() => receiver.Logs.Lines.Any(Ours), "the ignored callback logged");
        var line = Assert.Single(receiver.Logs.Lines, Ours);
        Assert.Equal("Callback for evil\\u000d\\u000a[Error] FORGED\\u2028x, which is not tracked: ignored.", line.Message);

        // Ours only: ASP.NET Core's own request logs write the decoded path as it is (a log formatter's job, e.g. JSON).
        Assert.DoesNotContain(receiver.Logs.Lines, l => (Ours(l) || l.Category.StartsWith("BoardingDsl", StringComparison.Ordinal))
            && (l.Message.Contains('\r') || l.Message.Contains('\n') || l.Message.Contains('\u2028')));
    }

    [Fact(Timeout = 15_000)]
    public async Task The_sandbox_refuses_a_receiver_with_another_certificate()
    {
        // The pinning the tests above rely on: with another certificate trusted, every call fails, and only the poller helps.
        using var certificate = SelfSignedCertificate.Create();
        using var other = SelfSignedCertificate.Create();
        await using var sandbox = await BoardingSandbox.StartAsync(
            new SandboxOptions { StatusStepInterval = TimeSpan.FromMilliseconds(50), TrustedNotificationCertificate = other },
            TestContext.Current.CancellationToken);
        await using var receiver = await Receiver.StartAsync(sandbox, certificate, pollInterval: TimeSpan.FromMilliseconds(100));

        var orderId = await receiver.SubmitAndTrackAsync("pinned-1", OrderStatus.Completed);
        var final = await receiver.Final.WaitAsync(TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken);
        await Wait.UntilAsync(() => sandbox.Events.Any(e => e.OrderId == orderId && e.Kind == SandboxEventKinds.NotificationFailed), "the refused call recorded");

        Assert.Equal(BoardingNotificationSource.Poll, final.Source);
        Assert.Equal("Completed", final.StatusName);
        Assert.DoesNotContain(sandbox.Events, e => e.Kind == SandboxEventKinds.NotificationSent);
    }

    [Fact(Timeout = 15_000)]
    public async Task A_slow_status_fetch_racing_the_other_path_delivers_no_status_twice_and_none_out_of_order()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var sandbox = await BoardingSandbox.StartAsync(
            new SandboxOptions { StatusStepInterval = TimeSpan.FromMilliseconds(200), TrustedNotificationCertificate = certificate, FailDelivery = _ => true },
            TestContext.Current.CancellationToken);
        await using var receiver = await Receiver.StartAsync(sandbox, certificate, pollInterval: TimeSpan.FromMilliseconds(100));
        var armed = 0;
        var slowed = 0;

        // The first status fetch after the callback is posted gets its answer late, as over a slow network, while the
        // other path (the poller every 100 ms, or the callback) asks again. Which path is slowed depends on timing (a
        // call stack cannot tell once the per-order lock has been waited for), and both ways the race is the same.
        receiver.Traffic.Intercept = async (attempt, next) =>
        {
            var slow = Volatile.Read(ref armed) == 1 && Interlocked.Increment(ref slowed) == 1;
            var response = await next();
            if (slow)
            {
                await Task.Delay(700, attempt.CancellationToken);
            }

            return response;
        };
        await receiver.SubmitAndTrackAsync("race-1", OrderStatus.Completed);
        Volatile.Write(ref armed, 1);
        Assert.Equal(HttpStatusCode.Accepted, await receiver.CallBackAsync("race-1"));

        await receiver.Final.WaitAsync(TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken);

        var notifications = receiver.Notifications;
        Assert.True(Volatile.Read(ref slowed) >= 2, "no fetch raced the slowed one");
        Assert.True(notifications.Count == notifications.Select(n => n.StatusName).Distinct().Count(), "a status came twice: " + Describe(notifications));
        Assert.True(InWalkOrder(notifications.Select(n => n.StatusName)), Describe(notifications));
    }

    [Fact(Timeout = 15_000)]
    public async Task An_unknown_status_reaches_the_handler_once_with_its_raw_name_and_is_not_final()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var sandbox = await BoardingSandbox.StartAsync(
            new SandboxOptions { StatusStepInterval = TimeSpan.FromHours(1), TrustedNotificationCertificate = certificate, FailDelivery = _ => true },
            TestContext.Current.CancellationToken);
        await using var receiver = await Receiver.StartAsync(sandbox, certificate, pollInterval: TimeSpan.FromMilliseconds(100));

        // CCV adds a status the schema does not know yet.
        receiver.Traffic.Intercept = (attempt, next) => attempt.Operation == "GetOrderStatus"
            ? Task.FromResult(Traffic.Answer(attempt.Request, HttpStatusCode.OK, "{\"orderStatus\":\"Suspended\",\"externalReference\":\"unknown-1\"}"))
            : next();
        await receiver.SubmitAndTrackAsync("unknown-1");
        await Wait.UntilAsync(() => receiver.Notifications.Count == 1, "the unknown status handled");
        await Task.Delay(400, TestContext.Current.CancellationToken); // polls go on: it is not final, and not delivered again

        var notification = Assert.Single(receiver.Notifications);
        Assert.Equal("Suspended", notification.StatusName);
        Assert.False(notification.IsFinal);
        Assert.False(notification.Status.OrderStatus.IsKnown);
        Assert.Equal("Suspended", notification.Status.OrderStatus.ToJsonString());
        Assert.True(receiver.Traffic.Attempts("GetOrderStatus") >= 2);
        Assert.DoesNotContain(receiver.Logs.Lines, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning && l.Category.StartsWith("BoardingDsl", StringComparison.Ordinal));
        Assert.Single(await receiver.Store.GetOpenAsync(TestContext.Current.CancellationToken));
    }
}
