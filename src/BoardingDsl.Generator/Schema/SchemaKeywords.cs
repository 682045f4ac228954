using System.Collections.Generic;

namespace BoardingDsl.Generator.Schema;

/// <summary>
/// The keyword lists (docs/schema-conventions.md, whose keyword table a test checks against these sets). A keyword in
/// <see cref="Supported"/> is read and enforced (or is structure or metadata); one in <see cref="Annotations"/> changes no
/// validation and goes into the XML docs or the generated API; one in <see cref="UnenforcedAssertions"/> states a rule
/// BoardingDsl does not check (BDSL1019, an error by default); any other gets BDSL1006.
/// </summary>
internal static class SchemaKeywords
{
    public static readonly HashSet<string> Supported = new()
    {
        "$schema", "$id", "$comment", "title", "description", "type", "properties", "required",
        "additionalProperties", "items", "minItems", "maxItems", "uniqueItems", "enum", "format", "pattern",
        "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "const",
        "$ref", "$defs", "anyOf", "allOf",
    };

    /// <summary>Annotations (JSON Schema's meta-data and content vocabularies): never a reason for a diagnostic.</summary>
    public static readonly HashSet<string> Annotations = new()
    {
        "examples", "default", "deprecated", "readOnly", "writeOnly", "contentMediaType", "contentEncoding", "contentSchema",
    };

    /// <summary>Assertions (or applicators holding assertions) of draft 2020-12 that the generated code does not check.</summary>
    public static readonly HashSet<string> UnenforcedAssertions = new()
    {
        "oneOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas", "dependencies", "patternProperties",
        "propertyNames", "minProperties", "maxProperties", "contains", "minContains", "maxContains", "prefixItems",
        "additionalItems", "unevaluatedProperties", "unevaluatedItems",
    };

    /// <summary>Keywords that only constrain a value of one JSON type: on a schema without <c>type</c> they cannot be checked.</summary>
    public static readonly string[] TypeSpecific =
    {
        "minLength", "maxLength", "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "multipleOf", "minItems", "maxItems", "uniqueItems", "const",
    };

    public static readonly HashSet<string> TypeNames = new()
    {
        "string", "number", "integer", "boolean", "object", "array", "null",
    };

    public static readonly HashSet<string> StringFormats = new() { "date-time", "uri", "email" };

    public static readonly HashSet<string> NumberFormats = new() { "decimal", "double" };

    /// <summary><c>x-</c> annotations never change validation, so unknown ones are allowed.</summary>
    public static bool IsAnnotation(string keyword) => keyword.StartsWith("x-", System.StringComparison.Ordinal);
}
