using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using BoardingDsl.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using BoardingDsl.Testing;

namespace BoardingDsl.Generator.Tests.Infrastructure;

/// <summary>Runs the generator the way the compiler does, offline, against net8.0 reference assemblies.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static IReadOnlyList<MetadataReference> References { get; } = Net80.References.All
        .Concat(new[] { MetadataReference.CreateFromFile(typeof(BoardingDsl.Serialization.BoardingJson).Assembly.Location) })
        .ToArray();

    /// <summary>The shipped schemas as AdditionalFiles.</summary>
    public static IReadOnlyList<AdditionalText> ShippedSchemas() =>
        Directory.GetFiles(RepoPaths.Schemas, "*.schema.json")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (AdditionalText)new InMemoryAdditionalText(p, File.ReadAllText(p)))
            .ToArray();

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error, specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
            {
                // Reference assemblies of different patch levels; not what these tests are about.
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            }));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> additionalTexts, TestOptionsProvider? options = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new BoardingGenerator().AsSourceGenerator() },
            additionalTexts,
            ParseOptions,
            options ?? new TestOptionsProvider(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static RunOutcome Run(IEnumerable<AdditionalText> additionalTexts, TestOptionsProvider? options = null, params string[] sources)
    {
        var texts = additionalTexts.ToImmutableArray();
        var compilation = Compilation(sources);
        var driver = Driver(texts, options).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzerOptions = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(texts, options ?? new TestOptionsProvider());
        var schemaDiagnostics = output
            .WithAnalyzers(ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new Analyzers.SchemaFileAnalyzer()), analyzerOptions)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return new RunOutcome(driver, (CSharpCompilation)output, generatorDiagnostics, schemaDiagnostics, driver.GetRunResult());
    }

    /// <param name="GeneratorDiagnostics">What the generator itself reported (its options only).</param>
    /// <param name="SchemaDiagnostics">What the schema-file analyzer reported (BDSL1xxx), as the IDE and the build show it.</param>
    internal sealed record RunOutcome(
        GeneratorDriver Driver,
        CSharpCompilation Output,
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        ImmutableArray<Diagnostic> SchemaDiagnostics,
        GeneratorDriverRunResult Result)
    {
        public ImmutableArray<Diagnostic> CompilationErrors => Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();

        public string Source(string hintName) => Result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

        public IEnumerable<string> HintNames => Result.Results.Single().GeneratedSources.Select(s => s.HintName);
    }
}
