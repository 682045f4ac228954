using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Model;
using BoardingDsl.Generator.Pipeline;
using BoardingDsl.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>
/// The analyzers' view of the schemas: the same reader and model builder the generator uses, so the IDE
/// and the build agree. The last result is kept while the schema files (path, full text, namespace) and the
/// MSBuild options stay equal.
/// </summary>
internal static class SchemaModelProvider
{
    private static readonly object Gate = new();
    private static (EquatableArray<SchemaFileText> Files, GeneratorOptions Options)? s_lastKey;
    private static SchemaAnalysis? s_lastResult;

    public static SchemaAnalysis Get(ImmutableArray<AdditionalText> files, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var texts = files
            .Where(SchemaFiles.IsSchemaFile)
            .Select(f =>
            {
                var fileOptions = options.AnalyzerConfigOptionsProvider.GetOptions(f);
                return new SchemaFileText(
                    f.Path,
                    f.GetText(cancellationToken)?.ToString(),
                    SchemaFiles.NamespaceOf(fileOptions, options.AnalyzerConfigOptionsProvider.GlobalOptions),
                    SchemaFiles.IsDefault(fileOptions));
            })
            .OrderBy(t => t.Path, StringComparer.Ordinal)
            .ToEquatableArray();
        var generatorOptions = GeneratorOptions.Read(options.AnalyzerConfigOptionsProvider.GlobalOptions);

        var key = (texts, generatorOptions);
        lock (Gate)
        {
            if (s_lastKey is { } last && last.Equals(key) && s_lastResult is not null)
            {
                return s_lastResult;
            }
        }

        var parsed = texts.Select(SchemaReader.Read).ToImmutableArray();
        var model = ModelBuilder.Build(parsed, generatorOptions);
        var result = new SchemaAnalysis(model, parsed.SelectMany(p => p.Diagnostics).Concat(model.Diagnostics).Distinct().ToImmutableArray());
        lock (Gate)
        {
            s_lastKey = key;
            s_lastResult = result;
        }

        return result;
    }
}

/// <summary>The schema model of a compilation and every schema-file problem found building it.</summary>
internal sealed record SchemaAnalysis(ModelResult Model, ImmutableArray<Diagnostics.DiagnosticInfo> Diagnostics);
