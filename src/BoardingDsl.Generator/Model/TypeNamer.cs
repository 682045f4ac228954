using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Schema;
using D = BoardingDsl.Generator.Diagnostics.DiagnosticCatalogue;

namespace BoardingDsl.Generator.Model;

/// <summary>
/// Names every generated type, and refuses a name that would break the generated code. Names come from where a shape is
/// defined (root title or file name, <c>$defs</c> key, parent + property), so every use of a shape agrees on it. A name that
/// would shadow what the generated code names with <c>global::BoardingDsl…</c> (<see cref="ReferencedNames"/>) gets
/// <c>Value</c> appended; one that is too long is BDSL1010; one that another type, a type's companions (<c>XBuilder</c>,
/// <c>XJson</c>, <c>XValue</c>), a generated member or a class an endpoint adds already takes is BDSL1008, as is a namespace
/// that is also a type's full name (<see cref="NamespaceClashes"/>). One owner, so every clash rule sees every name.
/// </summary>
internal sealed class TypeNamer
{
    /// <summary>Members every generated type has (its own, or <see cref="object"/>'s): not a type's name, and not a property's as is.</summary>
    internal static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "ToJson", "WriteTo", "FromJson", "ReadFrom", "Equals", "GetHashCode", "ToString", "GetType",
        "MemberwiseClone", "ReferenceEquals", "Finalize", "ExtensionData", "IsPresent",
    };

    private readonly ModelContext _context;

    public TypeNamer(ModelContext context) => _context = context;

    /// <summary>A member name a generated type has already (or its base class): a property so named gets <c>Value</c> appended.</summary>
    public static bool IsReservedMemberName(string name) => ReservedMemberNames.Contains(name);

    /// <summary>
    /// The type defined at <paramref name="node"/>, named <paramref name="name"/> unless that would shadow a name the generated
    /// code uses; the one named before when there is one. Null (after reporting) when the name cannot be had.
    /// </summary>
    public PendingType? Register(SchemaDocument doc, SchemaNode node, string name)
    {
        var key = doc.Path + "#" + node.Pointer;
        if (_context.TypesByKey.TryGetValue(key, out var existing))
        {
            return existing;
        }

        // A type named like what the generated code names with global::BoardingDsl… (Client in BoardingDsl) would shadow it.
        while (ShadowsReferencedName(doc.Namespace, name, node.HasEnum))
        {
            name += "Value";
        }

        if (!Identifiers.FitsTypeName(doc.Namespace, name))
        {
            _context.Report(doc, D.NoIdentifierAt(node.Location, "#" + node.Pointer + " (its type name, " + Encoding.UTF8.GetByteCount(name) + " bytes, is too long)"));
            return null;
        }

        var fullName = "global::" + doc.Namespace + "." + name;
        if (_context.TypesByName.TryGetValue(fullName, out var clash))
        {
            _context.Report(doc, D.DuplicateTypeNameAt(node.Location, name, clash.Document.FileName + "#" + clash.Node.Pointer, doc.FileName + "#" + node.Pointer));
            return null;
        }

        // Each type brings companions (<X>Builder, <X>Json) and members (ToJson, IsPresent…) whose names it must not take.
        var companion = CompanionClash(fullName, name, node.HasEnum);
        if (companion is not null)
        {
            _context.Report(doc, D.DuplicateTypeNameAt(node.Location, name, companion, doc.FileName + "#" + node.Pointer));
            return null;
        }

        var pending = new PendingType(doc, node, name, fullName, node.HasEnum);
        _context.TypesByKey[key] = pending;
        _context.TypesByName[fullName] = pending;
        _context.Queue.Enqueue(pending);
        return pending;
    }

    private static bool ShadowsReferencedName(string ns, string name, bool isEnum)
    {
        var fullName = ns + "." + name;
        return ReferencedNames.IsTaken(fullName) || ReferencedNames.IsTaken(GeneratedNames.Companion(fullName, isEnum)) ||
            (isEnum && ReferencedNames.IsTaken(fullName + OpenValue.Suffix));
    }

    private string? CompanionClash(string fullName, string name, bool isEnum)
    {
        if (EndpointRules.ReservedTypeNames.Contains(name) || ReservedMemberNames.Contains(name))
        {
            return "a type or member BoardingDsl generates";
        }

        // An enum used by a model read from CCV also brings <X>Value (its open companion); the name is kept for every enum,
        // so that whether a schema is read from CCV never decides whether another one fails to generate.
        if (isEnum && _context.TypesByName.TryGetValue(fullName + OpenValue.Suffix, out var takenValue))
        {
            return takenValue.Name + " (" + takenValue.Document.FileName + "), which " + name + "'s open value companion would be";
        }

        if (name.EndsWith(OpenValue.Suffix, StringComparison.Ordinal) &&
            _context.TypesByName.TryGetValue(fullName.Substring(0, fullName.Length - OpenValue.Suffix.Length), out var valueOwner) && valueOwner.IsEnum)
        {
            return "the open value companion of " + valueOwner.Name + " (" + valueOwner.Document.FileName + ")";
        }

        foreach (var suffix in new[] { GeneratedNames.BuilderSuffix, GeneratedNames.EnumJsonSuffix })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) &&
                _context.TypesByName.TryGetValue(fullName.Substring(0, fullName.Length - suffix.Length), out var owner))
            {
                return "the " + suffix.ToLowerInvariant() + " companion of " + owner.Name + " (" + owner.Document.FileName + ")";
            }

            if (_context.TypesByName.TryGetValue(fullName + suffix, out var taken))
            {
                return taken.Name + " (" + taken.Document.FileName + "), which " + name + "'s " + suffix.ToLowerInvariant() + " companion would be";
            }
        }

        return null;
    }

    /// <summary>Names come from where a shape is defined, so every use of it agrees: root title, <c>$defs</c> key, or parent + property.</summary>
    public string? CanonicalName(SchemaDocument doc, string pointer)
    {
        var parts = pointer.Length == 0 ? Array.Empty<string>() : pointer.Substring(1).Split('/');
        string? name;
        var i = 0;
        if (parts.Length >= 2 && parts[0] == "$defs")
        {
            name = Identifiers.ToPascalCase(Unescape(parts[1]));
            i = 2;
        }
        else
        {
            name = RootTypeName(doc);
        }

        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        for (; i < parts.Length; i++)
        {
            if (parts[i] == "properties" && i + 1 < parts.Length)
            {
                name += Identifiers.ToPascalCase(Unescape(parts[++i]));
            }
            else if (parts[i] is "anyOf" or "allOf")
            {
                i++;
            }
        }

        return name;
    }

    private static string Unescape(string part) => part.Replace("~1", "/").Replace("~0", "~");

    /// <summary>A document's root type: its title, else its file's base name (with <c>Request</c> for a request); BDSL1010 when neither makes one.</summary>
    public string? RootTypeName(SchemaDocument doc)
    {
        var fromTitle = doc.Title is null ? string.Empty : Identifiers.ToPascalCase(doc.Title);
        if (fromTitle.Length > 0)
        {
            return fromTitle;
        }

        var fromFile = EntryName(doc);
        if (fromFile.Length == 0)
        {
            _context.Report(doc, D.NoIdentifierAt(doc.Root.Location, doc.FileName));
            return null;
        }

        return doc.Endpoint?.Role == "request" ? fromFile + "Request" : fromFile;
    }

    /// <summary>The entry point's name, <c>Boarding.&lt;Name&gt;()</c>: the schema file's base name in PascalCase.</summary>
    public static string EntryName(SchemaDocument doc) => Identifiers.ToPascalCase(BaseName(doc.FileName));

    private static string BaseName(string fileName)
    {
        const string Suffix = ".schema.json";
        return fileName.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)
            ? fileName.Substring(0, fileName.Length - Suffix.Length)
            : Path.GetFileNameWithoutExtension(fileName);
    }

    /// <summary>Once every type is named: a file whose namespace is also a type's full name gets BDSL1008 (<see cref="NamespaceClashes"/>).</summary>
    public void ReportNamespaceClashes(IdResolution ids)
    {
        var clashes = new NamespaceClashes();
        foreach (var t in _context.TypesByKey.Values)
        {
            clashes.AddType(t.Document.Namespace, t.Name, t.IsEnum, t.Entry?.Role, t.Document.FileName + "#" + t.Node.Pointer);
        }

        var documents = _context.TypesByKey.Values.Select(t => t.Document).GroupBy(d => d.Path, StringComparer.Ordinal).Select(g => g.First());
        foreach (var doc in documents.Where(d => !ids.IsProvided(d)))
        {
            if (clashes.TryFind(doc.Namespace, out var type, out var definedBy))
            {
                _context.Report(doc, D.NamespaceIsTypeAt(doc.Root.Location, type, definedBy, doc.FileName));
            }
        }
    }
}
