using System.Linq;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Diagnostics;

namespace BoardingDsl.Generator.Schema;

/// <summary>One schema file as read from the compilation: path, text and the options that apply to it.</summary>
internal sealed record SchemaFileText(string Path, string? Text, string Namespace, bool IsDefault);

/// <summary>The result of reading one schema file: the document (when it is JSON) and what was wrong with it.</summary>
internal sealed record SchemaParseResult(SchemaDocument? Document, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A parsed schema document. Locations are kept so every problem can be reported at its line and column.</summary>
internal sealed record SchemaDocument(
    string Path,
    string FileName,
    string Namespace,
    string? Id,
    string? Title,
    SchemaNode Root,
    EquatableArray<NamedSchema> Defs,
    EndpointInfo? Endpoint,
    bool IsUnverified,
    bool IsDefault,
    EquatableArray<DiagnosticInfo> Issues)
{
    /// <summary>A Boarding schema describes an endpoint; other <c>*.schema.json</c> files are only used when referenced.</summary>
    public bool IsBoarding => Endpoint is not null;
}

internal sealed record NamedSchema(string Name, LocationInfo NameLocation, SchemaNode Schema);

internal sealed record SchemaProperty(string Name, LocationInfo NameLocation, SchemaNode Schema);

internal sealed record RequiredName(string Name, LocationInfo Location);

internal sealed record EnumValue(string Value, string? Description, LocationInfo Location);

/// <summary>One schema node, with only the keywords BoardingDsl supports.</summary>
internal sealed record SchemaNode(
    LocationInfo Location,
    string Pointer,
    EquatableArray<string> Types,
    LocationInfo? TypeLocation,
    string? Ref,
    LocationInfo? RefLocation,
    string? Title,
    string? Description,
    string? Format,
    LocationInfo? FormatLocation,
    string? Pattern,
    LocationInfo? PatternLocation,
    bool HasEnum,
    EquatableArray<EnumValue> EnumValues,
    bool EnumAllowsNull,
    EquatableArray<string> FinalValues,
    bool HasProperties,
    EquatableArray<SchemaProperty> Properties,
    EquatableArray<RequiredName> Required,
    bool? AdditionalProperties,
    SchemaNode? Items,
    EquatableArray<SchemaNode> AnyOf,
    EquatableArray<SchemaNode> AllOf,
    string? MinLength,
    string? MaxLength,
    string? Minimum,
    string? Maximum,
    string? MinItems,
    string? MaxItems,
    bool UniqueItems,
    string? IgnoredUnlessSet,
    bool WarnOnDuplicates)
{
    public bool AllowsNull => Types.Contains("null") || EnumAllowsNull;

    /// <summary>An <c>anyOf</c> or <c>allOf</c> written with no schemas in it.</summary>
    public bool HasEmptyComposition { get; init; }

    public string? ExclusiveMinimum { get; init; }

    public string? ExclusiveMaximum { get; init; }

    /// <summary><c>multipleOf</c>, a positive number (invariant text).</summary>
    public string? MultipleOf { get; init; }

    /// <summary><c>const</c>, when it is a scalar the generated code can compare (see <see cref="ConstValue"/>).</summary>
    public ConstValue? Const { get; init; }

    /// <summary><c>examples</c>, each as its JSON text.</summary>
    public EquatableArray<string> Examples { get; init; } = EquatableArray<string>.Empty;

    /// <summary><c>default</c>, as its JSON text.</summary>
    public string? Default { get; init; }

    public bool Deprecated { get; init; }

    public bool ReadOnly { get; init; }

    public bool WriteOnly { get; init; }

    /// <summary>Where each keyword of this node is written (its name), so a rule about it can be reported there.</summary>
    public EquatableArray<KeywordAt> Keywords { get; init; } = EquatableArray<KeywordAt>.Empty;

    public LocationInfo? KeywordLocation(string name) => Keywords.FirstOrDefault(k => k.Name == name)?.Location;

    public bool Has(string name) => Keywords.Any(k => k.Name == name);
}

internal sealed record KeywordAt(string Name, LocationInfo Location);

/// <summary>A scalar <c>const</c>: its JSON kind (<c>string</c>, <c>number</c>, <c>boolean</c>, <c>null</c>) and value text.</summary>
internal sealed record ConstValue(string Kind, string Text, LocationInfo Location);

internal sealed record ResponseInfo(string Code, string Description);

/// <summary>The <c>x-boarding-endpoint</c> object: which call a schema is the body (or answer) of.</summary>
internal sealed record EndpointInfo(
    string Operation,
    string Role,
    string Method,
    string Path,
    EquatableArray<ResponseInfo> Responses,
    string? ResponseSchema,
    string? Undocumented,
    EquatableArray<string> Parameters,
    LocationInfo Location);
