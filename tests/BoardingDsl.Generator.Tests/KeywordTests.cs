using System.Linq;
using BoardingDsl.Generator.Tests.Infrastructure;
using BoardingDsl.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace BoardingDsl.Generator.Tests;

/// <summary>
/// Issue 14: every schema construct is enforced or reported. The enforced assertions (const, exclusiveMinimum/Maximum,
/// multipleOf, uniqueItems on any element, the type of an opaque object/null) and the annotations (examples, default,
/// deprecated, readOnly, writeOnly) as generated; every rule that is not enforced is BDSL1019 at its keyword.
/// </summary>
public class KeywordTests
{
    private const string Properties = """
        {
          "fee": { "type": "number", "format": "decimal", "exclusiveMinimum": 0, "exclusiveMaximum": 100, "multipleOf": 0.01, "description": "A fee." },
          "count": { "type": "integer", "multipleOf": 5, "description": "A count." },
          "ratio": { "type": "number", "multipleOf": 0.1, "exclusiveMaximum": 1, "description": "A ratio." },
          "version": { "type": "string", "const": "v1", "description": "The version." },
          "level": { "type": "integer", "const": 3, "description": "The level." },
          "enabled": { "type": "boolean", "const": true, "description": "On." },
          "meta": { "type": "object", "description": "Any object." },
          "nothing": { "type": "null", "description": "Always null." },
          "tags": { "type": "array", "uniqueItems": true, "description": "Any values, no two equal." },
          "parts": { "type": "array", "uniqueItems": true, "items": { "type": "object", "properties": { "a": { "type": "integer" }, "b": { "type": "integer" } } }, "description": "Parts." },
          "note": { "type": "string", "default": "n/a", "examples": ["a <b> & c", { "multi":
            "line" }], "description": "A note." },
          "legacyCode": { "type": "string", "deprecated": true, "description": "An old code." },
          "serverId": { "type": "string", "readOnly": true, "description": "Set by the server." },
          "secret": { "type": "string", "writeOnly": true, "description": "Sent, never read back." },
          "oldTags": { "type": "array", "items": { "type": "string" }, "deprecated": true },
          "oldPart": { "type": "object", "properties": { "x": { "type": "string" } }, "deprecated": true },
          "oldKind": { "type": "string", "enum": ["a", "b"], "deprecated": true },
          "oldKinds": { "type": "array", "items": { "type": "string", "enum": ["c", "d"] }, "deprecated": true, "minItems": 1 },
          "serverTags": { "type": "array", "items": { "type": "string" }, "readOnly": true, "uniqueItems": true },
          "serverPart": { "type": "object", "properties": { "x": { "type": "string" } }, "readOnly": true },
          "serverParts": { "type": "array", "items": { "type": "object", "properties": { "x": { "type": "string" } } }, "readOnly": true },
          "serverKind": { "type": "string", "enum": ["e", "f"], "readOnly": true },
          "serverAmount": { "type": "number", "format": "decimal", "minimum": 0, "readOnly": true }
        }
        """;

    private static readonly InMemoryAdditionalText Schema = new(TestSchemas.Path("keyword-rules"),
        TestSchemas.Request("keyword-rules", Properties, """["fee", "serverId"]"""));

    [Fact]
    public void Enforced_keywords_and_annotations_generate_without_diagnostics_and_compile_without_warnings()
    {
        var outcome = GeneratorHarness.Run(new[] { Schema });

        Assert.Empty(outcome.SchemaDiagnostics);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationErrors);
    }

    [Theory]
    [InlineData("BoardingDsl.KeywordRulesRequestBuilder")]
    [InlineData("BoardingDsl.KeywordRulesRequest")]
    public void Generated_source_matches_its_snapshot(string name)
    {
        var outcome = GeneratorHarness.Run(new[] { Schema });
        Snapshot.Match("Keywords." + name, System.Text.RegularExpressions.Regex.Replace(outcome.Source(name + ".g.cs"),
            @"GeneratedCode\(""BoardingDsl"", ""[^""]+""\)", @"GeneratedCode(""BoardingDsl"", ""{version}"")"));
    }

    [Fact]
    public void Annotations_reach_the_xml_docs_escaped_and_shape_the_api()
    {
        var outcome = GeneratorHarness.Run(new[] { Schema });
        var builder = outcome.Source("BoardingDsl.KeywordRulesRequestBuilder.g.cs");
        var model = outcome.Source("BoardingDsl.KeywordRulesRequest.g.cs");

        Assert.Contains("/// <summary>A note. Default: <c>\"n/a\"</c>. Example: <c>\"a &lt;b&gt; &amp; c\"</c>. Example: <c>{ \"multi\": \"line\" }</c>.</summary>", model);
        Assert.Contains("[global::System.Obsolete(\"'legacyCode' is deprecated by the schema.\")]\n        public string? LegacyCode { get; }", model.Replace("\r\n", "\n"));
        Assert.Contains("[global::System.Obsolete(\"'legacyCode' is deprecated by the schema.\")]\n        [global::BoardingDsl.Serialization.BoardingMemberAttribute(\"legacyCode\", typeof(string))]\n        public KeywordRulesRequestBuilder WithLegacyCode(string value)", builder.Replace("\r\n", "\n"));
        // readOnly: readable on the model, not settable in a request builder (and so not required of it).
        Assert.Contains("public string? ServerId { get; }", model);
        Assert.DoesNotContain("WithServerId(", builder);
        Assert.DoesNotContain("context.Missing(\"serverId\"", builder);
        Assert.Contains("WithSecret(string value)", builder);
    }

    [Fact]
    public void Calling_a_deprecated_with_method_warns_CS0618_in_user_code_only()
    {
        const string user = """
            class App
            {
                void Run() => new BoardingDsl.KeywordRulesRequestBuilder().WithLegacyCode("x");
                string? Read(BoardingDsl.KeywordRulesRequest r) => r.LegacyCode;
            }
            """;
        var outcome = GeneratorHarness.Run(new[] { Schema }, null, user);

        Assert.Empty(outcome.SchemaDiagnostics);
        var warnings = outcome.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.Equal(new[] { "CS0618", "CS0618" }, warnings.Select(d => d.Id));
        Assert.All(warnings, d => Assert.Equal("Source0.cs", d.Location.SourceTree!.FilePath));
    }

    [Theory]
    [InlineData("""{ "a": { "minLength": 2, "description": "No type." } }""", "\"minLength\"", "minLength")]
    [InlineData("""{ "a": { "maximum": 3.0, "description": "No type." } }""", "\"maximum\"", "maximum")]
    [InlineData("""{ "a": { "pattern": "^x", "description": "No type." } }""", "\"pattern\"", "pattern")]
    [InlineData("""{ "a": { "const": 1, "description": "No type." } }""", "\"const\"", "const")]
    [InlineData("""{ "a": { "type": "object", "required": ["x"], "description": "No properties." } }""", "\"required\"", "required")]
    [InlineData("""{ "a": { "type": "string", "oneOf": [{ "minLength": 1 }], "description": "." } }""", "\"oneOf\"", "oneOf")]
    [InlineData("""{ "a": { "type": "string", "not": { "const": "x" }, "description": "." } }""", "\"not\"", "not")]
    [InlineData("""{ "a": { "type": "string", "if": {}, "then": {}, "description": "." } }""", "\"if\"", "if")]
    [InlineData("""{ "a": { "type": "object", "properties": { "x": { "type": "string" } }, "dependentRequired": { "x": ["y"] } } }""", "\"dependentRequired\"", "dependentRequired")]
    [InlineData("""{ "a": { "type": "object", "patternProperties": { "^x": {} } } }""", "\"patternProperties\"", "patternProperties")]
    [InlineData("""{ "a": { "type": "array", "items": { "type": "string" }, "const": ["x"] } }""", "\"const\"", "const")]
    [InlineData("""{ "a": { "$ref": "#/$defs/O", "allOf": [{ "required": ["x"] }] } }""", "\"allOf\"", "allOf")]
    [InlineData("""{ "a": { "$ref": "#/$defs/O", "anyOf": [{ "type": "null" }] } }""", "\"anyOf\"", "anyOf")]
    [InlineData("""{ "a": { "anyOf": [{ "$ref": "#/$defs/O" }, { "type": "null" }], "allOf": [{ "required": ["x"] }] } }""", "\"allOf\"", "allOf")]
    [InlineData("""{ "a": { "allOf": [{ "$ref": "#/$defs/O" }, { "required": ["x"], "minLength": 3 }] } }""", "\"minLength\"", "minLength")]
    public void An_unenforced_rule_is_an_error_at_its_keyword_and_the_schema_still_generates(string properties, string token, string rule)
    {
        var text = TestSchemas.Request("loose", properties, extra: Defs);
        var outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(TestSchemas.Path("loose"), text) });

        var diagnostic = outcome.SchemaDiagnostics.First(d => d.Id == "BDSL1019");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
        Assert.StartsWith("The rule '" + rule + "' is not enforced: ", diagnostic.GetMessage());
        var index = text.LastIndexOf(token, System.StringComparison.Ordinal); // the properties come last
        var line = text.Take(index).Count(c => c == '\n');
        var column = index - (text.LastIndexOf('\n', index - 1) + 1);
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column, token.Length), (start.Line, start.Character, diagnostic.Location.SourceSpan.Length));
        Assert.All(outcome.SchemaDiagnostics, d => Assert.Equal("BDSL1019", d.Id));
        Assert.Contains("BoardingDsl.LooseRequest.g.cs", outcome.HintNames);
        Assert.Empty(outcome.CompilationErrors);
    }

    private const string Defs = """, "$defs": { "O": { "type": "object", "properties": { "x": { "type": "string" }, "y": { "type": "string" } } }, "P": { "$ref": "#/$defs/O" } }""";

    [Theory]
    [InlineData("""{ "allOf": [{ "allOf": [{ "$ref": "#/$defs/O" }, { "required": ["x"] }] }, { "required": ["y"] }] }""", "new string[] { \"x\", \"y\" }")]
    [InlineData("""{ "allOf": [{ "$ref": "#/$defs/O" }, { "required": ["x"] }, { "required": ["y"] }] }""", "new string[] { \"x\", \"y\" }")]
    [InlineData("""{ "type": "array", "items": { "allOf": [{ "allOf": [{ "$ref": "#/$defs/O" }, { "required": ["x"] }] }, { "required": ["y"] }] } }""", "new string[] { \"x\", \"y\" }")]
    [InlineData("""{ "$ref": "#/$defs/P" }""", "BuildCore(context, null)")]
    public void Nested_allOf_and_a_ref_inside_a_defs_entry_are_followed_with_every_required_member(string property, string call)
    {
        var text = TestSchemas.Request("nest", "{ \"a\": " + property + " }", extra: Defs);
        var outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(TestSchemas.Path("nest"), text) });

        Assert.Empty(outcome.SchemaDiagnostics);
        Assert.Empty(outcome.CompilationErrors);
        Assert.Contains(outcome.Source("BoardingDsl.NestRequestBuilder.g.cs").Split('\n'), l => l.Contains("_aBuilder") && l.Contains(call));
    }

    [Theory]
    [InlineData("examples", "[1]")]
    [InlineData("default", "{ \"x\": 1 }")]
    [InlineData("deprecated", "false")]
    [InlineData("readOnly", "true")]
    [InlineData("writeOnly", "true")]
    [InlineData("contentMediaType", "\"text/plain\"")]
    public void An_annotation_gets_no_diagnostic(string keyword, string value)
    {
        var text = TestSchemas.Request("annotated", "{ \"a\": { \"type\": \"string\", \"" + keyword + "\": " + value + " } }");
        var outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(TestSchemas.Path("annotated"), text) });

        Assert.Empty(outcome.SchemaDiagnostics);
        Assert.Empty(outcome.CompilationErrors);
    }

    [Fact]
    public void A_keyword_nobody_knows_is_still_only_a_warning()
    {
        var text = TestSchemas.Request("typo", """{ "a": { "type": "string", "maxLenght": 3 } }""");
        var outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(TestSchemas.Path("typo"), text) });

        var diagnostic = Assert.Single(outcome.SchemaDiagnostics);
        Assert.Equal(("BDSL1006", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.DefaultSeverity));
    }
}
