using System;

namespace BoardingDsl.Usage.Tests;

/// <summary>A realistic order, built with the DSL the way a partner would.</summary>
internal static class Orders
{
    public static Order Full() => new OrderBuilder()
        .WithOrderDate(new DateTimeOffset(2021, 2, 23, 14, 34, 37, 528, TimeSpan.Zero))
        .WithOrderNotes(null)
        .WithCartUrl("http://myccv-local:8008/merchant/")
        .WithStoreUrl(new Uri("http://myccv-local:8008/merchant/"))
        .WithStatusUrl("http://myccv-local:8008/merchant/")
        .WithStoreInformation(s => s
            .WithCompanyName("Bakkerij Jansen B.V.")
            .WithTradingName("Bakkerij Jansen")
            .WithCocNumber("12345678")
            .WithCocRegistry(CocRegistry.Kvk)
            .WithStoreAddress(a => a
                .WithCountry("NL")
                .WithCity("Arnhem")
                .WithStreetName("Westervoortsedijk")
                .WithPostalCode("6827 AV")
                .WithHouseNumber("55")
                .WithHouseNumberExt(null)))
        .WithCompanyContactPerson(c => c
            .WithFirstName("John")
            .WithLastName("Baker")
            .WithEmailAddress("ccvtarobot+John-Baker1@gmail.com")
            .WithGender("Male")
            .WithLanguage("nl-NL"))
        .WithInvoiceAccount(null)
        .WithPayoutAccount(null)
        .WithShoppingCart(cart => cart
            .WithCurrency(Currency.EUR)
            .WithShippingCost(0m)
            .WithOneOffPriceCouponCode("")
            .WithOneOffPriceDiscount(0m)
            .WithTotalAmountToBePaidImmediately(0m)
            .WithTotalRevenueForFullYear(240m)
            .WithPeriodPricingDetails(p => p
                .WithPeriod(Period.Monthly)
                .WithExcludingTax(16.53m)
                .WithSingleExcludingTax(16.53m)
                .WithIncludingTax(20m)
                .WithTaxAmountsPerTaxRate(t => t.WithTaxRate(21m).WithTaxAmount(3.47m))))
        .Build();
}
