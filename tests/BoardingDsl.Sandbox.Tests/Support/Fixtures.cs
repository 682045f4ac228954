using System;
using System.IO;
using System.Text.Json.Nodes;

namespace BoardingDsl.Sandbox.Tests.Support;

/// <summary>The documented example bodies, copied into Fixtures/ (the tests never read ../shared).</summary>
internal static class Fixtures
{
    /// <summary>EX-1 closed prefix: AddSalesPackage, cut inside the contact person's e-mail address (that member dropped).</summary>
    public const string AddSalesPackage = "ex1-add-sales-package.prefix.json";

    /// <summary>EX-2 closed prefix: AddProductPSPStandalone, cut inside the shopping cart at <c>"sal…</c>.</summary>
    public const string AddProductPspStandalone = "ex2-add-product-psp-standalone.prefix.json";

    /// <summary>EX-3 closed prefix: AddTerminalPackage, cut after <c>monthlyPriceIncludingTax</c>.</summary>
    public const string AddTerminalPackage = "ex3-add-terminal-package.prefix.json";

    /// <summary>EX-4 closed prefix: SetShoppingCardPricingDetails, cut after <c>totalAmountToBePaidImmediately</c>.</summary>
    public const string SetShoppingCartPricingDetails = "ex4-set-shopping-cart-pricing-details.prefix.json";

    /// <summary>EX-5: the status call's documented 200 answer (complete).</summary>
    public const string OrderStatusResponse = "ex5-order-status-response.json";

    /// <summary>EX-6: the order embedded in EX-1 and EX-2 (EX-2's, the longer one), closed inside the shopping cart.</summary>
    public const string Order = "ex6-order.prefix.json";

    /// <summary>The SubmitOrder page's example (complete), whose order is the placeholder <c>{}</c>.</summary>
    public const string SubmitOrder = "submit-order.example.json";

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonObject Load(string name) => (JsonObject)JsonNode.Parse(Text(name))!;

    /// <summary>A StartOrder body: the documented order's members that StartOrder documents (no shopping cart).</summary>
    public static JsonObject StartOrder()
    {
        var order = Load(Order);
        order.Remove("shoppingCart");
        return order;
    }

    /// <summary>EX-3 completed with the members its cut removed, for <paramref name="order"/>.</summary>
    public static JsonObject TerminalPackage(JsonObject order)
    {
        var body = Load(AddTerminalPackage);
        body["monthlyPriceExcludingTax"] = 16.53m;
        body["monthlyPriceTaxAmount"] = 3.47m;
        body["monthlyPriceTaxRate"] = 21;
        body["order"] = order.DeepClone();
        return body;
    }

    /// <summary>EX-2 with <paramref name="order"/> in place of its cut one.</summary>
    public static JsonObject OnlinePayments(JsonObject order)
    {
        var body = Load(AddProductPspStandalone);
        body["order"] = order.DeepClone();
        return body;
    }

    /// <summary>EX-4 completed with the members its cut removed, for <paramref name="order"/>.</summary>
    public static JsonObject ShoppingCartPricing(JsonObject order)
    {
        var body = Load(SetShoppingCartPricingDetails);
        body["totalRevenueForFullYear"] = 411.4m;
        body["periodPricingDetails"] = JsonNode.Parse("""
            [
              { "period": "OneOff", "excludingTax": 100, "singleExcludingTax": 100, "includingTax": 150, "taxAmountsPerTaxRate": [ { "taxRate": 21, "taxAmount": 50 } ] },
              { "period": "Monthly", "excludingTax": 16.53, "singleExcludingTax": 16.53, "includingTax": 20, "taxAmountsPerTaxRate": [ { "taxRate": 21, "taxAmount": 3.47 } ] }
            ]
            """);
        body["order"] = order.DeepClone();
        return body;
    }

    /// <summary>The SubmitOrder example with <paramref name="order"/> in place of its <c>{}</c> and, when given, another notification address and statuses.</summary>
    public static JsonObject Submit(JsonObject order, string? notificationUrl = null, params string[] notifyOnStatus)
    {
        var body = Load(SubmitOrder);
        body["order"] = order.DeepClone();
        if (notificationUrl is not null)
        {
            body["statusNotificationInformation"]!["notificationUrl"] = notificationUrl;
        }

        if (notifyOnStatus.Length > 0)
        {
            body["statusNotificationInformation"]!["notifyOnStatus"] = new JsonArray(Array.ConvertAll(notifyOnStatus, s => (JsonNode?)JsonValue.Create(s)));
        }

        return body;
    }
}
