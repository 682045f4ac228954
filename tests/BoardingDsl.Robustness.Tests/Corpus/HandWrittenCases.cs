using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BoardingDsl.Robustness.Tests.Infrastructure;
using BoardingDsl.Robustness.Tests.Json;
using static BoardingDsl.Robustness.Tests.Infrastructure.S;

namespace BoardingDsl.Robustness.Tests.Corpus;

/// <summary>
/// Hand-written hostile schemas, one idea each. Cases that hit a known bug are not here: they are the named regression
/// tests in <c>KnownBugTests</c> (skipped while the bug is open).
/// </summary>
internal static class HandWrittenCases
{
    public static readonly string[] CSharpKeywords =
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long",
        "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected", "public",
        "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch",
        "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void",
        "volatile", "while",
    };

    public static readonly string[] ContextualKeywords =
    {
        "add", "and", "alias", "args", "ascending", "async", "await", "by", "descending", "dynamic", "equals", "field", "file",
        "from", "get", "global", "group", "init", "into", "join", "let", "managed", "nameof", "nint", "not", "notnull", "nuint",
        "on", "or", "orderby", "partial", "record", "remove", "required", "scoped", "select", "set", "unmanaged", "value", "var",
        "when", "where", "with", "yield",
    };

    /// <summary>Names the generated code itself uses for members, parameters and locals.</summary>
    public static readonly string[] GeneratedNames =
    {
        "toJson", "writeTo", "fromJson", "readFrom", "extensionData", "equals", "getHashCode", "toString", "getType",
        "memberwiseClone", "finalize", "referenceEquals", "isSet", "build", "buildCore", "methodFor", "reader", "writer",
        "context", "result", "list", "text", "memberName", "values", "items", "builder", "builders", "h0", "v0", "t0", "parsed0",
        "i", "item", "itemName", "path", "client", "request", "cancellationToken", "status", "body", "extraRequired",
    };

    public static IEnumerable<SchemaCase> All()
    {
        // ---- C# keywords and awkward names that are valid: they must generate, escaped.
        yield return One("H_KeywordProps", "every C# keyword as a property name",
            Request(StringProps(CSharpKeywords), Quoted(new[] { "class", "event", "namespace" }))) with { MustGenerate = true };
        yield return One("H_ContextualProps", "every contextual keyword as a property name",
            Request(StringProps(ContextualKeywords), Quoted(new[] { "var", "value" }))) with { MustGenerate = true };
        yield return One("H_GeneratedNames", "names the generated code uses for members, parameters and locals",
            Request(StringProps(GeneratedNames), Quoted(GeneratedNames.Take(5)))) with { MustGenerate = true };
        foreach (var (k, i) in new[] { "class", "event", "namespace", "object", "string", "void", "var", "value" }.Select((k, i) => (k, i)))
        {
            yield return One("H_KeywordTitle" + i, $"title \"{k}\"", Request(StringProps(new[] { "a" }), title: k)) with { MustGenerate = true };
        }

        // One $defs entry per file, as it was written while a $ref to a later entry was a bug (fixed; KnownBugTests.Ref_to_the_second_defs_entry_resolves pins it).
        yield return Case("H_KeywordDefs", "$defs keys that are C# keywords, referenced from this file and others",
            ("thing.schema.json", Request(Props(("a", """{ "$ref": "#/$defs/class" }"""), ("b", """{ "$ref": "event.schema.json#/$defs/event" }"""), ("c", """{ "$ref": "namespace.schema.json#/$defs/namespace" }""")),
                extra: """, "$defs": { "class": { "type": "object", "properties": { "x": { "type": "string" } } } }""")),
            ("event.schema.json", Part("\"$defs\": { \"event\": { \"type\": \"string\", \"enum\": [\"a\", \"b\"] } }", "Events", "event.schema.json")),
            ("namespace.schema.json", Part("\"$defs\": { \"namespace\": { \"type\": \"array\", \"items\": { \"$ref\": \"thing.schema.json#/$defs/class\" } } }", "Namespaces", "namespace.schema.json"))) with { MustGenerate = true };
        yield return One("H_KeywordEnumValues", "enum values that are C# keywords",
            Request(Prop("kind", "{ \"type\": \"string\", \"enum\": " + Quoted(new[] { "class", "event", "namespace", "null", "true", "default", "value__", "Value" }) + " }"))) with { MustGenerate = true };
        yield return One("H_KeywordFile", "a file named class.schema.json", Request(StringProps(new[] { "a" }), file: "class.schema.json"), "class.schema.json") with { MustGenerate = true };
        yield return One("H_DigitFile", "a file named 123.schema.json", Request(StringProps(new[] { "a" }), file: "123.schema.json"), "123.schema.json") with { MustGenerate = true };
        yield return One("H_UnicodeFile", "a file named ünïcødé.schema.json", Request(StringProps(new[] { "a" }), file: "ünïcødé.schema.json"), "ünïcødé.schema.json") with { MustGenerate = true };
        yield return One("H_OperationKeyword", "operation \"class\" (not an identifier)", Request(StringProps(new[] { "a" }), operation: "class")) with { ExpectedIds = new[] { "BDSL1009" } };
        yield return One("H_OperationUnicode", "operation \"Ünïcødé\"", Request(StringProps(new[] { "a" }), operation: "Ünïcødé")) with { MustGenerate = true };

        // ---- Unicode.
        yield return One("H_UnicodeProps", "unicode property names",
            Request(StringProps(new[] { "ünïcødé", "日本語", "ελληνικά", "naïve", "İstanbul", "ß", "ǅungla", "Ⅻ", "e\u0301", "٣ds", "ÆØÅ" }))) with { MustGenerate = true };
        yield return One("H_UnicodeTitle", "a unicode title", Request(StringProps(new[] { "a" }), title: "Ünïcødé Bestellung 日本")) with { MustGenerate = true };
        yield return One("H_UnicodeEnum", "unicode enum values", Request(Prop("v", "{ \"type\": \"string\", \"enum\": [\"ünïcødé\", \"日本\", \"über\", \"Ωmega\", \"a😀b\"] }"))) with { MustGenerate = true };
        yield return One("H_EmojiName", "an emoji property name (no identifier can be made)", Request(StringProps(new[] { "😀", "ok" }))) with { ExpectedIds = new[] { "BDSL1010" } };
        yield return One("H_EmojiEnum", "an emoji-only enum value", Request(Prop("v", "{ \"type\": \"string\", \"enum\": [\"😀\", \"ok\"] }"))) with { ExpectedIds = new[] { "BDSL1010" } };
        yield return One("H_EmojiInName", "emoji inside a property name", Request(StringProps(new[] { "a😀b", "c😀" }))) with { MustGenerate = true };
        yield return One("H_ControlCharNames", "control characters in names", Request(StringProps(new[] { "a\u0000b", "tab\tname", "new\nline", "bell\u0007" }))) with { MustGenerate = true };
        yield return One("H_ControlCharEnum", "control characters in enum values", Request(Prop("v", "{ \"type\": \"string\", \"enum\": [\"a\\u0000b\", \"c\\td\", \"e\\\"f\", \"g\\\\h\"] }"))) with { MustGenerate = true };
        yield return One("H_QuotesInNames", "quotes, backslashes and braces in names", Request(StringProps(new[] { "a\"b", "c\\d", "{{ name }}", "e'f", "/*g*/", "#h" }))) with { MustGenerate = true };

        // ---- Names that differ only in case or punctuation: one C# name, reported.
        yield return One("H_CaseOnly", "property names that differ only in case", Request(StringProps(new[] { "name", "Name" }))) with { ExpectedIds = new[] { "BDSL1004" } };
        yield return One("H_PunctuationOnly", "property names that differ only in punctuation",
            Request(StringProps(new[] { "orderId", "order-id", "order_id", "order id", "order.id", "ORDER-ID" }))) with { ExpectedIds = new[] { "BDSL1004" } };
        yield return One("H_EnumCaseOnly", "enum values that differ only in case or punctuation",
            Request(Prop("v", "{ \"type\": \"string\", \"enum\": [\"abc\", \"Abc\", \"a-bc\", \"a bc\"] }"))) with { ExpectedIds = new[] { "BDSL1004" } };
        yield return One("H_PropEqualsType", "a property named like its type, and one named like the renamed one",
            Request(StringProps(new[] { "thing", "thingValue" }))) with { ExpectedIds = new[] { "BDSL1004" } };
        yield return One("H_PropEqualsTypeOk", "a property named like its type", Request(StringProps(new[] { "thing", "toJson", "extensionData" }))) with { MustGenerate = true };
        yield return Case("H_EnumMemberEqualsType", "an enum value equal to the enum's name, and one equal to the renamed member",
            ("thing.schema.json", Request(Prop("c", """{ "$ref": "color.schema.json" }"""))),
            ("color.schema.json", Part("\"type\": \"string\", \"enum\": [\"color\", \"red\"]", "Color", "color.schema.json"))) with { MustGenerate = true };
        yield return Case("H_EnumMemberEqualsTypeClash", "enum values 'color' (renamed ColorValue) and 'colorValue'",
            ("thing.schema.json", Request(Prop("c", """{ "$ref": "color.schema.json" }"""))),
            ("color.schema.json", Part("\"type\": \"string\", \"enum\": [\"color\", \"colorValue\"]", "Color", "color.schema.json"))) with { ExpectedIds = new[] { "BDSL1004" } };
        yield return One("H_EmptyNames", "empty and underscore-only property names",
            Request(StringProps(new[] { "", "_", "__", " ", "-", "ok" }))) with { ExpectedIds = new[] { "BDSL1010" } };
        yield return One("H_DigitNames", "property names that start with digits", Request(StringProps(new[] { "123", "1st", "3ds", "0" }))) with { MustGenerate = true };
        yield return One("H_EnumUnderscore", "enum values that become _ and __", Request(Prop("v", "{ \"type\": \"string\", \"enum\": [\"_\", \"__\", \"___x\"] }"))) with { MustGenerate = true };
        yield return One("H_EnumDigits", "enum values that are numbers as strings", Request(Prop("v", "{ \"type\": \"string\", \"enum\": [\"1\", \"2\", \"10\", \"-1\"] }"))) with { ExpectedIds = new[] { "BDSL1004" } };

        // ---- Titles and file names.
        yield return One("H_TitleSymbols", "a title with no identifier characters (falls back to the file name)", Request(StringProps(new[] { "a" }), title: "!!!")) with { MustGenerate = true };
        yield return One("H_TitleDigits", "a title of digits", Request(StringProps(new[] { "a" }), title: "123")) with { MustGenerate = true };
        yield return One("H_NoTitleNoName", "no title and a file name with no identifier characters",
            Request(StringProps(new[] { "a" }), file: "-.schema.json").Replace("\"title\": \"Thing\",", string.Empty), "-.schema.json") with { ExpectedIds = new[] { "BDSL1010" } };
        yield return Case("H_DuplicateTitles", "two files with the same title",
            ("a.schema.json", Request(StringProps(new[] { "a" }), file: "a.schema.json", operation: "RunA")),
            ("b.schema.json", Request(StringProps(new[] { "b" }), file: "b.schema.json", operation: "RunB"))) with { ExpectedIds = new[] { "BDSL1008" } };
        yield return Case("H_DuplicateIds", "two files with the same $id",
            ("a.schema.json", Request(StringProps(new[] { "a" }), title: "A", file: "same.schema.json", operation: "RunA")),
            ("b.schema.json", Request(StringProps(new[] { "b" }), title: "B", file: "same.schema.json", operation: "RunB"))) with { ExpectedIds = new[] { "BDSL1021" } };
        yield return Case("H_InlineTypeClash", "an inline type name equal to another file's title",
            ("a.schema.json", Request(Prop("b", """{ "type": "object", "properties": { "x": { "type": "string" } } }"""), title: "A", file: "a.schema.json", operation: "RunA")),
            ("ab.schema.json", Request(StringProps(new[] { "y" }), title: "AB", file: "ab.schema.json", operation: "RunAB"))) with { ExpectedIds = new[] { "BDSL1008" } };
        yield return One("H_NestedInlineClash", "two inline paths that make one type name",
            Request(Props(("bC", """{ "type": "object", "properties": { "x": { "type": "string" } } }"""), ("b", """{ "type": "object", "properties": { "c": { "type": "object", "properties": { "y": { "type": "string" } } } } }""")), title: "A")) with { ExpectedIds = new[] { "BDSL1008" } };

        // ---- Descriptions and texts that end up in XML docs and literals.
        yield return One("H_XmlInDocs", "XML, comment and directive text in descriptions",
            Request(Prop("a", """{ "type": "string", "description": "</summary><b>&amp; */ /* <see cref=\"x\"/> #endregion\n#if X\n// {{ name }}" }"""))
                .Replace("\"A test schema.\"", "\"</remarks> & < > \\r\\n #pragma warning disable\"")) with { MustGenerate = true };
        yield return One("H_EndpointTexts", "quotes, braces and unicode in the endpoint path, method and undocumented text",
            Request(StringProps(new[] { "a" }), endpointExtra: ", \"x-undocumented\": \"</remarks>\\n\\\"quoted\\\" & {braces} \\u0000\"")
                .Replace("\"/test/run\"", "\"/a/\\\"b\\\"/{id}/ünï/\\\\c\"").Replace("\"POST\"", "\"get\"")) with { MustGenerate = true };
        yield return One("H_MethodOdd", "an unusual HTTP method", Request(StringProps(new[] { "a" })).Replace("\"POST\"", "\"PURGE\"")) with { MustGenerate = true };
        yield return One("H_ResponseCodes", "odd response codes",
            Request(StringProps(new[] { "a" })).Replace("\"responses\": { \"200\": \"OK\", \"400\": \"Bad\" }",
                "\"responses\": { \"200\": \"OK\", \"0200\": \"Zero\", \"abc\": \"x\", \"99999999999\": \"big\", \"2e2\": \"e\", \" 201\": \"sp\", \"-1\": \"neg\", \"404\": 5 }")) with { MustGenerate = true };
        yield return One("H_LoneSurrogateDescription", "a lone surrogate in a description",
            Request(Prop("a", """{ "type": "string", "description": "x\ud800y" }"""))) with { MustGenerate = true };
        yield return One("H_LoneSurrogatePattern", "a lone surrogate in a pattern",
            Request(Prop("a", """{ "type": "string", "pattern": "^\ud800$" }"""))) with { MustGenerate = true };

        // ---- Wrong types for keywords: each is a BDSL1007 (or 1002/1009) at the value, never a crash.
        foreach (var (keyword, value, id) in new[]
        {
            ("required", "\"x\"", "BDSL1007"), ("required", "[1, null]", "BDSL1007"), ("properties", "[]", "BDSL1007"), ("properties", "{ \"a\": 5 }", "BDSL1007"),
            ("enum", "{}", "BDSL1007"), ("type", "5", "BDSL1007"), ("type", "[5, \"string\"]", "BDSL1007"), ("type", "\"strnig\"", "BDSL1024"), ("type", "null", "BDSL1007"),
            ("minLength", "-1", "BDSL1007"), ("maxLength", "1.5", "BDSL1007"), ("maxLength", "2147483648", "BDSL1007"), ("minItems", "\"2\"", "BDSL1007"),
            ("maximum", "\"10\"", "BDSL1007"), ("minimum", "1e400", "BDSL1007"), ("additionalProperties", "{}", "BDSL1007"), ("items", "[]", "BDSL1007"),
            ("anyOf", "{}", "BDSL1007"), ("anyOf", "[1]", "BDSL1007"), ("allOf", "\"x\"", "BDSL1007"), ("uniqueItems", "\"yes\"", "BDSL1007"),
            ("$ref", "5", "BDSL1007"), ("format", "1", "BDSL1007"), ("pattern", "true", "BDSL1007"), ("title", "5", "BDSL1007"), ("description", "[]", "BDSL1007"),
            ("$defs", "[]", "BDSL1006"), ("$defs", "{ \"a\": 1 }", "BDSL1006"), ("$id", "{}", "BDSL1007"), ("x-ignored-unless-set", "5", "BDSL1007"),
            ("multipleOf", "0", "BDSL1007"), ("multipleOf", "-2", "BDSL1007"), ("exclusiveMinimum", "\"1\"", "BDSL1007"), ("exclusiveMaximum", "true", "BDSL1007"),
            ("examples", "{}", "BDSL1007"), ("deprecated", "\"yes\"", "BDSL1007"), ("readOnly", "1", "BDSL1007"), ("writeOnly", "null", "BDSL1007"), ("contentMediaType", "5", "BDSL1007"),
        }.Select((t, i) => (t.Item1, t.Item2, t.Item3)))
        {
            var safe = new string(keyword.Where(char.IsLetter).ToArray());
            yield return One("H_Wrong_" + safe + "_" + (uint)(value.GetHashCode() & 0xFFFF), $"\"{keyword}\": {value} on a property",
                Request(Prop("a", "{ \"type\": \"string\", \"description\": \"A.\", " + JsonText.Quote(keyword) + ": " + value + " }"))) with { ExpectedIds = new[] { id } };
        }

        yield return One("H_Wrong_RootRequired", "\"required\": \"x\" at the root", Request(StringProps(new[] { "x" }), required: "\"x\"")) with { ExpectedIds = new[] { "BDSL1007" } };
        yield return One("H_Wrong_RootProperties", "\"properties\": [] at the root", Request("[]")) with { ExpectedIds = new[] { "BDSL1007" } };
        foreach (var (endpoint, i) in new[]
        {
            "\"x\"", "[]", "{}", "{ \"operation\": 5, \"role\": \"request\", \"method\": \"POST\", \"path\": \"/x\" }",
            "{ \"operation\": \"Run\", \"role\": \"body\", \"method\": \"POST\", \"path\": \"/x\" }",
            "{ \"operation\": \"Run\", \"role\": \"request\", \"method\": \"\", \"path\": \"/x\" }",
            "{ \"operation\": \"1Run\", \"role\": \"request\", \"method\": \"POST\", \"path\": \"/x\" }",
            "{ \"operation\": \"Run\", \"role\": \"request\", \"method\": \"POST\", \"path\": \"/x\", \"response\": \"missing.schema.json\" }",
        }.Select((e, i) => (e, i)))
        {
            yield return One("H_Endpoint" + i, "x-boarding-endpoint " + endpoint,
                Request(StringProps(new[] { "a" })).Replace(Endpoint(), endpoint)) with { ExpectedIds = new[] { "BDSL1009" } };
        }

        yield return One("H_EndpointLoose", "endpoint with odd but ignorable members",
            Request(StringProps(new[] { "a" })).Replace(Endpoint(), "{ \"operation\": \"Run\", \"role\": \"request\", \"method\": \"POST\", \"path\": \"/x\", \"responses\": [], \"response\": 5, \"parameters\": [], \"x-undocumented\": 7 }")) with { MustGenerate = true };

        // ---- Empty files, BOM, not-an-object roots.
        yield return One("H_EmptyFile", "an empty file", string.Empty) with { ExpectedIds = new[] { "BDSL1001" } };
        yield return One("H_WhitespaceFile", "a whitespace-only file", "  \n\t\r\n ") with { ExpectedIds = new[] { "BDSL1001" } };
        yield return One("H_Bom", "a BOM before a valid schema", "\uFEFF" + Request(StringProps(new[] { "a" }))) with { MustGenerate = true };
        yield return One("H_DoubleBom", "two BOMs before a valid schema", "\uFEFF\uFEFF" + Request(StringProps(new[] { "a" }))) with { ExpectedIds = new[] { "BDSL1001" } };
        yield return One("H_BomInside", "a BOM in the middle of a schema", Request(StringProps(new[] { "a" })).Replace("\"type\": \"object\"", "\uFEFF\"type\": \"object\"")) with { ExpectedIds = new[] { "BDSL1001" } };
        yield return One("H_RootArray", "a root array mentioning the endpoint keyword", "[\"x-boarding-endpoint\"]") with { ExpectedIds = new[] { "BDSL1005" } };
        yield return One("H_RootString", "a root string", "\"x-boarding-endpoint\"") with { ExpectedIds = new[] { "BDSL1005" } };
        yield return One("H_TrailingGarbage", "text after the root object", Request(StringProps(new[] { "a" })) + " }") with { ExpectedIds = new[] { "BDSL1001" } };
        yield return One("H_Comments", "JSON with comments", "// x-boarding-endpoint\n" + Request(StringProps(new[] { "a" }))) with { ExpectedIds = new[] { "BDSL1001" } };
        yield return One("H_TrailingComma", "a trailing comma", Request(StringProps(new[] { "a" })).Replace("\"type\": \"object\",", "\"type\": \"object\",,")) with { ExpectedIds = new[] { "BDSL1001" } };
        yield return One("H_NonBoardingBroken", "a non-Boarding schema file with broken JSON", "{ \"type\": ") with { ExpectSilent = true };
        yield return One("H_NonBoardingValid", "a non-Boarding schema full of unsupported things: only the Info that it generates nothing", "{ \"type\": \"object\", \"oneOf\": [], \"properties\": { \"a\": { \"type\": \"nope\" } } }") with { ExpectOnly = new[] { "BDSL1018" } };
        yield return One("H_BadEscapes", "bad escapes in strings", Request(StringProps(new[] { "a" })).Replace("\"A test schema.\"", "\"\\x41 \\u12G4\"")) with { ExpectedIds = new[] { "BDSL1001" } };
        yield return One("H_RawControlChar", "a raw control character in a string", Request(StringProps(new[] { "a" })).Replace("\"A test schema.\"", "\"a\u0001b\"")) with { ExpectedIds = new[] { "BDSL1001" } };
        yield return One("H_DuplicateKeys", "duplicate keys: type twice, properties twice",
            Request(StringProps(new[] { "a" }), extra: ", \"properties\": { \"a\": { \"type\": \"string\" } }, \"type\": \"object\"")) with { ExpectedIds = new[] { "BDSL1004" } };
        yield return One("H_DuplicateEndpoint", "x-boarding-endpoint twice (last wins)",
            Request(StringProps(new[] { "a" }), extra: ", \"x-boarding-endpoint\": " + Endpoint("Other"))) with { MustGenerate = true };

        // ---- Cycles.
        yield return One("H_SelfRef", "a property referencing the root (a recursive type)", Request(Props(("self", """{ "$ref": "#" }"""), ("selves", """{ "type": "array", "items": { "$ref": "#" } }"""), ("maybe", """{ "anyOf": [{ "$ref": "#" }, { "type": "null" }] }""")))) with { MustGenerate = true };
        yield return One("H_EmptyRef", "\"$ref\": \"\" (the document itself)", Request(Prop("self", """{ "$ref": "" }"""))) with { MustGenerate = true };
        yield return One("H_DefsCycle", "$defs A → B → A", Request(Prop("a", """{ "$ref": "#/$defs/A" }"""), extra: """, "$defs": { "A": { "$ref": "#/$defs/B" }, "B": { "$ref": "#/$defs/A" } }""")) with { ExpectedIds = new[] { "BDSL1011" } };
        yield return One("H_DefsChain", "a chain of 60 $defs, each a $ref to the next",
            Request(Prop("a", """{ "$ref": "#/$defs/D0" }"""), extra: ", \"$defs\": { " +
                string.Join(", ", Enumerable.Range(0, 60).Select(i => $"\"D{i}\": {{ \"$ref\": \"#/$defs/D{i + 1}\" }}")) +
                ", \"D60\": { \"type\": \"object\", \"properties\": { \"x\": { \"type\": \"string\" } } } }")) with { MustGenerate = true };
        yield return Case("H_DefsCycleAcrossFiles", "$defs A (here) → B (other file) → A",
            ("thing.schema.json", Request(Prop("a", """{ "$ref": "#/$defs/A" }"""), extra: """, "$defs": { "A": { "$ref": "b.schema.json#/$defs/B" } }""")),
            ("b.schema.json", Part("\"$defs\": { \"B\": { \"$ref\": \"thing.schema.json#/$defs/A\" } }", "B", "b.schema.json"))) with { ExpectedIds = new[] { "BDSL1011" } };
        yield return One("H_DefsSelf", "$defs A → A", Request(Prop("a", """{ "$ref": "#/$defs/A" }"""), extra: """, "$defs": { "A": { "$ref": "#/$defs/A" } }""")) with { ExpectedIds = new[] { "BDSL1011" } };
        yield return One("H_DefsRecursiveObject", "$defs Node with children of type Node", Request(Prop("tree", """{ "$ref": "#/$defs/Node" }"""), extra: """, "$defs": { "Node": { "type": "object", "properties": { "children": { "type": "array", "items": { "$ref": "#/$defs/Node" } }, "parent": { "$ref": "#/$defs/Node" } } } }""")) with { MustGenerate = true };
        yield return Case("H_RootSelfRefPart", "a referenced file whose root is a $ref to itself",
            ("thing.schema.json", Request(Prop("p", """{ "$ref": "part.schema.json" }"""))),
            ("part.schema.json", Part("\"$ref\": \"#\""))) with { ExpectedIds = new[] { "BDSL1011" } };
        yield return Case("H_FileCycleRefs", "two files whose roots $ref each other",
            ("thing.schema.json", Request(Prop("p", """{ "$ref": "a.schema.json" }"""))),
            ("a.schema.json", Part("\"$ref\": \"b.schema.json\"", "A", "a.schema.json")),
            ("b.schema.json", Part("\"$ref\": \"a.schema.json\"", "B", "b.schema.json"))) with { ExpectedIds = new[] { "BDSL1011" } };
        yield return Case("H_MutualFiles", "a request and a part that reference each other",
            ("thing.schema.json", Request(Prop("p", """{ "$ref": "part.schema.json" }"""))),
            ("part.schema.json", Part("\"type\": \"object\", \"properties\": { \"back\": { \"$ref\": \"thing.schema.json\" }, \"x\": { \"type\": \"string\" } }"))) with { MustGenerate = true };
        yield return Case("H_MutualRequests", "two request schemas that reference each other, and answer with each other",
            ("a.schema.json", Request(Prop("b", """{ "$ref": "b.schema.json" }"""), title: "A", file: "a.schema.json", operation: "RunA", response: "b.schema.json")),
            ("b.schema.json", Request(Prop("a", """{ "$ref": "a.schema.json" }"""), title: "B", file: "b.schema.json", operation: "RunB", response: "a.schema.json"))) with { MustGenerate = true };
        yield return One("H_ResponseSelf", "a request whose response is itself", Request(StringProps(new[] { "a" }), response: "thing.schema.json")) with { MustGenerate = true };
        yield return One("H_PointerChain", "a chain of 60 properties, each a $ref to the next",
            Request("{ " + string.Join(", ", Enumerable.Range(0, 60).Select(i => $"\"p{i}\": {{ \"$ref\": \"#/properties/p{i + 1}\" }}")) +
                ", \"p60\": { \"type\": \"object\", \"properties\": { \"x\": { \"type\": \"string\" } } } }")) with { MustGenerate = true };
        yield return Case("H_FileChain", "a chain of 30 files, each referencing the next",
            new[] { ("thing.schema.json", Request(Prop("p", """{ "$ref": "f0.schema.json" }"""))) }
                .Concat(Enumerable.Range(0, 30).Select(i => ($"f{i}.schema.json", Part(i == 29
                    ? "\"type\": \"object\", \"properties\": { \"end\": { \"type\": \"string\" } }"
                    : $"\"type\": \"object\", \"properties\": {{ \"next\": {{ \"$ref\": \"f{i + 1}.schema.json\" }} }}", "F" + i, $"f{i}.schema.json"))))
                .ToArray()) with { MustGenerate = true };

        // ---- $ref that cannot be resolved, or points somewhere odd.
        foreach (var (reference, i) in new[]
        {
            "#/$defs/Missing", "missing.schema.json", "#/nothing", "#/properties/nope", "http://[bad", "../../../../etc/passwd.schema.json",
            "C:\\\\x.schema.json", "a%00b.schema.json", "#/properties/%ZZ", "\\u0000", "#/$defs", "#/items", "https://t.example/other/x.schema.json", "#/anyOf/99",
        }.Select((r, i) => (r, i)))
        {
            yield return One("H_BadRef" + i, "$ref " + reference, Request(Prop("a", "{ \"$ref\": \"" + reference + "\" }"))) with { ExpectedIds = new[] { "BDSL1003" } };
        }

        yield return One("H_RefIntoItems", "a $ref into another property's items and anyOf",
            Request(Props(("list", """{ "type": "array", "items": { "type": "object", "properties": { "x": { "type": "string" } } } }"""), ("one", """{ "$ref": "#/properties/list/items" }"""),
                ("maybe", """{ "anyOf": [{ "type": "string", "enum": ["a"] }, { "type": "null" }] }"""), ("same", """{ "$ref": "#/properties/maybe/anyOf/0" }""")))) with { MustGenerate = true };
        yield return One("H_RefWithSiblings", "keywords beside $ref (pattern, minimum, nullable) add to the target",
            Request(Props(("s", """{ "type": "string" }"""), ("n", """{ "type": "number" }"""), ("a", """{ "$ref": "#/properties/s", "pattern": "^x", "minLength": 1, "type": ["string", "null"] }"""),
                ("b", """{ "$ref": "#/properties/n", "minimum": 1, "maximum": 5, "description": "Overrides." }""")))) with { MustGenerate = true };

        // ---- anyOf / allOf shapes the generator does not support (and the ones it does).
        foreach (var (schema, i) in new[]
        {
            """{ "anyOf": [{ "type": "string" }, { "type": "number" }] }""", """{ "anyOf": [] }""", """{ "anyOf": [{ "type": "null" }, { "type": "null" }] }""",
            """{ "anyOf": [{ "type": "string" }, { "type": "null" }, { "type": "integer" }] }""", """{ "anyOf": [{ "type": "string" }] }""",
            """{ "allOf": [{ "type": "string" }, { "type": "number" }] }""", """{ "allOf": [{ "required": ["x"] }] }""", """{ "allOf": [] }""",
            """{ "allOf": [{ "type": "string" }, { "required": ["x"] }] }""", """{ "type": ["string", "number"] }""", """{ "type": "array", "items": { "type": "array", "items": { "type": "string" } } }""",
            """{ "type": "array", "items": { "type": ["string", "null"] } }""", """{ "type": "integer", "enum": ["a"] }""", """{ "type": "string", "enum": [] }""",
            """{ "type": "string", "enum": [1, true] }""", """{ "type": ["string", "null"], "enum": [null] }""",
        }.Select((s, i) => (s, i)))
        {
            // anyOf/allOf forms are BDSL1025, several types BDSL1002, array elements BDSL1027, non-string enums BDSL1026.
            var expected = i <= 8 ? "BDSL1025" : i == 9 ? "BDSL1002" : i <= 11 ? "BDSL1027" : "BDSL1026";
            yield return One("H_Unsupported" + i, "unsupported shape " + schema, Request(Prop("a", schema))) with { ExpectedIds = new[] { expected } };
        }

        yield return One("H_AllOfUnknownRequired", "allOf with an extra required member the target lacks",
            Request(Prop("a", """{ "allOf": [{ "$ref": "#/$defs/O" }, { "required": ["nope"] }] }"""), extra: """, "$defs": { "O": { "type": "object", "properties": { "x": { "type": "string" } } } }""")) with { ExpectedIds = new[] { "BDSL1012" } };
        yield return Case("H_Supported", "every supported shape at once",
            ("thing.schema.json", Request(Props(
                ("nullableRef", """{ "anyOf": [{ "$ref": "#/$defs/O" }, { "type": "null" }] }"""),
                ("nullFirst", """{ "anyOf": [{ "type": "null" }, { "$ref": "e.schema.json" }] }"""),
                ("extraRequired", """{ "allOf": [{ "$ref": "#/$defs/O" }, { "required": ["x"] }] }"""),
                ("itemsExtra", """{ "type": "array", "items": { "allOf": [{ "$ref": "#/$defs/O" }, { "required": ["x", "y"] }] }, "minItems": 1, "maxItems": 3, "uniqueItems": true }"""),
                ("opaque", "{}"), ("opaqueObject", """{ "type": ["object", "null"] }"""), ("noItems", """{ "type": "array" }"""),
                ("nullOnly", """{ "type": "null" }"""), ("noType", """{ "description": "anything" }"""), ("emptyTypes", """{ "type": [] }"""),
                ("dup", """{ "type": ["string", "string"] }"""), ("nullableEnum", """{ "type": ["string", "null"], "enum": ["a", "b", null] }"""),
                ("dupEnum", """{ "type": "string", "enum": ["a", "a", "b"] }"""), ("money", """{ "type": "number", "format": "decimal", "minimum": -1.5, "maximum": 79228162514264337593543950335 }"""),
                ("dbl", """{ "type": "number", "format": "double", "minimum": 0.0000000000000000000000000001 }"""), ("int", """{ "type": "integer", "minimum": -9223372036854775808, "maximum": 9223372036854775807 }"""),
                ("when", """{ "type": ["string", "null"], "format": "date-time" }"""), ("whens", """{ "type": "array", "items": { "type": "string", "format": "date-time" } }"""),
                ("url", """{ "type": "string", "format": "uri", "pattern": "^https://" }"""), ("urls", """{ "type": "array", "items": { "type": "string", "format": "uri" }, "x-warn-on-duplicates": true }"""),
                ("mail", """{ "type": "string", "format": "email", "minLength": 0, "maxLength": 2147483647 }"""), ("monies", """{ "type": "array", "items": { "type": "number", "format": "decimal" } }"""),
                ("flag", """{ "type": ["boolean", "null"] }"""), ("enums", """{ "type": ["array", "null"], "items": { "$ref": "e.schema.json" } }"""),
                ("companion", """{ "type": "string", "x-ignored-unless-set": "flag" }"""), ("inline", """{ "type": "object", "additionalProperties": false, "properties": { "deep": { "type": "object", "properties": { "deeper": { "type": "string", "enum": ["x"] } } } } }""")),
                required: Quoted(new[] { "nullableRef", "extraRequired", "opaque", "when", "money", "enums", "flag" }),
                extra: """, "$defs": { "O": { "type": "object", "properties": { "x": { "type": "string" }, "y": { "type": "integer" } } } }""")),
            ("e.schema.json", Part("\"type\": \"string\", \"enum\": [\"p\", \"q\"], \"x-value-descriptions\": { \"p\": \"P.\" }, \"x-final-values\": [\"q\"]", "E", "e.schema.json"))) with { MustGenerate = true };
        yield return One("H_UnknownKeywords", "keywords nobody knows (warned), annotations and a checked const (silent), still generated",
            Request(Prop("a", """{ "type": "string", "const": "x", "default": "y", "examples": ["z"], "deprecated": true, "readOnly": false, "writeOnly": true, "$anchor": "a", "$dynamicRef": "#x", "$defs": {} }"""),
                extra: ", \"definitions\": {}")) with { MustGenerate = true, ExpectOnly = new[] { "BDSL1006" } };
        yield return One("H_UnenforcedAssertions", "assertions BoardingDsl does not check (BDSL1019, an error; still generated)",
            Request(Prop("a", """{ "type": "string", "oneOf": [], "not": {}, "if": {}, "then": {}, "else": {}, "patternProperties": {}, "minProperties": 1, "contains": {}, "prefixItems": [] }"""),
                extra: ", \"dependentRequired\": {}, \"propertyNames\": {}, \"unevaluatedProperties\": false")) with { ExpectOnly = new[] { "BDSL1019" } };
        yield return One("H_SilentDrops", "keywords that need a type, required without properties, a const nobody compares, allOf beside $ref (BDSL1019)",
            Request(Props(("a", """{ "minLength": 2 }"""), ("b", """{ "maximum": 3.0, "multipleOf": 2 }"""), ("c", """{ "type": "object", "required": ["x"] }"""),
                ("d", """{ "type": "object", "properties": { "x": { "type": "string" } }, "const": { "x": "y" } }"""), ("e", """{ "$ref": "#/properties/d", "allOf": [{ "required": ["x"] }] }"""),
                ("f", """{ "type": "null" }"""), ("g", """{ "type": ["object", "null"] }"""), ("h", """{ "type": "array", "uniqueItems": true }""")))) with { ExpectOnly = new[] { "BDSL1019" } };
        yield return One("H_Formats", "formats where they are not supported (warnings)",
            Request(Props(("a", """{ "type": "integer", "format": "date-time" }"""), ("b", """{ "type": "string", "format": "decimal" }"""), ("c", """{ "type": "number", "format": "int32" }"""),
                ("d", """{ "type": "boolean", "format": "uri" }"""), ("e", """{ "$ref": "#/properties/c", "format": "uri" }""")))) with { MustGenerate = true, ExpectedIds = new[] { "BDSL1016" } };
        yield return One("H_IgnoredUnlessMissing", "x-ignored-unless-set naming no sibling", Request(Prop("a", """{ "type": "string", "x-ignored-unless-set": "nope" }"""))) with { ExpectedIds = new[] { "BDSL1007" } };
        yield return One("H_RequiredUnknown", "required names that are no properties, and duplicates", Request(StringProps(new[] { "a" }), required: "[\"a\", \"a\", \"nope\"]")) with { ExpectedIds = new[] { "BDSL1012" } };
        yield return One("H_DefsBelowRoot", "$defs below the root", Request(Prop("a", """{ "type": "object", "properties": { "x": { "type": "string" } }, "$defs": { "Q": {} } }"""))) with { ExpectedIds = new[] { "BDSL1006" } };
        yield return One("H_InvalidPatterns", "invalid regular expressions",
            Request(Props(("a", """{ "type": "string", "pattern": "(" }"""), ("b", """{ "type": "string", "pattern": "[a-" }"""), ("c", """{ "type": "string", "pattern": "*" }"""),
                ("d", """{ "type": "string", "pattern": "\\" }"""), ("e", """{ "type": "string", "pattern": "a{2,1}" }"""), ("f", """{ "type": "array", "items": { "type": "string", "pattern": "(?<" } }""")))) with { ExpectedIds = new[] { "BDSL1013" } };
        yield return One("H_OddPatterns", "valid but odd regular expressions",
            Request(Props(("a", """{ "type": "string", "pattern": "\\p{L}+" }"""), ("b", """{ "type": "string", "pattern": "(?<name>x)\\k<name>" }"""), ("c", """{ "type": "string", "pattern": "\"'\\\\{}\u2028" }"""),
                ("d", """{ "type": "string", "pattern": "^(a+)+$" }"""), ("e", """{ "type": "string", "pattern": "" }""")))) with { MustGenerate = true };
        yield return One("H_Numbers", "small, negative and odd numbers as limits",
            Request(Props(("a", """{ "type": "number", "minimum": -0, "maximum": 1E2 }"""), ("b", """{ "type": "integer", "minimum": 1.5, "maximum": 0.1e-30 }"""), ("c", """{ "type": "string", "minLength": 1e0, "maxLength": 1.0 }"""),
                ("d", """{ "type": "array", "minItems": 0, "maxItems": 2147483647 }"""), ("e", """{ "type": "integer", "minimum": 18446744073709551615 }""".Replace("18446744073709551615", "-9223372036854775807"))))) with { MustGenerate = true };

        // ---- Roots that are not objects, or not what the endpoint suggests.
        // A response must describe an object (2cc66f8): an enum root is reported, not generated.
        yield return One("H_RootEnumResponse", "a response schema that is an enum", Part("\"type\": \"string\", \"enum\": [\"a\", \"b\"]", "Answer", "thing.schema.json").Replace("\"A part.\",", "\"A part.\",\n\"x-boarding-endpoint\": " + Endpoint(role: "response", extra: ", \"parameters\": { \"orderId\": \"x\", \"class\": \"y\" }") + ",")) with { ExpectedIds = new[] { "BDSL1009" } };
        yield return One("H_RootScalarRequest", "a request schema whose root is a string", Request(StringProps(new[] { "a" })).Replace("\"type\": \"object\"", "\"type\": \"string\"")) with { MustGenerate = true };
        yield return One("H_RootArrayRequest", "a request schema whose root is an array", Request("{}", extra: ", \"items\": { \"type\": \"string\" }").Replace("\"type\": \"object\"", "\"type\": \"array\"")) with { MustGenerate = true };
        yield return One("H_NoProperties", "a request with no properties", Request("{}")) with { MustGenerate = true };

        // ---- Size.
        // Generated files over 1 MB (Scriban cut them at 1 MB before 5da506b: KnownBugTests.Thousand_properties_compile).
        const int properties = 1000;
        const int values = 5000;
        yield return One("H_ManyProps", $"{properties} properties of every kind", Request(ManyProperties(properties), required: Quoted(Enumerable.Range(0, properties).Where(i => i % 3 == 0).Select(i => "p" + i)))) with { MustGenerate = true, Isolated = true };
        yield return One("H_BigEnum", $"an enum of {values} values", Request(Prop("v", "{ \"type\": \"string\", \"enum\": " + Quoted(Enumerable.Range(0, values).Select(i => "value-" + i)) + " }"))) with { MustGenerate = true, Isolated = true };
        yield return One("H_Enum5000Collisions", "an enum of 5,000 values, half of them colliding",
            Request(Prop("v", "{ \"type\": \"string\", \"enum\": " + Quoted(Enumerable.Range(0, 5000).Select(i => i % 2 == 0 ? "v" + (i / 2) : "V-" + (i / 2))) + " }"))) with { ExpectedIds = new[] { "BDSL1004" }, Isolated = true };
        yield return One("H_DeepNesting", "objects nested 60 deep (120 JSON levels)", Request(Prop("a", Nested(60, "a")))) with { MustGenerate = true };
        yield return One("H_TooDeep", "JSON nested 200 deep", Request(Prop("a", Nested(100, "a")))) with { ExpectedIds = new[] { "BDSL1001" } };
        yield return One("H_DeepArrays", "JSON arrays nested 500 deep", Request(StringProps(new[] { "a" }), extra: ", \"x-doc-note\": " + new string('[', 500) + new string(']', 500))) with { ExpectedIds = new[] { "BDSL1001" } };
        const int description = 2_000_000;
        yield return One("H_HugeDescription", $"a {description:N0}-character description", Request(Prop("a", "{ \"type\": \"string\", \"description\": \"" + new string('x', description) + "\" }"))) with { MustGenerate = true, Isolated = true };
        yield return One("H_HugePattern", "a 100,000-character pattern", Request(Prop("a", "{ \"type\": \"string\", \"pattern\": \"^" + string.Concat(Enumerable.Repeat("[a-z]", 20_000)) + "$\" }"))) with { MustGenerate = true };
        yield return One("H_LongNames", "a 400-character enum value, property name and title", Request(
            Prop(new string('p', 400), "{ \"type\": \"string\", \"enum\": [\"" + new string('q', 400) + "\", \"b\"] }"), title: new string('T', 400))) with { MustGenerate = true };
        yield return One("H_TooLongNames", "a 100,000-character enum value and property name (over the 1,024-byte metadata limit)", Request(
            Prop(new string('p', 100_000), "{ \"type\": \"string\", \"enum\": [\"" + new string('q', 100_000) + "\", \"b\"] }"))) with { ExpectedIds = new[] { "BDSL1010" } };
        yield return One("H_LongNestedNames", "objects nested 30 deep under 20-character names (a 600-character inline type name)",
            Request(Prop("abcdefghijklmnopqrst", Nested(30, "abcdefghijklmnopqrst"))));
        yield return One("H_HugeString", "a 1 MB x-doc-note and $comment", Request(StringProps(new[] { "a" }), extra: ", \"x-doc-note\": \"" + new string('n', 1_000_000) + "\", \"$comment\": \"" + new string('c', 100_000) + "\"")) with { MustGenerate = true };

        // ---- Options.
        yield return new SchemaCase("H_GlobalNamespace", "a global namespace option", new[] { new SchemaFile("thing.schema.json", Request(StringProps(new[] { "a" }))) }, ns: "") with { GlobalOptions = new Dictionary<string, string> { ["BoardingDslNamespace"] = "Acme.Boarding.Robust" }, MustGenerate = true };
        yield return new SchemaCase("H_BadGlobalNamespace", "an invalid global namespace option (BDSL1017 from the generator)", new[] { new SchemaFile("thing.schema.json", Request(StringProps(new[] { "a" }))) }, ns: "") with { GlobalOptions = new Dictionary<string, string> { ["BoardingDslNamespace"] = "1abc.class" }, MustGenerate = true };
        yield return One("H_Internal", "internal accessibility", Request(Prop("e", """{ "type": "string", "enum": ["a"] }"""), response: "thing.schema.json")) with { GlobalOptions = new Dictionary<string, string> { ["BoardingDslAccessibility"] = "internal" }, MustGenerate = true };
        yield return One("H_BadAccessibility", "an invalid accessibility option", Request(StringProps(new[] { "a" }))) with { GlobalOptions = new Dictionary<string, string> { ["BoardingDslAccessibility"] = "protected" }, MustGenerate = true };
        yield return new SchemaCase("H_BadFileNamespace", "an invalid per-file namespace (ignored: the default is used)", new[] { new SchemaFile("thing.schema.json", Request(StringProps(new[] { "a" })), "1.not valid") }, ns: "Robust.H_BadFileNamespace") with { MustGenerate = true, Isolated = true };
        yield return new SchemaCase("H_KeywordNamespace", "a per-file namespace made of keywords", new[] { new SchemaFile("thing.schema.json", Request(StringProps(new[] { "a" })), "@class.@event") }) with { MustGenerate = true, Isolated = true };
    }

    private static string Nested(int depth, string name)
    {
        var s = "{ \"type\": \"string\" }";
        for (var i = 0; i < depth; i++)
        {
            s = "{ \"type\": \"object\", \"properties\": { \"" + name + "\": " + s + " } }";
        }

        return s;
    }

    private static string ManyProperties(int count)
    {
        var kinds = new[]
        {
            """{ "type": "string", "description": "S.", "minLength": 1, "pattern": "^[a-z]+$" }""", """{ "type": "integer", "minimum": 0 }""", """{ "type": "number", "format": "decimal" }""",
            """{ "type": "boolean" }""", """{ "type": "string", "format": "date-time" }""", """{ "type": "string", "enum": ["a", "b"] }""",
            """{ "type": "array", "items": { "type": "string" } }""", """{ "type": "object", "properties": { "x": { "type": "string" } } }""", """{ "type": ["string", "null"], "format": "uri" }""", "{}",
        };
        return "{ " + string.Join(", ", Enumerable.Range(0, count).Select(i => "\"p" + i.ToString(CultureInfo.InvariantCulture) + "\": " + kinds[i % kinds.Length])) + " }";
    }

    public static IEnumerable<SchemaCase> ManyFileCases()
    {
        var files = new List<(string, string)> { ("thing.schema.json", Request(Props(Enumerable.Range(0, 40).Select(i => ("p" + i, "{ \"$ref\": \"p" + i + ".schema.json\" }")).ToArray()))) };
        files.AddRange(Enumerable.Range(0, 40).Select(i => ("p" + i + ".schema.json", Part("\"type\": \"object\", \"properties\": { \"x\": { \"type\": \"string\" }, \"e\": { \"type\": \"string\", \"enum\": [\"a\"] } }", "P" + i, "p" + i + ".schema.json"))));
        yield return Case("H_FortyParts", "one request using 40 part files", files.ToArray()) with { MustGenerate = true, Isolated = true };
    }
}
