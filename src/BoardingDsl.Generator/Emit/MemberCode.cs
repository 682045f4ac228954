using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Model;

namespace BoardingDsl.Generator.Emit;

/// <summary>
/// One statement that writes a present member (name and value, or an explicit null) and one expression that reads a
/// member's value or its explicit null. Kept to one call each, through System.Text.Json's own name-and-value writers or
/// the BoardingJson helpers: the generated models are most of what a consumer compiles, and short code compiles faster.
/// Arrays keep their loops in the template.
/// </summary>
internal static class MemberCode
{
    private const string Json = "global::BoardingDsl.Serialization.BoardingJson";

    /// <summary>A statement writing <paramref name="value"/> (a property of <c>this</c>) under the encoded name <paramref name="name"/>.</summary>
    public static string Write(PropertyModel p, bool nullable, string name, string value, string dateTimeText)
    {
        if (p.ValueShape == Shapes.Enum && p.IsOpenEnum)
        {
            // The open companion writes back exactly the string CCV sent (WriteString writes a null string as JSON null).
            return "writer.WriteString(" + name + ", " + value + (nullable ? "?" : string.Empty) + ".ToJsonString());";
        }

        if (p.ValueShape == Shapes.Enum)
        {
            var text = nullable ? value + ".HasValue ? " + p.TypeName + "Json.ToJsonString(" + value + ".Value) : null" : p.TypeName + "Json.ToJsonString(" + value + ")";
            return "writer.WriteString(" + name + ", " + text + ");";
        }

        if (p.ValueShape == Shapes.Scalar && p.ScalarKind == ScalarKinds.String)
        {
            return "writer.WriteString(" + name + ", " + value + ");";
        }

        if (p.ValueShape == Shapes.Scalar && p.ScalarKind == ScalarKinds.DateTime)
        {
            return Json + ".WriteMember(writer, " + name + ", " + value + ", " + dateTimeText + ");";
        }

        if (!nullable && p.ValueShape == Shapes.Scalar && p.ScalarKind != ScalarKinds.Decimal)
        {
            return (p.ScalarKind == ScalarKinds.Boolean ? "writer.WriteBoolean(" : "writer.WriteNumber(") + name + ", " + value + ");";
        }

        // Objects, opaque values, decimals and nullable scalars: BoardingJson has an overload per type.
        return Json + ".WriteMember(writer, " + name + ", " + value + ");";
    }

    /// <summary>An expression reading the value at the reader's current token, or null at a JSON null.</summary>
    public static string Read(PropertyModel p, string dateTimeText)
    {
        var member = Identifiers.Literal(p.JsonName);
        const string IsNull = "reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ";
        return p.ValueShape switch
        {
            Shapes.Enum when p.IsOpenEnum => IsNull + "(" + p.TypeName + OpenValue.Suffix + "?)" + p.TypeName + OpenValue.Suffix + ".Read(ref reader)",
            Shapes.Enum => IsNull + "(" + p.TypeName + "?)" + p.TypeName + "Json.Read(ref reader)",
            Shapes.Object => IsNull + p.TypeName + ".ReadFrom(ref reader)",
            Shapes.Opaque => IsNull + "(global::System.Text.Json.JsonElement?)" + Json + ".ReadElement(ref reader)",
            _ => p.ScalarKind switch
            {
                ScalarKinds.Boolean => Json + ".ReadNullableBoolean(ref reader, " + member + ")",
                ScalarKinds.Decimal => Json + ".ReadNullableDecimal(ref reader, " + member + ")",
                ScalarKinds.Double => Json + ".ReadNullableDouble(ref reader, " + member + ")",
                ScalarKinds.Integer => Json + ".ReadNullableInt64(ref reader, " + member + ")",
                ScalarKinds.DateTime => Json + ".ReadNullableDateTime(ref reader, " + member + ", out " + dateTimeText + ")",
                _ => Json + ".ReadString(ref reader, " + member + ")",
            },
        };
    }
}
