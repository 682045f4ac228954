using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace BoardingDsl.Usage.Tests.Differential;

/// <summary>
/// The shipped schema files as JSON trees, with <c>$ref</c>, <c>anyOf</c> and <c>allOf</c> read the way the bodies
/// are generated from them. This is the test's reading of the schemas, used only to <em>produce</em> bodies; whether
/// a body is valid is decided by BoardingDsl and by NJsonSchema, never here.
/// </summary>
internal sealed class SchemaDocuments
{
    private readonly Dictionary<string, JsonObject> _files = new(StringComparer.Ordinal);

    private SchemaDocuments()
    {
        foreach (var path in Directory.GetFiles(BoardingDsl.Testing.RepoRoot.Schemas, "*.schema.json"))
        {
            _files[Path.GetFileName(path)] = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
        }
    }

    public static SchemaDocuments Shipped { get; } = new();

    /// <summary>The request schemas: every file whose endpoint role is <c>request</c>.</summary>
    public IEnumerable<string> RequestFiles => _files
        .Where(f => f.Value["x-boarding-endpoint"]?["role"]?.GetValue<string>() == "request")
        .Select(f => f.Key)
        .OrderBy(f => f, StringComparer.Ordinal);

    public JsonObject Root(string file) => _files[file];

    /// <summary>A schema with its <c>$ref</c> followed (siblings of a <c>$ref</c> are annotations in these files).</summary>
    public (JsonObject Schema, string File) Resolve(JsonObject schema, string file)
    {
        while (schema["$ref"] is JsonValue reference)
        {
            var target = reference.GetValue<string>();
            var hash = target.IndexOf('#');
            var targetFile = hash < 0 ? target : target[..hash];
            if (targetFile.Length > 0)
            {
                file = targetFile;
            }

            schema = _files[file];
            if (hash >= 0)
            {
                foreach (var segment in target[(hash + 2)..].Split('/', StringSplitOptions.RemoveEmptyEntries))
                {
                    schema = (JsonObject)schema[segment]!;
                }
            }
        }

        return (schema, file);
    }

    /// <summary>
    /// An <c>allOf</c> merged into one object schema: the union of the parts' properties and required members,
    /// closed when any part is closed. The shipped schemas use it for one thing, a use-site <c>required</c>.
    /// </summary>
    public (JsonObject Schema, string File) Merge(JsonObject schema, string file)
    {
        if (schema["allOf"] is not JsonArray parts)
        {
            return (schema, file);
        }

        var merged = new JsonObject();
        var properties = new JsonObject();
        var required = new SortedSet<string>(StringComparer.Ordinal);
        var ownerFile = file;
        foreach (var part in parts)
        {
            var (resolved, partFile) = Resolve((JsonObject)part!, file);
            (resolved, partFile) = Merge(resolved, partFile);
            if (resolved["properties"] is JsonObject partProperties)
            {
                ownerFile = partFile;
                foreach (var property in partProperties)
                {
                    properties[property.Key] = property.Value!.DeepClone();
                }
            }

            foreach (var name in resolved["required"]?.AsArray() ?? new JsonArray())
            {
                required.Add(name!.GetValue<string>());
            }

            foreach (var key in new[] { "type", "additionalProperties" })
            {
                if (resolved[key] is { } value && (key != "additionalProperties" || merged[key] is null || !value.GetValue<bool>()))
                {
                    merged[key] = value.DeepClone();
                }
            }
        }

        merged["properties"] = properties;
        merged["required"] = new JsonArray(required.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray());
        return (merged, ownerFile);
    }

    /// <summary>The JSON types a schema admits (after <c>$ref</c>/<c>anyOf</c>/<c>allOf</c>); empty when it admits any.</summary>
    public ISet<string> AllowedTypes(JsonObject schema, string file)
    {
        (schema, file) = Resolve(schema, file);
        (schema, file) = Merge(schema, file);
        var types = new HashSet<string>(StringComparer.Ordinal);
        if (schema["anyOf"] is JsonArray branches)
        {
            foreach (var branch in branches)
            {
                var admitted = AllowedTypes((JsonObject)branch!, file);
                if (admitted.Count == 0)
                {
                    return admitted;
                }

                types.UnionWith(admitted);
            }

            return types;
        }

        switch (schema["type"])
        {
            case JsonValue single:
                types.Add(single.GetValue<string>());
                break;
            case JsonArray several:
                types.UnionWith(several.Select(t => t!.GetValue<string>()));
                break;
        }

        if (types.Contains("number"))
        {
            types.Add("integer");
        }

        return types;
    }
}
