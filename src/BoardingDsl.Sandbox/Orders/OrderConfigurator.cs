using System;
using System.Linq;
using System.Text.Json.Nodes;
using BoardingDsl.Sandbox.Http;

namespace BoardingDsl.Sandbox.Orders;

/// <summary>
/// What the sandbox's order-configurator calls answer (the docs do not say; see README.md): the incoming order with
/// every member kept, unknown ones included, and the call's data merged in.
/// </summary>
internal static class OrderConfigurator
{
    /// <summary>The product name the PSP calls add.</summary>
    public const string OnlinePaymentsProduct = "CCV Online Payments";

    /// <summary>The product name of the terminal in a terminal package's sales package.</summary>
    public const string TerminalProduct = "Terminal";

    /// <summary>The members of the docs' example shopping cart, all null until SetShoppingCartPricingDetails fills them.</summary>
    private static readonly string[] ShoppingCartMembers =
    [
        "currency", "shippingCost", "oneOffPriceCouponCode", "oneOffPriceDiscount",
        "totalAmountToBePaidImmediately", "totalRevenueForFullYear", "periodPricingDetails",
    ];

    /// <summary>StartOrder: the request itself becomes the order template, with an empty shopping cart.</summary>
    public static JsonObject StartOrder(JsonObject body)
    {
        var order = (JsonObject)body.DeepClone();
        ShoppingCart(order);
        return order;
    }

    /// <summary>AddSalesPackage: appends the package, without products yet, to the cart's sales packages.</summary>
    public static JsonObject AddSalesPackage(JsonObject body)
    {
        var order = OrderOf(body);
        SalesPackages(order).Add(new JsonObject
        {
            ["isPurchased"] = body["isPurchased"]?.DeepClone(),
            ["packageName"] = body["packageName"]?.DeepClone(),
            ["sku"] = body["sku"]?.DeepClone(),
            ["periodPricingDetails"] = body["periodPricingDetails"]?.DeepClone(),
            ["products"] = new JsonArray(),
        });
        return order;
    }

    /// <summary>AddTerminalPackage: appends a sales package that holds the terminal, its prices and its fee.</summary>
    public static JsonObject AddTerminalPackage(JsonObject body)
    {
        var order = OrderOf(body);
        var type = body["terminalPackageType"]?.GetValue<string>() ?? "Unknown";
        var package = new JsonObject
        {
            ["isPurchased"] = false,
            ["packageName"] = "Terminal package " + type,
            ["sku"] = "TerminalPackage" + type,
            ["terminalPackageType"] = type,
            ["transactionFee"] = body["transactionFee"]?.DeepClone(),
        };
        if (body.ContainsKey("discount"))
        {
            package["discount"] = body["discount"]?.DeepClone();
        }

        package["periodPricingDetails"] = new JsonArray(
            Price("OneOff", body["oneOffPriceExcludingTax"], body["oneOffPriceIncludingTax"], body["oneOffTaxRate"], body["oneOffTaxAmount"]),
            Price("Monthly", body["monthlyPriceExcludingTax"], body["monthlyPriceIncludingTax"], body["monthlyPriceTaxRate"], body["monthlyPriceTaxAmount"]));
        package["products"] = new JsonArray(new JsonObject
        {
            ["product"] = TerminalProduct,
            ["terminalPackageType"] = type,
            ["transactionFee"] = body["transactionFee"]?.DeepClone(),
        });
        SalesPackages(order).Add(package);
        return order;
    }

    /// <summary>
    /// AddProductPspStandalone and AddProductPspSubmerchant: adds CCV Online Payments to the last sales package's
    /// products, or gives the violation that the order has no sales package.
    /// </summary>
    public static (JsonObject? Order, Violation? Violation) AddOnlinePayments(JsonObject body)
    {
        var order = OrderOf(body);
        if (order["shoppingCart"]?["salesPackages"] is not JsonArray { Count: > 0 } packages || packages[^1] is not JsonObject last)
        {
            return (null, new Violation(
                "#/order.shoppingCart.salesPackages",
                "SalesPackageRequired",
                "The order has no sales package (an object in order.shoppingCart.salesPackages) to add the product to: call AddSalesPackage or AddTerminalPackage first."));
        }

        if (last["products"] is not JsonArray products)
        {
            last["products"] = products = [];
        }

        products.Add(new JsonObject
        {
            ["product"] = OnlinePaymentsProduct,
            ["url"] = body["url"]?.DeepClone(),
            ["paymentMethods"] = body["paymentMethods"]?.DeepClone(),
        });
        return (order, null);
    }

    /// <summary>SetShoppingCartPricingDetails: every member of the call but the order becomes the cart's.</summary>
    public static JsonObject SetShoppingCartPricingDetails(JsonObject body)
    {
        var order = OrderOf(body);
        var cart = ShoppingCart(order);
        foreach (var (name, value) in body.Where(p => p.Key != "order").ToArray())
        {
            cart[name] = value?.DeepClone();
        }

        return order;
    }

    private static JsonObject OrderOf(JsonObject body) => (JsonObject)body["order"]!.DeepClone();

    /// <summary>The order's shopping cart, created (or completed) with every known member null and no sales packages.</summary>
    private static JsonObject ShoppingCart(JsonObject order)
    {
        if (order["shoppingCart"] is not JsonObject cart)
        {
            order["shoppingCart"] = cart = [];
        }

        foreach (var member in ShoppingCartMembers.Where(m => !cart.ContainsKey(m)))
        {
            cart[member] = null;
        }

        if (cart["salesPackages"] is not JsonArray)
        {
            cart["salesPackages"] = new JsonArray();
        }

        return cart;
    }

    private static JsonArray SalesPackages(JsonObject order) => (JsonArray)ShoppingCart(order)["salesPackages"]!;

    private static JsonObject Price(string period, JsonNode? excludingTax, JsonNode? includingTax, JsonNode? taxRate, JsonNode? taxAmount) => new()
    {
        ["period"] = period,
        ["excludingTax"] = excludingTax?.DeepClone(),
        ["singleExcludingTax"] = excludingTax?.DeepClone(),
        ["includingTax"] = includingTax?.DeepClone(),
        ["taxAmountsPerTaxRate"] = new JsonArray(new JsonObject { ["taxRate"] = taxRate?.DeepClone(), ["taxAmount"] = taxAmount?.DeepClone() }),
    };
}
