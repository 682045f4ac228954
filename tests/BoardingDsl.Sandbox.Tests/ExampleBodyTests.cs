using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BoardingDsl.Sandbox.Tests.Support;
using Xunit;

namespace BoardingDsl.Sandbox.Tests;

/// <summary>Every documented example body (copies in Fixtures/) sent to the sandbox: accepted or rejected as the schemas say.</summary>
public sealed class ExampleBodyTests
{
    private static readonly string[] OrderRequired = ["orderDate", "cartUrl", "storeUrl", "statusUrl", "storeInformation"];

    private static string[] Paths400(Answer answer) =>
        answer.Object["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).Order(System.StringComparer.Ordinal).ToArray();

    private static string[] Kinds400(Answer answer) =>
        answer.Object["errors"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).Distinct().ToArray();

    [Fact(Timeout = 10_000)]
    public async Task SubmitOrder_example_with_its_empty_order_is_400_listing_the_orders_missing_required_members()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var answer = await api.PostAsync(Paths.SubmitOrder, Fixtures.Load(Fixtures.SubmitOrder));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(400, answer.Object["status"]!.GetValue<int>());
        Assert.Equal("Order data has missing/invalid values", answer.Object["description"]!.GetValue<string>());
        Assert.Equal(OrderRequired.Select(f => "#/order." + f).Order(System.StringComparer.Ordinal), Paths400(answer));
        Assert.Equal(["PropertyRequired"], Kinds400(answer));
        Assert.All(answer.Object["errors"]!.AsArray(), e => Assert.False(string.IsNullOrWhiteSpace(e!["message"]!.GetValue<string>())));
        Assert.DoesNotContain(sandbox.Events, e => e.Kind == SandboxEventKinds.StatusChanged);
    }

    [Fact(Timeout = 10_000)]
    public async Task SubmitOrder_example_with_the_documented_order_is_201_with_an_order_id_and_the_reference()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var answer = await api.PostAsync(Paths.SubmitOrder, Fixtures.Submit(Fixtures.Load(Fixtures.Order)));

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.True(System.Guid.TryParse(answer.Object["orderId"]!.GetValue<string>(), out _));
        Assert.Equal("123456", answer.Object["externalReference"]!.GetValue<string>());
    }

    [Fact(Timeout = 10_000)]
    public async Task AddSalesPackage_example_EX1_is_accepted_and_its_package_lands_in_the_shopping_cart()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var body = Fixtures.Load(Fixtures.AddSalesPackage);

        var answer = await api.PatchAsync(Paths.AddSalesPackage, body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var package = Assert.Single(answer.Object["shoppingCart"]!["salesPackages"]!.AsArray())!;
        Assert.True(JsonNode.DeepEquals(body["periodPricingDetails"], package["periodPricingDetails"]));
        Assert.Equal("Online Payments", package["packageName"]!.GetValue<string>());
        Assert.Equal("Online payments", package["sku"]!.GetValue<string>());
        Assert.True(package["isPurchased"]!.GetValue<bool>());
        Assert.Empty(package["products"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(body["order"]!["storeInformation"], answer.Object["storeInformation"]));
    }

    [Fact(Timeout = 10_000)]
    public async Task AddProductPspStandalone_example_EX2_is_schema_valid_but_its_cut_order_holds_no_sales_package_so_400()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var answer = await api.PatchAsync(Paths.AddProductPspStandalone, Fixtures.Load(Fixtures.AddProductPspStandalone));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Product data has missing/invalid values", answer.Object["description"]!.GetValue<string>());
        var error = Assert.Single(answer.Object["errors"]!.AsArray())!;
        Assert.Equal("SalesPackageRequired", error["kind"]!.GetValue<string>());
        Assert.Equal("#/order.shoppingCart.salesPackages", error["path"]!.GetValue<string>());
    }

    [Theory(Timeout = 10_000)]
    [InlineData(Paths.AddProductPspStandalone)]
    [InlineData(Paths.AddProductPspSubmerchant)]
    public async Task EX2_with_the_order_returned_by_EX1_adds_CCV_Online_Payments_to_the_sales_package(string path)
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var withPackage = (await api.PatchAsync(Paths.AddSalesPackage, Fixtures.Load(Fixtures.AddSalesPackage))).Object;
        var body = Fixtures.OnlinePayments(withPackage);

        var answer = await api.PatchAsync(path, body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var product = Assert.Single(answer.Object["shoppingCart"]!["salesPackages"]![0]!["products"]!.AsArray())!;
        Assert.Equal("CCV Online Payments", product["product"]!.GetValue<string>());
        Assert.Equal("https://www.mywebshop.nl", product["url"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(body["paymentMethods"], product["paymentMethods"]));
    }

    [Fact(Timeout = 10_000)]
    public async Task AddTerminalPackage_example_EX3_is_400_listing_exactly_the_members_after_its_cut()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var answer = await api.PatchAsync(Paths.AddTerminalPackage, Fixtures.Load(Fixtures.AddTerminalPackage));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Product data has missing/invalid values", answer.Object["description"]!.GetValue<string>());
        Assert.Equal(
            new[] { "#/monthlyPriceExcludingTax", "#/monthlyPriceTaxAmount", "#/monthlyPriceTaxRate", "#/order" },
            Paths400(answer));
        Assert.Equal(["PropertyRequired"], Kinds400(answer));
    }

    [Fact(Timeout = 10_000)]
    public async Task AddTerminalPackage_example_EX3_completed_creates_a_terminal_sales_package()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var answer = await api.PatchAsync(Paths.AddTerminalPackage, Fixtures.TerminalPackage(Fixtures.Load(Fixtures.Order)));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var package = Assert.Single(answer.Object["shoppingCart"]!["salesPackages"]!.AsArray())!;
        Assert.Equal("Smart", package["terminalPackageType"]!.GetValue<string>());
        Assert.Equal(0, package["transactionFee"]!.GetValue<decimal>());
        var prices = package["periodPricingDetails"]!.AsArray();
        Assert.Equal(["OneOff", "Monthly"], prices.Select(p => p!["period"]!.GetValue<string>()));
        Assert.Equal(150, prices[0]!["includingTax"]!.GetValue<decimal>());
        Assert.Equal(16.53m, prices[1]!["excludingTax"]!.GetValue<decimal>());
        var product = Assert.Single(package["products"]!.AsArray())!;
        Assert.Equal("Terminal", product["product"]!.GetValue<string>());
    }

    [Fact(Timeout = 10_000)]
    public async Task SetShoppingCartPricingDetails_example_EX4_is_400_listing_exactly_the_members_after_its_cut()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var answer = await api.PatchAsync(Paths.SetShoppingCartPricingDetails, Fixtures.Load(Fixtures.SetShoppingCartPricingDetails));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Shopping cart data has missing/invalid values", answer.Object["description"]!.GetValue<string>());
        Assert.Equal(new[] { "#/order", "#/periodPricingDetails", "#/totalRevenueForFullYear" }, Paths400(answer));
        Assert.Equal(["PropertyRequired"], Kinds400(answer));
    }

    [Fact(Timeout = 10_000)]
    public async Task SetShoppingCartPricingDetails_example_EX4_completed_sets_the_cart_totals_and_keeps_the_empty_coupon()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var body = Fixtures.ShoppingCartPricing(Fixtures.Load(Fixtures.Order));

        var answer = await api.PatchAsync(Paths.SetShoppingCartPricingDetails, body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var cart = answer.Object["shoppingCart"]!.AsObject();
        Assert.Equal("EUR", cart["currency"]!.GetValue<string>());
        Assert.Equal(string.Empty, cart["oneOffPriceCouponCode"]!.GetValue<string>());
        Assert.Equal(411.4m, cart["totalRevenueForFullYear"]!.GetValue<decimal>());
        Assert.True(JsonNode.DeepEquals(body["periodPricingDetails"], cart["periodPricingDetails"]));
        Assert.Empty(cart["salesPackages"]!.AsArray());
    }

    [Fact(Timeout = 10_000)]
    public async Task StartOrder_with_the_documented_order_members_answers_the_template_with_an_empty_shopping_cart()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var body = Fixtures.StartOrder();

        var answer = await api.PatchAsync(Paths.StartOrder, body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var expected = Fixtures.Load(Fixtures.Order);
        expected["shoppingCart"]!["salesPackages"] = new JsonArray();
        Assert.True(JsonNode.DeepEquals(expected, answer.Body), answer.Body!.ToJsonString());
    }

    [Fact(Timeout = 10_000)]
    public async Task The_status_answer_has_the_shape_of_the_documented_example_EX5()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = System.TimeSpan.FromMilliseconds(10) }, TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var id = await api.SubmitAsync(Fixtures.Submit(Fixtures.Load(Fixtures.Order)));

        await Wait.UntilAsync(() => sandbox.Events.Any(e => e.OrderId == id && e.Message == "Completed"), "Completed");
        var answer = await api.GetAsync(Paths.Status(id));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(JsonNode.DeepEquals(Fixtures.Load(Fixtures.OrderStatusResponse), answer.Body), answer.Body!.ToJsonString());
    }
}
