using System;
using System.Text.Json.Nodes;

namespace BoardingDsl.Client.Tests.Support;

/// <summary>The requests of one boarding, written with the DSL (as the sample writes them).</summary>
internal static class TestOrders
{
    public static StartOrderRequest Start() => Boarding.StartOrder()
        .WithOrderDate(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero))
        .WithCartUrl("https://www.bakkerij-jansen.nl/cart")
        .WithStoreUrl("https://www.bakkerij-jansen.nl/")
        .WithStatusUrl("https://www.bakkerij-jansen.nl/order-status")
        .WithStoreInformation(store => store
            .WithCompanyName("Bakkerij Jansen B.V.")
            .WithTradingName("Bakkerij Jansen")
            .WithCocNumber("12345678")
            .WithCocRegistry(CocRegistry.Kvk)
            .WithStoreAddress(address => address
                .WithCountry("NL")
                .WithCity("Arnhem")
                .WithStreetName("Korenmarkt")
                .WithHouseNumber("1")
                .WithPostalCode("6811 GV")))
        .WithCompanyContactPerson(person => person
            .WithFirstName("Anna")
            .WithLastName("Jansen")
            .WithEmailAddress("anna@bakkerij-jansen.nl")
            .WithLanguage("nl-NL"))
        .Build();

    public static AddTerminalPackageRequest TerminalPackage(Order order) => Boarding.AddTerminalPackage()
        .WithTerminalPackageType(TerminalPackageType.Smart)
        .WithTransactionFee(0.05m)
        .WithOneOffPriceIncludingTax(121m)
        .WithOneOffPriceExcludingTax(100m)
        .WithOneOffTaxAmount(21m)
        .WithOneOffTaxRate(21m)
        .WithMonthlyPriceIncludingTax(24.20m)
        .WithMonthlyPriceExcludingTax(20m)
        .WithMonthlyPriceTaxAmount(4.20m)
        .WithMonthlyPriceTaxRate(21m)
        .WithOrder(order)
        .Build();

    public static AddProductPspStandaloneRequest OnlinePayments(Order order) => Boarding.AddProductPspStandalone()
        .WithUrl("https://www.bakkerij-jansen.nl")
        .WithPaymentMethods(PaymentMethod.Ideal, PaymentMethod.Bancontact, PaymentMethod.Visa, PaymentMethod.Mastercard)
        .WithOrder(order)
        .Build();

    public static SetShoppingCartPricingDetailsRequest Pricing(Order order) => Boarding.SetShoppingCartPricingDetails()
        .WithCurrency(Currency.EUR)
        .WithShippingCost(0m)
        .WithOneOffPriceCouponCode("")
        .WithOneOffPriceDiscount(0m)
        .WithTotalAmountToBePaidImmediately(121m)
        .WithTotalRevenueForFullYear(411.40m)
        .WithPeriodPricingDetails(
            oneOff => oneOff.WithPeriod(Period.OneOff).WithExcludingTax(100m).WithSingleExcludingTax(100m).WithIncludingTax(121m)
                .WithTaxAmountsPerTaxRate(tax => tax.WithTaxRate(21m).WithTaxAmount(21m)),
            monthly => monthly.WithPeriod(Period.Monthly).WithExcludingTax(20m).WithSingleExcludingTax(20m).WithIncludingTax(24.20m)
                .WithTaxAmountsPerTaxRate(tax => tax.WithTaxRate(21m).WithTaxAmount(4.20m)))
        .WithOrder(order)
        .Build();

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
