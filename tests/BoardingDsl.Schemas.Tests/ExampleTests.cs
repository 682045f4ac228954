using System.Linq;
using System.Threading.Tasks;
using NJsonSchema.Validation;
using Xunit;

namespace BoardingDsl.Schemas.Tests;

/// <summary>The documented example bodies (copies in Fixtures/) against the schemas.</summary>
public class ExampleTests
{
    private static readonly string[] OrderRequired = ["orderDate", "cartUrl", "storeUrl", "statusUrl", "storeInformation"];

    [Fact]
    public async Task SubmitOrder_example_fails_only_on_the_required_members_of_its_empty_order_placeholder()
    {
        var errors = await Validation.ErrorsAsync("submit-order.schema.json", Paths.ReadFixture("submit-order.example.json"));

        Assert.All(errors, e => Assert.Equal(ValidationErrorKind.PropertyRequired, e.Kind));
        Assert.Equal(OrderRequired.Select(f => "#/order." + f).Order(), errors.Select(e => e.Path).Order());
    }

    [Fact]
    public async Task SubmitOrder_example_with_the_full_order_substituted_is_valid()
    {
        var body = Bodies.Fixture("submit-order.example.json");
        body["order"] = Bodies.FullOrder();

        Assert.Empty(await Validation.ErrorsAsync("submit-order.schema.json", body.ToJsonString()));
    }

    [Fact]
    public async Task Status_response_example_is_valid()
    {
        Assert.Empty(await Validation.ErrorsAsync("order-status-response.schema.json", Paths.ReadFixture("ex5-order-status-response.json")));
    }

    [Fact]
    public async Task Full_order_fixture_is_a_valid_order()
    {
        Assert.Empty(await Validation.ErrorsAsync("order.schema.json", Paths.ReadFixture("full-order.json")));
    }

    [Fact]
    public async Task Full_order_fixture_exercises_every_order_member_and_a_filled_shopping_cart()
    {
        var order = Bodies.FullOrder();
        var properties = SchemaDocs.Load("order.schema.json")["properties"]!.AsObject().Select(p => p.Key);

        Assert.Equal(properties.Order(), order.Select(p => p.Key).Order());
        Assert.Equal(2, order["shoppingCart"]!["periodPricingDetails"]!.AsArray().Count);
    }

    /// <summary>
    /// The closed prefixes lack what the docs' cut removed. Apart from PropertyRequired errors they must be valid,
    /// and the required errors must name exactly the members after the cut.
    /// </summary>
    [Theory]
    [InlineData("add-sales-package.schema.json", "ex1-add-sales-package.prefix.json", new string[0])]
    [InlineData("add-product-psp-standalone.schema.json", "ex2-add-product-psp-standalone.prefix.json", new string[0])]
    [InlineData("add-terminal-package.schema.json", "ex3-add-terminal-package.prefix.json", new[] { "monthlyPriceExcludingTax", "monthlyPriceTaxAmount", "monthlyPriceTaxRate", "order" })]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "ex4-set-shopping-cart-pricing-details.prefix.json", new[] { "totalRevenueForFullYear", "periodPricingDetails", "order" })]
    [InlineData("order.schema.json", "ex6-order.prefix.json", new string[0])]
    public async Task Closed_prefix_fails_on_nothing_but_the_members_cut_off(string schema, string fixture, string[] cutOff)
    {
        var errors = await Validation.ErrorsAsync(schema, Paths.ReadFixture(fixture));

        Assert.Empty(errors.Where(e => e.Kind != ValidationErrorKind.PropertyRequired).Select(e => e.Kind).Distinct());
        Assert.Equal(cutOff.Select(f => "#/" + f).Order(), errors.Select(e => e.Path).Order());
    }

    [Theory]
    [InlineData("ex1-add-sales-package.prefix.json")]
    [InlineData("ex2-add-product-psp-standalone.prefix.json")]
    public async Task The_order_embedded_in_EX1_and_EX2_is_a_valid_order(string fixture)
    {
        var order = Bodies.Fixture(fixture)["order"]!.ToJsonString();

        Assert.Empty(await Validation.ErrorsAsync("order.schema.json", order));
    }

    [Theory]
    [InlineData("start-order.schema.json")]
    [InlineData("add-sales-package.schema.json")]
    [InlineData("add-product-psp-standalone.schema.json")]
    [InlineData("add-product-psp-submerchant.schema.json")]
    [InlineData("add-terminal-package.schema.json")]
    [InlineData("set-shopping-cart-pricing-details.schema.json")]
    [InlineData("submit-order.schema.json")]
    [InlineData("order-status-response.schema.json")]
    public async Task Example_completed_with_the_cut_members_is_valid(string schema)
    {
        Assert.Empty(await Validation.ErrorsAsync(schema, Bodies.For(schema).ToJsonString()));
    }
}
