using System;
using System.Collections.Immutable;
using System.Linq;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Diagnostics;
using BoardingDsl.Generator.Emit;
using BoardingDsl.Generator.Model;
using BoardingDsl.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace BoardingDsl.Generator.Pipeline;

/// <summary>
/// Compiles every <c>*.schema.json</c> AdditionalFile into typed models and fluent builders.
/// schema file → (path, text) → parsed schema → builder model → one source per type.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class BoardingGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(SchemaFiles.IsSchemaFile)
            .WithTrackingName(TrackingNames.SchemaFiles);

        var texts = files
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) =>
            {
                var (file, options) = pair;
                var fileOptions = options.GetOptions(file);
                return new SchemaFileText(
                    file.Path,
                    file.GetText(ct)?.ToString(),
                    SchemaFiles.NamespaceOf(fileOptions, options.GlobalOptions),
                    SchemaFiles.IsDefault(fileOptions));
            })
            .WithTrackingName(TrackingNames.SchemaTexts);

        var parsed = texts
            .Select(static (text, _) => SchemaReader.Read(text))
            .WithTrackingName(TrackingNames.ParsedSchemas);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.Read(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var referenced = context.MetadataReferencesProvider
            .Select(static (reference, _) => ReferencedSchemas.Read(reference))
            .Collect()
            .Select(static (ids, _) => ids.SelectMany(i => i).Distinct().OrderBy(i => i.Id, StringComparer.Ordinal).ThenBy(i => i.Assembly, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.ReferencedSchemas);

        var model = parsed
            .Collect()
            .WithTrackingName(TrackingNames.AllSchemas)
            .Combine(options)
            .Combine(referenced)
            .Select(static (pair, _) => ModelBuilder.Build(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.BuilderModel);

        // Sources depend only on the location-free model, so a moved line re-emits nothing.
        var types = model
            .Select(static (result, _) => result.Model)
            .WithTrackingName(TrackingNames.GenerationModel)
            .SelectMany(static (m, _) => m.Types)
            .WithTrackingName(TrackingNames.Types);

        context.RegisterSourceOutput(types.Where(static t => !t.IsProvided), static (spc, type) =>
        {
            try
            {
                foreach (var (hintName, source) in TemplateRenderer.Render(type))
                {
                    spc.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never CS8785 with only missing types for the user: say which type failed and why.
                spc.ReportDiagnostic(DiagnosticCatalogue.InternalErrorAt(null, type.Name + ": " + ex.GetType().Name + ": " + ex.Message).ToDiagnostic());
            }
        });

        // The client methods only where the project references BoardingDsl.Client.
        var clientAvailable = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("BoardingDsl.Client.BoardingClient") is not null)
            .WithTrackingName(TrackingNames.ClientAvailable);

        var clientTypes = types
            .Where(static t => t.Entry is not null)
            .Combine(clientAvailable)
            .Where(static pair => pair.Right)
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.ClientTypes);

        context.RegisterSourceOutput(clientTypes, static (spc, type) =>
        {
            try
            {
                var (hintName, source) = TemplateRenderer.RenderClient(type);
                spc.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                spc.ReportDiagnostic(DiagnosticCatalogue.InternalErrorAt(null, type.Name + " client: " + ex.GetType().Name + ": " + ex.Message).ToDiagnostic());
            }
        });

        // Schema-file problems (BDSL1xxx) are reported by SchemaFileAnalyzer, live in the IDE; reported here too they
        // would show twice. The generator reports only what no analyzer sees: its MSBuild options.
        var diagnostics = options
            .Select(static (o, _) => o.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (var info in list)
            {
                spc.ReportDiagnostic(info.ToDiagnostic());
            }
        });
    }
}
