using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace BoardingDsl.Schemas.Tests;

/// <summary>The schema files follow docs/schema-conventions.md (the contract with the generator).</summary>
public class SchemaStructureTests
{
    public static TheoryData<string> Files() => new(SchemaDocs.AllFiles);

    private static readonly HashSet<string> Extensions =
    [
        "x-boarding-endpoint", "x-doc-note", "x-unverified", "x-unverified-reason", "x-value-descriptions",
        "x-final-values", "x-ignored-unless-set", "x-warn-on-duplicates",
    ];

    private static readonly HashSet<string> RootOnly = ["$schema", "$id", "$defs", "x-boarding-endpoint", "x-unverified", "x-unverified-reason"];

    /// <summary>The keywords the table in docs/schema-conventions.md marks as understood (every status but "reported").</summary>
    private static HashSet<string> AllowList()
    {
        var text = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "schema-conventions.md"));
        var start = text.IndexOf("## Keywords: what each one does", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/schema-conventions.md has no keyword table");
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var keywords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text[start..end].Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal) && l.Split('|')[2].Trim() != "reported"))
        {
            foreach (Match m in Regex.Matches(line.Split('|')[1], "`([^`]+)`"))
            {
                keywords.Add(Regex.Match(m.Groups[1].Value, @"^[$\w-]+").Value);
            }
        }

        return keywords;
    }

    [Fact]
    public void Allow_list_is_read_from_the_conventions()
    {
        var allow = AllowList();

        Assert.Superset(new HashSet<string> { "$schema", "$id", "title", "description", "type", "properties", "required", "additionalProperties", "items", "enum", "format", "pattern", "$ref", "$defs", "anyOf", "allOf" }, allow);
        Assert.Superset(Extensions, allow);
        Assert.DoesNotContain("oneOf", allow);
    }

    [Fact]
    public void The_schemas_folder_holds_exactly_the_expected_files()
    {
        Assert.Equal(SchemaDocs.AllFiles.OrderBy(f => f, StringComparer.Ordinal), SchemaDocs.FilesOnDisk());
    }

    [Fact]
    public void The_eight_endpoint_documents_are_exactly_those_with_an_endpoint()
    {
        var withEndpoint = SchemaDocs.FilesOnDisk().Where(f => SchemaDocs.Load(f).ContainsKey("x-boarding-endpoint"));

        Assert.Equal(8, SchemaDocs.EndpointFiles.Length);
        Assert.Equal(SchemaDocs.EndpointFiles.Order(), withEndpoint.Order());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_is_one_strict_JSON_document(string file)
    {
        var text = File.ReadAllText(Paths.Schema(file));
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });

        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Root_has_the_header(string file)
    {
        var root = SchemaDocs.Load(file);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root["$schema"]?.GetValue<string>());
        Assert.Equal(SchemaDocs.IdPrefix + file, root["$id"]?.GetValue<string>());
        Assert.Matches("^[A-Z][A-Za-z0-9]*$", root["title"]?.GetValue<string>() ?? "");
        Assert.False(string.IsNullOrWhiteSpace(root["description"]?.GetValue<string>()));
    }

    [Fact]
    public void Ids_and_type_names_are_unique()
    {
        var roots = SchemaDocs.FilesOnDisk().Select(SchemaDocs.Load).ToList();
        var ids = roots.Select(r => r["$id"]!.GetValue<string>()).ToList();
        var titles = roots.Select(r => r["title"]!.GetValue<string>())
            .Concat(roots.SelectMany(r => (r["$defs"] as JsonObject)?.Select(d => d.Key) ?? []))
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_keyword_is_on_the_allow_list_and_used_where_the_conventions_allow(string file)
    {
        var allow = AllowList();
        var problems = new List<string>();
        foreach (var node in SchemaDocs.SchemaNodes(file))
        {
            var at = file + "#" + node.Pointer;
            foreach (var (key, value) in node.Node)
            {
                if (!allow.Contains(key))
                {
                    problems.Add($"{at}: '{key}' is not on the allow-list");
                }

                if (key.StartsWith("x-", StringComparison.Ordinal) && !Extensions.Contains(key))
                {
                    problems.Add($"{at}: unknown extension '{key}'");
                }

                if (RootOnly.Contains(key) && node.Pointer.Length != 0)
                {
                    problems.Add($"{at}: '{key}' belongs on the root only");
                }
            }

            problems.AddRange(ShapeProblems(at, node.Node));
        }

        Assert.Empty(problems);
    }

    private static IEnumerable<string> ShapeProblems(string at, JsonObject node)
    {
        string[] types = node["type"] switch
        {
            JsonValue v => [v.GetValue<string>()],
            JsonArray a => a.Select(t => t!.GetValue<string>()).ToArray(),
            _ => [],
        };
        var single = new[] { "string", "number", "integer", "boolean", "object", "array" };
        if (node.ContainsKey("type") && !(types.Length == 1 && (single.Contains(types[0]) || types[0] == "null") || types.Length == 2 && types.Contains("null") && types.Any(single.Contains)))
        {
            yield return $"{at}: type must be one name or [name, \"null\"]";
        }

        if (node.TryGetPropertyValue("additionalProperties", out var additional) && additional?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            yield return $"{at}: additionalProperties must be a boolean";
        }

        if (node["format"] is JsonValue format)
        {
            var ok = format.GetValue<string>() switch
            {
                "date-time" or "uri" or "email" => types.Contains("string"),
                "decimal" => types.Contains("number"),
                _ => false,
            };
            if (!ok)
            {
                yield return $"{at}: format '{format}' does not fit type [{string.Join(",", types)}]";
            }
        }

        if (node.ContainsKey("enum") && !types.Contains("string"))
        {
            yield return $"{at}: enum only on strings";
        }

        if ((node.ContainsKey("x-value-descriptions") || node.ContainsKey("x-final-values")) && !node.ContainsKey("enum"))
        {
            yield return $"{at}: enum annotations without enum";
        }

        if (node.ContainsKey("x-warn-on-duplicates") && !types.Contains("array"))
        {
            yield return $"{at}: x-warn-on-duplicates only on arrays";
        }

        if (node["anyOf"] is JsonArray anyOf && !(anyOf.Count == 2
            && anyOf[0] is JsonObject r && r.Count == 1 && r.ContainsKey("$ref")
            && anyOf[1] is JsonObject n && n.Count == 1 && n["type"]?.GetValue<string>() == "null"))
        {
            yield return $"{at}: anyOf must be [{{\"$ref\": …}}, {{\"type\": \"null\"}}]";
        }

        if (node["allOf"] is JsonArray allOf && !(allOf.Count == 2
            && allOf[0] is JsonObject r2 && r2.Count == 1 && r2.ContainsKey("$ref")
            && allOf[1] is JsonObject q && q.Count == 1 && q["required"] is JsonArray))
        {
            yield return $"{at}: allOf must be [{{\"$ref\": …}}, {{\"required\": […]}}]";
        }

        if (node["required"] is JsonArray required && node["properties"] is JsonObject properties)
        {
            foreach (var name in required.Select(x => x!.GetValue<string>()).Where(name => !properties.ContainsKey(name)))
            {
                yield return $"{at}: required '{name}' is not a property";
            }
        }

        if (node["$ref"] is JsonValue reference && !Regex.IsMatch(reference.GetValue<string>(), @"^([a-z0-9-]+\.schema\.json)?(#/(properties|\$defs)/[A-Za-z]+)?$"))
        {
            yield return $"{at}: $ref '{reference}' is neither a sibling file nor a pointer into properties/$defs";
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_ref_resolves_to_a_schema_by_file_and_pointer(string file)
    {
        var refs = SchemaDocs.SchemaNodes(file).Where(n => n.Node.ContainsKey("$ref")).ToList();
        foreach (var node in refs)
        {
            var reference = node.Node["$ref"]!.GetValue<string>();
            var target = SchemaDocs.Resolve(file, reference);

            Assert.True(target is not null, $"{file}#{node.Pointer}: '{reference}' does not resolve");
            Assert.True(target!.Value.Node.ContainsKey("type") || target.Value.Node.ContainsKey("$ref") || target.Value.Node.ContainsKey("anyOf"),
                $"{file}#{node.Pointer}: '{reference}' leads to something that is not a schema");
        }

        // Inside an allOf, the extra required names exist on the referenced shape.
        foreach (var node in SchemaDocs.SchemaNodes(file).Where(n => n.Node["allOf"] is JsonArray))
        {
            var allOf = node.Node["allOf"]!.AsArray();
            var target = SchemaDocs.Resolve(file, allOf[0]!["$ref"]!.GetValue<string>())!.Value.Node;
            Assert.All(allOf[1]!["required"]!.AsArray(), name => Assert.True(target["properties"]!.AsObject().ContainsKey(name!.GetValue<string>())));
        }
    }

    [Fact]
    public void No_defs_entry_refers_to_another_defs_entry()
    {
        foreach (var file in SchemaDocs.FilesOnDisk())
        {
            var local = SchemaDocs.SchemaNodes(file)
                .Where(n => n.Pointer.StartsWith("/$defs/", StringComparison.Ordinal) && n.Node["$ref"] is JsonValue r && r.GetValue<string>().StartsWith("#/$defs/", StringComparison.Ordinal));
            Assert.Empty(local.Select(n => file + "#" + n.Pointer));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Loads_in_NJsonSchema_with_every_reference_resolved(string file)
    {
        var schema = await SchemaLoader.LoadFreshAsync(Paths.Schema(file));

        // NJsonSchema leaves a reference it could not follow in place and throws only when validation reaches it,
        // so every schema of the loaded graph is visited and its target asked for.
        var visited = new HashSet<NJsonSchema.JsonSchema>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<NJsonSchema.JsonSchema>([schema]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!visited.Add(current))
            {
                continue;
            }

            var actual = current.ActualSchema; // throws "The schema reference path '…' has not been resolved."
            IEnumerable<NJsonSchema.JsonSchema?> next =
            [
                current.Reference, actual, current.Item, .. current.Items, .. current.AnyOf, .. current.AllOf,
                .. current.Properties.Values, .. current.Definitions.Values,
            ];
            foreach (var n in next.OfType<NJsonSchema.JsonSchema>())
            {
                pending.Push(n);
            }
        }

        Assert.True(visited.Count > 1 || SchemaDocs.Load(file).ContainsKey("enum"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_property_and_definition_has_a_description(string file)
    {
        var missing = SchemaDocs.SchemaNodes(file)
            .Where(n => n.IsProperty || n.Pointer.StartsWith("/$defs/", StringComparison.Ordinal) && n.Pointer.Count(c => c == '/') == 2)
            .Where(n => SchemaDocs.DescriptionOf(file, n.Node) is null)
            .Select(n => n.Pointer);

        Assert.Empty(missing);
    }

    [Fact]
    public void Properties_without_their_own_description_are_only_the_bare_refs_to_a_single_definition()
    {
        // start-order and the submerchant body reuse members defined once elsewhere; everything else describes itself.
        var borrowed = SchemaDocs.FilesOnDisk()
            .SelectMany(f => SchemaDocs.SchemaNodes(f).Where(n => n.IsProperty && !n.Node.ContainsKey("description")).Select(n => (f, n)))
            .ToList();

        Assert.All(borrowed, x => Assert.Equal(["$ref"], x.n.Node.Select(p => p.Key)));
        Assert.Equal(["add-product-psp-submerchant.schema.json", "start-order.schema.json"], borrowed.Select(x => x.f).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Enum_annotations_match_the_enum(string file)
    {
        foreach (var node in SchemaDocs.SchemaNodes(file).Where(n => n.Node.ContainsKey("enum")).Select(n => n.Node))
        {
            var values = node["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
            Assert.Equal(values.Count, values.Distinct().Count());
            Assert.All(values, v => Assert.Matches("^[A-Za-z]+$", v));
            Assert.Equal(values.Order(), node["x-value-descriptions"]!.AsObject().Select(d => d.Key).Order());
            Assert.All(node["x-value-descriptions"]!.AsObject(), d => Assert.False(string.IsNullOrWhiteSpace(d.Value!.GetValue<string>())));
            if (node["x-final-values"] is JsonArray finals)
            {
                Assert.Subset(values.ToHashSet(), finals.Select(v => v!.GetValue<string>()).ToHashSet());
            }
        }
    }

    [Fact]
    public void Ignored_unless_set_names_a_sibling()
    {
        var uses = SchemaDocs.FilesOnDisk().SelectMany(f => SchemaDocs.SchemaNodes(f))
            .Where(n => n.Node["properties"] is JsonObject)
            .SelectMany(n => n.Node["properties"]!.AsObject()
                .Where(p => p.Value!["x-ignored-unless-set"] is not null)
                .Select(p => (Sibling: p.Value!["x-ignored-unless-set"]!.GetValue<string>(), Siblings: n.Node["properties"]!.AsObject())))
            .ToList();

        Assert.Single(uses);
        Assert.All(uses, u => Assert.True(u.Siblings.ContainsKey(u.Sibling)));
    }

    public static TheoryData<string, string, string, string, string, string> Endpoints() => new()
    {
        { "start-order.schema.json", "StartOrder", "request", "PATCH", "/api/ordercompletion/reseller/orderconfigurator/startorder", "" },
        { "add-sales-package.schema.json", "AddSalesPackage", "request", "PATCH", "/api/ordercompletion/reseller/orderconfigurator/addSalesPackage", "200,400,401,403,500" },
        { "add-product-psp-standalone.schema.json", "AddProductPspStandalone", "request", "PATCH", "/api/ordercompletion/reseller/orderconfigurator/addProductPSPStandalone", "200,400,401,403,500" },
        { "add-product-psp-submerchant.schema.json", "AddProductPspSubmerchant", "request", "PATCH", "/api/ordercompletion/reseller/orderconfigurator/addProductPSPSubmerchant", "" },
        { "add-terminal-package.schema.json", "AddTerminalPackage", "request", "PATCH", "/api/ordercompletion/reseller/orderconfigurator/addTerminalPackage", "200,400,401,403,500" },
        { "set-shopping-cart-pricing-details.schema.json", "SetShoppingCartPricingDetails", "request", "PATCH", "/api/ordercompletion/reseller/orderconfigurator/SetShoppingCardPricingDetails", "200,400,401,403,500" },
        { "submit-order.schema.json", "SubmitOrder", "request", "POST", "/api/ordercompletion/reseller/order", "200,201,400,401,403,500" },
        { "order-status-response.schema.json", "GetOrderStatus", "response", "GET", "/api/ordercompletion/reseller/order/{orderId}/status", "200,401,403,404,500" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void Endpoint_is_described_as_documented(string file, string operation, string role, string method, string path, string codes)
    {
        var endpoint = SchemaDocs.Load(file)["x-boarding-endpoint"]!.AsObject();

        Assert.Equal(operation, endpoint["operation"]!.GetValue<string>());
        Assert.Equal(role, endpoint["role"]!.GetValue<string>());
        Assert.Equal(method, endpoint["method"]!.GetValue<string>());
        Assert.Equal(path, endpoint["path"]!.GetValue<string>());
        var responses = endpoint["responses"]!.AsObject();
        Assert.Equal(codes, string.Join(",", responses.Select(r => r.Key)));
        Assert.All(responses, r => Assert.False(string.IsNullOrWhiteSpace(r.Value!.GetValue<string>())));
        Assert.Empty(endpoint.Select(p => p.Key).Except(["operation", "role", "method", "path", "responses", "response", "parameters", "x-undocumented"]));

        if (role == "request")
        {
            Assert.True(endpoint.ContainsKey("response"), "a request endpoint says what its 200 body is (or null)");
            var response = endpoint["response"];
            Assert.True(response is null || File.Exists(Paths.Schema(response.GetValue<string>())));
            // What the docs leave out is said, not silently assumed.
            Assert.False(string.IsNullOrWhiteSpace(endpoint["x-undocumented"]?.GetValue<string>()));
        }
        else
        {
            Assert.Contains("{orderId}", path, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(endpoint["parameters"]!["orderId"]!.GetValue<string>()));
        }
    }

    [Fact]
    public void Verbatim_response_descriptions_are_kept()
    {
        var submit = SchemaDocs.Load("submit-order.schema.json")["x-boarding-endpoint"]!["responses"]!;
        var status = SchemaDocs.Load("order-status-response.schema.json")["x-boarding-endpoint"]!["responses"]!;
        var cart = SchemaDocs.Load("set-shopping-cart-pricing-details.schema.json")["x-boarding-endpoint"]!["responses"]!;

        Assert.Equal("Order created", submit["200"]!.GetValue<string>());
        Assert.Equal("Success", submit["201"]!.GetValue<string>());
        Assert.Equal("Order data has missing/invalid values", submit["400"]!.GetValue<string>());
        Assert.Equal("Status of the current order, see example value", status["200"]!.GetValue<string>());
        Assert.Equal("Not found", status["404"]!.GetValue<string>());
        Assert.Equal("Shopping cart data has missing/invalid values", cart["400"]!.GetValue<string>());
    }

    [Fact]
    public void Only_the_submerchant_body_is_unverified()
    {
        var unverified = SchemaDocs.FilesOnDisk().Where(f => SchemaDocs.Load(f)["x-unverified"]?.GetValue<bool>() == true).ToList();

        Assert.Equal(["add-product-psp-submerchant.schema.json"], unverified);
        Assert.False(string.IsNullOrWhiteSpace(SchemaDocs.Load(unverified[0])["x-unverified-reason"]?.GetValue<string>()));
    }

    [Theory]
    [InlineData("add-sales-package.schema.json", false)]
    [InlineData("add-product-psp-standalone.schema.json", false)]
    [InlineData("add-terminal-package.schema.json", false)]
    [InlineData("set-shopping-cart-pricing-details.schema.json", false)]
    [InlineData("submit-order.schema.json", false)]
    [InlineData("start-order.schema.json", true)]
    [InlineData("add-product-psp-submerchant.schema.json", true)]
    [InlineData("order-status-response.schema.json", true)]
    [InlineData("order.schema.json", true)]
    [InlineData("store-information.schema.json", true)]
    [InlineData("shopping-cart.schema.json", true)]
    [InlineData("period-pricing-detail.schema.json", true)]
    public void Body_is_open_or_closed_as_decided(string file, bool open)
    {
        Assert.Equal(open, SchemaDocs.Load(file)["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void Every_doc_note_names_its_decision_or_a_gap()
    {
        Assert.All(SchemaDocs.DocNotes(), n => Assert.Matches(@"^(D([1-9]|1\d|2[0-7]): |Gap: )\S", n.Note));
    }

    [Fact]
    public void Every_schema_relevant_decision_is_recorded_in_the_schemas()
    {
        var recorded = SchemaDocs.DocNotes()
            .Select(n => Regex.Match(n.Note, @"^D(\d+): "))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();

        // D25 (typos in the docs' prose) has no schema impact; it is recorded in docs/doc-decisions.md only.
        Assert.Equal(Enumerable.Range(1, 27).Where(d => d != 25), recorded.Order());
    }

    [Fact]
    public void The_decision_table_has_one_row_per_decision_naming_the_files_that_record_it()
    {
        var text = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "doc-decisions.md"));
        var rows = text.Split('\n')
            .Select(l => Regex.Match(l, @"^\| D(\d+) \|"))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(Enumerable.Range(1, 27), rows);

        var lines = text.Split('\n');
        foreach (var group in SchemaDocs.DocNotes().Where(n => Regex.IsMatch(n.Note, @"^D\d+: ")).GroupBy(n => n.Note[..n.Note.IndexOf(':')]))
        {
            var row = lines.Single(l => l.StartsWith("| " + group.Key + " |", StringComparison.Ordinal));
            var where = row.Split('|')[^2];
            Assert.All(group.Select(n => n.File).Distinct(), f => Assert.Contains(f, where, StringComparison.Ordinal));
        }
    }
}
