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
        if (p.ValueShape == Shape.Enum && p.IsOpenEnum)
        {
            // The open companion writes back exactly the string CCV sent (WriteString writes a null string as JSON null).
            return "writer.WriteString(" + name + ", " + value + (nullable ? "?" : string.Empty) + ".ToJsonString());";
        }

        if (p.ValueShape == Shape.Enum)
        {
            var text = nullable ? value + ".HasValue ? " + p.TypeName + "Json.ToJsonString(" + value + ".Value) : null" : p.TypeName + "Json.ToJsonString(" + value + ")";
            return "writer.WriteString(" + name + ", " + text + ");";
        }

        if (p.ValueShape == Shape.Scalar && p.ScalarKind == ScalarKind.String)
        {
            return "writer.WriteString(" + name + ", " + value + ");";
        }

        if (p.ValueShape == Shape.Scalar && p.ScalarKind == ScalarKind.DateTime)
        {
            return Json + ".WriteMember(writer, " + name + ", " + value + ", " + dateTimeText + ");";
        }

        if (!nullable && p.ValueShape == Shape.Scalar && p.ScalarKind != ScalarKind.Decimal)
        {
            return (p.ScalarKind == ScalarKind.Boolean ? "writer.WriteBoolean(" : "writer.WriteNumber(") + name + ", " + value + ");";
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
            Shape.Enum when p.IsOpenEnum => IsNull + "(" + p.TypeName + OpenValue.Suffix + "?)" + p.TypeName + OpenValue.Suffix + ".Read(ref reader)",
            Shape.Enum => IsNull + "(" + p.TypeName + "?)" + p.TypeName + "Json.Read(ref reader)",
            Shape.Object => IsNull + p.TypeName + ".ReadFrom(ref reader)",
            Shape.Opaque => IsNull + "(global::System.Text.Json.JsonElement?)" + Json + ".ReadElement(ref reader)",
            _ => p.ScalarKind switch
            {
                ScalarKind.Boolean => Json + ".ReadNullableBoolean(ref reader, " + member + ")",
                ScalarKind.Decimal => Json + ".ReadNullableDecimal(ref reader, " + member + ")",
                ScalarKind.Double => Json + ".ReadNullableDouble(ref reader, " + member + ")",
                ScalarKind.Integer => Json + ".ReadNullableInt64(ref reader, " + member + ")",
                ScalarKind.DateTime => Json + ".ReadNullableDateTime(ref reader, " + member + ", out " + dateTimeText + ")",
                _ => Json + ".ReadString(ref reader, " + member + ")",
            },
        };
    }
}
