using System;
using System.Collections.Immutable;
using System.Linq;
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

            var analysis = SchemaModelProvider.Get(files, start.Options, start.CancellationToken);
            start.RegisterAdditionalFileAction(file =>
            {
                foreach (var info in analysis.Diagnostics)
                {
                    if (info.Location is { } location && string.Equals(location.FilePath, file.AdditionalFile.Path, StringComparison.Ordinal))
                    {
                        file.ReportDiagnostic(info.ToDiagnostic());
                    }
                }
            });
        });
    }
}
