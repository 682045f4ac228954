using System.Linq;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Diagnostics;

namespace BoardingDsl.Generator.Pipeline;

/// <summary>MSBuild options that reach the generator as <c>build_property.*</c>.</summary>
internal sealed record GeneratorOptions(bool IsPublic, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// Set only by the BoardingDsl.Client project: the client methods of schemas whose types a reference holds (the
    /// precompiled shipped models) are generated too, into the <c>BoardingDsl.Client</c> namespace, so the client
    /// package carries them compiled and a consumer generates client methods for its own schemas only.
    /// </summary>
    public const string ClientForReferencedSchemasProperty = "BoardingDslClientForReferencedSchemas";

    /// <summary>See <see cref="ClientForReferencedSchemasProperty"/>.</summary>
    public bool ClientForReferencedSchemas { get; init; }

    public const string AccessibilityProperty = "BoardingDslAccessibility";
    public const string NamespaceProperty = "BoardingDslNamespace";
    public const string DefaultNamespace = "BoardingDsl";

    public static readonly GeneratorOptions Default = new(true, EquatableArray<DiagnosticInfo>.Empty);

    public static GeneratorOptions Read(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions global)
    {
        var options = ReadAccessibility(global) with
        {
            ClientForReferencedSchemas = global.TryGetValue("build_property." + ClientForReferencedSchemasProperty, out var client) &&
                                         string.Equals(client?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase),
        };
        if (global.TryGetValue("build_property." + NamespaceProperty, out var ns) && !string.IsNullOrWhiteSpace(ns) && !IsNamespace(ns.Trim()))
        {
            return options with
            {
                Diagnostics = options.Diagnostics.Concat(new[]
                {
                    DiagnosticCatalogue.InvalidOptionAt(null, NamespaceProperty, ns, "a C# namespace such as 'Acme.Boarding'"),
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
                    DiagnosticCatalogue.InvalidOptionAt(null, AccessibilityProperty, accessibility!, "'public' or 'internal'"),
                }));
        }
    }
}
