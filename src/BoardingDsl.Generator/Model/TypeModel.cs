using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Diagnostics;
using BoardingDsl.Generator.Schema;

namespace BoardingDsl.Generator.Model;

/// <summary>Everything the generator emits and the analyzers check, with no locations (a moved line re-emits nothing).</summary>
internal sealed record GenerationModel(EquatableArray<TypeModel> Types);

internal sealed record ModelResult(GenerationModel Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>What a generated type is.</summary>
internal enum TypeKind
{
    /// <summary>A model class and its builder.</summary>
    Object,

    /// <summary>A C# enum (and its JSON helpers, and an open companion where a model read from CCV holds it).</summary>
    Enum,
}

/// <summary>One generated C# type: an object (model + builder) or an enum.</summary>
internal sealed record TypeModel(
    TypeKind Kind,
    string Namespace,
    string Name,
    bool IsPublic,
    string? Description,
    string SchemaFile,
    string? SchemaId,
    bool IsUnverified,
    bool IsOpen,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumMemberModel> Members,
    EntryModel? Entry)
{
    public string FullName => "global::" + Namespace + "." + Name;

    public string BuilderName => Name + GeneratedNames.BuilderSuffix;

    public string HintName => Namespace + "." + Name + ".g.cs";

    /// <summary>
    /// On an enum: a model read from CCV uses it, so its open companion <c>&lt;Name&gt;Value</c> is generated
    /// (see <see cref="PropertyModel.IsOpenEnum"/>).
    /// </summary>
    public bool HasOpenValue { get; init; }

    /// <summary>
    /// A referenced assembly already holds the type (its <c>$id</c> marker): no source is rendered for it; it is in the
    /// model only for its client method, where <c>BoardingDslClientForReferencedSchemas</c> asks for those.
    /// </summary>
    public bool IsProvided { get; init; }

    /// <summary>On an object: a model read from CCV (a response or a type reachable from one).</summary>
    public bool IsReadModel { get; init; }

    /// <summary>The name of an enum's open companion, the type of its members in models read from CCV.</summary>
    public string OpenValueName => Name + OpenValue.Suffix;
}

/// <summary>The open companion of a closed enum: what a model read from CCV holds, so that a value CCV adds does not throw.</summary>
internal static class OpenValue
{
    public const string Suffix = "Value";
}

internal sealed record EnumMemberModel(string JsonValue, string Name, string? Description, bool IsFinal);

/// <summary>A request or response schema's endpoint: the entry point <c>Boarding.&lt;Name&gt;()</c> and the client call.</summary>
internal sealed record EntryModel(
    string Name,
    string Operation,
    EndpointRole Role,
    string Method,
    string Path,
    EquatableArray<ResponseInfo> Responses,
    string? ResponseTypeName,
    string? Undocumented,
    EquatableArray<string> Parameters);

/// <summary>What a property (or one array element) holds.</summary>
internal enum Shape
{
    /// <summary>Nothing: the element shape of a property that is not an array.</summary>
    None,

    /// <summary>A JSON string, number or boolean (see <see cref="ScalarKind"/>).</summary>
    Scalar,

    /// <summary>A value of a generated enum.</summary>
    Enum,

    /// <summary>A generated object (model and builder).</summary>
    Object,

    /// <summary>Any JSON value, kept as a <c>JsonElement</c> (an object whose members the schema does not give).</summary>
    Opaque,

    /// <summary>A JSON array (see <see cref="PropertyModel.ElementShape"/>).</summary>
    Array,
}

/// <summary>The C# type of a scalar.</summary>
internal enum ScalarKind
{
    /// <summary>Not a scalar (an enum, object or opaque value).</summary>
    None,

    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>bool</c>.</summary>
    Boolean,

    /// <summary><c>decimal</c>: a number with <c>format: decimal</c> (money, kept exact).</summary>
    Decimal,

    /// <summary><c>double</c>: any other number.</summary>
    Double,

    /// <summary><c>long</c>: an integer.</summary>
    Integer,

    /// <summary><c>DateTimeOffset</c>: a string with <c>format: date-time</c> (its text kept for the way back).</summary>
    DateTime,
}

/// <summary>What a string's <c>format</c> makes <c>Build()</c> check.</summary>
internal enum StringFormat
{
    /// <summary>No format check.</summary>
    None,

    /// <summary><c>format: uri</c>: an RFC 3986 absolute URI.</summary>
    Uri,

    /// <summary><c>format: email</c>: an RFC 5321 mailbox.</summary>
    Email,
}

/// <summary>Whether an endpoint schema describes a request body or the answer of a call without one.</summary>
internal enum EndpointRole
{
    /// <summary>The body of a call: a builder and <c>Boarding.&lt;Name&gt;()</c>.</summary>
    Request,

    /// <summary>What a call answers: read from CCV.</summary>
    Response,
}

internal static class ScalarKinds
{
    /// <summary>The C# type of a scalar of this kind (one owner: the emitter's members and the fix's placeholders).</summary>
    public static string CSharpType(ScalarKind kind) => kind switch
    {
        ScalarKind.Boolean => "bool",
        ScalarKind.Decimal => "decimal",
        ScalarKind.Double => "double",
        ScalarKind.Integer => "long",
        ScalarKind.DateTime => "global::System.DateTimeOffset",
        _ => "string",
    };
}

/// <summary>
/// A property of an object type, with the rules its builder checks. Named members (as the STJ generator's
/// <c>PropertyGenerationSpec</c>): a rule added later cannot slip into the wrong position of a constructor.
/// </summary>
internal sealed record PropertyModel
{
    /// <summary>The member's name in JSON, as the schema writes it.</summary>
    public required string JsonName { get; init; }

    /// <summary>The C# property name (unique in its type, not escaped).</summary>
    public required string Name { get; init; }

    /// <summary>The builder's method, <c>With&lt;Name&gt;</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The schema's <c>description</c>, for the XML docs.</summary>
    public string? Description { get; init; }

    /// <summary>What the member holds; for an array, see <see cref="ElementShape"/>.</summary>
    public required Shape Shape { get; init; }

    /// <summary>What one element of an array holds; <see cref="Shape.None"/> when the member is not an array.</summary>
    public Shape ElementShape { get; init; }

    /// <summary>The C# type of a scalar value (or element); <see cref="ScalarKind.None"/> for enums, objects and opaque values.</summary>
    public ScalarKind ScalarKind { get; init; }

    /// <summary>The generated type of an enum or object value (or element), fully qualified.</summary>
    public string? TypeName { get; init; }

    /// <summary>Listed in the object's <c>required</c>.</summary>
    public bool IsRequired { get; init; }

    /// <summary>JSON <c>null</c> is a value of it (<c>type: [X, "null"]</c> or <c>anyOf [X, {type: null}]</c>).</summary>
    public bool IsNullable { get; init; }

    /// <summary>What the string's <c>format</c> makes <c>Build()</c> check.</summary>
    public StringFormat Format { get; init; }

    /// <summary>The <c>pattern</c>, as the schema writes it.</summary>
    public string? Pattern { get; init; }

    /// <summary><c>minLength</c>, in characters (Unicode scalar values).</summary>
    public int? MinLength { get; init; }

    /// <summary><c>maxLength</c>, in characters (Unicode scalar values).</summary>
    public int? MaxLength { get; init; }

    /// <summary><c>minimum</c>, as the schema's exact text (the literal in generated code).</summary>
    public string? Minimum { get; init; }

    /// <summary><c>maximum</c>, as the schema's exact text.</summary>
    public string? Maximum { get; init; }

    /// <summary><c>minItems</c> of an array.</summary>
    public int? MinItems { get; init; }

    /// <summary><c>maxItems</c> of an array.</summary>
    public int? MaxItems { get; init; }

    /// <summary><c>uniqueItems: true</c> on an array (JSON equality).</summary>
    public bool UniqueItems { get; init; }

    /// <summary>Members this use of an object type requires beyond the type's own (<c>allOf [X, {required}]</c>).</summary>
    public EquatableArray<string> ExtraRequired { get; init; } = EquatableArray<string>.Empty;

    /// <summary><c>x-ignored-unless-set</c>: the sibling without which CCV ignores this member (BDSL0004).</summary>
    public string? IgnoredUnlessSet { get; init; }

    /// <summary><c>x-warn-on-duplicates</c>: a value listed twice is BDSL0005.</summary>
    public bool WarnOnDuplicates { get; init; }

    public bool IsArray => Shape == Shape.Array;

    /// <summary>What one value (or one array element) is.</summary>
    public Shape ValueShape => IsArray ? ElementShape : Shape;

    /// <summary>
    /// An enum member (or enum array) of a model read from CCV (a response, or a type reachable from one): the model holds the
    /// enum's open companion <c>&lt;TypeName&gt;Value</c>, which keeps a value the schema does not list. Builders still take the closed enum.
    /// </summary>
    public bool IsOpenEnum { get; init; }

    public string? ExclusiveMinimum { get; init; }

    public string? ExclusiveMaximum { get; init; }

    public string? MultipleOf { get; init; }

    /// <summary><c>const</c>: <c>string</c>, <c>number</c> or <c>boolean</c> (checked by <c>Build()</c>), or null.</summary>
    public string? ConstKind { get; init; }

    public string? ConstText { get; init; }

    /// <summary>On an opaque member: the JSON types <c>type</c> allows (<c>object</c>, <c>null</c>, <c>object|null</c>), empty for any.</summary>
    public string OpaqueTypes { get; init; } = string.Empty;

    /// <summary><c>examples</c> (JSON texts), shown in the XML docs.</summary>
    public EquatableArray<string> Examples { get; init; } = EquatableArray<string>.Empty;

    /// <summary><c>default</c> (JSON text), shown in the XML docs.</summary>
    public string? Default { get; init; }

    /// <summary><c>deprecated: true</c>: the property and the <c>With…</c> methods are <c>[Obsolete]</c>.</summary>
    public bool IsDeprecated { get; init; }

    /// <summary><c>readOnly: true</c>: a request builder has no <c>With…</c> method for it.</summary>
    public bool IsReadOnly { get; init; }

    public bool HttpsOnly => Pattern is not null && Pattern.StartsWith("^https://", System.StringComparison.Ordinal);
}
