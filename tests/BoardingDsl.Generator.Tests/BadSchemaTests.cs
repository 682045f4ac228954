using System.Linq;
using BoardingDsl.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using BoardingDsl.Testing;

namespace BoardingDsl.Generator.Tests;

/// <summary>A schema that cannot be understood gets its BDSL1xxx at its line and column; the others still generate.</summary>
public class BadSchemaTests
{
    private static readonly InMemoryAdditionalText Good = new(TestSchemas.Path("good"),
        TestSchemas.Request("good", """{ "name": { "type": "string", "description": "A name." } }""", """["name"]"""));

    [Fact]
    public void Invalid_json_is_reported_at_the_broken_character()
    {
        var text = "{\n  \"title\": \"Broken\",\n  \"x-boarding-endpoint\": { \"operation\": \"Broken\" },\n  \"properties\": { \"a\": { \"type\": \"string\" } \n";
        var outcome = Run(new InMemoryAdditionalText(TestSchemas.Path("broken"), text));

        var diagnostic = Assert.Single(outcome.SchemaDiagnostics);
        Assert.Equal("BDSL1001", diagnostic.Id);
        Assert.Equal(TestSchemas.Path("broken"), diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(new LinePositionPair(4, 0), Start(diagnostic));
        AssertGoodStillGenerated(outcome);
    }

    [Theory]
    [InlineData("\"minimum\": 1e40", "minimum", "a number a C# decimal can hold (magnitude below 7.9E+28), not 1e40")]
    [InlineData("\"maxLength\": -1", "maxLength", "a whole number from 0 to 2147483647, not -1")]
    [InlineData("\"maxLength\": 2.5", "maxLength", "a whole number from 0 to 2147483647, not 2.5")]
    [InlineData("\"maxLength\": 3000000000", "maxLength", "a whole number from 0 to 2147483647, not 3000000000")]
    [InlineData("\"maxLength\": \"1\"", "maxLength", "a non-negative whole number, not string")]
    public void A_bound_the_generated_code_cannot_hold_is_reported_with_its_value(string keyword, string name, string message)
    {
        var text = TestSchemas.Request("bounds", "{ \"amount\": { \"type\": \"number\", " + keyword + ", \"description\": \"An amount.\" } }");
        var outcome = Run(new InMemoryAdditionalText(TestSchemas.Path("bounds"), text));

        var diagnostic = Assert.Single(outcome.SchemaDiagnostics);
        Assert.Equal("BDSL1007", diagnostic.Id);
        Assert.Equal($"The value of '{name}' must be {message}", diagnostic.GetMessage());
        var value = text.IndexOf(keyword, System.StringComparison.Ordinal) + keyword.IndexOf(':') + 2;
        Assert.Equal(value, diagnostic.Location.SourceSpan.Start);
        Assert.Equal(keyword.Length - keyword.IndexOf(':') - 2, diagnostic.Location.SourceSpan.Length);
        AssertGoodStillGenerated(outcome);
    }

    [Fact]
    public void Empty_file_is_reported_at_its_start()
    {
        var outcome = Run(new InMemoryAdditionalText(TestSchemas.Path("empty"), "  \n"));

        var diagnostic = Assert.Single(outcome.SchemaDiagnostics);
        Assert.Equal("BDSL1001", diagnostic.Id);
        Assert.Contains("empty", diagnostic.GetMessage(), System.StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new LinePositionPair(0, 0), Start(diagnostic));
        AssertGoodStillGenerated(outcome);
    }

    [Fact]
    public void Unknown_type_is_reported_at_the_type_value()
    {
        var text = TestSchemas.Request("typo", """
            {
              "amount": { "type": "nubmer", "description": "Typo in the type." }
            }
            """);
        var outcome = Run(new InMemoryAdditionalText(TestSchemas.Path("typo"), text));

        var diagnostic = Assert.Single(outcome.SchemaDiagnostics);
        Assert.Equal("BDSL1024", diagnostic.Id);
        Assert.Equal("'nubmer' is not a JSON Schema type; use one of string, number, integer, boolean, object, array, null", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        AssertAt(diagnostic, text, "\"nubmer\"");
        Assert.DoesNotContain(outcome.HintNames, h => h.Contains("TypoRequest"));
        AssertGoodStillGenerated(outcome);
    }

    [Fact]
    public void Unresolved_ref_is_reported_at_the_ref_value()
    {
        var text = TestSchemas.Request("dangling", """
            {
              "address": { "$ref": "address-that-does-not-exist.schema.json", "description": "Missing." }
            }
            """);
        var outcome = Run(new InMemoryAdditionalText(TestSchemas.Path("dangling"), text));

        var diagnostic = Assert.Single(outcome.SchemaDiagnostics);
        Assert.Equal("BDSL1003", diagnostic.Id);
        AssertAt(diagnostic, text, "\"address-that-does-not-exist.schema.json\"");
        AssertGoodStillGenerated(outcome);
    }

    [Fact]
    public void Two_properties_with_one_csharp_name_are_reported_at_the_second()
    {
        var text = TestSchemas.Request("twins", """
            {
              "orderId": { "type": "string", "description": "One." },
              "order-id": { "type": "string", "description": "Two." }
            }
            """);
        var outcome = Run(new InMemoryAdditionalText(TestSchemas.Path("twins"), text));

        var diagnostic = Assert.Single(outcome.SchemaDiagnostics);
        Assert.Equal("BDSL1004", diagnostic.Id);
        Assert.Contains("OrderId", diagnostic.GetMessage());
        AssertAt(diagnostic, text, "\"order-id\"");
        AssertGoodStillGenerated(outcome);
    }

    [Fact]
    public void A_schema_using_a_broken_schema_is_not_generated_and_says_why()
    {
        var broken = new InMemoryAdditionalText("/repo/schemas/part.schema.json", """
            { "title": "Part", "type": "object", "properties": { "x": { "type": "strnig" } } }
            """);
        var user = TestSchemas.Request("user", """{ "part": { "$ref": "part.schema.json", "description": "Uses Part." } }""");
        var outcome = Run(broken, new InMemoryAdditionalText(TestSchemas.Path("user"), user));

        Assert.Equal(new[] { "BDSL1015", "BDSL1024" }, outcome.SchemaDiagnostics.Select(d => d.Id).OrderBy(i => i));
        AssertGoodStillGenerated(outcome);
    }

    [Fact]
    public void Keywords_outside_the_allow_list_are_warned_about_where_they_stand()
    {
        var text = TestSchemas.Request("extra", """{ "a": { "type": "string", "description": "A.", "$anchor": "a" } }""");
        var outcome = Run(new InMemoryAdditionalText(TestSchemas.Path("extra"), text));

        var diagnostic = Assert.Single(outcome.SchemaDiagnostics);
        Assert.Equal("BDSL1006", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        AssertAt(diagnostic, text, "\"$anchor\"");
        Assert.Contains(outcome.HintNames, h => h == "BoardingDsl.ExtraRequest.g.cs");
    }

    [Fact]
    public void Schema_files_that_are_not_boarding_schemas_get_only_an_info_that_nothing_is_generated()
    {
        const string text = """{ "type": "object", "oneOf": [], "properties": { "a": { "type": "nope" } } }""";
        var outcome = Run(new InMemoryAdditionalText("/repo/other/package.schema.json", text));

        // Their own problems are not BoardingDsl's business: no error, no warning, only the Info at the root object.
        var diagnostic = Assert.Single(outcome.SchemaDiagnostics);
        Assert.Equal(("BDSL1018", DiagnosticSeverity.Info), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal("Nothing is generated from 'package.schema.json': it has no x-boarding-endpoint, and no schema with one refers to it", diagnostic.GetMessage());
        Assert.Equal((0, text.Length), (diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        AssertGoodStillGenerated(outcome);
    }

    [Fact]
    public void A_shape_that_an_endpoint_refers_to_gets_no_info()
    {
        var shape = new InMemoryAdditionalText(TestSchemas.Path("shape"), """{ "title": "Shape", "type": "object", "properties": { "x": { "type": "string" } } }""");
        var endpoint = new InMemoryAdditionalText(TestSchemas.Path("uses-shape"),
            TestSchemas.Request("uses-shape", """{ "shape": { "$ref": "shape.schema.json" } }"""));

        var outcome = GeneratorHarness.Run(new[] { shape, endpoint, Good }, null, "class App { }");

        Assert.Empty(outcome.SchemaDiagnostics);
        Assert.Contains("BoardingDsl.Shape.g.cs", outcome.HintNames);
    }

    [Fact]
    public void Broken_json_in_a_file_that_is_no_boarding_schema_is_ignored_without_noise()
    {
        var outcome = Run(new InMemoryAdditionalText("/repo/other/tool.schema.json", "{ \"type\": \"object\", "));

        Assert.Empty(outcome.SchemaDiagnostics);
        AssertGoodStillGenerated(outcome);
    }

    [Fact]
    public void An_endpoint_that_cannot_be_understood_is_reported_and_not_generated()
    {
        var text = TestSchemas.Request("odd", """{ "a": { "type": "string", "description": "A." } }""").Replace("\"role\": \"request\"", "\"role\": \"body\"");
        var outcome = Run(new InMemoryAdditionalText(TestSchemas.Path("odd"), text));

        var diagnostic = Assert.Single(outcome.SchemaDiagnostics);
        Assert.Equal("BDSL1009", diagnostic.Id);
        AssertAt(diagnostic, text, "\"body\"");
        Assert.DoesNotContain(outcome.HintNames, h => h.Contains("OddRequest"));
        AssertGoodStillGenerated(outcome);
    }

    [Fact]
    public void A_user_type_that_clashes_with_a_shipped_one_is_reported_on_the_user_file()
    {
        var shipped = TestSchemas.Request("shipped", """{ "a": { "type": "string", "description": "A." } }""").Replace("\"ShippedRequest\"", "\"Clash\"");
        var user = TestSchemas.Request("mine", """{ "b": { "type": "string", "description": "B." } }""").Replace("\"MineRequest\"", "\"Clash\"");
        var options = new TestOptionsProvider(files: new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IDictionary<string, string>>
        {
            [TestSchemas.Path("shipped")] = new System.Collections.Generic.Dictionary<string, string> { ["build_metadata.AdditionalFiles.BoardingDslDefaultSchema"] = "true" },
        });
        var outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(TestSchemas.Path("mine"), user), new InMemoryAdditionalText(TestSchemas.Path("shipped"), shipped), Good }, options);

        var diagnostic = Assert.Single(outcome.SchemaDiagnostics);
        Assert.Equal("BDSL1008", diagnostic.Id);
        Assert.Equal(TestSchemas.Path("mine"), diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("BoardingDsl.Clash.g.cs", outcome.HintNames);
        Assert.Contains("WithA(", outcome.Source("BoardingDsl.ClashBuilder.g.cs"));
        AssertGoodStillGenerated(outcome);
    }

    [Fact]
    public void Awkward_but_valid_names_generate_escaped_identifiers_without_diagnostics()
    {
        var text = TestSchemas.Request("awkward", """
            {
              "class": { "type": "string", "description": "A keyword." },
              "event": { "type": "string", "description": "Another keyword." },
              "toJson": { "type": "string", "description": "Collides with a generated method." },
              "awkwardRequest": { "type": "string", "description": "Same as the type." },
              "language": { "type": "string", "enum": ["nl-NL", "3ds", "en_GB", "über"], "description": "Odd enum values." }
            }
            """, """["class"]""");
        var outcome = Run(new InMemoryAdditionalText(TestSchemas.Path("awkward"), text));

        Assert.Empty(outcome.SchemaDiagnostics);
        Assert.Empty(outcome.CompilationErrors);
        var enumSource = outcome.Source("BoardingDsl.AwkwardRequestLanguage.g.cs");
        Assert.Contains("NlNL,", enumSource);
        Assert.Contains("_3ds,", enumSource);
        Assert.Contains("En_GB,", enumSource);
        Assert.Contains("Über,", enumSource);
        var builder = outcome.Source("BoardingDsl.AwkwardRequestBuilder.g.cs");
        Assert.Contains("WithClass(string value)", builder);
        Assert.Contains("WithToJson(string value)", builder);
        Assert.Contains("public string? ToJsonValue { get; }", outcome.Source("BoardingDsl.AwkwardRequest.g.cs"));
        Assert.Contains("public string? AwkwardRequestValue { get; }", outcome.Source("BoardingDsl.AwkwardRequest.g.cs"));
    }

    private static GeneratorHarness.RunOutcome Run(params InMemoryAdditionalText[] files) =>
        GeneratorHarness.Run(files.Append(Good).ToArray());

    private static void AssertGoodStillGenerated(GeneratorHarness.RunOutcome outcome)
    {
        Assert.Empty(outcome.GeneratorDiagnostics); // reported once, by the analyzer
        Assert.Contains("BoardingDsl.GoodRequest.g.cs", outcome.HintNames);
        Assert.Empty(outcome.CompilationErrors);
    }

    private static LinePositionPair Start(Diagnostic d)
    {
        var start = d.Location.GetLineSpan().StartLinePosition;
        return new LinePositionPair(start.Line, start.Character);
    }

    private static void AssertAt(Diagnostic diagnostic, string text, string token)
    {
        var index = text.IndexOf(token, System.StringComparison.Ordinal);
        Assert.True(index >= 0, "token not in text");
        var line = text.Take(index).Count(c => c == '\n');
        var column = index - (text.LastIndexOf('\n', index - 1) + 1);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(new LinePositionPair(line, column), Start(diagnostic));
        Assert.Equal(token.Length, diagnostic.Location.SourceSpan.Length);
        Assert.Equal(span.Path, diagnostic.Location.GetLineSpan().Path);
    }

    private readonly record struct LinePositionPair(int Line, int Column);
}
