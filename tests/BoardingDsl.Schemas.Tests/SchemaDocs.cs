using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace BoardingDsl.Schemas.Tests;

/// <summary>The schema files as plain JSON, and walks over them that do not depend on NJsonSchema.</summary>
internal static class SchemaDocs
{
    public const string IdPrefix = "https://schemas.boardingdsl.example/v1/";

    public static readonly string[] EndpointFiles =
    [
        "start-order.schema.json",
        "add-sales-package.schema.json",
        "add-product-psp-standalone.schema.json",
        "add-product-psp-submerchant.schema.json",
        "add-terminal-package.schema.json",
        "set-shopping-cart-pricing-details.schema.json",
        "submit-order.schema.json",
        "order-status-response.schema.json",
    ];

    public static readonly string[] SharedFiles =
    [
        "order.schema.json",
        "store-information.schema.json",
        "address.schema.json",
        "contact-person.schema.json",
        "shopping-cart.schema.json",
        "status-notification-information.schema.json",
        "period-pricing-detail.schema.json",
        "tax-amount-per-tax-rate.schema.json",
        "terms-and-conditions.schema.json",
        "period.schema.json",
        "order-status.schema.json",
        "payment-method.schema.json",
        "terminal-package-type.schema.json",
        "coc-registry.schema.json",
        "terms-and-conditions-type.schema.json",
        "currency.schema.json",
    ];

    public static IEnumerable<string> AllFiles => EndpointFiles.Concat(SharedFiles);

    public static string[] FilesOnDisk() =>
        Directory.GetFiles(Paths.SchemasDir, "*.json").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray()!;

    public static JsonObject Load(string file) => (JsonObject)JsonNode.Parse(File.ReadAllText(Paths.Schema(file)))!;

    /// <summary>A schema object inside a file, with its JSON pointer.</summary>
    internal sealed record SchemaNode(string File, string Pointer, JsonObject Node, bool IsProperty);

    /// <summary>Every schema object of a file: the root, and what sits under properties, $defs, items, anyOf, allOf.</summary>
    public static IEnumerable<SchemaNode> SchemaNodes(string file)
    {
        var stack = new Stack<SchemaNode>();
        stack.Push(new SchemaNode(file, "", Load(file), false));
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var (key, value) in current.Node)
            {
                switch (key)
                {
                    case "properties" or "$defs" when value is JsonObject map:
                        foreach (var (name, child) in map)
                        {
                            if (child is JsonObject o)
                            {
                                stack.Push(new SchemaNode(file, $"{current.Pointer}/{key}/{Escape(name)}", o, key == "properties"));
                            }
                        }

                        break;
                    case "items" when value is JsonObject items:
                        stack.Push(new SchemaNode(file, current.Pointer + "/items", items, false));
                        break;
                    case "anyOf" or "allOf" when value is JsonArray list:
                        for (var i = 0; i < list.Count; i++)
                        {
                            if (list[i] is JsonObject o)
                            {
                                stack.Push(new SchemaNode(file, $"{current.Pointer}/{key}/{i}", o, false));
                            }
                        }

                        break;
                }
            }
        }
    }

    /// <summary>Resolves a <c>$ref</c> written in <paramref name="fromFile"/> by path and JSON pointer; null when nothing is there.</summary>
    public static (string File, JsonObject Node)? Resolve(string fromFile, string reference)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference[..hash];
        var pointer = hash < 0 ? "" : reference[(hash + 1)..];
        var targetFile = filePart.Length == 0 ? fromFile : filePart;
        if (targetFile.Contains('/') || targetFile.Contains('\\') || !File.Exists(Paths.Schema(targetFile)))
        {
            return null;
        }

        JsonNode? node = Load(targetFile);
        foreach (var segment in pointer.Split('/', StringSplitOptions.None).Skip(1))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o.TryGetPropertyValue(name, out var next) ? next : null,
                JsonArray a when int.TryParse(name, out var index) && index >= 0 && index < a.Count => a[index],
                _ => null,
            };
        }

        return node is JsonObject target ? (targetFile, target) : null;
    }

    /// <summary>The description of a schema node, following a bare <c>$ref</c> if the node has none of its own.</summary>
    public static string? DescriptionOf(string file, JsonObject node)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            if (node["description"] is JsonValue d && d.GetValue<string>().Trim().Length > 0)
            {
                return d.GetValue<string>();
            }

            if (node["$ref"] is not JsonValue r || Resolve(file, r.GetValue<string>()) is not { } target)
            {
                return null;
            }

            (file, node) = target;
        }

        return null;
    }

    /// <summary>Every string value of every <c>x-doc-note</c> in every schema file.</summary>
    public static IEnumerable<(string File, string Note)> DocNotes() =>
        from file in FilesOnDisk()
        from note in Notes(JsonNode.Parse(File.ReadAllText(Paths.Schema(file))))
        select (file, note);

    private static IEnumerable<string> Notes(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "x-doc-note")
                    {
                        if (value is JsonValue single)
                        {
                            yield return single.GetValue<string>();
                        }
                        else if (value is JsonArray many)
                        {
                            foreach (var item in many)
                            {
                                yield return item!.GetValue<string>();
                            }
                        }
                    }
                    else
                    {
                        foreach (var n in Notes(value))
                        {
                            yield return n;
                        }
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    foreach (var n in Notes(item))
                    {
                        yield return n;
                    }
                }

                break;
        }
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
