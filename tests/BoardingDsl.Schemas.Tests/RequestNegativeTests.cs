using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NJsonSchema.Validation;
using Xunit;

namespace BoardingDsl.Schemas.Tests;

/// <summary>One thing wrong in an otherwise valid body gives exactly one error, of the expected kind, at the expected place.</summary>
public class RequestNegativeTests
{
    private static async Task AssertSingleError(string schema, JsonObject body, ValidationErrorKind kind, string path)
    {
        var errors = await Validation.ErrorsAsync(schema, body.ToJsonString());

        Assert.Equal([new Leaf(kind, path)], errors);
    }

    [Theory]
    [InlineData("start-order.schema.json", "orderDate")]
    [InlineData("start-order.schema.json", "cartUrl")]
    [InlineData("start-order.schema.json", "storeUrl")]
    [InlineData("start-order.schema.json", "statusUrl")]
    [InlineData("start-order.schema.json", "storeInformation")]
    [InlineData("start-order.schema.json", "storeInformation.cocNumber")]
    [InlineData("start-order.schema.json", "storeInformation.cocRegistry")]
    [InlineData("add-sales-package.schema.json", "isPurchased")]
    [InlineData("add-sales-package.schema.json", "packageName")]
    [InlineData("add-sales-package.schema.json", "sku")]
    [InlineData("add-sales-package.schema.json", "periodPricingDetails")]
    [InlineData("add-sales-package.schema.json", "order")]
    [InlineData("add-sales-package.schema.json", "periodPricingDetails[0].period")]
    [InlineData("add-sales-package.schema.json", "periodPricingDetails[0].singleExcludingTax")]
    [InlineData("add-sales-package.schema.json", "periodPricingDetails[0].taxAmountsPerTaxRate")]
    [InlineData("add-sales-package.schema.json", "periodPricingDetails[0].taxAmountsPerTaxRate[0].taxRate")]
    [InlineData("add-sales-package.schema.json", "order.storeInformation")]
    [InlineData("add-product-psp-standalone.schema.json", "url")]
    [InlineData("add-product-psp-standalone.schema.json", "paymentMethods")]
    [InlineData("add-product-psp-standalone.schema.json", "order")]
    [InlineData("add-product-psp-standalone.schema.json", "order.orderDate")]
    [InlineData("add-product-psp-submerchant.schema.json", "url")]
    [InlineData("add-product-psp-submerchant.schema.json", "paymentMethods")]
    [InlineData("add-product-psp-submerchant.schema.json", "order")]
    [InlineData("add-terminal-package.schema.json", "terminalPackageType")]
    [InlineData("add-terminal-package.schema.json", "transactionFee")]
    [InlineData("add-terminal-package.schema.json", "oneOffPriceIncludingTax")]
    [InlineData("add-terminal-package.schema.json", "oneOffPriceExcludingTax")]
    [InlineData("add-terminal-package.schema.json", "oneOffTaxAmount")]
    [InlineData("add-terminal-package.schema.json", "oneOffTaxRate")]
    [InlineData("add-terminal-package.schema.json", "monthlyPriceIncludingTax")]
    [InlineData("add-terminal-package.schema.json", "monthlyPriceExcludingTax")]
    [InlineData("add-terminal-package.schema.json", "monthlyPriceTaxAmount")]
    [InlineData("add-terminal-package.schema.json", "monthlyPriceTaxRate")]
    [InlineData("add-terminal-package.schema.json", "order")]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "currency")]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "shippingCost")]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "oneOffPriceCouponCode")]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "oneOffPriceDiscount")]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "totalAmountToBePaidImmediately")]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "totalRevenueForFullYear")]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "periodPricingDetails")]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "order")]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "periodPricingDetails[1].includingTax")]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "order.shoppingCart.periodPricingDetails[0].excludingTax")]
    [InlineData("submit-order.schema.json", "notifyCustomerByEmail")]
    [InlineData("submit-order.schema.json", "order")]
    [InlineData("submit-order.schema.json", "order.statusUrl")]
    [InlineData("submit-order.schema.json", "order.shoppingCart.periodPricingDetails[1].taxAmountsPerTaxRate[0].taxAmount")]
    [InlineData("order-status-response.schema.json", "orderStatus")]
    public async Task Missing_required_member_is_PropertyRequired_at_its_path(string schema, string path)
    {
        await AssertSingleError(schema, Bodies.Without(Bodies.For(schema), path), ValidationErrorKind.PropertyRequired, "#/" + path);
    }

    [Theory]
    [InlineData("start-order.schema.json", "orderDate", "\"yesterday\"", ValidationErrorKind.DateTimeExpected)]
    [InlineData("start-order.schema.json", "cartUrl", "5", ValidationErrorKind.StringExpected)]
    [InlineData("start-order.schema.json", "storeInformation.eBillingEmailAddress", "\"no-at-sign\"", ValidationErrorKind.EmailExpected)]
    [InlineData("start-order.schema.json", "termsAndConditions", "{}", ValidationErrorKind.ArrayExpected)]
    [InlineData("add-sales-package.schema.json", "isPurchased", "\"true\"", ValidationErrorKind.BooleanExpected)]
    [InlineData("add-sales-package.schema.json", "periodPricingDetails", "{}", ValidationErrorKind.ArrayExpected)]
    [InlineData("add-sales-package.schema.json", "periodPricingDetails[0].includingTax", "\"0\"", ValidationErrorKind.NumberExpected)]
    [InlineData("add-sales-package.schema.json", "periodPricingDetails[0].taxAmountsPerTaxRate", "{}", ValidationErrorKind.ArrayExpected)]
    [InlineData("add-product-psp-standalone.schema.json", "url", "true", ValidationErrorKind.StringExpected)]
    [InlineData("add-product-psp-standalone.schema.json", "url", "\"not a url\"", ValidationErrorKind.UriExpected)]
    [InlineData("add-product-psp-standalone.schema.json", "paymentMethods", "\"ideal\"", ValidationErrorKind.ArrayExpected)]
    [InlineData("add-product-psp-submerchant.schema.json", "url", "true", ValidationErrorKind.StringExpected)]
    [InlineData("add-terminal-package.schema.json", "transactionFee", "\"0\"", ValidationErrorKind.NumberExpected)]
    [InlineData("add-terminal-package.schema.json", "discount", "\"0\"", ValidationErrorKind.NumberExpected)]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "oneOffPriceCouponCode", "null", ValidationErrorKind.StringExpected)]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "shippingCost", "null", ValidationErrorKind.NumberExpected)]
    [InlineData("submit-order.schema.json", "notifyCustomerByEmail", "\"yes\"", ValidationErrorKind.BooleanExpected)]
    [InlineData("submit-order.schema.json", "externalReference", "123456", ValidationErrorKind.StringExpected)]
    [InlineData("submit-order.schema.json", "statusNotificationInformation", "\"https://x.example/\"", ValidationErrorKind.ObjectExpected)]
    [InlineData("submit-order.schema.json", "statusNotificationInformation.notifyOnStatus", "\"Completed\"", ValidationErrorKind.ArrayExpected)]
    [InlineData("submit-order.schema.json", "order.invoiceAccount", "5", ValidationErrorKind.ObjectExpected)]
    [InlineData("order-status-response.schema.json", "externalReference", "123456", ValidationErrorKind.StringExpected)]
    public async Task Wrong_type_is_reported_with_its_kind_at_its_path(string schema, string path, string json, ValidationErrorKind kind)
    {
        await AssertSingleError(schema, Bodies.Change(Bodies.For(schema), path, JsonNode.Parse(json)), kind, "#/" + path);
    }

    [Theory]
    [InlineData("order-status-response.schema.json", "orderStatus", "completed")]
    [InlineData("order-status-response.schema.json", "orderStatus", "Cancelled")]
    [InlineData("submit-order.schema.json", "statusNotificationInformation.notifyOnStatus[0]", "completed")]
    [InlineData("submit-order.schema.json", "statusNotificationInformation.notifyOnStatus[2]", "Cancelled")]
    [InlineData("add-product-psp-standalone.schema.json", "paymentMethods[1]", "iDEAL")]
    [InlineData("add-product-psp-submerchant.schema.json", "paymentMethods[0]", "Bancontact")]
    [InlineData("add-product-psp-standalone.schema.json", "paymentMethods[9]", "americanexpress")]
    [InlineData("add-terminal-package.schema.json", "terminalPackageType", "smart")]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "currency", "eur")]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "periodPricingDetails[0].period", "oneoff")]
    [InlineData("add-sales-package.schema.json", "periodPricingDetails[0].period", "ONEOFF")]
    [InlineData("start-order.schema.json", "storeInformation.cocRegistry", "KVK")]
    [InlineData("start-order.schema.json", "termsAndConditions[0].type", "generalTermsAndConditions")]
    [InlineData("submit-order.schema.json", "order.shoppingCart.currency", "Eur")]
    public async Task Enum_value_off_by_case_or_spelling_is_NotInEnumeration(string schema, string path, string value)
    {
        await AssertSingleError(schema, Bodies.Change(Bodies.For(schema), path, JsonValue.Create(value)), ValidationErrorKind.NotInEnumeration, "#/" + path);
    }

    [Theory]
    [InlineData("add-terminal-package.schema.json", "terminalPackageType", "true")]
    [InlineData("order-status-response.schema.json", "orderStatus", "null")]
    [InlineData("add-sales-package.schema.json", "periodPricingDetails[0].period", "1")]
    public async Task Non_string_for_an_enum_is_StringExpected_and_NotInEnumeration(string schema, string path, string json)
    {
        var errors = await Validation.ErrorsAsync(schema, Bodies.Change(Bodies.For(schema), path, JsonNode.Parse(json)).ToJsonString());

        Assert.Equal([new Leaf(ValidationErrorKind.StringExpected, "#/" + path), new Leaf(ValidationErrorKind.NotInEnumeration, "#/" + path)], errors);
    }

    [Theory]
    [InlineData("add-sales-package.schema.json", "")]
    [InlineData("add-product-psp-standalone.schema.json", "")]
    [InlineData("add-terminal-package.schema.json", "")]
    [InlineData("set-shopping-cart-pricing-details.schema.json", "")]
    [InlineData("submit-order.schema.json", "")]
    [InlineData("submit-order.schema.json", "statusNotificationInformation.")]
    public async Task Unknown_member_of_a_closed_body_is_rejected(string schema, string at)
    {
        await AssertSingleError(schema, Bodies.Change(Bodies.For(schema), at + "unknownMember", JsonValue.Create(1)),
            ValidationErrorKind.NoAdditionalPropertiesAllowed, "#/" + at + "unknownMember");
    }

    [Theory]
    [InlineData("start-order.schema.json", "unknownMember")]
    [InlineData("add-product-psp-submerchant.schema.json", "unknownMember")]
    [InlineData("order-status-response.schema.json", "unknownMember")]
    [InlineData("order.schema.json", "unknownMember")]
    [InlineData("order.schema.json", "storeInformation.unknownMember")]
    [InlineData("order.schema.json", "storeInformation.storeAddress.unknownMember")]
    [InlineData("order.schema.json", "companyContactPerson.unknownMember")]
    [InlineData("order.schema.json", "shoppingCart.salesPackages")]
    [InlineData("order.schema.json", "shoppingCart.periodPricingDetails[0].unknownMember")]
    [InlineData("order.schema.json", "termsAndConditions[0].unknownMember")]
    [InlineData("submit-order.schema.json", "order.unknownMember")]
    [InlineData("add-sales-package.schema.json", "periodPricingDetails[0].taxAmountsPerTaxRate[0].unknownMember")]
    public async Task Unknown_member_of_an_open_object_is_kept(string schema, string path)
    {
        var body = Bodies.Change(Bodies.For(schema), path, new JsonArray(1, "two"));

        Assert.Empty(await Validation.ErrorsAsync(schema, body.ToJsonString()));
    }
}
