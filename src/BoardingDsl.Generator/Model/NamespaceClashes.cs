using BoardingDsl.Generator.Common;
using System;
using System.Collections.Generic;

namespace BoardingDsl.Generator.Model;

/// <summary>
/// Namespaces that are also types. A namespace in use (a schema file's, or one enclosing it) with the full name of a type
/// the generator emits or the generated code names is CS0101, or hides that type. The type cannot move (it may be the entry
/// class, a shipped type or the runtime's), so the file whose namespace it is gets BDSL1008.
/// </summary>
internal sealed class NamespaceClashes
{
    /// <summary>Type full name (no <c>global::</c>) → who defines it, for the message.</summary>
    private readonly Dictionary<string, string> _definedBy = new(StringComparer.Ordinal);

    public NamespaceClashes()
    {
        foreach (var type in ReferencedNames.Types)
        {
            _definedBy[type] = "BoardingDsl's runtime";
        }
    }

    /// <summary>Adds what one schema type emits: itself, its companion, and the classes an endpoint adds to its namespace.</summary>
    public void AddType(string ns, string name, bool isEnum, string? endpointRole, string definedBy)
    {
        Add(ns + "." + name, definedBy);
        Add(ns + "." + GeneratedNames.Companion(name, isEnum), definedBy);
        if (isEnum)
        {
            Add(ns + "." + name + OpenValue.Suffix, definedBy + " (its open value companion)");
        }
        if (endpointRole is not null)
        {
            Add(ns + ".BoardingClientOperations", definedBy + " (the client class BoardingClientOperations)");
        }

        if (endpointRole == "request")
        {
            Add(ns + ".Boarding", definedBy + " (the entry class Boarding)");
        }
    }

    /// <summary>The first of <paramref name="ns"/> and the namespaces enclosing it that is a type, with who defines it.</summary>
    public bool TryFind(string ns, out string type, out string definedBy)
    {
        for (var end = ns.Length; end > 0; end = ns.LastIndexOf('.', end - 1))
        {
            type = ns.Substring(0, end);
            if (_definedBy.TryGetValue(type, out definedBy))
            {
                return true;
            }
        }

        type = definedBy = string.Empty;
        return false;
    }

    private void Add(string fullName, string definedBy)
    {
        if (!_definedBy.ContainsKey(fullName))
        {
            _definedBy[fullName] = definedBy;
        }
    }
}
