using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Generator.Common;
using Microsoft.CodeAnalysis;

namespace BoardingDsl.Generator.Diagnostics;

/// <summary>Every diagnostic BoardingDsl reports: IDs, descriptors and typed factories, in one place.</summary>
internal static class DiagnosticCatalogue
{
    public const string Category = "BoardingDsl";
    private const string HelpBase = "https://github.com/boardingdsl/boardingdsl/blob/main/docs/rules/";
    private const string IssuesUrl = "https://github.com/boardingdsl/boardingdsl/issues";

    // Code rules (analyzers over C#).
    public const string MissingRequiredId = DiagnosticIds.MissingRequired;
    public const string NotHttpsId = DiagnosticIds.NotHttps;
    public const string UndocumentedEnumValueId = DiagnosticIds.UndocumentedEnumValue;
    public const string IgnoredWithoutSiblingId = DiagnosticIds.IgnoredWithoutSibling;
    public const string DuplicateValueId = DiagnosticIds.DuplicateValue;

    // Schema-file rules.
    public const string InvalidJsonId = DiagnosticIds.InvalidJson;
    public const string UnsupportedTypeId = DiagnosticIds.UnsupportedType;
    public const string UnresolvedRefId = DiagnosticIds.UnresolvedRef;
    public const string NameCollisionId = DiagnosticIds.NameCollision;
    public const string RootNotObjectId = DiagnosticIds.RootNotObject;
    public const string UnsupportedKeywordId = DiagnosticIds.UnsupportedKeyword;
    public const string KeywordWrongTypeId = DiagnosticIds.KeywordWrongType;
    public const string DuplicateTypeNameId = DiagnosticIds.DuplicateTypeName;
    public const string InvalidEndpointId = DiagnosticIds.InvalidEndpoint;
    public const string NoIdentifierId = DiagnosticIds.NoIdentifier;
    public const string RefCycleId = DiagnosticIds.RefCycle;
    public const string UnknownRequiredId = DiagnosticIds.UnknownRequired;
    public const string InvalidPatternId = DiagnosticIds.InvalidPattern;
    public const string InternalErrorId = DiagnosticIds.InternalError;
    public const string DependencyFailedId = DiagnosticIds.DependencyFailed;
    public const string UnsupportedFormatId = DiagnosticIds.UnsupportedFormat;
    public const string InvalidOptionId = DiagnosticIds.InvalidOption;
    public const string NotReachedId = DiagnosticIds.NotReached;
    public const string UnenforcedRuleId = DiagnosticIds.UnenforcedRule;
    public const string OverridesPrecompiledId = DiagnosticIds.OverridesPrecompiled;
    public const string DuplicateIdId = DiagnosticIds.DuplicateId;
    public const string DuplicateEntryId = DiagnosticIds.DuplicateEntry;
    public const string NamespaceIsTypeId = DiagnosticIds.NamespaceIsType;
    public const string UnknownTypeId = DiagnosticIds.UnknownType;
    public const string UnsupportedCompositionId = DiagnosticIds.UnsupportedComposition;
    public const string NonStringEnumId = DiagnosticIds.NonStringEnum;
    public const string UnsupportedArrayElementId = DiagnosticIds.UnsupportedArrayElement;

    public static readonly DiagnosticDescriptor MissingRequired = Create(MissingRequiredId, "Required field not set",
        "{0}: Build() is reached without the required field(s) {1}; call {2}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotHttps = Create(NotHttpsId, "Notification URL must be an absolute https:// URL",
        "'{0}' is not an absolute https:// URL; {1} accepts only https:// URLs ({2})", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UndocumentedEnumValue = Create(UndocumentedEnumValueId, "Value is not a documented value",
        "'{0}' is not a documented value of {1}; use one of: {2}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor IgnoredWithoutSibling = Create(IgnoredWithoutSiblingId, "Setting is ignored without its companion",
        "{0} is set but {1} is not; CCV ignores {0} without {1}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateValue = Create(DuplicateValueId, "Value listed twice",
        "'{0}' is listed more than once in {1}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidJson = Create(InvalidJsonId, "Schema file is not valid JSON",
        "The schema file is not valid JSON: {0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedType = Create(UnsupportedTypeId, "A value of several types",
        "A value of several types ({0}) is not supported; use one type, optionally with \"null\"", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownType = Create(UnknownTypeId, "Not a JSON Schema type",
        "'{0}' is not a JSON Schema type; use one of string, number, integer, boolean, object, array, null", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedComposition = Create(UnsupportedCompositionId, "Unsupported anyOf or allOf",
        "This {0} cannot be generated: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NonStringEnum = Create(NonStringEnumId, "Enum values must be strings",
        "Only string values make an enum: {0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedArrayElement = Create(UnsupportedArrayElementId, "Unsupported array element",
        "Array elements {0} are not supported; use an array of objects that holds them", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvedRef = Create(UnresolvedRefId, "Unresolved $ref",
        "The $ref '{0}' cannot be resolved: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NameCollision = Create(NameCollisionId, "Two JSON names map to one C# name",
        "'{0}' and '{1}' both become the C# name '{2}' in {3}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RootNotObject = Create(RootNotObjectId, "Schema root must be an object",
        "The root of a schema file must be a JSON object, not {0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedKeyword = Create(UnsupportedKeywordId, "Unsupported schema keyword",
        "The keyword '{0}' is not one BoardingDsl knows and is ignored; if it states a rule, that rule is not enforced", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor KeywordWrongType = Create(KeywordWrongTypeId, "Keyword value has the wrong JSON type",
        "The value of '{0}' must be {1}, not {2}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateTypeName = Create(DuplicateTypeNameId, "Two schemas define the same C# type",
        "The C# type '{0}' is defined by '{1}' and by '{2}'", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateId = Create(DuplicateIdId, "Two schema files have the same $id",
        "The $id '{0}' is also the $id of '{1}', which is used; '{2}' is not generated: give it its own $id", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateEntry = Create(DuplicateEntryId, "Two schemas make the same entry method",
        "The entry method {0} is made by '{1}' and by '{2}'; its name comes from the file name: rename one of the files", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NamespaceIsType = Create(NamespaceIsTypeId, "A schema's namespace is also a type",
        "'{0}' is a type (from {1}) and the namespace of '{2}'; C# cannot have both: give '{2}' another namespace, or rename the type", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidEndpoint = Create(InvalidEndpointId, "Invalid x-boarding-endpoint",
        "x-boarding-endpoint is invalid: {0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NoIdentifier = Create(NoIdentifierId, "No C# name can be made",
        "No C# identifier can be made from '{0}'", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RefCycle = Create(RefCycleId, "$ref cycle",
        "The $ref '{0}' refers back to itself without defining a shape", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownRequired = Create(UnknownRequiredId, "Required property is not defined",
        "'{0}' is listed in required but is not a property of this object", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidPattern = Create(InvalidPatternId, "Invalid pattern",
        "The pattern '{0}' is not a valid regular expression: {1}", DiagnosticSeverity.Error);

    // A Warning, not an Error: it is BoardingDsl's bug, not the user's, and the types it could not produce already show as
    // errors where they are used; the message says what was skipped and how to report it.
    public static readonly DiagnosticDescriptor InternalError = Create(InternalErrorId, "BoardingDsl failed on this schema",
        "BoardingDsl failed ({0}) and generated nothing for it; this is a bug in BoardingDsl: please report it at " + IssuesUrl + " with this message and the smallest schema that shows it",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DependencyFailed = Create(DependencyFailedId, "Schema not generated because a schema it uses has errors",
        "'{0}' is not generated because '{1}', which it uses, has errors", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedFormat = Create(UnsupportedFormatId, "Unsupported format",
        "The format '{0}' is not supported on {1} and is not checked", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidOption = Create(InvalidOptionId, "Invalid BoardingDsl option",
        "The MSBuild property {0} has the value '{1}'; expected {2}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OverridesPrecompiled = Create(OverridesPrecompiledId, "A shipped schema is replaced while its types come precompiled",
        "'{0}' has the $id {1} of a shipped schema, whose types come precompiled in BoardingDsl.Models; to replace it, set <BoardingDslPrecompiledModels>false</BoardingDslPrecompiledModels> in the project file (the shipped schemas are then generated from source, with yours in place of this one)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotReached = Create(NotReachedId, "Schema file generates nothing",
        "Nothing is generated from '{0}': it has no x-boarding-endpoint, and no schema with one refers to it", DiagnosticSeverity.Info);

    /// <summary>
    /// A rule the schema states that neither <c>Build()</c> nor the analyzers check. An error by default, but the schema is
    /// still generated (the rule unchecked), so a project that lowers the severity gets its code.
    /// </summary>
    public static readonly DiagnosticDescriptor UnenforcedRule = Create(UnenforcedRuleId, "Schema rule not enforced",
        "The rule '{0}' is not enforced: {1}; Build() accepts a value that breaks it", DiagnosticSeverity.Error);

    /// <summary>Diagnostics that do not stop a schema from being generated, whatever their severity.</summary>
    public static bool StillGenerates(string id) => id == UnenforcedRuleId;

    // One typed factory per rule: a call site names what it reports, and cannot pass another rule's arguments.

    /// <summary>BDSL1001: the file is not JSON; <paramref name="problem"/> says where and why.</summary>
    public static DiagnosticInfo InvalidJsonAt(LocationInfo? location, string problem) => Info(InvalidJsonId, location, problem);

    /// <summary>BDSL1002: a value of several types (<paramref name="types"/>), other than one type and null.</summary>
    public static DiagnosticInfo SeveralTypesAt(LocationInfo? location, string types) => Info(UnsupportedTypeId, location, types);

    /// <summary>BDSL1024: <paramref name="name"/> is not one of JSON Schema's type names.</summary>
    public static DiagnosticInfo UnknownTypeAt(LocationInfo? location, string name) => Info(UnknownTypeId, location, name);

    /// <summary>BDSL1025: an empty <c>anyOf</c>/<c>allOf</c>.</summary>
    public static DiagnosticInfo EmptyCompositionAt(LocationInfo? location) =>
        Info(UnsupportedCompositionId, location, "empty anyOf or allOf", "it matches nothing; remove it or give it schemas");

    /// <summary>BDSL1025: an <c>anyOf</c> other than <c>[schema, {"type": "null"}]</c>.</summary>
    public static DiagnosticInfo AnyOfFormAt(LocationInfo? location) =>
        Info(UnsupportedCompositionId, location, "anyOf", "anyOf is supported only as [schema, {\"type\": \"null\"}] (a nullable value)");

    /// <summary>BDSL1025: an <c>allOf</c> other than <c>[schema, {"required": [...]}]</c>.</summary>
    public static DiagnosticInfo AllOfFormAt(LocationInfo? location) =>
        Info(UnsupportedCompositionId, location, "allOf", "allOf is supported only as [schema, {\"required\": [...]}] (extra required members for one use)");

    /// <summary>BDSL1025: extra <c>required</c> members in an <c>allOf</c> whose schema is not an object.</summary>
    public static DiagnosticInfo ExtraRequiredOnNonObjectAt(LocationInfo? location) =>
        Info(UnsupportedCompositionId, location, "allOf", "extra required members apply only to an object schema");

    /// <summary>BDSL1026: an enum whose <c>type</c> is <paramref name="type"/>, not string.</summary>
    public static DiagnosticInfo NonStringEnumTypeAt(LocationInfo? location, string type) => Info(NonStringEnumId, location, "this enum's type is " + type);

    /// <summary>BDSL1026: an enum value of JSON kind <paramref name="kind"/>.</summary>
    public static DiagnosticInfo NonStringEnumValueAt(LocationInfo? location, string kind) => Info(NonStringEnumId, location, "this value is " + kind);

    /// <summary>BDSL1026: the enum <paramref name="name"/> has no string value at all.</summary>
    public static DiagnosticInfo EnumWithoutValuesAt(LocationInfo? location, string name) => Info(NonStringEnumId, location, "the enum '" + name + "' has none");

    /// <summary>BDSL1027: array elements that are arrays.</summary>
    public static DiagnosticInfo ArrayOfArraysAt(LocationInfo? location) => Info(UnsupportedArrayElementId, location, "that are arrays");

    /// <summary>BDSL1027: array elements that may be null.</summary>
    public static DiagnosticInfo NullableElementsAt(LocationInfo? location) => Info(UnsupportedArrayElementId, location, "that may be null");

    /// <summary>BDSL1003: <paramref name="reference"/> leads nowhere, for <paramref name="reason"/>.</summary>
    public static DiagnosticInfo UnresolvedRefAt(LocationInfo? location, string reference, string reason) => Info(UnresolvedRefId, location, reference, reason);

    /// <summary>BDSL1004: two JSON names become one C# name in a type.</summary>
    public static DiagnosticInfo NameCollisionAt(LocationInfo? location, string first, string second, string csharpName, string typeName) => Info(NameCollisionId, location, first, second, csharpName, typeName);

    /// <summary>BDSL1005: the file's root is <paramref name="kind"/>, not an object.</summary>
    public static DiagnosticInfo RootNotObjectAt(LocationInfo? location, string kind) => Info(RootNotObjectId, location, kind);

    /// <summary>BDSL1006: a keyword nobody knows (or one in the wrong place).</summary>
    public static DiagnosticInfo UnsupportedKeywordAt(LocationInfo? location, string keyword) => Info(UnsupportedKeywordId, location, keyword);

    /// <summary>BDSL1007: a keyword's value is <paramref name="actual"/> where <paramref name="expected"/> is needed.</summary>
    public static DiagnosticInfo KeywordWrongTypeAt(LocationInfo? location, string keyword, string expected, string actual) => Info(KeywordWrongTypeId, location, keyword, expected, actual);

    /// <summary>BDSL1008: two shapes (or a shape and a generated companion) get one C# type name in a namespace.</summary>
    public static DiagnosticInfo DuplicateTypeNameAt(LocationInfo? location, string name, string first, string second) => Info(DuplicateTypeNameId, location, name, first, second);

    /// <summary>BDSL1021: <paramref name="ignoredFile"/> has the <c>$id</c> of <paramref name="usedFile"/>, which wins.</summary>
    public static DiagnosticInfo DuplicateIdAt(LocationInfo? location, string id, string usedFile, string ignoredFile) => Info(DuplicateIdId, location, id, usedFile, ignoredFile);

    /// <summary>BDSL1022: two files make the same <c>Boarding.&lt;Name&gt;()</c> in one namespace.</summary>
    public static DiagnosticInfo DuplicateEntryAt(LocationInfo? location, string method, string first, string second) => Info(DuplicateEntryId, location, method, first, second);

    /// <summary>BDSL1023: the namespace of <paramref name="file"/> is the full name of <paramref name="type"/>.</summary>
    public static DiagnosticInfo NamespaceIsTypeAt(LocationInfo? location, string type, string definedBy, string file) => Info(NamespaceIsTypeId, location, type, definedBy, file);

    /// <summary>BDSL1009: <c>x-boarding-endpoint</c> is invalid, for <paramref name="reason"/>.</summary>
    public static DiagnosticInfo InvalidEndpointAt(LocationInfo? location, string reason) => Info(InvalidEndpointId, location, reason);

    /// <summary>BDSL1010: no C# identifier can be made from <paramref name="source"/>.</summary>
    public static DiagnosticInfo NoIdentifierAt(LocationInfo? location, string source) => Info(NoIdentifierId, location, source);

    /// <summary>BDSL1011: <paramref name="reference"/> refers back to itself.</summary>
    public static DiagnosticInfo RefCycleAt(LocationInfo? location, string reference) => Info(RefCycleId, location, reference);

    /// <summary>BDSL1012: <paramref name="name"/> is required but not a property.</summary>
    public static DiagnosticInfo UnknownRequiredAt(LocationInfo? location, string name) => Info(UnknownRequiredId, location, name);

    /// <summary>BDSL1013: <paramref name="pattern"/> is not a regular expression .NET reads.</summary>
    public static DiagnosticInfo InvalidPatternAt(LocationInfo? location, string pattern, string problem) => Info(InvalidPatternId, location, pattern, problem);

    /// <summary>BDSL1014: BoardingDsl itself failed; <paramref name="failure"/> names the exception (never a crash of the compiler).</summary>
    public static DiagnosticInfo InternalErrorAt(LocationInfo? location, string failure) => Info(InternalErrorId, location, failure);

    /// <summary>BDSL1015: <paramref name="file"/> is not generated because <paramref name="dependency"/> has errors.</summary>
    public static DiagnosticInfo DependencyFailedAt(LocationInfo? location, string file, string dependency) => Info(DependencyFailedId, location, file, dependency);

    /// <summary>BDSL1016: <paramref name="format"/> is not checked on <paramref name="valueKind"/>.</summary>
    public static DiagnosticInfo UnsupportedFormatAt(LocationInfo? location, string format, string valueKind) => Info(UnsupportedFormatId, location, format, valueKind);

    /// <summary>BDSL1017: the MSBuild property <paramref name="property"/> has a value the generator cannot use.</summary>
    public static DiagnosticInfo InvalidOptionAt(LocationInfo? location, string property, string value, string expected) => Info(InvalidOptionId, location, property, value, expected);

    /// <summary>BDSL1018: nothing is generated from <paramref name="file"/>.</summary>
    public static DiagnosticInfo NotReachedAt(LocationInfo? location, string file) => Info(NotReachedId, location, file);

    /// <summary>BDSL1019 at <paramref name="location"/>: the rule <paramref name="rule"/> goes unchecked, for <paramref name="reason"/>.</summary>
    public static DiagnosticInfo Unenforced(LocationInfo? location, string rule, string reason) => Info(UnenforcedRuleId, location, rule, reason);

    /// <summary>BDSL1020 at the root of <paramref name="fileName"/>: it replaces the shipped schema <paramref name="id"/> in precompiled mode.</summary>
    public static DiagnosticInfo Overrides(LocationInfo? location, string fileName, string id) => Info(OverridesPrecompiledId, location, fileName, id);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new[]
    {
        MissingRequired, NotHttps, UndocumentedEnumValue, IgnoredWithoutSibling, DuplicateValue,
        InvalidJson, UnsupportedType, UnresolvedRef, NameCollision, RootNotObject, UnsupportedKeyword, KeywordWrongType,
        DuplicateTypeName, InvalidEndpoint, NoIdentifier, RefCycle, UnknownRequired, InvalidPattern, InternalError,
        DependencyFailed, UnsupportedFormat, InvalidOption, NotReached, UnenforcedRule, OverridesPrecompiled,
        DuplicateId, DuplicateEntry, NamespaceIsType, UnknownType, UnsupportedComposition, NonStringEnum, UnsupportedArrayElement,
    }.ToDictionary(d => d.Id);

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticInfo Info(string id, LocationInfo? location, params string[] args) => new(id, location, new EquatableArray<string>(args));

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");
}
