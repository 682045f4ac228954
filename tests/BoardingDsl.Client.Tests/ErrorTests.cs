using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BoardingDsl.Client.Tests.Support;
using BoardingDsl.Sandbox;
using Xunit;

namespace BoardingDsl.Client.Tests;

/// <summary>Each error answer becomes a <see cref="BoardingApiException"/> with the code, CCV's description of it for that call, and the body.</summary>
public sealed class ErrorTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(30);

    /// <summary>An order read as it came (no builder in between) whose cartUrl is no URL: the reader keeps it, the API refuses it.</summary>
    private static Order OrderWithInvalidCartUrl()
    {
        var json = TestOrders.ConfiguredJson();
        json["cartUrl"] = "not a url";
        return Order.FromJson(json.ToJsonString());
    }

    [Fact(Timeout = 10_000)]
    public async Task A_400_on_SubmitOrder_carries_the_SubmitOrder_description_and_the_sandbox_violations()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        var request = TestOrders.Submit(OrderWithInvalidCartUrl(), "bad-1");

        var ex = await Assert.ThrowsAsync<BoardingApiStatusException>(() => host.Client.SubmitOrderAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("SubmitOrder", ex.Operation);
        Assert.Equal("Order data has missing/invalid values", ex.Description);
        var body = JsonNode.Parse(ex.ResponseBody!)!;
        Assert.Equal(400, (int)body["status"]!);
        Assert.Equal("Order data has missing/invalid values", (string?)body["description"]);
        Assert.Contains("cartUrl", body["errors"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.StartsWith("SubmitOrder failed with 400 BadRequest: Order data has missing/invalid values", ex.Message, StringComparison.Ordinal);
        Assert.Contains(ex.ResponseBody!, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Events, e => e.Kind == SandboxEventKinds.StatusChanged);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_400_on_AddProductPspStandalone_for_an_order_without_a_sales_package()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        var started = await host.Client.StartOrderAsync(TestOrders.Start(), TestContext.Current.CancellationToken);

        // Build() accepts it: that an order has a sales package is no rule of the request's schema.
        var request = TestOrders.OnlinePayments(started);
        var ex = await Assert.ThrowsAsync<BoardingApiStatusException>(() => host.Client.AddProductPspStandaloneAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("AddProductPspStandalone", ex.Operation);
        Assert.Equal("Product data has missing/invalid values", ex.Description);
        var error = Assert.Single(JsonNode.Parse(ex.ResponseBody!)!["errors"]!.AsArray())!;
        Assert.Equal("SalesPackageRequired", (string?)error["kind"]);
        Assert.Equal("#/order.shoppingCart.salesPackages", (string?)error["path"]);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("AddTerminalPackage", "Product data has missing/invalid values")]
    [InlineData("SetShoppingCartPricingDetails", "Shopping cart data has missing/invalid values")]
    [InlineData("AddProductPspStandalone", "Product data has missing/invalid values")]
    public async Task A_400_on_a_configurator_call_carries_that_calls_description(string operation, string description)
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        var order = OrderWithInvalidCartUrl();
        var ct = TestContext.Current.CancellationToken;
        Func<Task> call = operation switch
        {
            "AddTerminalPackage" => () => host.Client.AddTerminalPackageAsync(TestOrders.TerminalPackage(order), ct),
            "SetShoppingCartPricingDetails" => () => host.Client.SetShoppingCartPricingDetailsAsync(TestOrders.Pricing(order), ct),
            _ => () => host.Client.AddProductPspStandaloneAsync(TestOrders.OnlinePayments(order), ct),
        };

        var ex = await Assert.ThrowsAsync<BoardingApiStatusException>(call);

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(operation, ex.Operation);
        Assert.Equal(description, ex.Description);
        Assert.Equal(description, (string?)JsonNode.Parse(ex.ResponseBody!)!["description"]);
        Assert.Contains("#/order.cartUrl", ex.ResponseBody, StringComparison.Ordinal);
        Assert.Equal(1, host.Traffic.Attempts(operation)); // a 400 is not retried
    }

    [Fact(Timeout = 10_000)]
    public async Task A_400_on_StartOrder_whose_codes_CCV_does_not_document_has_no_description_but_keeps_the_body()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        var json = JsonNode.Parse(TestOrders.Start().ToJson())!;
        json["cartUrl"] = "not a url";
        var request = StartOrderRequest.FromJson(json.ToJsonString());

        var ex = await Assert.ThrowsAsync<BoardingApiStatusException>(() => host.Client.StartOrderAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Null(ex.Description);
        Assert.StartsWith("StartOrder failed with 400 BadRequest: undocumented status", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Request data has missing/invalid values", (string?)JsonNode.Parse(ex.ResponseBody!)!["description"]);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("GetOrderStatus", "Unauthorized")]
    [InlineData("SubmitOrder", "Unauthorized")]
    [InlineData("AddTerminalPackage", "Unauthorized")]
    [InlineData("StartOrder", null)]
    public async Task A_wrong_key_gives_401_with_the_calls_description(string operation, string? description)
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step, ApiKey = "the-right-key" }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox, apiKey: "a-wrong-key");
        var ct = TestContext.Current.CancellationToken;
        Func<Task> call = operation switch
        {
            "GetOrderStatus" => () => host.Client.GetOrderStatusAsync(Guid.NewGuid().ToString(), ct),
            "SubmitOrder" => () => host.Client.SubmitOrderAsync(TestOrders.Submit(TestOrders.Configured(), "unauthorized"), ct),
            "AddTerminalPackage" => () => host.Client.AddTerminalPackageAsync(TestOrders.TerminalPackage(TestOrders.Configured()), ct),
            _ => () => host.Client.StartOrderAsync(TestOrders.Start(), ct),
        };

        var ex = await Assert.ThrowsAsync<BoardingApiStatusException>(call);

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(operation, ex.Operation);
        Assert.Equal(description, ex.Description);
        Assert.Equal("""{"status":401,"description":"Unauthorized"}""", ex.ResponseBody);
        Assert.Equal(1, host.Traffic.Attempts(operation)); // a 401 is not retried
        Assert.DoesNotContain(sandbox.Events, e => e.Kind == SandboxEventKinds.StatusChanged);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_unknown_order_id_gives_404_Not_found()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);

        var ex = await Assert.ThrowsAsync<BoardingApiStatusException>(() => host.Client.GetOrderStatusAsync("6f1b7c52-0000-4000-8000-000000000000", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("GetOrderStatus", ex.Operation);
        Assert.Equal("Not found", ex.Description);
        Assert.Equal("""{"status":404,"description":"Not found"}""", ex.ResponseBody);
        Assert.Equal(1, host.Traffic.Attempts("GetOrderStatus"));
    }

    [Theory(Timeout = 10_000)]
    [InlineData("GetOrderStatus", 403, "Forbidden")]
    [InlineData("SubmitOrder", 403, "Forbidden")]
    [InlineData("AddTerminalPackage", 403, "Forbidden")]
    [InlineData("SubmitOrder", 500, "Server error")]
    [InlineData("GetOrderStatus", 500, "Server error")]
    [InlineData("SetShoppingCartPricingDetails", 500, "Server error")]
    [InlineData("GetOrderStatus", 418, null)]
    public async Task Codes_the_sandbox_never_sends_map_to_CCVs_descriptions(string operation, int code, string? description)
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);

        // No retries here (ResilienceTests covers them): one answer, one exception.
        await using var host = ClientHost.For(sandbox, configure: o => o.MaxRetryAttempts = 0);
        var body = $$"""{"status":{{code}},"message":"answered by the test"}""";
        host.Traffic.Intercept = (attempt, next) => Task.FromResult(Traffic.Answer(attempt.Request, (HttpStatusCode)code, body));
        var ct = TestContext.Current.CancellationToken;
        Func<Task> call = operation switch
        {
            "GetOrderStatus" => () => host.Client.GetOrderStatusAsync("any", ct),
            "SubmitOrder" => () => host.Client.SubmitOrderAsync(TestOrders.Submit(TestOrders.Configured(), "refused"), ct),
            "AddTerminalPackage" => () => host.Client.AddTerminalPackageAsync(TestOrders.TerminalPackage(TestOrders.Configured()), ct),
            _ => () => host.Client.SetShoppingCartPricingDetailsAsync(TestOrders.Pricing(TestOrders.Configured()), ct),
        };

        var ex = await Assert.ThrowsAsync<BoardingApiStatusException>(call);

        Assert.Equal((HttpStatusCode)code, ex.StatusCode);
        Assert.Equal(operation, ex.Operation);
        Assert.Equal(description, ex.Description);
        Assert.Equal(body, ex.ResponseBody);
        Assert.StartsWith($"{operation} failed with {code} {(HttpStatusCode)code}: {description ?? "undocumented status"}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, host.Traffic.Attempts(operation));
        Assert.Empty(sandbox.Events); // answered before it reached the sandbox
    }

    [Fact(Timeout = 10_000)]
    public async Task An_error_without_a_body_has_no_ResponseBody()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        host.Traffic.Intercept = (attempt, next) => Task.FromResult(Traffic.Answer(attempt.Request, HttpStatusCode.Forbidden));

        var ex = await Assert.ThrowsAsync<BoardingApiStatusException>(() => host.Client.GetOrderStatusAsync("any", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Null(ex.ResponseBody);
        Assert.Equal("GetOrderStatus failed with 403 Forbidden: Forbidden", ex.Message);
    }
}
