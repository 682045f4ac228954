using System.Linq;
using NJsonSchema;
using Xunit;

namespace BoardingDsl.Usage.Tests;

/// <summary>What the builders produce is checked by an independent validator (NJsonSchema) against the shipped schemas.</summary>
public class SchemaConformanceTests
{
    public static TheoryData<string, string> Requests()
    {
        var order = Orders.Full();
        return new TheoryData<string, string>
        {
            {
                "start-order.schema.json",
                Boarding.StartOrder()
                    .WithOrderDate(System.DateTimeOffset.Parse("2021-02-23T14:34:37.528+00:00", System.Globalization.CultureInfo.InvariantCulture))
                    .WithCartUrl("https://shop.example/cart")
                    .WithStoreUrl("https://shop.example/")
                    .WithStatusUrl("https://shop.example/status")
                    .WithTermsAndConditions(t => t.WithType(TermsAndConditionsType.GeneralTermsAndConditions).WithUrl("/documents/termsAndConditions/general/file.pdf").WithName("GeneralTermsAndConditions_version55B"))
                    .WithStoreInformation(s => s.WithCocNumber("12345678").WithCocRegistry("Kbo"))
                    .Build().ToJson()
            },
            {
                "add-sales-package.schema.json",
                Boarding.AddSalesPackage()
                    .WithIsPurchased(true)
                    .WithPackageName("Online Payments")
                    .WithSku("Online payments")
                    .WithPeriodPricingDetails(p => p.WithPeriod(Period.OneOff).WithExcludingTax(0m).WithSingleExcludingTax(0m).WithIncludingTax(0m)
                        .WithTaxAmountsPerTaxRate(t => t.WithTaxRate(0m).WithTaxAmount(0m)))
                    .WithOrder(order)
                    .Build().ToJson()
            },
            {
                "add-product-psp-standalone.schema.json",
                Boarding.AddProductPspStandalone()
                    .WithUrl("https://www.mywebshop.nl")
                    .WithPaymentMethods(System.Enum.GetValues<PaymentMethod>())
                    .WithOrder(order)
                    .Build().ToJson()
            },
            {
                "add-product-psp-submerchant.schema.json",
                Boarding.AddProductPspSubmerchant()
                    .WithUrl("https://www.mywebshop.nl")
                    .WithPaymentMethods(PaymentMethod.Ideal)
                    .WithOrder(order)
                    .Build().ToJson()
            },
            {
                "add-terminal-package.schema.json",
                Boarding.AddTerminalPackage()
                    .WithTerminalPackageType(TerminalPackageType.Smart)
                    .WithTransactionFee(0.05m)
                    .WithDiscount(0m)
                    .WithOneOffPriceIncludingTax(121m)
                    .WithOneOffPriceExcludingTax(100m)
                    .WithOneOffTaxAmount(21m)
                    .WithOneOffTaxRate(21m)
                    .WithMonthlyPriceIncludingTax(24.20m)
                    .WithMonthlyPriceExcludingTax(20m)
                    .WithMonthlyPriceTaxAmount(4.20m)
                    .WithMonthlyPriceTaxRate(21m)
                    .WithOrder(order)
                    .Build().ToJson()
            },
            {
                "set-shopping-cart-pricing-details.schema.json",
                Boarding.SetShoppingCartPricingDetails()
                    .WithCurrency(Currency.EUR)
                    .WithShippingCost(0m)
                    .WithOneOffPriceCouponCode("")
                    .WithOneOffPriceDiscount(0m)
                    .WithTotalAmountToBePaidImmediately(121m)
                    .WithTotalRevenueForFullYear(411.4m)
                    .WithPeriodPricingDetails(
                        p => p.WithPeriod(Period.OneOff).WithExcludingTax(100m).WithSingleExcludingTax(100m).WithIncludingTax(121m),
                        p => p.WithPeriod(Period.Monthly).WithExcludingTax(20m).WithSingleExcludingTax(20m).WithIncludingTax(24.20m))
                    .WithOrder(order)
                    .Build().ToJson()
            },
            {
                "submit-order.schema.json",
                Boarding.SubmitOrder()
                    .WithNotifyCustomerByEmail(true)
                    .WithExternalReference("123456")
                    .WithStatusNotificationInformation(n => n.WithNotificationUrl("https://api.integrator.nl/orderstatusCCV/").WithNotifyOnStatus(OrderStatus.Completed))
                    .WithOrder(order)
                    .Build().ToJson()
            },
        };
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async System.Threading.Tasks.Task Every_builder_output_validates_against_its_schema(string schemaFile, string json)
    {
        var schema = await JsonSchema.FromFileAsync(Fixtures.SchemaPath(schemaFile), TestContext.Current.CancellationToken);

        var errors = schema.Validate(json);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())) + "\n" + json);
    }

    [Fact]
    public void The_per_use_required_rule_of_add_sales_package_is_enforced_by_build()
    {
        // A lambda kept in a variable: the analyzer (BDSL0001) cannot follow it, Build() still checks it.
        System.Action<PeriodPricingDetailBuilder> withoutTaxes = p => p.WithPeriod(Period.OneOff).WithExcludingTax(0m).WithSingleExcludingTax(0m).WithIncludingTax(0m);
        var ex = Assert.Throws<BoardingValidationException>(() => Boarding.AddSalesPackage()
            .WithIsPurchased(true)
            .WithPackageName("p")
            .WithSku("s")
            .WithPeriodPricingDetails(withoutTaxes)
            .WithOrder(Orders.Full())
            .Build());

        var violation = Assert.Single(ex.Violations);
        Assert.Equal("$.periodPricingDetails[0].taxAmountsPerTaxRate", violation.Path);
        Assert.Equal("required", violation.Rule);
    }
}
