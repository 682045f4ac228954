using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Model;

namespace BoardingDsl.Generator.Emit;

/// <summary>
/// The names, C# types and decisions (as booleans) the templates need for one property; all escaping happens here.
/// It writes no C#: every statement and expression is in the templates.
/// </summary>
internal sealed class PropertyView
{
    /// <param name="hasWith">False for a <c>readOnly</c> member of a request type: no <c>With…</c>, and not required of a request.</param>
    /// <param name="names">The member's private names in generated code (<see cref="MemberNames.For"/>).</param>
    public PropertyView(PropertyModel p, int index, MemberNames names, bool hasWith = true)
    {
        HasWith = hasWith;
        Index = index;
        Name = p.Name;
        JsonUtf8 = Identifiers.Utf8Literal(p.JsonName);
        JsonName = p.JsonName;
        JsonLiteral = Identifiers.Literal(p.JsonName);
        Field = names.Field;
        BuilderField = names.BuilderField;
        BuildersField = names.BuildersField;
        TextField = names.TextField;
        RejectedField = names.RejectedField;
        Param = Identifiers.ToCamelCase(p.Name);
        NameField = names.NameField;
        HasField = names.HasField;
        Local = names.Local;
        HasLocal = names.HasLocal;
        TextLocal = names.TextLocal;
        Doc = Identifiers.XmlText(p.Description ?? "The '" + p.JsonName + "' member.");
        // The decisions the templates branch on, as booleans: the templates never see the model's vocabulary.
        IsEnumValue = p.ValueShape == Shape.Enum;
        IsObjectValue = p.ValueShape == Shape.Object;
        IsOpaqueValue = p.ValueShape == Shape.Opaque;
        IsScalarValue = p.ValueShape == Shape.Scalar;
        IsString = p.ScalarKind == ScalarKind.String;
        IsBoolean = p.ScalarKind == ScalarKind.Boolean;
        IsDouble = p.ScalarKind == ScalarKind.Double;
        IsInteger = p.ScalarKind == ScalarKind.Integer;
        IsArray = p.IsArray;
        IsRequired = p.IsRequired && hasWith;
        IsNullable = p.IsNullable;
        IsHttpsUrl = p.HttpsOnly && !p.IsArray && p.ScalarKind == ScalarKind.String;
        IsUri = p.Format == StringFormat.Uri && p.ScalarKind == ScalarKind.String;
        IsEmail = p.Format == StringFormat.Email && p.ScalarKind == ScalarKind.String;
        IsDecimal = p.ScalarKind == ScalarKind.Decimal;
        IsDateTime = !p.IsArray && p.ValueShape == Shape.Scalar && p.ScalarKind == ScalarKind.DateTime;
        IsOpenEnum = p.IsOpenEnum && p.ValueShape == Shape.Enum;
        EnumType = p.ValueShape == Shape.Enum ? p.TypeName! : string.Empty;
        ValueType = ValueTypeOf(p);
        IsValueType = p.ValueShape is Shape.Enum or Shape.Opaque || (p.ValueShape == Shape.Scalar && p.ScalarKind != ScalarKind.String);
        TypeName = p.TypeName ?? string.Empty;
        BuilderType = p.TypeName is null ? string.Empty : p.TypeName + GeneratedNames.BuilderSuffix;
        EnumJson = p.ValueShape == Shape.Enum ? p.TypeName + GeneratedNames.EnumJsonSuffix : string.Empty;
        ModelType = p.IsArray ? "global::System.Collections.Generic.IReadOnlyList<" + ValueType + ">" : ValueType;
        ModelTypeNullable = ModelType + "?";
        IsModelNullable = !IsRequired || p.IsNullable;
        PropertyType = IsModelNullable ? ModelTypeNullable : ModelType;
        Pattern = p.Pattern is null ? null : Identifiers.Literal(p.Pattern);
        PatternText = p.Pattern is null ? null : Identifiers.Literal("pattern " + p.Pattern);
        var prefix = p.Pattern is null ? null : PatternPrefix.Of(p.Pattern);
        PatternPrefixLiteral = prefix is null ? null : Identifiers.Literal(prefix);
        MinLength = p.MinLength;
        MaxLength = p.MaxLength;
        MinimumText = p.Minimum;
        MaximumText = p.Maximum;
        Minimum = NumberLiteral(p.Minimum, p.ScalarKind);
        Maximum = NumberLiteral(p.Maximum, p.ScalarKind);
        MinItems = p.MinItems;
        MaxItems = p.MaxItems;
        UniqueItems = p.UniqueItems;
        ExclusiveMinimumText = p.ExclusiveMinimum;
        ExclusiveMaximumText = p.ExclusiveMaximum;
        MultipleOfText = p.MultipleOf;
        ExclusiveMinimum = NumberLiteral(p.ExclusiveMinimum, p.ScalarKind);
        ExclusiveMaximum = NumberLiteral(p.ExclusiveMaximum, p.ScalarKind);
        MultipleOf = NumberLiteral(p.MultipleOf, p.ScalarKind);
        ConstKind = p.ConstKind ?? string.Empty;
        ConstValue = p.ConstKind switch
        {
            "string" => Identifiers.Literal(p.ConstText!),
            "number" => NumberLiteral(p.ConstText, p.ScalarKind),
            "boolean" => p.ConstText,
            _ => null,
        };
        var constJson = p.ConstKind == "string" ? "\"" + p.ConstText + "\"" : p.ConstText;
        ConstRule = p.ConstKind is null ? null : Identifiers.Literal("const " + constJson);
        ConstMessage = p.ConstKind is null ? null : Identifiers.Literal("must be " + constJson);
        OpaqueTypes = p.ValueShape == Shape.Opaque ? p.OpaqueTypes : string.Empty;
        OpaqueTypeRule = OpaqueTypes.Length == 0 ? null : Identifiers.Literal("type " + OpaqueTypes.Replace("|", ", "));
        OpaqueAllowsObject = OpaqueTypes.Contains("object") ? "true" : "false";
        OpaqueAllowsNull = OpaqueTypes.Contains("null") ? "true" : "false";
        OpaqueTypeMessage = OpaqueTypes switch
        {
            "object" => "must be a JSON object",
            "null" => "must be null",
            _ => "must be a JSON object or null",
        };
        UniqueCall = p.ValueShape switch
        {
            Shape.Object => "AreUniqueModels",
            Shape.Opaque => "AreUniqueJson",
            _ when p.ScalarKind == ScalarKind.DateTime => "AreUniqueDateTimes",
            _ => "AreUnique",
        };
        HasScalarRules = p.ScalarKind == ScalarKind.String
            ? Pattern is not null || IsUri || IsEmail || MinLength is not null || MaxLength is not null || ConstValue is not null
            : Minimum is not null || Maximum is not null || ExclusiveMinimum is not null || ExclusiveMaximum is not null || MultipleOf is not null || ConstValue is not null;
        IsDeprecated = p.IsDeprecated;
        Obsolete = p.IsDeprecated
            ? "[global::System.Obsolete(" + Identifiers.Literal("'" + p.JsonName + "' is deprecated by the schema.") + ")]"
            : null;
        MemberAttribute = AnalyzerAttributes.Member(p, IsRequired);
        MethodAttributes = Obsolete is null ? new[] { MemberAttribute } : new[] { Obsolete, MemberAttribute };
        var notes = new System.Collections.Generic.List<string>();
        if (p.Default is not null)
        {
            notes.Add("Default: <c>" + Identifiers.XmlText(Flatten(p.Default)) + "</c>.");
        }

        foreach (var example in p.Examples)
        {
            notes.Add("Example: <c>" + Identifiers.XmlText(Flatten(example)) + "</c>.");
        }

        if (notes.Count > 0)
        {
            Doc += " " + string.Join(" ", notes);
        }
        ExtraRequired = p.ExtraRequired.Count == 0
            ? "null"
            : "new string[] { " + string.Join(", ", System.Linq.Enumerable.Select(p.ExtraRequired, Identifiers.Literal)) + " }";
        IsDateTimeValue = p.ScalarKind == ScalarKind.DateTime;
        ValidationTemplate = "Builder.Validation." + (p.IsArray ? "Array" : p.ValueShape switch { Shape.Object => "Object", Shape.Enum => "Enum", _ => "Value" });
        SetterTemplate = "Builder.Setters." + (p.IsArray
            ? p.ValueShape switch { Shape.Object => "ObjectArray", Shape.Enum => "EnumArray", _ => "ScalarArray" }
            : p.ValueShape switch { Shape.Object => "Object", Shape.Enum => "Enum", Shape.Opaque => "Opaque", _ => "Scalar" });
        Method = p.Method;
    }

    public int Index { get; }

    /// <summary>The value local of <c>ReadFrom</c>/<c>BuildCore</c> and the model constructor's parameter.</summary>
    public string Local { get; }

    /// <summary>The builder's field for a nested builder.</summary>
    public string BuilderField { get; }

    /// <summary>The builder's field for the nested builders of an array of objects.</summary>
    public string BuildersField { get; }

    /// <summary>The model's field for a date-time's exact text.</summary>
    public string TextField { get; }

    /// <summary>The builder's field for the text of an enum value that is not documented.</summary>
    public string RejectedField { get; }

    /// <summary>The "was present" local and constructor parameter.</summary>
    public string HasLocal { get; }

    /// <summary>A date-time's exact text, as read (local and constructor parameter).</summary>
    public string TextLocal { get; }

    public string Name { get; }

    public string JsonUtf8 { get; }

    public string JsonName { get; }

    public string JsonLiteral { get; }

    public string Field { get; }

    public string Param { get; }

    public string NameField { get; }

    public string HasField { get; }

    public string Doc { get; }

    /// <summary>One value (or array element) is a generated enum.</summary>
    public bool IsEnumValue { get; }

    /// <summary>One value (or array element) is a generated object.</summary>
    public bool IsObjectValue { get; }

    /// <summary>One value (or array element) is any JSON (<c>JsonElement</c>).</summary>
    public bool IsOpaqueValue { get; }

    /// <summary>One value (or array element) is a string, number or boolean.</summary>
    public bool IsScalarValue { get; }

    public bool IsString { get; }

    public bool IsBoolean { get; }

    public bool IsDouble { get; }

    public bool IsInteger { get; }

    /// <summary>The value (or array element) is a date-time (a <c>DateTimeOffset</c> with its text kept).</summary>
    public bool IsDateTimeValue { get; }

    /// <summary>The template of the member's <c>With…</c> methods: one per kind of member, so each stays flat.</summary>
    public string SetterTemplate { get; }

    /// <summary>The template of the member's checks in <c>BuildCore</c>: arrays, objects, enums, or single values.</summary>
    public string ValidationTemplate { get; }

    public bool IsArray { get; }

    public bool IsRequired { get; }

    public bool IsNullable { get; }

    public bool IsUri { get; }

    /// <summary>Whether <c>Build()</c> checks the https rule (a <c>^https://</c> pattern; <c>BoardingRules.IsHttpsUrl</c>).</summary>
    public bool IsHttpsUrl { get; }

    public bool IsEmail { get; }

    public bool IsDecimal { get; }

    public bool IsDateTime { get; }

    public bool IsValueType { get; }

    /// <summary>The C# type of one value (one element for arrays), never nullable.</summary>
    public string ValueType { get; }

    public string TypeName { get; }

    public string BuilderType { get; }

    public string EnumJson { get; }

    /// <summary>The closed enum of an enum member: what the builder methods take (so BDSL0003 and <c>Build()</c> check it).</summary>
    public string EnumType { get; }

    /// <summary>Whether the model holds the enum's open companion (a model read from CCV) rather than the closed enum.</summary>
    public bool IsOpenEnum { get; }

    public string ModelType { get; }

    public string ModelTypeNullable { get; }

    public bool IsModelNullable { get; }

    /// <summary>The type of the model's public property.</summary>
    public string PropertyType { get; }

    public string? Pattern { get; }

    public string? PatternText { get; }

    /// <summary>The C# literal of the prefix when the pattern is only <c>^literal</c> (see <see cref="PatternPrefix"/>).</summary>
    public string? PatternPrefixLiteral { get; }

    public int? MinLength { get; }

    public int? MaxLength { get; }

    public string? Minimum { get; }

    public string? MinimumText { get; }

    public string? MaximumText { get; }

    public string? Maximum { get; }

    public int? MinItems { get; }

    public int? MaxItems { get; }

    public bool UniqueItems { get; }

    /// <summary>Whether Build() checks the (non-array) scalar value itself: a pattern, format, length or bound.</summary>
    public bool HasScalarRules { get; }

    public string ExtraRequired { get; }

    public string? ExclusiveMinimum { get; }

    public string? ExclusiveMaximum { get; }

    public string? ExclusiveMinimumText { get; }

    public string? ExclusiveMaximumText { get; }

    /// <summary><c>multipleOf</c> as a literal of the property's type (checked by <c>BoardingRules.IsMultipleOf</c>).</summary>
    public string? MultipleOf { get; }

    public string? MultipleOfText { get; }

    /// <summary><c>string</c>, <c>number</c> or <c>boolean</c> when a <c>const</c> is checked; empty otherwise.</summary>
    public string ConstKind { get; }

    /// <summary>The <c>const</c> as a C# literal of the property's type.</summary>
    public string? ConstValue { get; }

    public string? ConstRule { get; }

    public string? ConstMessage { get; }

    /// <summary>On an opaque member whose <c>type</c> is given: the JSON types allowed (<c>object</c>, <c>null</c>, <c>object|null</c>).</summary>
    public string OpaqueTypes { get; }

    public string? OpaqueTypeRule { get; }

    public string OpaqueAllowsObject { get; }

    public string OpaqueAllowsNull { get; }

    public string OpaqueTypeMessage { get; }

    /// <summary>The <c>BoardingRules</c> method that checks <c>uniqueItems</c> for this element type (JSON equality).</summary>
    public string UniqueCall { get; }

    public bool IsDeprecated { get; }

    /// <summary>The <c>[Obsolete]</c> attribute of a <c>deprecated: true</c> member, or null.</summary>
    public string? Obsolete { get; }

    /// <summary>What the analyzers check on its <c>With…</c> methods (<c>[BoardingMember(…)]</c>), read back from the symbols.</summary>
    public string MemberAttribute { get; }

    /// <summary>Every attribute of each <c>With…</c> method, in order.</summary>
    public string[] MethodAttributes { get; }

    /// <summary>Whether the builder has <c>With…</c> methods for it (not for a <c>readOnly</c> member of a request builder).</summary>
    public bool HasWith { get; }

    public string Method { get; }

    private static string Flatten(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>A bound as a C# literal of the property's type (decimal also for integers, so no bound overflows a long).</summary>
    private static string? NumberLiteral(string? value, ScalarKind scalarKind) => value is null
        ? null
        : scalarKind == ScalarKind.Double ? value + "d" : value + "m";

    private static string ValueTypeOf(PropertyModel p) => p.ValueShape switch
    {
        Shape.Enum => p.IsOpenEnum ? p.TypeName + OpenValue.Suffix : p.TypeName!,
        Shape.Object => p.TypeName!,
        Shape.Opaque => "global::System.Text.Json.JsonElement",
        _ => ScalarKinds.CSharpType(p.ScalarKind),
    };


}
