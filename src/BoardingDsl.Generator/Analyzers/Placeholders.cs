using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>
/// Typed placeholder arguments for the calls the BDSL0001 fix inserts: <c>BoardingPlaceholder.Value&lt;T&gt;()</c>,
/// which compiles but is a CS0618 warning until replaced and throws if it runs (never a silent default such as
/// <c>false</c> or <c>""</c> that would build a wrong order), and for a nested object a lambda that sets the object's
/// own required members the same way, so one fix leaves nothing required unset.
/// </summary>
internal static class Placeholders
{
    private const string Placeholder = "global::BoardingDsl.BoardingPlaceholder.Value<";

    public static string For(MemberInfo p, BuilderCatalog catalog) => For(p, catalog, depth: 0, new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default));

    private static string For(MemberInfo p, BuilderCatalog catalog, int depth, HashSet<INamedTypeSymbol> open)
    {
        if (p.NestedBuilder is { } nested)
        {
            return p.IsArray ? "_ => { }" : Lambda(p, nested, catalog, depth, open);
        }

        // An opaque member takes one JSON value, arrays included.
        if (p.ElementType.ToDisplayString() == "System.Text.Json.JsonElement")
        {
            return Placeholder + "global::System.Text.Json.JsonElement>()";
        }

        return Placeholder + p.ValueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ">()";
    }

    /// <summary><c>x => x.WithA(…).WithB(…)</c> over the object's required members (an empty lambda past 4 levels or on a cycle).</summary>
    private static string Lambda(MemberInfo p, INamedTypeSymbol builder, BuilderCatalog catalog, int depth, HashSet<INamedTypeSymbol> open)
    {
        var type = catalog.Builder(builder);
        if (type is null || depth >= 4 || !open.Add(builder))
        {
            return "_ => { }";
        }

        var required = type.Members.Where(r => r.IsRequired || p.ExtraRequired.Contains(r.JsonName)).ToList();
        var name = depth == 0 ? "x" : "x" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = string.Concat(required.Select(r => "." + r.Method + "(" + For(r, catalog, depth + 1, open) + ")"));
        open.Remove(builder);
        return required.Count == 0 ? "_ => { }" : name + " => " + name + body;
    }
}
