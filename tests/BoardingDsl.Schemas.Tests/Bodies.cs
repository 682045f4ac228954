using System.Linq;
using System.Text.Json.Nodes;

namespace BoardingDsl.Schemas.Tests;

/// <summary>
/// A valid body for each schema, made from the documented examples: each closed prefix completed with the
/// members its cut removed (with our full-order.json as the order). Tests change one thing and expect one error.
/// </summary>
internal static class Bodies
{
    public static JsonObject Fixture(string name) => (JsonObject)JsonNode.Parse(Paths.ReadFixture(name))!;

    public static JsonObject FullOrder() => Fixture("full-order.json");

    public static JsonObject For(string schemaFile) => schemaFile switch
    {
        "start-order.schema.json" => StartOrder(),
        "add-sales-package.schema.json" => WithOrder(Fixture("ex1-add-sales-package.prefix.json")),
        "add-product-psp-standalone.schema.json" => WithOrder(Fixture("ex2-add-product-psp-standalone.prefix.json")),
        "add-product-psp-submerchant.schema.json" => WithOrder(Fixture("ex2-add-product-psp-standalone.prefix.json")),
        "add-terminal-package.schema.json" => TerminalPackage(),
        "set-shopping-cart-pricing-details.schema.json" => ShoppingCartPricing(),
        "submit-order.schema.json" => WithOrder(Fixture("submit-order.example.json")),
        "order-status-response.schema.json" => Fixture("ex5-order-status-response.json"),
        "order.schema.json" => FullOrder(),
        _ => throw new System.ArgumentException("no body for " + schemaFile),
    };

    /// <summary>The start-order body: the Order's members that start-order documents, taken from full-order.json.</summary>
    private static JsonObject StartOrder()
    {
        var order = FullOrder();
        order.Remove("shoppingCart");
        return order;
    }

    private static JsonObject TerminalPackage()
    {
        var body = Fixture("ex3-add-terminal-package.prefix.json");
        body["monthlyPriceExcludingTax"] = 16.53m;
        body["monthlyPriceTaxAmount"] = 3.47m;
        body["monthlyPriceTaxRate"] = 21;
        return WithOrder(body);
    }

    private static JsonObject ShoppingCartPricing()
    {
        var body = Fixture("ex4-set-shopping-cart-pricing-details.prefix.json");
        body["totalRevenueForFullYear"] = 411.4m;
        body["periodPricingDetails"] = FullOrder()["shoppingCart"]!["periodPricingDetails"]!.DeepClone();
        return WithOrder(body);
    }

    private static JsonObject WithOrder(JsonObject body)
    {
        body["order"] = FullOrder();
        return body;
    }

    /// <summary>A copy of <paramref name="body"/> with the value at a dotted path (e.g. <c>order.storeInformation.cocNumber</c>) set or, for a null <paramref name="value"/> and <paramref name="remove"/>, removed.</summary>
    public static JsonObject Change(JsonObject body, string path, JsonNode? value, bool remove = false)
    {
        var copy = (JsonObject)body.DeepClone();
        var parts = path.Split('.');
        JsonNode parent = copy;
        foreach (var part in parts.Take(parts.Length - 1))
        {
            parent = part.EndsWith(']')
                ? parent[part[..part.IndexOf('[')]]![int.Parse(part[(part.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!
                : parent[part]!;
        }

        var last = parts[^1];
        if (last.EndsWith(']'))
        {
            var array = parent[last[..last.IndexOf('[')]]!.AsArray();
            var index = int.Parse(last[(last.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (remove)
            {
                array.RemoveAt(index);
            }
            else
            {
                array[index] = value;
            }
        }
        else if (remove)
        {
            ((JsonObject)parent).Remove(last);
        }
        else
        {
            parent[last] = value;
        }

        return copy;
    }

    public static JsonObject Without(JsonObject body, string path) => Change(body, path, null, remove: true);
}
