using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace BoardingDsl.Usage.Tests.Differential;

/// <summary>
/// The promise, tested differentially: for generated bodies of every shipped request schema (valid ones, and valid
/// ones with exactly one thing broken at any depth), BoardingDsl (<c>FromJson</c>, then <c>Build()</c> of a builder
/// filled from it) and NJsonSchema (the schema itself) give the same verdict, except where NJsonSchema is known to
/// deviate from JSON Schema (<see cref="NJsonSchemaDeviations"/>). Seeded: a failure prints the schema and the seed
/// of its case, and <see cref="Regressions"/> keeps every disagreement found as a named case.
/// </summary>
public class DifferentialTests
{
    /// <summary>Bodies per schema and run (seven request schemas).</summary>
    private const int BodiesPerSchema = 5000;

    /// <summary>
    /// Fault kinds where NJsonSchema 11.6.2 does not check what the schema says, with the reason. For these the
    /// property asserts only that BoardingDsl rejects the body (the schema's meaning), not what NJsonSchema says.
    /// </summary>
    public static readonly IReadOnlyDictionary<BodyFault, string> NJsonSchemaDeviations = new Dictionary<BodyFault, string>
    {
        [BodyFault.RelativeUri] = "its format: uri check accepts relative references; JSON Schema's uri is RFC 3986's absolute URI",
        [BodyFault.InvalidDateTime] = "its date-time check is a lenient parse: it accepts impossible dates and times (2021-02-30, 25:00, minute 61), a missing offset and a bare date",
        [BodyFault.DecimalOutOfRange] = "format: decimal is BoardingDsl's own (a .NET decimal); NJsonSchema ignores formats it does not know",
    };

    /// <summary>
    /// Strings NJsonSchema 11.6.2 judges against their RFC under the schema's format, with the reason; a body holding
    /// one is judged by its intent instead.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NJsonSchemaMisjudgedValues = new Dictionary<string, string>
    {
        ["x@[192.0.2.1]"] = "RFC 5321 allows an address literal as the domain; NJsonSchema's email check rejects it",
        ["2021-02-23T10:00:00+24:00"] = "RFC 3339's time-numoffset has hours 00-23; NJsonSchema's date-time check accepts +24:00",
    };

    public static TheoryData<string> RequestSchemas() => new(SchemaDocuments.Shipped.RequestFiles);

    [Theory]
    [MemberData(nameof(RequestSchemas))]
    public void BoardingDsl_and_NJsonSchema_agree_on_generated_bodies(string schemaFile)
    {
        var faults = new Dictionary<BodyFault, int>();
        var seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();
        var property = Prop.ForAll(seeds, seed =>
        {
            var body = BodyGenerator.Create(schemaFile, seed);
            faults[body.Fault] = faults.GetValueOrDefault(body.Fault) + 1;
            AssertAgreement(body);
        });

        property.Check(Config.QuickThrowOnFailure.WithMaxTest(BodiesPerSchema).WithReplay(20261207UL, 0x9E3779B97F4A7C15UL).WithQuietOnSuccess(true));

        // The run really covered valid bodies and several kinds of fault (a generator that broke nothing would pass).
        Assert.True(faults.GetValueOrDefault(BodyFault.None) > BodiesPerSchema / 5, string.Join(", ", faults));
        Assert.True(faults.Count >= 4, string.Join(", ", faults));
    }

    [Fact]
    public void Every_kind_of_fault_is_generated_for_some_schema()
    {
        var seen = SchemaDocuments.Shipped.RequestFiles
            .SelectMany(file => Enumerable.Range(0, 2000).Select(seed => BodyGenerator.Create(file, seed).Fault))
            .ToHashSet();

        Assert.Equal(Enum.GetValues<BodyFault>().OrderBy(f => f), seen.OrderBy(f => f));
    }

    private const string Order = """{"orderDate":"2021-02-23T14:34:37.528+00:00","cartUrl":"http://myccv-local:8008/merchant/","storeUrl":"http://myccv-local:8008/merchant/","statusUrl":"http://myccv-local:8008/merchant/","storeInformation":{"cocNumber":"12345678","cocRegistry":"Kvk"}}""";

    private static readonly string TerminalPrices = Q("'terminalPackageType':'Smart','oneOffPriceIncludingTax':121,'oneOffPriceExcludingTax':100,'oneOffTaxAmount':21,'oneOffTaxRate':21,'monthlyPriceIncludingTax':24.20,'monthlyPriceExcludingTax':20,'monthlyPriceTaxAmount':4.20,'monthlyPriceTaxRate':21");

    /// <summary>
    /// What the property found, kept as named cases: the body, BoardingDsl's verdict and NJsonSchema's
    /// (<c>valid</c>, <c>invalid</c>, or <c>throws</c>). Where the two differ, the case is one of the listed deviations.
    /// </summary>
    public static TheoryData<string, string, string, bool, string> Regressions() => new()
    {
        {
            "a closed object's unknown member: FromJson keeps it, no builder method takes it",
            "submit-order.schema.json", $$"""{"notifyCustomerByEmail":true,"order":{{Order}},"unexpected":1}""", false, "invalid"
        },
        {
            "an explicit null for an optional number that does not admit null: FromJson keeps it, no With… takes it",
            "add-terminal-package.schema.json", $$"""{{{TerminalPrices}},"transactionFee":0.05,"discount":null,"order":{{Order}}}""", false, "invalid"
        },
        {
            "an integer beyond 64 bits in a decimal member: BoardingDsl reads it exactly, NJsonSchema throws",
            "add-terminal-package.schema.json", $$"""{{{TerminalPrices}},"transactionFee":79228162514264337593543950335,"order":{{Order}}}""", true, "throws"
        },
        {
            "1e30 in a decimal member: beyond a .NET decimal, and NJsonSchema knows no format decimal",
            "add-terminal-package.schema.json", $$"""{{{TerminalPrices}},"transactionFee":1e30,"order":{{Order}}}""", false, "valid"
        },
        {
            "30 February: not an RFC 3339 date, NJsonSchema's lenient date-time accepts it",
            "submit-order.schema.json", $$"""{"notifyCustomerByEmail":true,"order":{{Order.Replace("2021-02-23T14:34:37.528", "2021-02-30T14:34:37.528")}}}""", false, "valid"
        },
        {
            "offset +24:00: RFC 3339 hours are 00-23, NJsonSchema accepts it",
            "submit-order.schema.json", $$"""{"notifyCustomerByEmail":true,"order":{{Order.Replace("+00:00", "+24:00")}}}""", false, "valid"
        },
        {
            "an address literal as the e-mail domain: RFC 5321 allows it, NJsonSchema rejects it",
            "submit-order.schema.json", $$"""{"notifyCustomerByEmail":true,"order":{{Order.Replace(Q("'Kvk'"), Q("'Kvk','reportingEmailAddress':'x@[192.0.2.1]'"))}}}""", true, "invalid"
        },
        {
            "a relative cartUrl: format uri is an absolute URI, NJsonSchema accepts relative references",
            "submit-order.schema.json", $$"""{"notifyCustomerByEmail":true,"order":{{Order.Replace(Q("'cartUrl':'http://myccv-local:8008/merchant/'"), Q("'cartUrl':'/merchant/'"))}}}""", false, "valid"
        },
        {
            "a notificationUrl with http: the https rule and the pattern agree",
            "submit-order.schema.json", $$"""{"notifyCustomerByEmail":true,"statusNotificationInformation":{"notificationUrl":"http://api.integrator.nl/"},"order":{{Order}}}""", false, "invalid"
        },
    };

    /// <summary>JSON written with single quotes, for readability inside the cases.</summary>
    private static string Q(string json) => json.Replace('\'', '"');

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Regression(string name, string schemaFile, string json, bool valid, string njsonSchema)
    {
        var dsl = DslJudge.Judge(schemaFile, json);
        var independent = NJsonSchemaJudge.Judge(schemaFile, json);

        Assert.True(dsl.Valid == valid, $"{name}: BoardingDsl says {dsl}");
        Assert.Equal(njsonSchema, independent is null ? "throws" : independent.Value.Valid ? "valid" : "invalid");
    }

    internal static void AssertAgreement(BodyCase body)
    {
        var dsl = DslJudge.Judge(body.SchemaFile, body.Json, out var built);
        var meant = body.Fault == BodyFault.None;
        var deviation = Deviation(body);
        var independent = deviation is null ? NJsonSchemaJudge.Judge(body.SchemaFile, body.Json) : null;
        if (deviation is null && independent is null)
        {
            deviation = "NJsonSchema throws on it";
        }

        if (deviation is not null)
        {
            // NJsonSchema cannot judge this body; the schema's meaning, which the generator followed, decides.
            Assert.True(dsl.Valid == meant, $"BoardingDsl says {dsl} (NJsonSchema not asked: {deviation}):\n{body}");
        }
        else
        {
            // The generator's intent is a third opinion, checked so that a mutation that breaks nothing is noticed.
            Assert.True(independent!.Value.Valid == meant, $"the generator meant {body.Fault}, NJsonSchema says {independent}:\n{body}");
            Assert.True(dsl.Valid == independent.Value.Valid, $"BoardingDsl says {dsl}, NJsonSchema says {independent}:\n{body}");
        }

        if (built is not null)
        {
            // What the builder built is the body read, member for member (the open objects' unknown members aside).
            var written = BoardingDsl.Serialization.BoardingJson.Serialize(built);
            Assert.True(
                JsonComparison.SameBody(WithoutExtraMembers(JsonNode.Parse(body.Json)), JsonNode.Parse(written)),
                $"built from the body, the builder wrote\n{written}\nfor\n{body}");
        }
    }

    /// <summary>Why NJsonSchema's verdict on this body does not count, or <see langword="null"/> when it does.</summary>
    internal static string? Deviation(BodyCase body)
    {
        if (NJsonSchemaDeviations.TryGetValue(body.Fault, out var reason))
        {
            return reason;
        }

        return JsonComparison.Strings(JsonNode.Parse(body.Json))
            .Select(value => NJsonSchemaMisjudgedValues.TryGetValue(value, out var why) ? $"'{value}': {why}" : null)
            .FirstOrDefault(why => why is not null);
    }

    private static JsonNode? WithoutExtraMembers(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(m => m.Key).Where(k => k.StartsWith(BodyGenerator.ExtraMemberPrefix, StringComparison.Ordinal)).ToArray())
                {
                    obj.Remove(name);
                }

                foreach (var member in obj.ToArray())
                {
                    WithoutExtraMembers(member.Value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    WithoutExtraMembers(item);
                }

                break;
        }

        return node;
    }
}
