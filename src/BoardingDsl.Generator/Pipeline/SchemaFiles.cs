using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BoardingDsl.Generator.Pipeline;

/// <summary>Which AdditionalFiles are schemas, and the per-file options they carry.</summary>
internal static class SchemaFiles
{
    public const string Suffix = ".schema.json";

    public static bool IsSchemaFile(AdditionalText file) => file.Path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    public static string NamespaceOf(AnalyzerConfigOptions fileOptions, AnalyzerConfigOptions globalOptions)
    {
        if (fileOptions.TryGetValue("build_metadata.AdditionalFiles.BoardingDslNamespace", out var ns) && !string.IsNullOrWhiteSpace(ns) &&
            GeneratorOptions.IsNamespace(ns.Trim()))
        {
            return ns.Trim();
        }

        if (globalOptions.TryGetValue("build_property." + GeneratorOptions.NamespaceProperty, out var global) && !string.IsNullOrWhiteSpace(global) &&
            GeneratorOptions.IsNamespace(global.Trim()))
        {
            return global.Trim();
        }

        return GeneratorOptions.DefaultNamespace;
    }

    public static bool IsDefault(AnalyzerConfigOptions fileOptions) =>
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.BoardingDslDefaultSchema", out var value) &&
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
