using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;

namespace BoardingDsl.Benchmarks;

/// <summary>
/// Build + serialize a full SubmitOrder. Baseline (the floor): hand-written classes serialized with a
/// source-generated System.Text.Json context. Against it: the DSL (builders, Build()'s checks, generated writer), and
/// what a user might pick instead, the classes NJsonSchema.CodeGeneration.CSharp generates from the same schema.
/// Setup fails unless every row writes the same JSON.
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private static readonly DateTimeOffset Date = new(2021, 2, 23, 14, 34, 37, 528, TimeSpan.Zero);

    [Benchmark(Baseline = true, Description = "hand-written POCO + STJ source generation")]
    public string Poco() => JsonSerializer.Serialize(PocoGraph(), PocoContext.Default.PocoSubmitOrder);

    [Benchmark(Description = "  of which: the POCO graph (no checks)")]
    public PocoSubmitOrder PocoGraphOnly() => PocoGraph();

    private static PocoSubmitOrder PocoGraph() => new PocoSubmitOrder
    {
        NotifyCustomerByEmail = true,
        ExternalReference = "123456",
        StatusNotificationInformation = new PocoNotification
        {
            NotificationUrl = "https://api.integrator.nl/orderstatusCCV/",
            NotifyOnStatus = [PocoStatus.Completed, PocoStatus.Closed, PocoStatus.Canceled, PocoStatus.Failed],
        },
        Order = new PocoOrder
        {
            OrderDate = Date,
            CartUrl = "https://www.bakkerij-jansen.nl/cart",
            StoreUrl = "https://www.bakkerij-jansen.nl/",
            StatusUrl = "https://www.bakkerij-jansen.nl/order-status",
            StoreInformation = new PocoStore
            {
                CompanyName = "Bakkerij Jansen B.V.",
                TradingName = "Bakkerij Jansen",
                CocNumber = "12345678",
                CocRegistry = PocoCocRegistry.Kvk,
                StoreAddress = new PocoAddress { Country = "NL", City = "Arnhem", StreetName = "Korenmarkt", HouseNumber = "1", PostalCode = "6811 GV" },
            },
            CompanyContactPerson = new PocoContact { FirstName = "Anna", LastName = "Jansen", EmailAddress = "anna@bakkerij-jansen.nl", Language = "nl-NL" },
            ShoppingCart = new PocoCart
            {
                Currency = "EUR",
                ShippingCost = 0m,
                OneOffPriceCouponCode = "",
                OneOffPriceDiscount = 0m,
                TotalAmountToBePaidImmediately = 121m,
                TotalRevenueForFullYear = 411.4m,
                PeriodPricingDetails =
                [
                    new PocoPeriodPricing { Period = PocoPeriod.OneOff, ExcludingTax = 100m, SingleExcludingTax = 100m, IncludingTax = 121m, TaxAmountsPerTaxRate = [new PocoTax { TaxRate = 21m, TaxAmount = 21m }] },
                    new PocoPeriodPricing { Period = PocoPeriod.Monthly, ExcludingTax = 20m, SingleExcludingTax = 20m, IncludingTax = 24.2m, TaxAmountsPerTaxRate = [new PocoTax { TaxRate = 21m, TaxAmount = 4.2m }] },
                ],
            },
        },
    };

    private SubmitOrderRequest _built = null!;

    [GlobalSetup]
    public void Setup()
    {
        _built = BuildDsl();
        SameJson.Require(
            ("floor", Poco()),
            ("DSL", Dsl()),
            ("NJsonSchema + Newtonsoft.Json", NJsonSchemaNewtonsoft()),
            ("NJsonSchema + System.Text.Json", NJsonSchemaSystemTextJson()));
    }

    [Benchmark(Description = "BoardingDsl builders + Build() + ToJson()")]
    public string Dsl() => BuildDsl().ToJson();

    [Benchmark(Description = "  of which: builders + Build()")]
    public SubmitOrderRequest DslBuildOnly() => BuildDsl();

    [Benchmark(Description = "  of which: ToJson() of a built request")]
    public string DslToJsonOnly() => _built.ToJson();

    [Benchmark(Description = "NJsonSchema classes + Newtonsoft.Json (its default)")]
    public string NJsonSchemaNewtonsoft() => NJsonSchemaOrders.Newtonsoft();

    [Benchmark(Description = "NJsonSchema classes + System.Text.Json (reflection)")]
    public string NJsonSchemaSystemTextJson() => NJsonSchemaOrders.SystemTextJson();

    private static SubmitOrderRequest BuildDsl() => Boarding.SubmitOrder()
        .WithNotifyCustomerByEmail(true)
        .WithExternalReference("123456")
        .WithStatusNotificationInformation(n => n
            .WithNotificationUrl("https://api.integrator.nl/orderstatusCCV/")
            .WithNotifyOnStatus(OrderStatus.Completed, OrderStatus.Closed, OrderStatus.Canceled, OrderStatus.Failed))
        .WithOrder(o => o
            .WithOrderDate(Date)
            .WithCartUrl("https://www.bakkerij-jansen.nl/cart")
            .WithStoreUrl("https://www.bakkerij-jansen.nl/")
            .WithStatusUrl("https://www.bakkerij-jansen.nl/order-status")
            .WithStoreInformation(s => s
                .WithCompanyName("Bakkerij Jansen B.V.")
                .WithTradingName("Bakkerij Jansen")
                .WithCocNumber("12345678")
                .WithCocRegistry(CocRegistry.Kvk)
                .WithStoreAddress(a => a.WithCountry("NL").WithCity("Arnhem").WithStreetName("Korenmarkt").WithHouseNumber("1").WithPostalCode("6811 GV")))
            .WithCompanyContactPerson(c => c.WithFirstName("Anna").WithLastName("Jansen").WithEmailAddress("anna@bakkerij-jansen.nl").WithLanguage("nl-NL"))
            .WithShoppingCart(cart => cart
                .WithCurrency(Currency.EUR)
                .WithShippingCost(0m)
                .WithOneOffPriceCouponCode("")
                .WithOneOffPriceDiscount(0m)
                .WithTotalAmountToBePaidImmediately(121m)
                .WithTotalRevenueForFullYear(411.4m)
                .WithPeriodPricingDetails(
                    p => p.WithPeriod(Period.OneOff).WithExcludingTax(100m).WithSingleExcludingTax(100m).WithIncludingTax(121m).WithTaxAmountsPerTaxRate(t => t.WithTaxRate(21m).WithTaxAmount(21m)),
                    p => p.WithPeriod(Period.Monthly).WithExcludingTax(20m).WithSingleExcludingTax(20m).WithIncludingTax(24.2m).WithTaxAmountsPerTaxRate(t => t.WithTaxRate(21m).WithTaxAmount(4.2m)))))
        .Build();
}

#pragma warning disable SA1402, SA1649 // the floor's classes, kept beside the benchmark that uses them
public sealed class PocoSubmitOrder
{
    public bool NotifyCustomerByEmail { get; set; }

    public string? ExternalReference { get; set; }

    public PocoNotification? StatusNotificationInformation { get; set; }

    public PocoOrder Order { get; set; } = null!;
}

public sealed class PocoNotification
{
    public string? NotificationUrl { get; set; }

    public List<PocoStatus>? NotifyOnStatus { get; set; }
}

public sealed class PocoOrder
{
    public DateTimeOffset OrderDate { get; set; }

    public string CartUrl { get; set; } = null!;

    public string StoreUrl { get; set; } = null!;

    public string StatusUrl { get; set; } = null!;

    public PocoStore StoreInformation { get; set; } = null!;

    public PocoContact? CompanyContactPerson { get; set; }

    public PocoCart? ShoppingCart { get; set; }
}

public sealed class PocoStore
{
    public string? CompanyName { get; set; }

    public string? TradingName { get; set; }

    public string CocNumber { get; set; } = null!;

    public PocoCocRegistry CocRegistry { get; set; }

    public PocoAddress? StoreAddress { get; set; }
}

public sealed class PocoAddress
{
    public string? Country { get; set; }

    public string? City { get; set; }

    public string? StreetName { get; set; }

    public string? PostalCode { get; set; }

    public string? HouseNumber { get; set; }
}

public sealed class PocoContact
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? EmailAddress { get; set; }

    public string? Language { get; set; }
}

public sealed class PocoCart
{
    public string? Currency { get; set; }

    public decimal? ShippingCost { get; set; }

    public string? OneOffPriceCouponCode { get; set; }

    public decimal? OneOffPriceDiscount { get; set; }

    public decimal? TotalAmountToBePaidImmediately { get; set; }

    public decimal? TotalRevenueForFullYear { get; set; }

    public List<PocoPeriodPricing>? PeriodPricingDetails { get; set; }
}

public sealed class PocoPeriodPricing
{
    public PocoPeriod Period { get; set; }

    public decimal ExcludingTax { get; set; }

    public decimal SingleExcludingTax { get; set; }

    public decimal IncludingTax { get; set; }

    public List<PocoTax>? TaxAmountsPerTaxRate { get; set; }
}

public sealed class PocoTax
{
    public decimal TaxRate { get; set; }

    public decimal TaxAmount { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<PocoStatus>))]
public enum PocoStatus
{
    Processing, Incomplete, AwaitingPayment, Screening, New, ErpInProgress, FulfillmentInProgress, FulfillmentDone, Completed, Closed, Canceled, Failed,
}

[JsonConverter(typeof(JsonStringEnumConverter<PocoCocRegistry>))]
public enum PocoCocRegistry
{
    Kvk, Kbo, Rcs,
}

[JsonConverter(typeof(JsonStringEnumConverter<PocoPeriod>))]
public enum PocoPeriod
{
    OneOff, Monthly, Yearly,
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PocoSubmitOrder))]
public sealed partial class PocoContext : JsonSerializerContext
{
}
