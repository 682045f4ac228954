using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using BoardingDsl.Generator.Analyzers;
using BoardingDsl.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BoardingDsl.Benchmarks;

/// <summary>
/// Analysis of a 2,000-line file of builder chains. Baseline: the same compilation analyzed by an analyzer that
/// registers the same kind of action (every invocation) but does nothing, so the difference is BoardingDsl's work.
/// </summary>
// The 2-core VM makes single iterations noisy (concurrent analysis, GC): the median is the figure to read.
[MemoryDiagnoser]
[MedianColumn]
public class AnalyzerBenchmarks
{
    private Compilation _compilation = null!;
    private AnalyzerOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var schemas = Directory.GetFiles(BoardingDsl.Testing.RepoRoot.Schemas, "*.schema.json").Select(p => (AdditionalText)new BoardingDsl.Testing.InMemoryAdditionalText(p, File.ReadAllText(p))).ToImmutableArray();
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText(Chains(2000), parse, "Chains.cs") },
            Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(BoardingDsl.Serialization.BoardingJson).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new[] { new BoardingGenerator().AsSourceGenerator() }, schemas, parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out _compilation, out _);
        _options = new AnalyzerOptions(schemas);
        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The benchmark file does not compile: " + errors[0]);
        }
    }

    [Benchmark(Baseline = true, Description = "2,000 lines, no BoardingDsl analyzers")]
    public Task<ImmutableArray<Diagnostic>> Without() => Analyze(ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyInvocationAnalyzer()));

    [Benchmark(Description = "2,000 lines, BoardingDsl analyzers")]
    public Task<ImmutableArray<Diagnostic>> With() => Analyze(BuilderRuleAnalyzer.All);

    private Task<ImmutableArray<Diagnostic>> Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.WithAnalyzers(analyzers, _options).GetAnalyzerDiagnosticsAsync();

    /// <summary>
    /// A repeatable driver beside the benchmark (<c>-- --analyzer-telemetry</c>): analyzes the same compilation
    /// sequentially <paramref name="runs"/> times and prints Roslyn's own execution time per analyzer, the baseline
    /// analyzer included, so the cost of each rule can be read without the VM's wall-clock noise.
    /// </summary>
    public static async Task Telemetry(int runs)
    {
        var bench = new AnalyzerBenchmarks();
        bench.Setup();
        var analyzers = BuilderRuleAnalyzer.All.Add(new EmptyInvocationAnalyzer());
        var totals = analyzers.ToDictionary(a => a, _ => TimeSpan.Zero);
        for (var i = 0; i < runs; i++)
        {
            var run = bench._compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(bench._options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            await run.GetAnalyzerDiagnosticsAsync();
            foreach (var analyzer in analyzers)
            {
                totals[analyzer] += (await run.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime;
            }
        }

        foreach (var (analyzer, total) in totals)
        {
            Console.WriteLine($"{analyzer.GetType().Name,-28} {total.TotalMilliseconds / runs,8:F1} ms per run");
        }

        // The benchmark's two cases again, analyzed sequentially and alternating, medians: the wall-clock ratio without
        // the concurrent analysis that makes BenchmarkDotNet's iterations on this VM spread by ±30 %.
        var baseline = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyInvocationAnalyzer());
        var without = new List<double>();
        var with = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            without.Add(await Time(bench, baseline));
            with.Add(await Time(bench, BuilderRuleAnalyzer.All));
        }

        double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
        Console.WriteLine($"sequential analysis, median of {runs}: without {Median(without):F1} ms, with {Median(with):F1} ms, ratio {Median(with) / Median(without):F3}");
    }

    private static async Task<double> Time(AnalyzerBenchmarks bench, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await bench._compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(bench._options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static string Chains(int lines)
    {
        var sb = new StringBuilder("using System;\nusing BoardingDsl;\n\nclass Chains\n{\n");
        var written = 5;
        for (var i = 0; written < lines; i++)
        {
            sb.Append($$"""
                    SubmitOrderRequest M{{i}}(Order order) => Boarding.SubmitOrder()
                        .WithNotifyCustomerByEmail(true)
                        .WithExternalReference("{{i}}")
                        .WithStatusNotificationInformation(n => n
                            .WithNotificationUrl("https://api.integrator.nl/{{i}}")
                            .WithNotifyOnStatus(OrderStatus.Completed, OrderStatus.Failed))
                        .WithOrder(order)
                        .Build();

                    StoreInformation S{{i}}()
                    {
                        var s = new StoreInformationBuilder().WithCocNumber("{{i}}");
                        s.WithCocRegistry("Kvk");
                        return s.Build();
                    }

                """);
            written += 15;
        }

        return sb.Append("}\n").ToString();
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyInvocationAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("BENCH0001", "t", "m", "c", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
        }
    }
}
