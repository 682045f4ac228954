using BoardingDsl.Generator.Model;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>Typed placeholder arguments for the calls the BDSL0001 fix inserts.</summary>
internal static class Placeholders
{
    public static string For(PropertyModel p, BuilderCatalog catalog)
    {
        if (p.Shape == Shapes.Object || (p.IsArray && p.ElementShape == Shapes.Object))
        {
            return "_ => { }";
        }

        if (p.ValueShape == Shapes.Enum)
        {
            var type = catalog.ByFullName(p.TypeName);
            return type is not null && type.Members.Count > 0 ? p.TypeName + "." + type.Members[0].Name : "default(" + p.TypeName + ")";
        }

        if (p.ValueShape == Shapes.Opaque)
        {
            return "(global::System.Text.Json.JsonElement?)null";
        }

        return p.ScalarKind switch
        {
            ScalarKinds.Boolean => "false",
            ScalarKinds.Decimal => "0m",
            ScalarKinds.Double => "0d",
            ScalarKinds.Integer => "0L",
            ScalarKinds.DateTime => "global::System.DateTimeOffset.UtcNow",
            _ => p.Format == "uri" ? "\"https://\"" : "\"\"",
        };
    }
}
