using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using BoardingDsl.Generator.Analyzers;
using BoardingDsl.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using BoardingDsl.Testing;

namespace BoardingDsl.Robustness.Tests.Infrastructure;

/// <summary>
/// Runs the generator (CSharpGeneratorDriver + BoardingGenerator) and the SchemaFileAnalyzer over one batch of cases, the
/// way the compiler does, offline, against the net8.0 reference assemblies plus BoardingDsl.Runtime and BoardingDsl.Client
/// (so the client methods are generated and compiled too).
/// </summary>
internal static class CorpusRunner
{
    /// <summary>The fixed time budget of one batch (generator + compile + analyzer).</summary>
    public static readonly TimeSpan BatchBudget = TimeSpan.FromSeconds(60);

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.BoardingDslNamespace";

    public static IReadOnlyList<MetadataReference> References { get; } = Net80.References.All
        .Concat(new[]
        {
            MetadataReference.CreateFromFile(typeof(BoardingDsl.Serialization.BoardingJson).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(BoardingDsl.Client.BoardingClient).Assembly.Location),
        })
        .ToArray();

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
        {
            // Reference assemblies of different patch levels; not what these tests are about.
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    /// <summary>Runs one batch within <paramref name="budget"/> (default <see cref="BatchBudget"/>); a hang is reported, not waited for.</summary>
    public static BatchResult Run(IReadOnlyList<SchemaCase> cases, TimeSpan? budget = null, IReadOnlyDictionary<string, string>? batchOptions = null)
    {
        var limit = budget ?? BatchBudget;
        using var cts = new CancellationTokenSource();
        var stopwatch = Stopwatch.StartNew();
        var task = Task.Factory.StartNew(() => RunCore(cases, batchOptions, cts.Token), cts.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        bool finished;
        try
        {
            finished = task.Wait(limit);
        }
        catch (AggregateException ex)
        {
            return BatchResult.Crashed(cases, stopwatch.Elapsed, ex.InnerException ?? ex);
        }

        if (!finished)
        {
            cts.Cancel();
            return BatchResult.TimedOutAfter(cases, stopwatch.Elapsed);
        }

        return task.Result with { Elapsed = stopwatch.Elapsed };
    }

    private static BatchResult RunCore(IReadOnlyList<SchemaCase> cases, IReadOnlyDictionary<string, string>? batchOptions, CancellationToken ct)
    {
        var texts = new List<AdditionalText>();
        var fileOptions = new Dictionary<string, IDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            foreach (var f in c.Files)
            {
                var path = c.PathOf(f);
                texts.Add(new InMemoryAdditionalText(path, f.Text));
                var ns = c.NamespaceOf(f);
                if (ns.Length > 0)
                {
                    fileOptions[path] = new Dictionary<string, string> { [NamespaceMetadata] = ns };
                }
            }
        }

        var global = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in batchOptions ?? new Dictionary<string, string>())
        {
            global["build_property." + pair.Key] = pair.Value;
        }

        foreach (var c in cases.Where(c => c.GlobalOptions is not null))
        {
            foreach (var pair in c.GlobalOptions!)
            {
                global["build_property." + pair.Key] = pair.Value;
            }
        }

        var options = new TestOptionsProvider(global, fileOptions);
        var additional = texts.ToImmutableArray();
        var compilation = CSharpCompilation.Create("Robustness", Array.Empty<SyntaxTree>(), References, CompilationOptions);

        var generate = Stopwatch.StartNew();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new BoardingGenerator().AsSourceGenerator() },
            additional,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, ct);
        var run = driver.GetRunResult();
        generate.Stop();

        var compile = Stopwatch.StartNew();
        ImmutableArray<Diagnostic> compileDiagnostics;
        using (var peStream = new MemoryStream())
        {
            // Emit, not only GetDiagnostics: some limits (metadata name lengths, …) are only checked when emitting.
            compileDiagnostics = output.Emit(peStream, cancellationToken: ct).Diagnostics;
        }

        compile.Stop();

        var analyze = Stopwatch.StartNew();
        var analyzerExceptions = new ConcurrentQueue<string>();
        var analyzerOptions = new AnalyzerOptions(additional, options);
        var withAnalyzers = output.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new SchemaFileAnalyzer()),
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                (ex, analyzer, diagnostic) => analyzerExceptions.Enqueue(analyzer.GetType().Name + ": " + ex),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var analyzerDiagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(ct).GetAwaiter().GetResult();
        analyze.Stop();

        var result = run.Results.Length > 0 ? run.Results[0] : default;
        return new BatchResult(
            cases,
            TimeSpan.Zero,
            TimedOut: false,
            RunnerException: null,
            GeneratorException: result.Exception,
            GeneratorDiagnostics: generatorDiagnostics,
            Sources: result.GeneratedSources.IsDefault ? ImmutableArray<GeneratedSourceResult>.Empty : result.GeneratedSources,
            CompileDiagnostics: compileDiagnostics,
            AnalyzerDiagnostics: analyzerDiagnostics,
            AnalyzerExceptions: analyzerExceptions.ToArray(),
            GenerateTime: generate.Elapsed,
            CompileTime: compile.Elapsed,
            AnalyzeTime: analyze.Elapsed);
    }
}

/// <summary>Everything one batch produced.</summary>
internal sealed record BatchResult(
    IReadOnlyList<SchemaCase> Cases,
    TimeSpan Elapsed,
    bool TimedOut,
    Exception? RunnerException,
    Exception? GeneratorException,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<GeneratedSourceResult> Sources,
    ImmutableArray<Diagnostic> CompileDiagnostics,
    ImmutableArray<Diagnostic> AnalyzerDiagnostics,
    IReadOnlyList<string> AnalyzerExceptions,
    TimeSpan GenerateTime,
    TimeSpan CompileTime,
    TimeSpan AnalyzeTime)
{
    public static BatchResult TimedOutAfter(IReadOnlyList<SchemaCase> cases, TimeSpan elapsed) => Empty(cases, elapsed) with { TimedOut = true };

    public static BatchResult Crashed(IReadOnlyList<SchemaCase> cases, TimeSpan elapsed, Exception ex) => Empty(cases, elapsed) with { RunnerException = ex };

    private static BatchResult Empty(IReadOnlyList<SchemaCase> cases, TimeSpan elapsed) => new(
        cases, elapsed, false, null, null, ImmutableArray<Diagnostic>.Empty, ImmutableArray<GeneratedSourceResult>.Empty,
        ImmutableArray<Diagnostic>.Empty, ImmutableArray<Diagnostic>.Empty, Array.Empty<string>(), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
}
