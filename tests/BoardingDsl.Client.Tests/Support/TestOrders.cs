using System;
using System.Text.Json.Nodes;
using BoardingDsl.Sample;

namespace BoardingDsl.Client.Tests.Support;

/// <summary>The requests of one boarding, written with the DSL (as the sample writes them).</summary>
internal static class TestOrders
{
    // The configurator steps are the sample's own (linked in), so the tests send exactly what the main job sends.
    public static StartOrderRequest Start() => SampleOrder.Start();

    public static AddTerminalPackageRequest TerminalPackage(Order order) => SampleOrder.TerminalPackage(order);

    public static AddProductPspStandaloneRequest OnlinePayments(Order order) => SampleOrder.OnlinePayments(order);

    public static SetShoppingCartPricingDetailsRequest Pricing(Order order) => SampleOrder.Pricing(order);

    public static SubmitOrderRequest Submit(Order order, string reference, Uri? notificationUrl = null, params OrderStatus[] notifyOn)
    {
        var builder = Boarding.SubmitOrder()
            .WithNotifyCustomerByEmail(false)
            .WithExternalReference(reference)
            .WithOrder(order);
        if (notificationUrl is not null)
        {
            builder = builder.WithStatusNotificationInformation(n => n.WithNotificationUrl(notificationUrl).WithNotifyOnStatus(notifyOn));
        }

        return builder.Build();
    }

    /// <summary>
    /// An order as the configurator would answer it, with a terminal package, read with <see cref="Order.FromJson(string)"/>:
    /// the one CCV's order configurator answered, passed on as it is.
    /// </summary>
    public static Order Configured() => Order.FromJson(ConfiguredJson().ToJsonString());

    public static JsonObject ConfiguredJson() => new()
    {
        ["orderDate"] = "2025-03-14T09:26:53Z",
        ["cartUrl"] = "https://www.bakkerij-jansen.nl/cart",
        ["storeUrl"] = "https://www.bakkerij-jansen.nl/",
        ["statusUrl"] = "https://www.bakkerij-jansen.nl/order-status",
        ["storeInformation"] = new JsonObject { ["cocNumber"] = "12345678", ["cocRegistry"] = "Kvk" },
        ["shoppingCart"] = new JsonObject
        {
            ["currency"] = null,
            ["salesPackages"] = new JsonArray(new JsonObject { ["sku"] = "TerminalPackageSmart", ["products"] = new JsonArray() }),
        },
    };
}
