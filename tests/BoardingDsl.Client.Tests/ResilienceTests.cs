using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.Client.Tests.Support;
using BoardingDsl.Sandbox;
using Xunit;

namespace BoardingDsl.Client.Tests;

/// <summary>
/// The retries of <c>AddBoardingClient</c>: GET and the configurator PATCH calls are retried on a transient failure,
/// SubmitOrder (POST) never is. The <see cref="Traffic"/> handler sits inside the resilience handler, so it sees each attempt.
/// </summary>
public sealed class ResilienceTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(30);

    /// <summary>Fails the first attempt of <paramref name="operation"/> with <paramref name="code"/>, passes everything else on.</summary>
    private static void FailFirst(ClientHost host, string operation, HttpStatusCode code = HttpStatusCode.InternalServerError) =>
        host.Traffic.Intercept = (attempt, next) =>
            attempt.Operation == operation && attempt.Number == 1
                ? Task.FromResult(Traffic.Answer(attempt.Request, code, """{"status":500,"description":"Server error"}"""))
                : next();

    private static async Task<string> SubmitAsync(ClientHost host, string reference)
    {
        var answer = await host.Client.SubmitOrderAsync(TestOrders.Submit(TestOrders.Configured(), reference), TestContext.Current.CancellationToken);
        return answer.GetString("orderId")!;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_transient_500_on_GetOrderStatus_is_retried_and_the_call_succeeds()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = TimeSpan.FromSeconds(10) }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        var orderId = await SubmitAsync(host, "retry-get");
        FailFirst(host, "GetOrderStatus");

        var status = await host.Client.GetOrderStatusAsync(orderId, TestContext.Current.CancellationToken);

        Assert.Equal(OrderStatus.Processing, status.OrderStatus);
        Assert.Equal("retry-get", status.ExternalReference);
        Assert.Equal(2, host.Traffic.Attempts("GetOrderStatus"));
        Assert.Equal([500, 200], host.Traffic.Exchanges.Where(e => e.Operation == "GetOrderStatus").Select(e => e.StatusCode));
    }

    [Theory(Timeout = 10_000)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task A_transient_failure_on_a_configurator_PATCH_is_retried_and_the_call_succeeds(HttpStatusCode code)
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        var order = await host.Client.StartOrderAsync(TestOrders.Start(), TestContext.Current.CancellationToken);
        FailFirst(host, "AddTerminalPackage", code);

        var withTerminal = await host.Client.AddTerminalPackageAsync(TestOrders.TerminalPackage(order), TestContext.Current.CancellationToken);

        Assert.Equal("salesPackages", Assert.Single(withTerminal.ShoppingCart!.ExtensionData).Key);
        Assert.Equal(1, withTerminal.ShoppingCart.ExtensionData[0].Value.GetArrayLength());
        Assert.Equal(2, host.Traffic.Attempts("AddTerminalPackage"));

        // The retry sent the same body again.
        var bodies = host.Traffic.Exchanges.Where(e => e.Operation == "AddTerminalPackage").Select(e => e.RequestBody).ToArray();
        Assert.Equal(2, bodies.Length);
        Assert.Equal(bodies[0], bodies[1]);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_dropped_connection_on_a_GET_is_retried()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = TimeSpan.FromSeconds(10) }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        var orderId = await SubmitAsync(host, "retry-connection");
        host.Traffic.Intercept = (attempt, next) =>
            attempt.Operation == "GetOrderStatus" && attempt.Number == 1 ? throw new HttpRequestException("The connection was reset.") : next();

        var status = await host.Client.GetOrderStatusAsync(orderId, TestContext.Current.CancellationToken);

        Assert.Equal(OrderStatus.Processing, status.OrderStatus);
        Assert.Equal(2, host.Traffic.Attempts("GetOrderStatus"));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_500_on_SubmitOrder_is_not_retried()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        FailFirst(host, "SubmitOrder");

        var ex = await Assert.ThrowsAsync<BoardingApiStatusException>(() => SubmitAsync(host, "no-retry"));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal("SubmitOrder", ex.Operation);
        Assert.Equal("Server error", ex.Description);
        Assert.Equal(1, host.Traffic.Attempts("SubmitOrder"));
        await Task.Delay(300, TestContext.Current.CancellationToken); // longer than the first retry delay: a retry would have shown by now
        Assert.Equal(1, host.Traffic.Attempts("SubmitOrder"));
        Assert.DoesNotContain(sandbox.Events, e => e.Kind == SandboxEventKinds.Request && e.Message.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_submit_whose_answer_is_lost_creates_exactly_one_order()
    {
        // The server took the order, but the answer came back as a 503 (a proxy in between): repeating it would submit twice.
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        host.Traffic.Intercept = async (attempt, next) =>
        {
            using var real = await next();
            return Traffic.Answer(attempt.Request, HttpStatusCode.ServiceUnavailable, """{"status":503}""");
        };

        var ex = await Assert.ThrowsAsync<BoardingApiStatusException>(() => SubmitAsync(host, "lost-answer"));
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Null(ex.Description); // 503 is not documented for SubmitOrder
        Assert.Equal(1, host.Traffic.Attempts("SubmitOrder"));
        Assert.Single(sandbox.Events, e => e.Kind == SandboxEventKinds.Request && e.Message.StartsWith("POST /api/ordercompletion/reseller/order 201", StringComparison.Ordinal));
        Assert.Single(sandbox.Events, e => e.Kind == SandboxEventKinds.StatusChanged && e.Message == "Processing");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_dropped_connection_on_SubmitOrder_is_not_retried()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        host.Traffic.Intercept = (attempt, next) => throw new HttpRequestException("The connection was reset.");

        await Assert.ThrowsAsync<HttpRequestException>(() => SubmitAsync(host, "no-retry-connection"));

        Assert.Equal(1, host.Traffic.Attempts("SubmitOrder"));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_GET_that_keeps_failing_gives_up_after_MaxRetryAttempts()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox, configure: o => o.MaxRetryAttempts = 2);
        host.Traffic.Intercept = (attempt, next) => Task.FromResult(Traffic.Answer(attempt.Request, HttpStatusCode.InternalServerError, """{"status":500,"description":"Server error"}"""));

        var ex = await Assert.ThrowsAsync<BoardingApiStatusException>(() => host.Client.GetOrderStatusAsync("any", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal("Server error", ex.Description);
        Assert.Equal("""{"status":500,"description":"Server error"}""", ex.ResponseBody);
        Assert.Equal(3, host.Traffic.Attempts("GetOrderStatus"));
    }

    [Fact(Timeout = 10_000)]
    public async Task With_MaxRetryAttempts_zero_nothing_is_retried()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox, configure: o => o.MaxRetryAttempts = 0);
        FailFirst(host, "GetOrderStatus");

        var ex = await Assert.ThrowsAsync<BoardingApiStatusException>(() => host.Client.GetOrderStatusAsync("any", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(1, host.Traffic.Attempts("GetOrderStatus"));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_cancelled_token_cancels_a_call_in_flight()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Traffic.Intercept = async (attempt, next) =>
        {
            reached.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), attempt.CancellationToken);
            return await next();
        };
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var call = host.Client.GetOrderStatusAsync("slow", cts.Token);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"cancelled after {clock.Elapsed}");
        Assert.Equal(1, host.Traffic.Attempts("GetOrderStatus")); // a cancellation is not retried
    }

    [Fact(Timeout = 10_000)]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.SubmitOrderAsync(TestOrders.Submit(TestOrders.Configured(), "cancelled"), cts.Token));

        Assert.Equal(0, host.Traffic.Attempts("SubmitOrder"));
        Assert.Empty(sandbox.Events);
    }
}
