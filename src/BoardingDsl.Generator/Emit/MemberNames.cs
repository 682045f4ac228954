using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Model;

namespace BoardingDsl.Generator.Emit;

/// <summary>
/// The private names generated code uses for one member: fields, the locals of <c>ReadFrom</c>/<c>BuildCore</c> and
/// the model constructor's parameters, named after the member (<c>_orderDate</c>, <c>_hasOrderDate</c>,
/// <c>orderDate</c>, <c>hasOrderDate</c>, <c>orderDateText</c>) as a person would name them. One owner for all of them.
/// </summary>
internal sealed class MemberNames
{
    /// <summary>The identifiers the templates use themselves, beside the members' own names.</summary>
    private static readonly HashSet<string> TemplateNames = new(StringComparer.Ordinal)
    {
        "builder", "builders", "build", "context", "extraRequired", "extensionData", "i", "item", "itemName", "items", "jsonName",
        "list", "memberName", "parsed", "reader", "required", "result", "source", "text", "texts", "value", "values", "writer",
        "_extensionData",
    };

    private MemberNames(string field, string hasField, string nameField, string local, string hasLocal, string textLocal)
    {
        Field = field;
        HasField = hasField;
        NameField = nameField;
        Local = local;
        HasLocal = hasLocal;
        TextLocal = textLocal;
    }

    /// <summary>The member's value.</summary>
    public string Field { get; }

    /// <summary>A builder's nested builder for an object member.</summary>
    public string BuilderField => Field + "Builder";

    /// <summary>A builder's nested builders for an array of objects.</summary>
    public string BuildersField => Field + "Builders";

    /// <summary>A model's exact text of a date-time, as read.</summary>
    public string TextField => Field + "Text";

    /// <summary>A builder's text of an enum value that is not documented, kept for <c>Build()</c>'s error.</summary>
    public string RejectedField => Field + "Rejected";

    /// <summary>Whether the member was set or read.</summary>
    public string HasField { get; }

    /// <summary>The member's pre-encoded JSON name.</summary>
    public string NameField { get; }

    /// <summary>The value local of <c>ReadFrom</c> and <c>BuildCore</c>, and the constructor parameter.</summary>
    public string Local { get; }

    /// <summary>The "was present" local and constructor parameter.</summary>
    public string HasLocal { get; }

    /// <summary>A date-time's exact text, as read.</summary>
    public string TextLocal { get; }

    /// <summary>
    /// The names of every member of one type. Member names are unique C# identifiers, but the names derived from
    /// them can still meet (<c>x</c>'s builder field and a member <c>xBuilder</c>, <c>a</c>'s text and <c>aText</c>,
    /// a member called <c>context</c>): then every member of that type gets its position as a suffix
    /// (<c>_x0</c>, <c>_has0</c>, <c>v0</c>), which cannot meet anything.
    /// </summary>
    public static IReadOnlyList<MemberNames> For(IReadOnlyList<PropertyModel> properties)
    {
        var plain = properties.Select(p => Plain(p.Name)).ToList();
        var seen = new HashSet<string>(TemplateNames, StringComparer.Ordinal);
        var distinct = plain.All(n => n.Used.All(name => seen.Add(name)));
        return distinct ? plain.Select(n => n.Names).ToList() : properties.Select((p, i) => Indexed(p.Name, i)).ToList();
    }

    private static (MemberNames Names, IEnumerable<string> Used) Plain(string name)
    {
        var camel = Identifiers.ToCamelName(name);
        var pascal = char.ToUpperInvariant(camel[0]) + camel.Substring(1);
        var names = new MemberNames("_" + camel, "_has" + pascal, "s_" + camel, Identifiers.ToCamelCase(camel), "has" + pascal, camel + "Text");
        return (names, new[]
        {
            names.Field, names.BuilderField, names.BuildersField, names.TextField, names.RejectedField, names.HasField, names.NameField,
            camel, names.HasLocal, names.TextLocal,
        });
    }

    private static MemberNames Indexed(string name, int index)
    {
        var suffix = index.ToString(CultureInfo.InvariantCulture);
        var camel = Identifiers.ToCamelName(name);
        return new MemberNames("_" + camel + suffix, "_has" + suffix, "s_" + camel + suffix, "v" + suffix, "h" + suffix, "t" + suffix);
    }
}
