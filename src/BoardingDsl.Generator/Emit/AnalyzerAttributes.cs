using System.Collections.Generic;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Model;

namespace BoardingDsl.Generator.Emit;

/// <summary>
/// The <c>[BoardingMember(…)]</c> attribute on each <c>With…</c> method: every rule the analyzers check on a call
/// (BDSL0001–0005), written where the generator knows it so that <c>Analyzers/BuilderCatalog</c> reads it back from the
/// symbols of a builder in any assembly, without the schema.
/// </summary>
internal static class AnalyzerAttributes
{
    public static string Member(PropertyModel p, bool isRequired)
    {
        var arguments = new List<string> { Identifiers.Literal(p.JsonName), "typeof(" + ValueType(p) + ")" };
        if (isRequired)
        {
            arguments.Add("Required = true");
        }

        if (p.HttpsOnly && !p.IsArray && p.ScalarKind == ScalarKind.String)
        {
            arguments.Add("HttpsPattern = " + Identifiers.Literal(p.Pattern!));
        }

        if (p.IgnoredUnlessSet is { } sibling)
        {
            arguments.Add("IgnoredUnlessSet = " + Identifiers.Literal(sibling));
        }

        if (p.WarnOnDuplicates)
        {
            arguments.Add("WarnOnDuplicates = true");
        }

        if (p.ValueShape == Shape.Object && p.TypeName is { } objectType)
        {
            arguments.Add("Builder = typeof(" + objectType + "Builder)");
        }

        if (p.ExtraRequired.Count > 0)
        {
            arguments.Add("ExtraRequired = new string[] { " + string.Join(", ", System.Linq.Enumerable.Select(p.ExtraRequired, Identifiers.Literal)) + " }");
        }

        return "[global::BoardingDsl.Serialization.BoardingMemberAttribute(" + string.Join(", ", arguments) + ")]";
    }

    /// <summary>The C# type of one value (an array type for an array): what the BDSL0001 fix's placeholder stands for.</summary>
    private static string ValueType(PropertyModel p)
    {
        var element = p.ValueShape switch
        {
            Shape.Object or Shape.Enum => p.TypeName!,
            Shape.Opaque => "global::System.Text.Json.JsonElement",
            _ => ScalarKinds.CSharpType(p.ScalarKind),
        };
        return p.IsArray ? element + "[]" : element;
    }
}
