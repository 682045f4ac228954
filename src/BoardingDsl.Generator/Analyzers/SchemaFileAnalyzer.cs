using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>
/// Reports the schema-file problems (BDSL1xxx) at their line and column inside the <c>.schema.json</c>, live in
/// the IDE. The generator reports none of them, so each problem is reported once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SchemaFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticCatalogue.All
        .Where(d => d.Id.StartsWith("BDSL1", StringComparison.Ordinal) && d.Id != DiagnosticCatalogue.InvalidOptionId)
        .ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var files = start.Options.AdditionalFiles;
            if (!files.Any(Pipeline.SchemaFiles.IsSchemaFile))
            {
                return;
            }

            // Read once per compilation, as the generator does; no cache across compilations (a solution's projects
            // have different schemas, and the IDE makes a new compilation per edit anyway).
            var diagnostics = Diagnose(files, start.Options, start.Compilation, start.CancellationToken);
            start.RegisterAdditionalFileAction(file =>
            {
                foreach (var info in diagnostics)
                {
                    if (info.Location is { } location && string.Equals(location.FilePath, file.AdditionalFile.Path, StringComparison.Ordinal))
                    {
                        file.ReportDiagnostic(info.ToDiagnostic());
                    }
                }
            });
        });
    }

    private static ImmutableArray<DiagnosticInfo> Diagnose(ImmutableArray<AdditionalText> files, AnalyzerOptions options, Compilation compilation, CancellationToken cancellationToken)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        var texts = files
            .Where(Pipeline.SchemaFiles.IsSchemaFile)
            .Select(f =>
            {
                var fileOptions = provider.GetOptions(f);
                return new Schema.SchemaFileText(
                    f.Path,
                    f.GetText(cancellationToken)?.ToString(),
                    Pipeline.SchemaFiles.NamespaceOf(fileOptions, provider.GlobalOptions),
                    Pipeline.SchemaFiles.IsDefault(fileOptions));
            })
            .OrderBy(t => t.Path, StringComparer.Ordinal)
            .ToList();
        if (texts.All(t => t.IsDefault))
        {
            return ImmutableArray<DiagnosticInfo>.Empty; // the shipped schemas alone: checked when the package was built
        }

        var parsed = texts.Select(Schema.SchemaReader.Read).ToImmutableArray();
        // The schemas whose types a reference already holds, as the generator sees them, so both judge the same set.
        var provided = compilation.References
            .SelectMany(r => Pipeline.ReferencedSchemas.Read(r))
            .Distinct()
            .OrderBy(i => i.Id, StringComparer.Ordinal)
            .ThenBy(i => i.Assembly, StringComparer.Ordinal)
            .ToEquatableArray();
        var model = Model.ModelBuilder.Build(parsed, Pipeline.GeneratorOptions.Read(provider.GlobalOptions), provided);
        return parsed.SelectMany(p => p.Diagnostics).Concat(model.Diagnostics).Distinct().ToImmutableArray();
    }
}
