using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace BoardingDsl.Usage.Tests;

/// <summary>
/// Issue 14: the assertions Build() checks beyond the shipped schemas (Schemas/keyword-rules.schema.json), valid and invalid
/// values for each, the annotations as the API shows them, and members named like C# keywords or object members
/// (Schemas/awkward-names.schema.json), which keep every rule.
/// </summary>
public class KeywordRuleTests
{
    private static KeywordRulesRequestBuilder Valid() => new KeywordRulesRequestBuilder().WithFee(12.34m);

    [Theory]
    [InlineData("0.01")]
    [InlineData("12.34")]
    [InlineData("99.99")]
    public void A_fee_inside_the_exclusive_bounds_in_cents_builds(string fee) =>
        Assert.Equal(decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture), new KeywordRulesRequestBuilder().WithFee(decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture)).Build().Fee);

    [Theory]
    [InlineData("0", "exclusiveMinimum 0")]
    [InlineData("-1", "exclusiveMinimum 0")]
    [InlineData("100", "exclusiveMaximum 100")]
    [InlineData("100.5", "exclusiveMaximum 100")]
    [InlineData("12.345", "multipleOf 0.01")]
    public void A_fee_on_or_beyond_a_bound_or_not_in_cents_is_rejected(string fee, string rule) =>
        Assert.Equal(new[] { ("$.fee", rule) }, Violations(() => new KeywordRulesRequestBuilder().WithFee(decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture)).Build()));

    [Fact]
    public void Multiples_of_integers_and_doubles_are_checked_doubles_with_a_tolerance()
    {
        Valid().WithCount(0).WithCount(15).Build();
        Valid().WithRatio(0.3).Build(); // 0.3 / 0.1 is 2.9999999999999996 in binary: within the tolerance
        Valid().WithRatio(0.7).Build();

        Assert.Equal(new[] { ("$.count", "multipleOf 5") }, Violations(() => Valid().WithCount(7).Build()));
        Assert.Equal(new[] { ("$.ratio", "multipleOf 0.1") }, Violations(() => Valid().WithRatio(0.25).Build()));
        Assert.Equal(new[] { ("$.ratio", "exclusiveMaximum 1") }, Violations(() => Valid().WithRatio(1.0).Build()));
    }

    [Fact]
    public void Const_accepts_its_value_only_numbers_compared_by_value()
    {
        var ok = Valid().WithVersion("v1").WithLevel(3).WithRate(1.50m).WithEnabled(true).Build();
        Assert.Equal(1.5m, ok.Rate);

        Assert.Equal(
            new[] { ("$.version", "const \"v1\""), ("$.level", "const 3"), ("$.rate", "const 1.5"), ("$.enabled", "const true") },
            Violations(() => Valid().WithVersion("V1").WithLevel(4).WithRate(1.51m).WithEnabled(false).Build()));
    }

    [Fact]
    public void An_object_without_properties_takes_only_a_json_object_and_a_null_schema_only_null()
    {
        Valid().WithMeta(Json("{\"any\":[1]}")).WithNothing(null).WithNothing(Json("null")).Build();

        Assert.Equal(new[] { ("$.meta", "type object"), ("$.nothing", "type null") }, Violations(() => Valid().WithMeta(Json("\"text\"")).WithNothing(Json("0")).Build()));
        Assert.Equal(new[] { ("$.meta", "type object") }, Violations(() => Valid().WithMeta(null).Build()));
    }

    [Theory]
    [InlineData("[1, 1]")]
    [InlineData("[1, 1.0]")]
    [InlineData("[{\"a\":1,\"b\":2}, {\"b\":2,\"a\":1}]")]
    [InlineData("[[1, {\"x\": \"y\"}], [1.00, {\"x\": \"y\"}]]")]
    [InlineData("[\"a\", null, true, null]")]
    public void Unique_items_of_any_json_are_compared_as_json(string array) =>
        Assert.Equal(new[] { ("$.tags", "uniqueItems") }, Violations(() => Valid().WithTags(Elements(array)).Build()));

    [Theory]
    [InlineData("[1, \"1\"]")]
    [InlineData("[{\"a\":1}, {\"a\":1,\"b\":2}]")]
    [InlineData("[[1, 2], [2, 1]]")]
    [InlineData("[true, false, null, 0, \"\", [], {}]")]
    public void Items_that_differ_as_json_are_unique(string array) => Valid().WithTags(Elements(array)).Build();

    [Fact]
    public void Unique_object_items_hold_however_the_list_was_built()
    {
        Valid().WithParts(p => p.WithA(1).WithB(2), p => p.WithA(2).WithB(1)).Build();

        Assert.Equal(new[] { ("$.parts", "uniqueItems") }, Violations(() => Valid().WithParts(p => p.WithA(1).WithB(2), p => p.WithB(2).WithA(1)).Build()));
        var part = new KeywordRulesRequestPartsBuilder().WithA(1).Build();
        Assert.Equal(new[] { ("$.parts", "uniqueItems") }, Violations(() => Valid().WithParts(new[] { part, KeywordRulesRequestParts.FromJson("{\"a\":1.0}") }).Build()));
    }

    [Fact]
    public void Unique_date_times_compare_as_the_strings_they_are_written_as()
    {
        var utc = System.DateTimeOffset.Parse("2020-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var sameInstantElsewhere = utc.ToOffset(System.TimeSpan.FromHours(1));
        Valid().WithTimes(utc, sameInstantElsewhere).Build(); // "…T00:00:00+00:00" and "…T01:00:00+01:00": two strings

        Assert.Equal(new[] { ("$.times", "uniqueItems") }, Violations(() => Valid().WithTimes(utc, utc).Build()));
    }

    [Fact]
    public void Array_elements_keep_the_rules_of_items()
    {
        Valid().WithAmounts(0.5m, 2m).WithLevels(1, 5).WithCodes("ab", "abc").WithEmails("a@example.com").WithFlags(true, true).Build();

        Assert.Equal(
            new[]
            {
                ("$.amounts[0]", "exclusiveMinimum 0"), ("$.amounts[1]", "multipleOf 0.5"), ("$.levels[0]", "minimum 1"), ("$.levels[1]", "maximum 5"),
                ("$.codes[0]", "minLength 2"), ("$.codes[1]", "maxLength 3"), ("$.emails[0]", "format email"), ("$.flags[1]", "const true"),
            },
            Violations(() => Valid().WithAmounts(0m, 1.25m).WithLevels(0, 6).WithCodes("a", "abcd").WithEmails("nope").WithFlags(true, false).Build()));
    }

    [Fact]
    public void An_integer_written_with_a_zero_fraction_is_read_and_written_back_plainly()
    {
        var part = KeywordRulesRequestParts.FromJson("{\"a\":1.0,\"b\":2e1}");

        Assert.Equal((1L, 20L), (part.A, part.B));
        Assert.Equal("{\"a\":1,\"b\":20}", part.ToJson());
        Assert.Throws<JsonException>(() => KeywordRulesRequestParts.FromJson("{\"a\":1.5}"));
    }

    [Fact]
    public void A_read_only_member_is_not_required_of_a_request_and_has_no_with_method()
    {
        Assert.Null(typeof(KeywordRulesRequestBuilder).GetMethod("WithServerId"));
        Assert.NotNull(typeof(KeywordRulesRequestBuilder).GetMethod("WithSecret"));
        var request = Valid().Build();
        Assert.Null(request.ServerId);
        Assert.Equal("{\"fee\":12.34}", request.ToJson());
    }

    [Fact]
    public void A_deprecated_member_is_obsolete_and_still_works()
    {
        Assert.NotNull(typeof(KeywordRulesRequestBuilder).GetMethod("WithLegacyCode")!.GetCustomAttributes(typeof(System.ObsoleteAttribute), false).SingleOrDefault());
        Assert.NotNull(typeof(KeywordRulesRequest).GetProperty("LegacyCode")!.GetCustomAttributes(typeof(System.ObsoleteAttribute), false).SingleOrDefault());
#pragma warning disable CS0618 // the test uses the deprecated member on purpose
        var request = Valid().WithLegacyCode("old").Build();
        Assert.Equal("old", request.LegacyCode);
#pragma warning restore CS0618
        Assert.Equal("{\"fee\":12.34,\"legacyCode\":\"old\"}", request.ToJson());
    }

    [Fact]
    public void Members_named_like_keywords_and_object_members_keep_every_rule()
    {
        var empty = new AwkwardNamesRequestBuilder(); // held in a local that escapes to a lambda: BDSL0001 leaves it to Build()
        var missing = Violations(() => empty.Build());
        Assert.Equal(
            new[] { ("$.toString", "required"), ("$.constructor", "required"), ("$.__proto__", "required"), ("$.GetHashCode", "required"), ("$.Equals", "required"), ("$.class", "required") },
            missing);

        var invalid = Violations(() => new AwkwardNamesRequestBuilder()
            .WithToString("x").WithConstructor("not-an-address").WithProto(0).WithGetHashCode("relative/path").WithEquals(true).WithClass("Upper")
            .Build());
        Assert.Equal(
            new[] { ("$.toString", "minLength 2"), ("$.constructor", "format email"), ("$.__proto__", "minimum 1"), ("$.GetHashCode", "format uri"), ("$.class", "pattern ^[a-z]+$") },
            invalid);

        var ok = new AwkwardNamesRequestBuilder()
            .WithToString("xy").WithConstructor("a@example.com").WithProto(1).WithGetHashCode("https://x.example/").WithEquals(false).WithClass("lower")
            .Build();
        Assert.Equal(("xy", "a@example.com", 1L, "https://x.example/", false, "lower"), (ok.ToStringValue, ok.Constructor, ok.Proto, ok.GetHashCodeValue, ok.EqualsValue, ok.Class));
        Assert.Equal("{\"toString\":\"xy\",\"constructor\":\"a@example.com\",\"__proto__\":1,\"GetHashCode\":\"https://x.example/\",\"Equals\":false,\"class\":\"lower\"}", ok.ToJson());
        Assert.Throws<JsonException>(() => AwkwardNamesRequest.FromJson("{}"));
        Assert.Equal(ok.ToJson(), AwkwardNamesRequest.FromJson(ok.ToJson()).ToJson());
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static IEnumerable<JsonElement> Elements(string array) => Json(array).EnumerateArray().ToArray();

    private static IReadOnlyList<(string Path, string Rule)> Violations(System.Action build)
    {
        var ex = Record.Exception(build);
        return ex is BoardingValidationException invalid
            ? invalid.Violations.Select(v => (v.Path, v.Rule)).ToList()
            : throw new Xunit.Sdk.XunitException("expected violations, got " + (ex?.ToString() ?? "none"));
    }
}
