using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.Validation;
using Xunit;

namespace BoardingDsl.Schemas.Tests;

/// <summary>
/// What NJsonSchema 11.6.2 cannot do with these schemas, pinned so that a fixed version shows (and the work-arounds
/// in <see cref="SchemaLoader"/> can go), and so that no rule is believed to be checked when it is not.
/// </summary>
public class NJsonSchemaLimitTests
{
    [Fact]
    public async Task An_object_valued_x_enum_descriptions_breaks_loading_so_ours_are_x_value_descriptions()
    {
        const string Ours = """{ "type": "string", "enum": ["A"], "x-value-descriptions": { "A": "meaning" } }""";
        const string Clash = """{ "type": "string", "enum": ["A"], "x-enum-descriptions": { "A": "meaning" } }""";

        Assert.Empty((await JsonSchema.FromJsonAsync(Ours)).Validate("\"A\""));
        var error = await Assert.ThrowsAsync<Newtonsoft.Json.JsonSerializationException>(() => JsonSchema.FromJsonAsync(Clash));
        Assert.Contains("Path 'x-enum-descriptions'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public async Task Every_shipped_schema_loads_plainly_and_uses_no_defs(string file)
    {
        var schema = await JsonSchema.FromFileAsync(Paths.Schema(file));

        Assert.NotNull(schema);
        Assert.Null(SchemaDocs.Load(file)["$defs"]);
    }

    public static TheoryData<string> SchemaFiles() =>
        new(Directory.GetFiles(Paths.SchemasDir, "*.schema.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public async Task A_ref_inside_a_defs_entry_is_never_resolved()
    {
        const string Json = """
            { "type": "object", "properties": { "s": { "$ref": "#/$defs/S" } },
              "$defs": { "S": { "type": "object", "properties": { "t": { "$ref": "address.schema.json" } } } } }
            """;
        var schema = await JsonSchema.FromJsonAsync(Json, Paths.Schema("probe.schema.json"));

        var error = Assert.Throws<InvalidOperationException>(() => schema.Validate("""{ "s": { "t": {} } }"""));
        Assert.Contains("has not been resolved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ref_from_one_defs_entry_to_another_is_not_resolved()
    {
        const string Json = """
            { "type": "object", "properties": { "s": { "$ref": "#/$defs/S" } },
              "$defs": { "S": { "type": "object", "properties": { "t": { "$ref": "#/$defs/T" } } }, "T": { "type": "string", "enum": ["X"] } } }
            """;
        var schema = await JsonSchema.FromJsonAsync(Json);

        Assert.Throws<InvalidOperationException>(() => schema.Validate("""{ "s": { "t": "Y" } }"""));
    }

    [Fact]
    public async Task A_defs_entry_without_refs_is_validated_without_the_rename()
    {
        const string Json = """
            { "type": "object", "properties": { "s": { "$ref": "#/$defs/S" } },
              "$defs": { "S": { "type": "object", "properties": { "u": { "type": "string", "pattern": "^https://" } } } } }
            """;
        var schema = await JsonSchema.FromJsonAsync(Json);

        Assert.Equal([new Leaf(ValidationErrorKind.PatternMismatch, "#/s.u")], Validation.Leaves(schema.Validate("""{ "s": { "u": "http://x" } }""")));
    }

    [Theory]
    [InlineData("/orderstatusCCV/")]
    [InlineData("http://api.integrator.nl/")]
    [InlineData("ftp://api.integrator.nl/")]
    [InlineData("file:///etc/hosts")]
    public async Task Format_uri_accepts_non_https_and_rooted_relative_urls_so_https_comes_from_the_pattern(string url)
    {
        // NJsonSchema checks "uri" with System.Uri, which on Unix also takes a rooted path ("/x") as an absolute file: URI.
        Assert.SkipWhen(OperatingSystem.IsWindows() && url.StartsWith('/'), "a rooted path is not an absolute URI on Windows");
        var formatOnly = await JsonSchema.FromJsonAsync("""{ "type": "string", "format": "uri" }""");
        Assert.Empty(formatOnly.Validate(System.Text.Json.JsonSerializer.Serialize(url)));

        var property = SchemaDocs.Load("status-notification-information.schema.json")["properties"]!["notificationUrl"]!;
        Assert.Equal("^https://", property["pattern"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("orderstatusCCV")]
    [InlineData("api.integrator.nl/orderstatusCCV/")]
    public async Task Format_uri_refuses_a_relative_url_without_a_leading_slash(string url)
    {
        var formatOnly = await JsonSchema.FromJsonAsync("""{ "type": "string", "format": "uri" }""");

        Assert.Equal([new Leaf(ValidationErrorKind.UriExpected, "#/")], Validation.Leaves(formatOnly.Validate(System.Text.Json.JsonSerializer.Serialize(url))));
    }

    [Fact]
    public async Task A_non_object_where_an_object_is_required_also_reports_each_required_member_missing()
    {
        var body = Bodies.Change(Bodies.For("add-terminal-package.schema.json"), "order", null);
        var errors = await Validation.ErrorsAsync("add-terminal-package.schema.json", body.ToJsonString());

        Assert.Equal(
            new[] { new Leaf(ValidationErrorKind.ObjectExpected, "#/order") }
                .Concat(new[] { "orderDate", "cartUrl", "storeUrl", "statusUrl", "storeInformation" }.Select(f => new Leaf(ValidationErrorKind.PropertyRequired, "#/order." + f))),
            errors);
    }

    [Fact]
    public async Task Format_date_time_also_accepts_a_date_without_time()
    {
        // NJsonSchema parses date-time leniently; the generated DateTimeOffset member and Build() are stricter.
        var body = Bodies.Change(Bodies.FullOrder(), "orderDate", System.Text.Json.Nodes.JsonValue.Create("2021-02-23"));

        Assert.Empty(await Validation.ErrorsAsync("order.schema.json", body.ToJsonString()));
    }

    [Fact]
    public async Task Format_decimal_is_not_checked_so_any_JSON_number_passes()
    {
        var body = Bodies.Change(Bodies.For("add-terminal-package.schema.json"), "transactionFee", System.Text.Json.Nodes.JsonNode.Parse("1e400"));

        Assert.Empty(await Validation.ErrorsAsync("add-terminal-package.schema.json", body.ToJsonString()));
    }

    [Fact]
    public async Task Pointer_refs_into_another_file_are_followed()
    {
        // shopping-cart.schema.json reaches its members through set-shopping-cart-pricing-details.schema.json#/properties/…
        var errors = await Validation.ErrorsAsync("shopping-cart.schema.json", """{ "currency": "USD", "shippingCost": "0", "periodPricingDetails": [ { "period": "OneOff" } ] }""");

        Assert.Equal(
            new[]
            {
                new Leaf(ValidationErrorKind.NotInEnumeration, "#/currency"),
                new Leaf(ValidationErrorKind.NumberExpected, "#/shippingCost"),
                new Leaf(ValidationErrorKind.PropertyRequired, "#/periodPricingDetails[0].excludingTax"),
                new Leaf(ValidationErrorKind.PropertyRequired, "#/periodPricingDetails[0].singleExcludingTax"),
                new Leaf(ValidationErrorKind.PropertyRequired, "#/periodPricingDetails[0].includingTax"),
            },
            errors);
    }
}
