using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BoardingDsl.Client.Tests.Support;
using BoardingDsl.Sandbox;
using Xunit;

namespace BoardingDsl.Client.Tests;

/// <summary>The generated client methods against the sandbox over loopback HTTP: the whole boarding flow.</summary>
public sealed class FlowTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(30);

    private static readonly string[] Operations =
        ["StartOrder", "AddTerminalPackage", "AddProductPspStandalone", "SetShoppingCartPricingDetails"];

    [Fact(Timeout = 15_000)]
    public async Task The_whole_flow_passes_each_returned_order_on_unchanged_and_reaches_Completed()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        var client = host.Client;
        var ct = TestContext.Current.CancellationToken;

        var started = await client.StartOrderAsync(TestOrders.Start(), ct);
        Assert.Equal("Bakkerij Jansen B.V.", started.StoreInformation.CompanyName);
        Assert.Equal("https://www.bakkerij-jansen.nl/cart", started.CartUrl);
        Assert.Null(started.ShoppingCart!.Currency);
        Assert.True(started.ShoppingCart.IsPresent("currency"));
        Assert.Equal(JsonValueKind.Array, SalesPackages(started).ValueKind);
        Assert.Equal(0, SalesPackages(started).GetArrayLength());

        var withTerminal = await client.AddTerminalPackageAsync(TestOrders.TerminalPackage(started), ct);
        var package = Assert.Single(SalesPackages(withTerminal).EnumerateArray());
        Assert.Equal("TerminalPackageSmart", package.GetProperty("sku").GetString());
        Assert.Equal("Terminal", Assert.Single(package.GetProperty("products").EnumerateArray()).GetProperty("product").GetString());

        var withPsp = await client.AddProductPspStandaloneAsync(TestOrders.OnlinePayments(withTerminal), ct);
        var products = Assert.Single(SalesPackages(withPsp).EnumerateArray()).GetProperty("products").EnumerateArray().ToArray();
        Assert.Equal(["Terminal", "CCV Online Payments"], products.Select(p => p.GetProperty("product").GetString()));
        Assert.Equal(["ideal", "bancontact", "visa", "mastercard"], products[1].GetProperty("paymentMethods").EnumerateArray().Select(m => m.GetString()));

        var priced = await client.SetShoppingCartPricingDetailsAsync(TestOrders.Pricing(withPsp), ct);
        Assert.Equal(Currency.EUR, priced.ShoppingCart!.Currency);
        Assert.Equal(121m, priced.ShoppingCart.TotalAmountToBePaidImmediately);
        Assert.Equal(411.40m, priced.ShoppingCart.TotalRevenueForFullYear);
        Assert.Equal(2, priced.ShoppingCart.PeriodPricingDetails!.Count);

        // salesPackages is no member of the schema's ShoppingCart: it survived every call as extension data.
        Assert.Equal("salesPackages", Assert.Single(priced.ShoppingCart.ExtensionData).Key);
        Assert.Equal(2, Assert.Single(SalesPackages(priced).EnumerateArray()).GetProperty("products").GetArrayLength());

        var answer = await client.SubmitOrderAsync(TestOrders.Submit(priced, "flow-1"), ct);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal("flow-1", answer.GetString("externalReference"));
        var orderId = answer.GetString("orderId");
        Assert.True(Guid.TryParse(orderId, out _), answer.ToString());

        var seen = new List<OrderStatusValue>();
        OrderStatusResponse status;
        do
        {
            status = await client.GetOrderStatusAsync(orderId!, ct);
            Assert.Equal("flow-1", status.ExternalReference);
            if (seen.Count == 0 || seen[^1] != status.OrderStatus)
            {
                seen.Add(status.OrderStatus);
            }

            await Task.Delay(10, ct);
        }
        while (!status.OrderStatus.IsFinal());

        Assert.Equal(OrderStatus.Completed, status.OrderStatus);
        OrderStatus[] walk = [OrderStatus.Processing, OrderStatus.Incomplete, OrderStatus.Screening, OrderStatus.New, OrderStatus.FulfillmentDone, OrderStatus.Completed];
        Assert.True(IsInOrder(seen, walk), "statuses out of the walk's order: " + string.Join(", ", seen));

        // What each configurator call answered went out as the next call's "order", member for member (nulls and unknown members too).
        var exchanges = host.Traffic.Exchanges;
        Assert.Equal([.. Operations, "SubmitOrder", .. Enumerable.Repeat("GetOrderStatus", exchanges.Count - 5)], exchanges.Select(e => e.Operation));
        for (var i = 1; i < 5; i++)
        {
            var answered = JsonNode.Parse(exchanges[i - 1].ResponseBody!);
            var passedOn = JsonNode.Parse(exchanges[i].RequestBody!)!["order"];
            Assert.True(JsonNode.DeepEquals(answered, passedOn), $"{exchanges[i].Operation} did not pass on the order {exchanges[i - 1].Operation} returned:\n{answered}\n{passedOn}");
        }
    }

    [Theory(Timeout = 10_000)]
    [InlineData(SandboxOutcome.Completed, OrderStatus.Completed)]
    [InlineData(SandboxOutcome.Closed, OrderStatus.Closed)]
    [InlineData(SandboxOutcome.Canceled, OrderStatus.Canceled)]
    [InlineData(SandboxOutcome.Failed, OrderStatus.Failed)]
    public async Task GetOrderStatus_reads_each_final_status(SandboxOutcome outcome, OrderStatus expected)
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step, Outcome = outcome }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);
        var ct = TestContext.Current.CancellationToken;
        var answer = await host.Client.SubmitOrderAsync(TestOrders.Submit(TestOrders.Configured(), "outcome-" + outcome), ct);
        var orderId = answer.GetString("orderId")!;

        OrderStatusResponse status;
        do
        {
            await Task.Delay(20, ct);
            status = await host.Client.GetOrderStatusAsync(orderId, ct);
        }
        while (!status.OrderStatus.IsFinal());

        Assert.Equal(expected, status.OrderStatus);
        Assert.Equal("outcome-" + outcome, status.ExternalReference);
    }

    [Fact]
    public void The_generated_endpoints_carry_the_schemas_methods_paths_and_descriptions()
    {
        Assert.Equal("PATCH", BoardingClientOperations.StartOrderEndpoint.Method.Method);
        Assert.Equal("/api/ordercompletion/reseller/orderconfigurator/startorder", BoardingClientOperations.StartOrderEndpoint.Path);
        Assert.Empty(BoardingClientOperations.StartOrderEndpoint.Responses);
        Assert.Equal("/api/ordercompletion/reseller/orderconfigurator/SetShoppingCardPricingDetails", BoardingClientOperations.SetShoppingCartPricingDetailsEndpoint.Path);
        Assert.Equal("POST", BoardingClientOperations.SubmitOrderEndpoint.Method.Method);
        Assert.False(BoardingClientOperations.SubmitOrderEndpoint.IsRetriable);
        Assert.True(BoardingClientOperations.GetOrderStatusEndpoint.IsRetriable);
        Assert.True(BoardingClientOperations.AddTerminalPackageEndpoint.IsRetriable);
        Assert.Equal("/api/ordercompletion/reseller/order/{orderId}/status", BoardingClientOperations.GetOrderStatusEndpoint.Path);
        Assert.Equal([200, 401, 403, 404, 500], BoardingClientOperations.GetOrderStatusEndpoint.Responses.Keys.Order());
    }

    [Fact(Timeout = 10_000)]
    public async Task The_order_id_is_escaped_into_the_path()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        await using var host = ClientHost.For(sandbox);

        var ex = await Assert.ThrowsAsync<BoardingApiStatusException>(() => host.Client.GetOrderStatusAsync("a/b c?d", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("/api/ordercompletion/reseller/order/a%2Fb%20c%3Fd/status", Assert.Single(host.Traffic.Exchanges).Path);
    }

    private static JsonElement SalesPackages(Order order) =>
        order.ShoppingCart!.ExtensionData.Single(p => p.Key == "salesPackages").Value;

    private static bool IsInOrder(IReadOnlyList<OrderStatusValue> seen, IReadOnlyList<OrderStatus> walk)
    {
        var at = 0;
        foreach (var status in seen)
        {
            while (at < walk.Count && walk[at] != status)
            {
                at++;
            }

            if (at == walk.Count)
            {
                return false;
            }
        }

        return true;
    }
}
