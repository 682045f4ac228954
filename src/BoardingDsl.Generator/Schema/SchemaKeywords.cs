using System.Collections.Generic;

namespace BoardingDsl.Generator.Schema;

/// <summary>The keyword allow-list (docs/schema-conventions.md). Anything else gets BDSL1006.</summary>
internal static class SchemaKeywords
{
    public static readonly HashSet<string> Supported = new()
    {
        "$schema", "$id", "$comment", "title", "description", "type", "properties", "required",
        "additionalProperties", "items", "minItems", "maxItems", "uniqueItems", "enum", "format", "pattern",
        "minLength", "maxLength", "minimum", "maximum", "$ref", "$defs", "anyOf", "allOf",
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
