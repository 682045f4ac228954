using System;
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
[MemoryDiagnoser]
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
