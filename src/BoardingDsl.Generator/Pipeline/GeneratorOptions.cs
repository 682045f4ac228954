using System.Linq;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Diagnostics;

namespace BoardingDsl.Generator.Pipeline;

/// <summary>MSBuild options that reach the generator as <c>build_property.*</c>.</summary>
internal sealed record GeneratorOptions(bool IsPublic, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public const string AccessibilityProperty = "BoardingDslAccessibility";
    public const string NamespaceProperty = "BoardingDslNamespace";
    public const string DefaultNamespace = "BoardingDsl";

    public static readonly GeneratorOptions Default = new(true, EquatableArray<DiagnosticInfo>.Empty);

    public static GeneratorOptions Read(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions global)
    {
        var options = ReadAccessibility(global);
        if (global.TryGetValue("build_property." + NamespaceProperty, out var ns) && !string.IsNullOrWhiteSpace(ns) && !IsNamespace(ns.Trim()))
        {
            return options with
            {
                Diagnostics = options.Diagnostics.Concat(new[]
                {
                    DiagnosticCatalogue.Info(DiagnosticCatalogue.InvalidOptionId, null, NamespaceProperty, ns, "a C# namespace such as 'Acme.Boarding'"),
                }).ToEquatableArray(),
            };
        }

        return options;
    }

    public static bool IsNamespace(string value) =>
        value.Split('.').All(Identifiers.IsValidIdentifier);

    private static GeneratorOptions ReadAccessibility(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions global)
    {
        global.TryGetValue("build_property." + AccessibilityProperty, out var accessibility);
        switch (accessibility?.Trim().ToLowerInvariant())
        {
            case null:
            case "":
            case "public":
                return Default;
            case "internal":
                return new GeneratorOptions(false, EquatableArray<DiagnosticInfo>.Empty);
            default:
                return new GeneratorOptions(true, new EquatableArray<DiagnosticInfo>(new[]
                {
                    DiagnosticCatalogue.Info(DiagnosticCatalogue.InvalidOptionId, null, AccessibilityProperty, accessibility!, "'public' or 'internal'"),
                }));
        }
    }
}
