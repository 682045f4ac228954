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
internal sealed record SchemaNode
{
    /// <summary>Where the node is, for diagnostics.</summary>
    public required LocationInfo Location { get; init; }

    /// <summary>The JSON pointer of the node in its file (empty at the root).</summary>
    public required string Pointer { get; init; }

    /// <summary>The names in <c>type</c> (one, or several with <c>null</c>).</summary>
    public EquatableArray<string> Types { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Where <c>type</c> is written.</summary>
    public LocationInfo? TypeLocation { get; init; }

    /// <summary><c>$ref</c> as written.</summary>
    public string? Ref { get; init; }

    /// <summary>Where <c>$ref</c> is written.</summary>
    public LocationInfo? RefLocation { get; init; }

    /// <summary><c>title</c>.</summary>
    public string? Title { get; init; }

    /// <summary><c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary><c>format</c> as written.</summary>
    public string? Format { get; init; }

    /// <summary>Where <c>format</c> is written.</summary>
    public LocationInfo? FormatLocation { get; init; }

    /// <summary><c>pattern</c> as written.</summary>
    public string? Pattern { get; init; }

    /// <summary>Where <c>pattern</c> is written.</summary>
    public LocationInfo? PatternLocation { get; init; }

    /// <summary>An <c>enum</c> keyword is present.</summary>
    public bool HasEnum { get; init; }

    /// <summary>The string values of <c>enum</c>.</summary>
    public EquatableArray<EnumValue> EnumValues { get; init; } = EquatableArray<EnumValue>.Empty;

    /// <summary><c>enum</c> lists <c>null</c>.</summary>
    public bool EnumAllowsNull { get; init; }

    /// <summary><c>x-final-values</c>: the enum values that end an order.</summary>
    public EquatableArray<string> FinalValues { get; init; } = EquatableArray<string>.Empty;

    /// <summary>A <c>properties</c> keyword is present.</summary>
    public bool HasProperties { get; init; }

    /// <summary>The members of <c>properties</c>, in order.</summary>
    public EquatableArray<SchemaProperty> Properties { get; init; } = EquatableArray<SchemaProperty>.Empty;

    /// <summary>The names in <c>required</c>, with where each is written.</summary>
    public EquatableArray<RequiredName> Required { get; init; } = EquatableArray<RequiredName>.Empty;

    /// <summary><c>additionalProperties</c> when it is a boolean.</summary>
    public bool? AdditionalProperties { get; init; }

    /// <summary>The <c>items</c> schema.</summary>
    public SchemaNode? Items { get; init; }

    /// <summary>The <c>anyOf</c> schemas.</summary>
    public EquatableArray<SchemaNode> AnyOf { get; init; } = EquatableArray<SchemaNode>.Empty;

    /// <summary>The <c>allOf</c> schemas.</summary>
    public EquatableArray<SchemaNode> AllOf { get; init; } = EquatableArray<SchemaNode>.Empty;

    /// <summary><c>minLength</c> as written.</summary>
    public string? MinLength { get; init; }

    /// <summary><c>maxLength</c> as written.</summary>
    public string? MaxLength { get; init; }

    /// <summary><c>minimum</c> as written (exact text).</summary>
    public string? Minimum { get; init; }

    /// <summary><c>maximum</c> as written (exact text).</summary>
    public string? Maximum { get; init; }

    /// <summary><c>minItems</c> as written.</summary>
    public string? MinItems { get; init; }

    /// <summary><c>maxItems</c> as written.</summary>
    public string? MaxItems { get; init; }

    /// <summary><c>uniqueItems: true</c>.</summary>
    public bool UniqueItems { get; init; }

    /// <summary><c>x-ignored-unless-set</c>.</summary>
    public string? IgnoredUnlessSet { get; init; }

    /// <summary><c>x-warn-on-duplicates</c>.</summary>
    public bool WarnOnDuplicates { get; init; }

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
