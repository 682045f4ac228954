using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BoardingDsl.Generator.Schema;

namespace BoardingDsl.Generator.Model;

/// <summary>The parsed documents of one compilation, indexed for <c>$ref</c> resolution by <c>$id</c> and by path.</summary>
internal sealed class SchemaSet
{
    private readonly Dictionary<string, SchemaDocument> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaDocument> _byPath = new(StringComparer.Ordinal);

    public SchemaSet(IEnumerable<SchemaDocument> documents)
    {
        foreach (var doc in documents)
        {
            Documents.Add(doc);
            _byPath[NormalizePath(doc.Path)] = doc;
            if (doc.Id is not null && !_byId.ContainsKey(doc.Id))
            {
                _byId[doc.Id] = doc;
            }
        }
    }

    public List<SchemaDocument> Documents { get; } = new();

    /// <summary>Finds the document a reference points to, relative to <paramref name="from"/>: by <c>$id</c> first, then by file path.</summary>
    public SchemaDocument? FindDocument(SchemaDocument from, string fileReference)
    {
        if (fileReference.Length == 0)
        {
            return from;
        }

        if (from.Id is not null && Uri.TryCreate(from.Id, UriKind.Absolute, out var baseUri) &&
            Uri.TryCreate(baseUri, fileReference, out var absolute) &&
            _byId.TryGetValue(absolute.GetLeftPart(UriPartial.Path), out var byId))
        {
            return byId;
        }

        if (Uri.TryCreate(fileReference, UriKind.Absolute, out var abs) && _byId.TryGetValue(abs.GetLeftPart(UriPartial.Path), out var direct))
        {
            return direct;
        }

        try
        {
            var directory = Path.GetDirectoryName(from.Path) ?? string.Empty;
            var path = NormalizePath(Path.Combine(directory, fileReference.Replace('/', Path.DirectorySeparatorChar)));
            return _byPath.TryGetValue(path, out var byPath) ? byPath : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static SchemaNode? FindNode(SchemaDocument doc, string pointer)
    {
        if (pointer.Length == 0 || pointer == "/")
        {
            return doc.Root;
        }

        if (!pointer.StartsWith("/", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = pointer.Substring(1).Split('/').Select(p => Uri.UnescapeDataString(p).Replace("~1", "/").Replace("~0", "~")).ToArray();
        SchemaNode? node = doc.Root;
        for (var i = 0; i < parts.Length && node is not null; i++)
        {
            switch (parts[i])
            {
                case "$defs" when i == 0 && i + 1 < parts.Length:
                    var defName = parts[++i];
                    node = doc.Defs.FirstOrDefault(d => d.Name == defName)?.Schema;
                    break;
                case "properties" when i + 1 < parts.Length:
                    var name = parts[++i];
                    node = node.Properties.FirstOrDefault(p => p.Name == name)?.Schema;
                    break;
                case "items":
                    node = node.Items;
                    break;
                case "anyOf" or "allOf" when i + 1 < parts.Length && int.TryParse(parts[i + 1], out var index):
                    var list = parts[i] == "anyOf" ? node.AnyOf : node.AllOf;
                    node = index >= 0 && index < list.Count ? list[index] : null;
                    i++;
                    break;
                default:
                    return null;
            }
        }

        return node;
    }

    private static string NormalizePath(string path)
    {
        try
        {
            return Path.GetFullPath(path).Replace('\\', '/');
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path.Replace('\\', '/');
        }
    }
}
