using System.Linq;
using System.Text.Json;
using Xunit;

namespace BoardingDsl.Usage.Tests;

/// <summary>What the configurator returns is passed on unchanged: every member, known or not, at any depth, nulls included.</summary>
public class RoundTripTests
{
    [Fact]
    public void The_documented_order_object_round_trips_with_no_member_lost()
    {
        var json = Fixtures.Read("order.ex6.json");

        var order = Order.FromJson(json);

        Assert.True(Fixtures.JsonEquals(json, order.ToJson()), order.ToJson());
        Assert.Equal("12345678", order.StoreInformation.CocNumber);
        Assert.Equal(CocRegistry.Kvk, order.StoreInformation.CocRegistry);
        Assert.True(order.IsPresent("orderNotes"));
        Assert.Null(order.OrderNotes);
    }

    [Fact]
    public void Unknown_members_at_any_depth_are_kept_after_the_known_ones()
    {
        var json = Fixtures.Read("order.ex6.json")
            .Replace("\"orderNotes\": null,", "\"futureField\": {\"a\": [1, 2.50, null]}, \"orderNotes\": null,")
            .Replace("\"houseNumberExt\": null", "\"houseNumberExt\": null, \"geo\": {\"lat\": 51.98}")
            .Replace("\"periodPricingDetails\": null", "\"periodPricingDetails\": null, \"salesPackages\": [{\"sku\": \"x\", \"products\": []}]");

        var order = Order.FromJson(json);
        var written = order.ToJson();

        Assert.True(Fixtures.JsonEquals(json, written), written);
        Assert.Equal("futureField", order.ExtensionData.Single().Key);
        Assert.Equal("salesPackages", order.ShoppingCart!.ExtensionData.Single().Key);
        Assert.Contains("\"orderNotes\":null", written);
        Assert.True(written.IndexOf("\"futureField\"", System.StringComparison.Ordinal) > written.IndexOf("\"shoppingCart\"", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Date_times_and_decimals_keep_their_exact_text()
    {
        var json = Fixtures.Read("order.ex6.json")
            .Replace("2021-02-23T14:34:37.528+00:00", "2017-07-21T17:32:28Z")
            .Replace("\"shippingCost\": null", "\"shippingCost\": 150.0");

        var written = Order.FromJson(json).ToJson();

        Assert.Contains("\"orderDate\":\"2017-07-21T17:32:28Z\"", written);
        Assert.Contains("\"shippingCost\":150.0", written);
    }

    [Theory]
    [InlineData("\"invoiceAccount\": null", "\"invoiceAccount\": {\"iban\": \"NL91ABNA0417164300\", \"extra\": [true, null]}")]
    [InlineData("\"payoutAccount\": null", "\"payoutAccount\": \"as text\"")]
    [InlineData("\"currency\": null", "\"currency\": \"EUR\"")]
    [InlineData("\"deliveryAddress\": null", "\"deliveryAddress\": {\"city\": \"Arnhem\", \"houseNumber\": null}")]
    [InlineData("\"shippingCost\": null", "\"shippingCost\": 0.00")]
    [InlineData("\"companyContactPerson\": {", "\"companyContactPerson\": null, \"unused\": {")]
    public void Every_kind_of_member_round_trips_as_a_value_and_as_an_explicit_null(string find, string replace)
    {
        var withNull = Fixtures.Read("order.ex6.json");
        var withValue = withNull.Replace(find, replace);
        Assert.NotEqual(withNull, withValue);

        foreach (var json in new[] { withNull, withValue })
        {
            var written = Order.FromJson(json).ToJson();
            Assert.True(Fixtures.JsonEquals(json, written), written);
        }
    }

    [Fact]
    public void A_read_order_is_passed_on_as_it_is_by_the_next_call()
    {
        var order = Order.FromJson(Fixtures.Read("order.ex6.json"));

        var request = Boarding.AddProductPspStandalone()
            .WithUrl("https://www.mywebshop.nl")
            .WithPaymentMethods(PaymentMethod.Ideal, PaymentMethod.Bancontact)
            .WithOrder(order)
            .Build();

        using var doc = JsonDocument.Parse(request.ToJson());
        Assert.True(Fixtures.JsonEquals(Fixtures.Read("order.ex6.json"), doc.RootElement.GetProperty("order").GetRawText()));
        Assert.Equal("[\"ideal\",\"bancontact\"]", doc.RootElement.GetProperty("paymentMethods").GetRawText());
    }

    [Fact]
    public void The_documented_status_response_reads_into_the_order_status()
    {
        var status = OrderStatusResponse.FromJson(Fixtures.Read("status-response.example.json"));

        Assert.Equal(OrderStatus.Completed, status.OrderStatus);
        Assert.True(status.OrderStatus.IsFinal());
        Assert.Equal("123456", status.ExternalReference);
    }

    [Fact]
    public void Json_that_is_not_the_shape_fails_with_a_clear_message()
    {
        // An unlisted status string is kept (OpenEnumTests); a status that is not a string at all is not the shape.
        var ex = Assert.Throws<JsonException>(() => OrderStatusResponse.FromJson("{\"orderStatus\": 3}"));
        Assert.Contains("'a number' is not a value of OrderStatus", ex.Message);

        var missing = Assert.Throws<JsonException>(() => Order.FromJson("{}"));
        Assert.Contains("no 'orderDate'", missing.Message);
    }
}
