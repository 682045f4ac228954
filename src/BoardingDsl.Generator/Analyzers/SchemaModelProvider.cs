using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using BoardingDsl.Generator.Model;
using BoardingDsl.Generator.Pipeline;
using BoardingDsl.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>
/// The analyzers' view of the schemas: the same reader and model builder the generator uses, so the IDE
/// and the build agree. The last result is kept while the schema files do not change.
/// </summary>
internal static class SchemaModelProvider
{
    private static readonly object Gate = new();
    private static string? s_lastKey;
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
            .ToList();

        var key = Key(texts);
        lock (Gate)
        {
            if (s_lastKey == key && s_lastResult is not null)
            {
                return s_lastResult;
            }
        }

        var parsed = texts.Select(SchemaReader.Read).ToImmutableArray();
        var model = ModelBuilder.Build(parsed, GeneratorOptions.Read(options.AnalyzerConfigOptionsProvider.GlobalOptions));
        var result = new SchemaAnalysis(model, parsed.SelectMany(p => p.Diagnostics).Concat(model.Diagnostics).Distinct().ToImmutableArray());
        lock (Gate)
        {
            s_lastKey = key;
            s_lastResult = result;
        }

        return result;
    }

    private static string Key(System.Collections.Generic.List<SchemaFileText> texts)
    {
        var sb = new StringBuilder();
        foreach (var t in texts)
        {
            sb.Append(t.Path).Append('\0').Append(t.Namespace).Append('\0').Append(t.IsDefault).Append('\0')
              .Append(t.Text?.Length ?? -1).Append('\0').Append(t.Text?.GetHashCode() ?? 0).Append('\n');
        }

        return sb.ToString();
    }
}

/// <summary>The schema model of a compilation and every schema-file problem found building it.</summary>
internal sealed record SchemaAnalysis(ModelResult Model, ImmutableArray<Diagnostics.DiagnosticInfo> Diagnostics);
