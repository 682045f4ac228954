using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace BoardingDsl.Usage.Tests;

/// <summary>
/// What CCV sends is read whatever enum value it holds: a model read from the API keeps a value the schema does not list
/// (<c>&lt;Enum&gt;Value</c>, <c>IsKnown == false</c>) and writes it back unchanged; requests stay closed.
/// </summary>
public class OpenEnumTests
{
    [Fact]
    public void An_unlisted_status_reads_without_throwing_and_is_kept()
    {
        const string json = "{\"orderStatus\":\"Suspended\",\"externalReference\":\"123456\"}";

        var status = OrderStatusResponse.FromJson(json);

        Assert.False(status.OrderStatus.IsKnown);
        Assert.Null(status.OrderStatus.Known);
        Assert.False(status.OrderStatus.TryGetKnown(out _));
        Assert.Equal("Suspended", status.OrderStatus.ToJsonString());
        Assert.Equal("Suspended", status.OrderStatus.ToString());
        Assert.False(status.OrderStatus.IsFinal());
        Assert.True(status.OrderStatus != OrderStatus.Completed);
        Assert.False(status.OrderStatus == OrderStatus.Processing); // not the default member either
        Assert.Equal(OrderStatusValue.FromJsonString("Suspended"), status.OrderStatus);
        Assert.Equal(json, status.ToJson()); // byte for byte
    }

    [Fact]
    public void Raw_means_the_unescaped_string_which_is_written_back_as_an_equivalent_json_string()
    {
        var status = OrderStatusResponse.FromJson("{\"orderStatus\":\"Susp\\u00e9nded\"}");

        Assert.False(status.OrderStatus.IsKnown);
        Assert.Equal("Suspénded", status.OrderStatus.ToJsonString());
        Assert.Equal(OrderStatusValue.FromJsonString("Suspénded"), status.OrderStatus);
        var written = status.ToJson();
        Assert.Equal("{\"orderStatus\":\"Suspénded\"}", written); // the writer's own escaping (UnsafeRelaxedJsonEscaping)
        Assert.Equal(written, OrderStatusResponse.FromJson(written).ToJson());
        Assert.Equal("Suspénded", JsonDocument.Parse(written).RootElement.GetProperty("orderStatus").GetString());
    }

    [Fact]
    public void A_documented_status_compares_equal_to_the_closed_enum_also_when_escaped()
    {
        var status = OrderStatusResponse.FromJson("{\"orderStatus\":\"Compl\\u0065ted\"}");

        Assert.True(status.OrderStatus.IsKnown);
        Assert.True(status.OrderStatus == OrderStatus.Completed);
        Assert.True(OrderStatus.Completed == status.OrderStatus);
        Assert.Equal(OrderStatus.Completed, status.OrderStatus.Known);
        Assert.True(status.OrderStatus.TryGetKnown(out var known) && known == OrderStatus.Completed);
        Assert.True(status.OrderStatus.IsFinal());
        Assert.Equal("Completed", status.OrderStatus.ToJsonString());
        var message = status.OrderStatus.Known switch
        {
            OrderStatus.Completed => "done",
            null => "unknown: " + status.OrderStatus,
            _ => "other",
        };
        Assert.Equal("done", message);
    }

    [Fact]
    public void The_open_value_behaves_like_a_value()
    {
        OrderStatusValue fromEnum = OrderStatus.New;

        Assert.Equal(fromEnum, OrderStatusValue.FromJsonString("New"));
        Assert.Equal(fromEnum.GetHashCode(), OrderStatusValue.FromJsonString("New").GetHashCode());
        Assert.True(default(OrderStatusValue) == OrderStatus.Processing); // like default(OrderStatus)
        Assert.NotEqual(OrderStatusValue.FromJsonString("new"), fromEnum); // ordinal, as CCV spells it
        Assert.Equal(2, new HashSet<OrderStatusValue> { OrderStatus.New, OrderStatusValue.FromJsonString("New"), OrderStatusValue.FromJsonString("X") }.Count);
        Assert.Throws<ArgumentNullException>(() => OrderStatusValue.FromJsonString(null!));
        OrderStatusValue undefined = (OrderStatus)FromConfiguration(99);
        Assert.False(undefined.IsKnown);
        Assert.Equal("99", undefined.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => undefined.ToJsonString());
    }

    [Fact]
    public void A_status_that_is_not_a_string_is_still_not_the_shape()
    {
        Assert.Throws<JsonException>(() => OrderStatusResponse.FromJson("{\"orderStatus\":3}"));
        Assert.Throws<JsonException>(() => OrderStatusResponse.FromJson("{\"orderStatus\":{}}"));
        Assert.Throws<JsonException>(() => OrderHistory.FromJson("{\"statuses\":[\"New\",true]}"));
    }

    [Fact]
    public void An_order_with_unlisted_registry_currency_period_and_terms_type_reads_and_round_trips()
    {
        var json = Fixtures.Read("order.ex6.json")
            .Replace("\"cocRegistry\": \"Kvk\"", "\"cocRegistry\": \"Kbo2\"")
            .Replace("\"orderNotes\": null,", "\"termsAndConditions\": [{\"type\": \"PrivacyPolicy\", \"url\": \"/p.pdf\", \"name\": \"p\"}], \"orderNotes\": null,")
            .Replace("\"currency\": null", "\"currency\": \"USD\"")
            .Replace("\"periodPricingDetails\": null",
                "\"periodPricingDetails\": [{\"period\": \"Quarterly\", \"excludingTax\": 1, \"singleExcludingTax\": 1, \"includingTax\": 1.21}]");

        var order = Order.FromJson(json);
        var written = order.ToJson();

        Assert.Equal("Kbo2", order.StoreInformation.CocRegistry.ToJsonString());
        Assert.False(order.StoreInformation.CocRegistry.IsKnown);
        Assert.Equal("USD", order.ShoppingCart!.Currency!.Value.ToJsonString());
        Assert.False(order.ShoppingCart.Currency.Value == Currency.EUR);
        Assert.Equal("Quarterly", order.ShoppingCart.PeriodPricingDetails!.Single().Period.ToString());
        Assert.Equal("PrivacyPolicy", order.TermsAndConditions!.Single().Type!.Value.ToJsonString());
        Assert.True(Fixtures.JsonEquals(json, written), written);
        Assert.Equal(written, Order.FromJson(written).ToJson());
        Assert.Contains("\"cocRegistry\":\"Kbo2\"", written);
        Assert.Contains("\"currency\":\"USD\"", written);

        // SubmitOrder sends the order back as CCV returned it, unlisted values included.
        var submit = Boarding.SubmitOrder().WithNotifyCustomerByEmail(false).WithExternalReference("r").WithOrder(order).Build().ToJson();
        Assert.Contains(written, submit);
    }

    [Fact]
    public void An_unlisted_payment_method_inside_an_order_is_kept()
    {
        // The order schema does not define the sales packages (the docs stop before them): they are kept as JSON.
        var json = Fixtures.Read("order.ex6.json").Replace("\"periodPricingDetails\": null",
            "\"periodPricingDetails\": null, \"salesPackages\": [{\"paymentMethods\": [\"ideal\", \"bitcoin\"]}]");

        var order = Order.FromJson(json);

        Assert.True(Fixtures.JsonEquals(json, order.ToJson()), order.ToJson());
        Assert.Contains("\"bitcoin\"", order.ShoppingCart!.ExtensionData.Single().Value.GetRawText());
    }

    [Fact]
    public void A_users_own_response_schema_gets_open_enums_in_arrays_and_inline()
    {
        const string json = "{\"statuses\":[\"New\",\"Suspended\",\"Completed\"],\"paymentMethods\":[\"ideal\",\"bitcoin\"],\"channel\":\"app\"}";

        var history = OrderHistory.FromJson(json);

        Assert.Equal(new[] { true, false, true }, history.Statuses.Select(s => s.IsKnown));
        Assert.True(history.Statuses[0] == OrderStatus.New);
        Assert.Equal("Suspended", history.Statuses[1].ToJsonString());
        Assert.False(history.Statuses[1].IsFinal());
        Assert.True(history.Statuses[2].IsFinal());
        Assert.True(history.PaymentMethods![0] == PaymentMethod.Ideal);
        Assert.Equal("bitcoin", history.PaymentMethods[1].ToJsonString());
        Assert.False(history.Channel!.Value.IsKnown);
        Assert.Equal("app", history.Channel.Value.ToString());
        Assert.Equal(json, history.ToJson());
    }

    [Fact]
    public void Requests_stay_closed_an_undefined_cast_and_an_unlisted_string_are_rejected()
    {
        // Constant strings and casts are BDSL0003 errors at compile time (also on the response builder); values from elsewhere fail Build().
        var undefined = (CocRegistry)FromConfiguration(99);
        var cast = Assert.Throws<BoardingValidationException>(() => new StoreInformationBuilder().WithCocNumber("12345678").WithCocRegistry(undefined).Build());
        var text = Assert.Throws<BoardingValidationException>(() => new StoreInformationBuilder().WithCocNumber("12345678").WithCocRegistry(FromConfiguration("Kbo2")).Build());
        var response = Assert.Throws<BoardingValidationException>(() => new OrderStatusResponseBuilder().WithOrderStatus(FromConfiguration("Suspended")).Build());

        Assert.Contains(cast.Violations, v => (v.Path, v.Rule, v.Value) == ("$.cocRegistry", "enum", "99"));
        Assert.Contains(text.Violations, v => (v.Path, v.Rule, v.Value) == ("$.cocRegistry", "enum", "Kbo2"));
        Assert.Contains(response.Violations, v => (v.Path, v.Rule, v.Value) == ("$.orderStatus", "enum", "Suspended"));
        Assert.True(new OrderStatusResponseBuilder().WithOrderStatus(OrderStatus.Failed).Build().OrderStatus == OrderStatus.Failed);
    }

    private static T FromConfiguration<T>(T value) => value;
}
