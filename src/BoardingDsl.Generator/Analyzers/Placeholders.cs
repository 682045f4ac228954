using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Generator.Model;

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

    public static string For(PropertyModel p, BuilderCatalog catalog) => For(p, catalog, depth: 0, new HashSet<string>());

    private static string For(PropertyModel p, BuilderCatalog catalog, int depth, HashSet<string> open)
    {
        if (p.Shape == Shapes.Object)
        {
            return Lambda(p, catalog, depth, open);
        }

        if (p.IsArray && p.ElementShape == Shapes.Object)
        {
            return "_ => { }";
        }

        if (p.ValueShape == Shapes.Opaque)
        {
            return Placeholder + "global::System.Text.Json.JsonElement>()";
        }

        var element = p.ValueShape == Shapes.Enum && p.TypeName is { } enumType
            ? enumType
            : ScalarKinds.CSharpType(p.ScalarKind);
        return Placeholder + element + (p.IsArray ? "[]" : string.Empty) + ">()";
    }

    /// <summary><c>x => x.WithA(…).WithB(…)</c> over the object's required members (an empty lambda past 4 levels or on a cycle).</summary>
    private static string Lambda(PropertyModel p, BuilderCatalog catalog, int depth, HashSet<string> open)
    {
        var type = catalog.ByFullName(p.TypeName);
        if (type is null || depth >= 4 || !open.Add(type.FullName))
        {
            return "_ => { }";
        }

        var required = type.Properties.Where(r => r.IsRequired || p.ExtraRequired.Contains(r.JsonName)).ToList();
        var name = depth == 0 ? "x" : "x" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = string.Concat(required.Select(r => "." + r.Method + "(" + For(r, catalog, depth + 1, open) + ")"));
        open.Remove(type.FullName);
        return required.Count == 0 ? "_ => { }" : name + " => " + name + body;
    }
}
