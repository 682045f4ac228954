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
}

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
