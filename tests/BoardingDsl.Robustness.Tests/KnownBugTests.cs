using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using BoardingDsl.Robustness.Tests.Infrastructure;
using Xunit;
using static BoardingDsl.Robustness.Tests.Infrastructure.S;

namespace BoardingDsl.Robustness.Tests;

/// <summary>
/// One regression test per bug the hostile corpus found. Each states the corpus invariants (no exception, output compiles,
/// every problem is a BDSL diagnostic in its schema file) for the smallest schemas that broke them. The corpus found them
/// against 3ad7ad0; 5da506b and 2cc66f8 (which landed meanwhile) fix most, and their tests run. The ones still open are skipped
/// (<see cref="KnownBugs"/>); <c>BOARDINGDSL_RUN_KNOWN_BUGS=1</c> runs them. Remove the Skip once fixed.
/// </summary>
public class KnownBugTests
{
    public static bool RunKnownBugs => KnownBugs.Run;

    /// <summary>A valid schema beside the broken one: a bug in one schema must not stop the others.</summary>
    private static readonly SchemaCase Bystander = One("KB_Bystander", "a valid schema in the same compilation",
        Request(StringProps(new[] { "name" }), Quoted(new[] { "name" }), title: "Bystander", file: "bystander.schema.json")) with { MustGenerate = true };

    // ---- Crashes: one schema takes every generated file of the compilation with it.

    [Fact]
    public void Ref_to_the_second_defs_entry_resolves() => AssertClean(
        One("KB_DefsSecond", "$ref to the second $defs entry", Request(
            Prop("b", """{ "$ref": "#/$defs/B" }"""),
            extra: """, "$defs": { "A": { "type": "string" }, "B": { "type": "object", "properties": { "x": { "type": "string" } } } }""")) with { MustGenerate = true },
        Bystander);

    [Fact]
    public void Ref_cycle_through_defs_is_BDSL1011_not_an_internal_error() => AssertClean(
        One("KB_DefsCycle", "$defs A -> B -> A", Request(
            Prop("a", """{ "$ref": "#/$defs/A" }"""),
            extra: """, "$defs": { "A": { "$ref": "#/$defs/B" }, "B": { "$ref": "#/$defs/A" } }""")) with { ExpectedIds = new[] { "BDSL1011" } },
        Bystander);

    [Fact]
    public void Object_property_named_builder_does_not_crash_the_generator() => AssertClean(
        One("KB_InlineBuilder", "type Order with an object property 'builder' (inline type OrderBuilder)",
            Request(Prop("builder", """{ "type": "object", "properties": { "x": { "type": "string" } } }"""), title: "Order")),
        Bystander);

    [Fact]
    public void Title_XBuilder_beside_title_X_does_not_crash_the_generator() => AssertClean(
        Case("KB_TitleBuilder", "titles Order and OrderBuilder",
            ("a.schema.json", Request(StringProps(new[] { "a" }), title: "Order", file: "a.schema.json", operation: "RunA")),
            ("b.schema.json", Request(StringProps(new[] { "b" }), title: "OrderBuilder", file: "b.schema.json", operation: "RunB"))),
        Bystander);

    [Fact]
    public void Long_ref_chain_does_not_overflow_the_stack()
    {
        // Run in a child process: a stack overflow cannot be caught and would end this test host.
        var exit = ChildProcess.Run(nameof(ChildProcess.Deep_ref_chain_child), TimeSpan.FromMinutes(2), out var output);
        Assert.True(exit == 0, $"The child process running a chain of {ChildProcess.ChainLength} $ref files exited with {exit}:\n{output}");
    }

    [Fact]
    public void Type_name_clash_is_reported_on_the_schema_that_is_dropped() => AssertClean(
        Case("KB_FileOrder", "b.schema.json and a.schema.json (passed in that order) both titled Clash",
            ("b.schema.json", Request(StringProps(new[] { "b" }), title: "Clash", file: "b.schema.json", operation: "RunB")),
            ("a.schema.json", Request(StringProps(new[] { "a" }), title: "Clash", file: "a.schema.json", operation: "RunA"))) with { ExpectedIds = new[] { "BDSL1008" } });

    // ---- Sizes: the generated file was cut at 1 MB. (The 5,000-value enum is HandWrittenCases H_BigEnum: it alone costs ~20 s of compile.)

    [Fact]
    public void Thousand_properties_compile() => AssertClean(
        One("KB_Props1000", "1,000 string properties", Request(StringProps(Enumerable.Range(0, 1000).Select(i => "p" + i)))) with { MustGenerate = true });

    [Fact]
    public void Two_megabyte_description_compiles() => AssertClean(
        One("KB_HugeDescription", "a 2 MB description", Request(Prop("a", "{ \"type\": \"string\", \"description\": \"" + new string('x', 2_000_000) + "\" }"))) with { MustGenerate = true });

    [Fact]
    public void Names_beyond_the_metadata_limit_are_diagnosed() => AssertClean(
        One("KB_LongProperty", "a 2,000-character property name", Request(StringProps(new[] { new string('a', 2000) }))),
        One("KB_LongEnumValue", "a 2,000-character enum value", Request(Prop("v", "{ \"type\": \"string\", \"enum\": [\"" + new string('q', 2000) + "\"] }"))),
        One("KB_LongTitle", "a 2,000-character title", Request(StringProps(new[] { "a" }), title: new string('T', 2000))));

    [Fact]
    public void Long_names_along_a_nested_path_are_diagnosed_or_compile() => AssertClean(
        One("KB_LongInlineObject", "title, property and nested property of 450 characters each (an inline type name of 1,350)",
            Request(Prop(new string('p', 450), "{ \"type\": \"object\", \"properties\": { \"" + new string('q', 450) + "\": { \"type\": \"object\", \"properties\": { \"x\": { \"type\": \"string\" } } } } }"), title: new string('T', 450))) with { ExpectedIds = new[] { "BDSL1010" } },
        One("KB_LongInlineEnum", "the same with an enum at the end",
            Request(Prop(new string('p', 450), "{ \"type\": \"object\", \"properties\": { \"" + new string('q', 450) + "\": { \"type\": \"string\", \"enum\": [\"a\"] } } }"), title: new string('T', 450))) with { ExpectedIds = new[] { "BDSL1010" } });

    // ---- Generated names that collide.

    [Fact]
    public void Enum_companion_Json_class_does_not_clash_with_a_type() => AssertClean(
        One("KB_EnumJson", "enum 'status' (ThingStatus + ThingStatusJson) and object 'statusJson' (ThingStatusJson)",
            Request(Props(("status", """{ "type": "string", "enum": ["a"] }"""), ("statusJson", """{ "type": "object", "properties": { "x": { "type": "string" } } }""")))));

    [Fact]
    public void Type_named_Boarding_does_not_clash_with_the_entry_class() => AssertClean(
        One("KB_TitleBoarding", "title Boarding", Request(StringProps(new[] { "a" }), title: "Boarding")),
        One("KB_DefsBoarding", "$defs key boarding", Request(Prop("b", """{ "$ref": "#/$defs/boarding" }"""),
            extra: """, "$defs": { "boarding": { "type": "object", "properties": { "x": { "type": "string" } } } }""")),
        One("KB_TitleClientOperations", "title BoardingClientOperations", Request(StringProps(new[] { "a" }), title: "BoardingClientOperations")));

    [Fact]
    public void Type_named_like_another_files_namespace_is_diagnosed() => AssertClean(
        new SchemaCase("KB_NamespaceClash", "type Robust.KB_NamespaceClash.Order beside namespace Robust.KB_NamespaceClash.Order", new[]
        {
            new SchemaFile("a.schema.json", Request(StringProps(new[] { "a" }), title: "Foo", file: "a.schema.json", operation: "RunA"), "Robust.KB_NamespaceClash.Order"),
            new SchemaFile("b.schema.json", Request(StringProps(new[] { "b" }), title: "Order", file: "b.schema.json", operation: "RunB")),
        }) { ExpectedIds = new[] { "BDSL1023" } },
        new SchemaCase("KB_NamespaceBoarding", "namespace Robust.KB_NamespaceBoarding.Boarding beside the entry class Robust.KB_NamespaceBoarding.Boarding", new[]
        {
            new SchemaFile("a.schema.json", Request(StringProps(new[] { "a" }), title: "Foo", file: "a.schema.json", operation: "RunA"), "Robust.KB_NamespaceBoarding.Boarding"),
            new SchemaFile("b.schema.json", Request(StringProps(new[] { "b" }), title: "Bar", file: "b.schema.json", operation: "RunB")),
        }) { ExpectedIds = new[] { "BDSL1023" } });

    /// <summary>
    /// Such a type gets <c>Value</c> appended (<c>ClientValue</c>) rather than a diagnostic: a schema titled Client is plausible.
    /// A namespace cannot be renamed: one named like a runtime type is a BDSL1023.
    /// </summary>
    [Fact]
    public void Type_named_like_a_BoardingDsl_namespace_compiles_or_is_diagnosed() => AssertClean(
        InDefaultNamespace("KB_TitleClient", "title Client in namespace BoardingDsl (namespace BoardingDsl.Client of the client package)", Request(StringProps(new[] { "name" }), title: "Client")) with { MustGenerate = true },
        InDefaultNamespace("KB_DefsClient", "$defs key client in namespace BoardingDsl", Request(Prop("c", """{ "$ref": "#/$defs/client" }"""),
            extra: """, "$defs": { "client": { "type": "object", "properties": { "name": { "type": "string" } } } }""")) with { MustGenerate = true },
        InDefaultNamespace("KB_TitleSerialization", "title Serialization in namespace BoardingDsl (namespace BoardingDsl.Serialization of the runtime)", Request(StringProps(new[] { "a" }), title: "Serialization")) with { MustGenerate = true },
        new SchemaCase("KB_BoardingJson", "type BoardingJson in the per-file namespace BoardingDsl.Serialization", new[] { new SchemaFile("thing.schema.json", Request(StringProps(new[] { "a" }), title: "BoardingJson")) }, ns: "BoardingDsl.Serialization") { MustGenerate = true },
        new SchemaCase("KB_NamespaceBoardingJson", "the per-file namespace BoardingDsl.Serialization.BoardingJson (a runtime type)", new[] { new SchemaFile("thing.schema.json", Request(StringProps(new[] { "a" }), title: "Thing")) }, ns: "BoardingDsl.Serialization.BoardingJson") { ExpectedIds = new[] { "BDSL1023" } });

    [Fact]
    public void Property_and_has_property_both_generate() => AssertClean(
        One("KB_HasPrefix", "'discount' and 'hasDiscount' (both _hasDiscount in the builder)", Request(StringProps(new[] { "discount", "hasDiscount" }))) with { MustGenerate = true });

    [Fact]
    public void Property_and_property_Builder_both_generate() => AssertClean(
        One("KB_BuilderSuffix", "'address' (object) and 'addressBuilder' (both _addressBuilder)",
            Request(Props(("address", """{ "type": "object", "properties": { "x": { "type": "string" } } }"""), ("addressBuilder", """{ "type": "string" }""")))) with { MustGenerate = true },
        One("KB_BuildersSuffix", "'lines' (array of objects) and 'linesBuilders' (both _linesBuilders)",
            Request(Props(("lines", """{ "type": "array", "items": { "type": "object", "properties": { "x": { "type": "string" } } } }"""), ("linesBuilders", """{ "type": "string" }""")))) with { MustGenerate = true });

    [Fact]
    public void Property_named_isPresent_generates() => AssertClean(
        One("KB_IsPresent", "property isPresent", Request(StringProps(new[] { "isPresent" }))) with { MustGenerate = true });

    [Fact]
    public void Types_named_like_generated_members_compile() => AssertClean(
        new[] { "IsPresent", "ToJson", "FromJson", "WriteTo", "ReadFrom", "ExtensionData" }
            .Select(t => One("KB_Title" + t, "title " + t, Request(StringProps(new[] { "a" }), title: t)))
            .ToArray());

    [Fact]
    public void Builder_named_like_one_of_its_With_methods_compiles() => AssertClean(
        One("KB_TitleWith", "title With and property builder (class WithBuilder, method WithBuilder)", Request(StringProps(new[] { "builder" }), title: "With")),
        One("KB_TitleWithA", "title WithA and property aBuilder (class WithABuilder, method WithABuilder)", Request(StringProps(new[] { "aBuilder" }), title: "WithA")));

    [Fact]
    public void Entry_method_names_from_file_names_compile() => AssertClean(
        One("KB_FileBoarding", "file boarding.schema.json (Boarding.Boarding())", Request(StringProps(new[] { "a" }), file: "boarding.schema.json"), "boarding.schema.json"),
        One("KB_FileUnderscore", "file _.schema.json (no name)", Request(StringProps(new[] { "a" }), file: "_.schema.json"), "_.schema.json"),
        One("KB_FileToString", "file to-string.schema.json (Boarding.ToString())", Request(StringProps(new[] { "a" }), file: "to-string.schema.json"), "to-string.schema.json"),
        One("KB_FileGetType", "file get-type.schema.json (Boarding.GetType())", Request(StringProps(new[] { "a" }), file: "get-type.schema.json"), "get-type.schema.json"));

    [Fact]
    public void Two_files_with_one_entry_name_are_diagnosed() => AssertClean(
        Case("KB_SameEntry", "a-b.schema.json and a_b.schema.json (two Boarding.AB())",
            ("a-b.schema.json", Request(StringProps(new[] { "a" }), title: "A", file: "a-b.schema.json", operation: "RunA")),
            ("a_b.schema.json", Request(StringProps(new[] { "b" }), title: "B", file: "a_b.schema.json", operation: "RunB"))),
        Case("KB_SameFileTwoFolders", "x/thing.schema.json and y/thing.schema.json (two Boarding.Thing())",
            ("x/thing.schema.json", Request(StringProps(new[] { "a" }), title: "A", file: "x/thing.schema.json", operation: "RunA")),
            ("y/thing.schema.json", Request(StringProps(new[] { "b" }), title: "B", file: "y/thing.schema.json", operation: "RunB"))));

    [Fact]
    public void Two_endpoints_with_one_operation_are_diagnosed() => AssertClean(
        Case("KB_SameOperation", "two request schemas with operation Run",
            ("a.schema.json", Request(StringProps(new[] { "a" }), title: "A", file: "a.schema.json")),
            ("b.schema.json", Request(StringProps(new[] { "b" }), title: "B", file: "b.schema.json"))));

    [Fact]
    public void Endpoint_parameters_become_valid_distinct_parameters() => AssertClean(
        new[] { "{ \"order-id\": \"a\", \"orderId\": \"b\" }", "{ \"client\": \"a\" }", "{ \"cancellationToken\": \"a\" }", "{ \"path\": \"a\" }", "{ \"\": \"a\" }" }
            .Select((p, i) => One("KB_Parameters" + i, "status call with parameters " + p, Request(StringProps(new[] { "a" }), role: "response", endpointExtra: ", \"parameters\": " + p)))
            .ToArray());

    [Fact]
    public void Request_answered_by_an_enum_schema_compiles() => AssertClean(
        Case("KB_ResponseIsEnum", "a request whose response schema is an enum",
            ("thing.schema.json", Request(StringProps(new[] { "a" }), response: "answer.schema.json")),
            ("answer.schema.json", Part("\"type\": \"string\", \"enum\": [\"a\"]", "Answer", "answer.schema.json"))));

    [Fact]
    public void Response_role_enum_schema_compiles() => AssertClean(
        One("KB_ResponseRoleEnum", "a response-role schema whose root is an enum",
            Part("\"x-boarding-endpoint\": " + Endpoint(role: "response") + ", \"type\": \"string\", \"enum\": [\"a\", \"b\"]", "Answer", "thing.schema.json")));

    // ---- Text that breaks the generated C#.

    [Fact]
    public void Line_and_paragraph_separators_in_docs_compile() => AssertClean(
        One("KB_DescriptionLS", "a property description with U+2028", Request(Prop("a", """{ "type": "string", "description": "a\u2028b" }"""))),
        One("KB_DescriptionPS", "a property description with U+2029", Request(Prop("a", """{ "type": "string", "description": "a\u2029b" }"""))),
        One("KB_TitleLS", "a title with U+2028 (the type's doc when there is no description)", Request(StringProps(new[] { "a" }), title: "Thing\u2028X").Replace("\"description\": \"A test schema.\",", string.Empty)),
        One("KB_EnumDescriptionLS", "an x-value-descriptions text with U+2028", Request(Prop("a", """{ "type": "string", "enum": ["x"], "x-value-descriptions": { "x": "a\u2028b" } }"""))),
        One("KB_UndocumentedLS", "x-undocumented with U+2028", Request(StringProps(new[] { "a" }), endpointExtra: ", \"x-undocumented\": \"a\\u2028b\"")),
        One("KB_PathLS", "an endpoint path with U+2028", Request(StringProps(new[] { "a" })).Replace("\"/test/run\"", "\"/a\\u2028b\"")));

    [Fact]
    public void Unpaired_surrogates_in_names_are_diagnosed_or_compile() => AssertClean(
        One("KB_SurrogateProperty", "property name a\\ud800", Request(Prop("a\ud800", """{ "type": "string" }"""))),
        One("KB_SurrogateEnum", "enum value x\\udc00", Request(Prop("a", """{ "type": "string", "enum": ["x\udc00", "y"] }"""))));

    [Fact]
    public void Names_that_differ_only_by_format_characters_do_not_collide_in_CSharp() => AssertClean(
        One("KB_FormatCharProperties", "properties ab and a\\u200Bb (one C# identifier if the U+200B is kept)", Request(StringProps(new[] { "ab", "a\u200Bb" }))),
        One("KB_FormatCharEnum", "enum values ab and a\\u00ADb", Request(Prop("a", "{ \"type\": \"string\", \"enum\": [\"ab\", \"a\u00ADb\"] }"))));

    [Fact]
    public void Limits_beyond_64_bits_compile_or_are_diagnosed() => AssertClean(
        new[]
        {
            """{ "type": "integer", "minimum": 1e20 }""", """{ "type": "number", "minimum": 1e20 }""", """{ "type": "integer", "maximum": 9223372036854775808 }""",
            """{ "type": "integer", "minimum": -1e20 }""", """{ "type": "number", "maximum": 79228162514264337593543950335 }""",
        }.Select((s, i) => One("KB_Number" + i, s, Request(Prop("a", s)))).ToArray());

    [Fact]
    public void Uri_format_on_a_non_string_compiles() => AssertClean(
        One("KB_UriOnBoolean", "format uri on a boolean", Request(Prop("flag", """{ "type": "boolean", "format": "uri" }"""))),
        One("KB_UriBesideRef", "format uri beside a $ref to a number", Request(Props(("m", """{ "type": "number" }"""), ("n", """{ "$ref": "#/properties/m", "format": "uri" }""")))));

    // ---- Problems that are not reported (or reported where they should not be).

    [Fact]
    public void Invalid_pattern_beside_a_ref_is_BDSL1013() => AssertClean(
        One("KB_PatternBesideRef", "an invalid pattern beside a $ref",
            Request(Props(("s", """{ "type": "string" }"""), ("a", """{ "$ref": "#/properties/s", "pattern": "(" }""")))) with { ExpectedIds = new[] { "BDSL1013" } });

    [Fact]
    public void Foreign_schema_files_with_non_object_roots_are_ignored() => AssertClean(
        One("KB_ForeignTrue", "a non-Boarding file holding the boolean schema true", "true") with { ExpectSilent = true },
        One("KB_ForeignArray", "a non-Boarding file whose root is an array", "[1, 2]") with { ExpectSilent = true },
        Bystander);

    [Fact]
    public void File_of_only_a_BOM_is_reported_like_an_empty_file() => AssertClean(
        One("KB_BomOnly", "a file holding only U+FEFF", "\uFEFF") with { ExpectedIds = new[] { "BDSL1001" } });

    [Fact]
    public void Empty_anyOf_and_allOf_are_reported() => AssertClean(
        One("KB_EmptyAnyOf", "\"anyOf\": []", Request(Prop("a", """{ "anyOf": [] }"""))) with { ExpectedIds = new[] { "BDSL1025" } },
        One("KB_EmptyAllOf", "\"allOf\": []", Request(Prop("a", """{ "allOf": [] }"""))) with { ExpectedIds = new[] { "BDSL1025" } });

    private static SchemaCase InDefaultNamespace(string id, string title, string text) =>
        new(id, title, new[] { new SchemaFile("thing.schema.json", text) }, ns: string.Empty);

    /// <summary>Runs the cases in one generator run (those that need the default namespace or options each in their own) and checks the invariants.</summary>
    internal static void AssertClean(params SchemaCase[] cases)
    {
        var report = Infrastructure.Corpus.Run(cases, filesPerBatch: int.MaxValue);
        Assert.True(report.Failures.Count == 0, Infrastructure.Corpus.Describe(report.Failures, "Regression case(s): " + string.Join(", ", cases.Select(c => c.Id))));
    }
}
