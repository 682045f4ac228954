using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.Sandbox.Tests.Support;
using Xunit;

namespace BoardingDsl.Sandbox.Tests;

/// <summary>The notification calls, against an https receiver on 127.0.0.1 with a self-signed certificate made in the test.</summary>
public sealed class NotificationTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    private static SandboxEvent[] Of(BoardingSandbox sandbox, string id, string kind) =>
        sandbox.Events.Where(e => e.OrderId == id && e.Kind == kind).ToArray();

    private static bool Ended(BoardingSandbox sandbox, string id, int notifications) =>
        sandbox.Events.Any(e => e.OrderId == id && e.Kind == SandboxEventKinds.StatusChanged && e.Message == "Completed")
        && sandbox.Events.Count(e => e.OrderId == id && e.Kind.StartsWith("notification-", StringComparison.Ordinal)) >= notifications;

    /// <summary>Some more steps of the clock, so that a retry (there must be none) would have shown.</summary>
    private static Task Linger() => Task.Delay(Step * 8, TestContext.Current.CancellationToken);

    [Fact(Timeout = 10_000)]
    public async Task One_empty_POST_per_subscribed_status_and_none_for_the_others()
    {
        await using var receiver = await HttpsReceiver.StartAsync();
        await using var sandbox = await BoardingSandbox.StartAsync(
            new SandboxOptions { StatusStepInterval = Step, TrustedNotificationCertificate = receiver.Certificate },
            TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var url = receiver.Url("subscribed");

        var id = await api.SubmitAsync(Fixtures.Submit(Fixtures.Load(Fixtures.Order), url, "Processing", "Screening", "Screening", "Completed", "Closed", "Failed"));
        await Wait.UntilAsync(() => Ended(sandbox, id, 3), "Completed and three notifications");
        await Linger();

        var calls = receiver.Calls;
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c =>
        {
            Assert.Equal("POST", c.Method);
            Assert.Equal("/orderstatusCCV/?test=subscribed", c.PathAndQuery);
            Assert.Equal(0, c.BodyLength);
            Assert.True(c.ContentLength is null or 0);
        });
        Assert.Equal(
            new[] { "Completed", "Processing", "Screening" },
            Of(sandbox, id, SandboxEventKinds.NotificationSent).Select(e => e.Message.Split(':')[0]).Order(StringComparer.Ordinal));
        Assert.Empty(Of(sandbox, id, SandboxEventKinds.NotificationFailed));
        Assert.Empty(Of(sandbox, id, SandboxEventKinds.NotificationDropped));
    }

    [Fact(Timeout = 10_000)]
    public async Task The_documented_final_statuses_subscription_gets_exactly_the_end_of_the_order()
    {
        await using var receiver = await HttpsReceiver.StartAsync();
        await using var sandbox = await BoardingSandbox.StartAsync(
            new SandboxOptions { StatusStepInterval = Step, TrustedNotificationCertificate = receiver.Certificate, Outcome = SandboxOutcome.Closed },
            TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        // The SubmitOrder example subscribes to Completed, Closed, Canceled and Failed.
        var id = await api.SubmitAsync(Fixtures.Submit(Fixtures.Load(Fixtures.Order), receiver.Url("final")));
        await Wait.UntilAsync(() => Of(sandbox, id, SandboxEventKinds.NotificationSent).Length == 1, "one notification");
        await Linger();

        Assert.Single(receiver.Calls);
        Assert.StartsWith("Closed:", Assert.Single(Of(sandbox, id, SandboxEventKinds.NotificationSent)).Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_subscribed_statuses_or_without_a_url_nothing_is_called()
    {
        await using var receiver = await HttpsReceiver.StartAsync();
        await using var sandbox = await BoardingSandbox.StartAsync(
            new SandboxOptions { StatusStepInterval = Step, TrustedNotificationCertificate = receiver.Certificate },
            TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var noStatuses = Fixtures.Submit(Fixtures.Load(Fixtures.Order), receiver.Url("none"));
        noStatuses["statusNotificationInformation"]!["notifyOnStatus"] = new System.Text.Json.Nodes.JsonArray();
        var noUrl = Fixtures.Submit(Fixtures.Load(Fixtures.Order), null, "Processing", "Completed");
        noUrl["statusNotificationInformation"]!.AsObject().Remove("notificationUrl");
        var noInfo = Fixtures.Submit(Fixtures.Load(Fixtures.Order));
        noInfo.Remove("statusNotificationInformation");

        var ids = new[] { await api.SubmitAsync(noStatuses), await api.SubmitAsync(noUrl), await api.SubmitAsync(noInfo) };
        await Wait.UntilAsync(() => ids.All(id => Ended(sandbox, id, 0)), "every order to complete");
        await Linger();

        Assert.Empty(receiver.Calls);
        Assert.DoesNotContain(sandbox.Events, e => e.Kind.StartsWith("notification-", StringComparison.Ordinal));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_call_dropped_by_FailDelivery_is_recorded_and_never_retried()
    {
        await using var receiver = await HttpsReceiver.StartAsync();
        var offered = 0;
        await using var sandbox = await BoardingSandbox.StartAsync(
            new SandboxOptions
            {
                StatusStepInterval = Step,
                TrustedNotificationCertificate = receiver.Certificate,
                FailDelivery = _ => Interlocked.Increment(ref offered) == 2,
            },
            TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var id = await api.SubmitAsync(Fixtures.Submit(Fixtures.Load(Fixtures.Order), receiver.Url("dropped"), "Incomplete", "New", "Completed"));
        await Wait.UntilAsync(() => Ended(sandbox, id, 3), "Completed and three notification outcomes");
        await Linger();

        Assert.Equal(3, Volatile.Read(ref offered));
        Assert.Equal(2, receiver.Calls.Count);
        Assert.Equal(2, Of(sandbox, id, SandboxEventKinds.NotificationSent).Length);
        var dropped = Assert.Single(Of(sandbox, id, SandboxEventKinds.NotificationDropped));
        Assert.StartsWith("New:", dropped.Message, StringComparison.Ordinal);
        Assert.Empty(Of(sandbox, id, SandboxEventKinds.NotificationFailed));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_receiver_with_another_self_signed_certificate_is_refused_recorded_as_failed_and_not_retried()
    {
        await using var receiver = await HttpsReceiver.StartAsync();
        using var other = HttpsReceiver.CreateCertificate("someone else");
        await using var sandbox = await BoardingSandbox.StartAsync(
            new SandboxOptions { StatusStepInterval = Step, TrustedNotificationCertificate = other },
            TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var id = await api.SubmitAsync(Fixtures.Submit(Fixtures.Load(Fixtures.Order), receiver.Url("untrusted"), "Screening", "Completed"));
        await Wait.UntilAsync(() => Ended(sandbox, id, 2), "Completed and two notification outcomes");
        await Linger();

        Assert.Empty(receiver.Calls);
        Assert.Equal(2, Of(sandbox, id, SandboxEventKinds.NotificationFailed).Length);
        Assert.Empty(Of(sandbox, id, SandboxEventKinds.NotificationSent));
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_a_trusted_certificate_the_system_trust_applies_and_refuses_a_self_signed_receiver()
    {
        await using var receiver = await HttpsReceiver.StartAsync();
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var id = await api.SubmitAsync(Fixtures.Submit(Fixtures.Load(Fixtures.Order), receiver.Url("system-trust"), "Completed"));
        await Wait.UntilAsync(() => Ended(sandbox, id, 1), "Completed and its notification outcome");

        Assert.Empty(receiver.Calls);
        Assert.Single(Of(sandbox, id, SandboxEventKinds.NotificationFailed));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_receiver_that_is_down_is_recorded_as_failed()
    {
        var receiver = await HttpsReceiver.StartAsync();
        var url = receiver.Url("down");
        var certificate = HttpsReceiver.CreateCertificate();
        await receiver.DisposeAsync();
        await using var sandbox = await BoardingSandbox.StartAsync(
            new SandboxOptions { StatusStepInterval = Step, TrustedNotificationCertificate = certificate },
            TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var id = await api.SubmitAsync(Fixtures.Submit(Fixtures.Load(Fixtures.Order), url, "Completed"));
        await Wait.UntilAsync(() => Ended(sandbox, id, 1), "Completed and its notification outcome");

        Assert.Single(Of(sandbox, id, SandboxEventKinds.NotificationFailed));
        certificate.Dispose();
    }
}
