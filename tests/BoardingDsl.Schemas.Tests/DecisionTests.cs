using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NJsonSchema.Validation;
using Xunit;

namespace BoardingDsl.Schemas.Tests;

/// <summary>The decisions on the docs' contradictions (docs/doc-decisions.md), each checked by its effect on validation.</summary>
public class DecisionTests
{
    private static JsonObject Rename(JsonObject body, string parentPath, string from, string to)
    {
        var copy = (JsonObject)body.DeepClone();
        var parent = parentPath.Length == 0 ? copy : (JsonObject)Walk(copy, parentPath);
        var value = parent[from]!.DeepClone();
        parent.Remove(from);
        parent[to] = value;
        return copy;
    }

    private static JsonNode Walk(JsonNode node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = part.EndsWith(']') ? node[part[..part.IndexOf('[')]]![int.Parse(part[(part.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!;
        }

        return node;
    }

    [Theory]
    [InlineData("excludingTax", "exludingTax")]
    [InlineData("singleExcludingTax", "singleExludingTax")]
    public async Task D1_the_tables_misspelling_does_not_satisfy_the_required_member(string example, string table)
    {
        const string schema = "add-sales-package.schema.json";
        var body = Rename(Bodies.For(schema), "periodPricingDetails[0]", example, table);

        // PeriodPricingDetail is open, so the table spelling is kept but the example spelling is still missing.
        Assert.Equal([new Leaf(ValidationErrorKind.PropertyRequired, "#/periodPricingDetails[0]." + example)], await Validation.ErrorsAsync(schema, body.ToJsonString()));
    }

    [Theory]
    [InlineData("oneOffTaxAmount", "oneOffPriceTaxAmount")]
    [InlineData("oneOffTaxRate", "oneOffPriceTaxRate")]
    public async Task D2_the_tables_one_off_names_are_refused_by_the_closed_terminal_body(string example, string table)
    {
        const string schema = "add-terminal-package.schema.json";
        var errors = await Validation.ErrorsAsync(schema, Rename(Bodies.For(schema), "", example, table).ToJsonString());

        Assert.Equal(
            new[] { new Leaf(ValidationErrorKind.NoAdditionalPropertiesAllowed, "#/" + table), new Leaf(ValidationErrorKind.PropertyRequired, "#/" + example) }.OrderBy(l => l.Path),
            errors.OrderBy(l => l.Path));
    }

    [Fact]
    public void D2_the_monthly_members_keep_the_table_spelling()
    {
        var properties = SchemaDocs.Load("add-terminal-package.schema.json")["properties"]!.AsObject();

        Assert.Contains("monthlyPriceTaxAmount", properties.Select(p => p.Key));
        Assert.Contains("monthlyPriceTaxRate", properties.Select(p => p.Key));
        Assert.DoesNotContain("monthlyTaxAmount", properties.Select(p => p.Key));
    }

    [Fact]
    public async Task D3_discount_is_accepted_and_optional()
    {
        const string schema = "add-terminal-package.schema.json";
        Assert.Equal(0, Bodies.For(schema)["discount"]!.GetValue<int>());
        Assert.Empty(await Validation.ErrorsAsync(schema, Bodies.Without(Bodies.For(schema), "discount").ToJsonString()));
    }

    [Theory]
    [InlineData("", "cartUrl", "cartURL")]
    [InlineData("", "storeUrl", "storeURL")]
    [InlineData("", "statusUrl", "statusURL")]
    public async Task D4_the_tables_URL_spelling_does_not_satisfy_the_required_member(string parent, string example, string table)
    {
        var body = Rename(Bodies.FullOrder(), parent, example, table);

        Assert.Equal([new Leaf(ValidationErrorKind.PropertyRequired, "#/" + example)], await Validation.ErrorsAsync("order.schema.json", body.ToJsonString()));
    }

    [Fact]
    public void D5_store_information_defines_tradingName_not_tradeName()
    {
        var properties = SchemaDocs.Load("store-information.schema.json")["properties"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Contains("tradingName", properties);
        Assert.DoesNotContain("tradeName", properties);
    }

    [Fact]
    public void D6_cocNumber_and_cocRegistry_are_both_required()
    {
        var required = SchemaDocs.Load("store-information.schema.json")["required"]!.AsArray().Select(v => v!.GetValue<string>());

        Assert.Equal(["cocNumber", "cocRegistry"], required.Order());
    }

    [Fact]
    public async Task D13_taxAmountsPerTaxRate_is_required_for_a_sales_package_only()
    {
        var withoutInCart = Bodies.Without(Bodies.For("set-shopping-cart-pricing-details.schema.json"), "periodPricingDetails[0].taxAmountsPerTaxRate");
        Assert.Empty(await Validation.ErrorsAsync("set-shopping-cart-pricing-details.schema.json", withoutInCart.ToJsonString()));

        var withoutInPackage = Bodies.Without(Bodies.For("add-sales-package.schema.json"), "periodPricingDetails[0].taxAmountsPerTaxRate");
        Assert.Equal(
            [new Leaf(ValidationErrorKind.PropertyRequired, "#/periodPricingDetails[0].taxAmountsPerTaxRate")],
            await Validation.ErrorsAsync("add-sales-package.schema.json", withoutInPackage.ToJsonString()));

        // The per-use rule does not leak into the shared shape.
        Assert.DoesNotContain("taxAmountsPerTaxRate", SchemaDocs.Load("period-pricing-detail.schema.json")["required"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void D14_the_pricing_path_is_the_documented_one_verbatim()
    {
        var endpoint = SchemaDocs.Load("set-shopping-cart-pricing-details.schema.json")["x-boarding-endpoint"]!;

        Assert.Equal("/api/ordercompletion/reseller/orderconfigurator/SetShoppingCardPricingDetails", endpoint["path"]!.GetValue<string>());
        Assert.Equal("SetShoppingCartPricingDetails", endpoint["operation"]!.GetValue<string>());
    }

    [Fact]
    public async Task D18_amounts_that_do_not_add_up_are_accepted()
    {
        const string schema = "add-terminal-package.schema.json";
        var body = Bodies.For(schema);
        Assert.Equal((150, 100, 50, 21), (body["oneOffPriceIncludingTax"]!.GetValue<int>(), body["oneOffPriceExcludingTax"]!.GetValue<int>(), body["oneOffTaxAmount"]!.GetValue<int>(), body["oneOffTaxRate"]!.GetValue<int>()));

        Assert.Empty(await Validation.ErrorsAsync(schema, body.ToJsonString()));
    }

    [Theory]
    [InlineData("2017-07-21T17:32:28Z")]
    [InlineData("2021-02-23T14:34:37.528+00:00")]
    [InlineData("2021-02-23T15:34:37+01:00")]
    public async Task D20_both_documented_timestamp_styles_are_valid(string value)
    {
        var body = Bodies.Change(Bodies.FullOrder(), "orderDate", JsonValue.Create(value));

        Assert.Empty(await Validation.ErrorsAsync("order.schema.json", body.ToJsonString()));
    }

    [Theory]
    [InlineData("orderNotes")]
    [InlineData("storeInformation.companyName")]
    [InlineData("storeInformation.storeAddress")]
    [InlineData("storeInformation.eBillingEmailAddress")]
    [InlineData("companyContactPerson")]
    [InlineData("companyContactPerson.emailAddress")]
    [InlineData("termsAndConditions")]
    [InlineData("termsAndConditions[0].type")]
    [InlineData("payoutAccount")]
    [InlineData("shoppingCart")]
    [InlineData("shoppingCart.currency")]
    [InlineData("shoppingCart.periodPricingDetails")]
    public async Task D22_optional_order_members_accept_null(string path)
    {
        var body = Bodies.Change(Bodies.FullOrder(), path, null);

        Assert.Empty(await Validation.ErrorsAsync("order.schema.json", body.ToJsonString()));
    }

    [Theory]
    [InlineData("cartUrl")]
    [InlineData("storeUrl")]
    [InlineData("statusUrl")]
    public void D23_shop_urls_have_no_https_pattern_and_the_example_uses_http(string member)
    {
        var property = SchemaDocs.Load("order.schema.json")["properties"]![member]!.AsObject();

        Assert.False(property.ContainsKey("pattern"));
        Assert.StartsWith("http://", Bodies.Fixture("ex6-order.prefix.json")[member]!.GetValue<string>(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task R2_an_empty_coupon_code_is_valid()
    {
        const string schema = "set-shopping-cart-pricing-details.schema.json";
        Assert.Equal("", Bodies.For(schema)["oneOffPriceCouponCode"]!.GetValue<string>());

        Assert.Empty(await Validation.ErrorsAsync(schema, Bodies.For(schema).ToJsonString()));
    }

    [Fact]
    public void D27_order_statuses_are_the_twelve_documented_ones_with_the_final_four()
    {
        var schema = SchemaDocs.Load("order-status.schema.json");

        Assert.Equal(
            ["Processing", "Incomplete", "AwaitingPayment", "Screening", "New", "ErpInProgress", "FulfillmentInProgress", "FulfillmentDone", "Completed", "Closed", "Canceled", "Failed"],
            schema["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["Completed", "Closed", "Canceled", "Failed"], schema["x-final-values"]!.AsArray().Select(v => v!.GetValue<string>()));
        foreach (var final in new[] { "Completed", "Closed", "Canceled", "Failed" })
        {
            Assert.StartsWith("Final", schema["x-value-descriptions"]![final]!.GetValue<string>(), System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Payment_methods_are_the_ten_documented_values_in_order()
    {
        Assert.Equal(
            ["bancontact", "ideal", "paypal", "visa", "mastercard", "maestro", "banktransfer", "giropay", "sofort", "amex"],
            SchemaDocs.Load("payment-method.schema.json")["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(
            Bodies.Fixture("ex2-add-product-psp-standalone.prefix.json")["paymentMethods"]!.AsArray().Select(v => v!.GetValue<string>()),
            SchemaDocs.Load("payment-method.schema.json")["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }
}
