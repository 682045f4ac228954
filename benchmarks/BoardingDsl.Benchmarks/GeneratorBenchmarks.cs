using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using BoardingDsl.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BoardingDsl.Benchmarks;

/// <summary>
/// The generator as the compiler runs it. Baseline: a first full run over the shipped schemas. The re-runs show
/// what incrementality saves; the scale pair shows the cost grows linearly with the number of schemas.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private AdditionalText[] _shipped = null!;
    private AdditionalText _editedSchema = null!;
    private GeneratorDriver _warm = null!;
    private AdditionalText[] _ten = null!;
    private AdditionalText[] _hundred = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class A { }", ParseOptions) }, Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _edited = _compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText("class A { int x; }", ParseOptions));
        _shipped = Directory.GetFiles(BoardingDsl.Testing.RepoRoot.Schemas, "*.schema.json").Select(p => (AdditionalText)new BoardingDsl.Testing.InMemoryAdditionalText(p, File.ReadAllText(p))).ToArray();
        var order = _shipped.First(t => t.Path.EndsWith("order.schema.json", StringComparison.Ordinal) && !t.Path.EndsWith("-order.schema.json", StringComparison.Ordinal));
        _editedSchema = new BoardingDsl.Testing.InMemoryAdditionalText(order.Path, order.GetText()!.ToString().Replace("The order template", "The edited order template", StringComparison.Ordinal));
        _warm = Driver(_shipped).RunGenerators(_compilation);
        _ten = Synthetic.Schemas(10, 50);
        _hundred = Synthetic.Schemas(100, 50);
    }

    [Benchmark(Baseline = true, Description = "full run, shipped schemas")]
    public GeneratorDriver FullRun() => Driver(_shipped).RunGenerators(_compilation);

    [Benchmark(Description = "re-run after an unrelated .cs edit")]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(_edited);

    [Benchmark(Description = "re-run after editing order.schema.json")]
    public GeneratorDriver SchemaEdit() => _warm.ReplaceAdditionalText(_shipped.First(t => t.Path == _editedSchema.Path), _editedSchema).RunGenerators(_compilation);

    [Benchmark(Description = "full run, 10 schemas x 50 properties")]
    public GeneratorDriver Ten() => Driver(_ten).RunGenerators(_compilation);

    [Benchmark(Description = "full run, 100 schemas x 50 properties")]
    public GeneratorDriver Hundred() => Driver(_hundred).RunGenerators(_compilation);

    private static GeneratorDriver Driver(IEnumerable<AdditionalText> texts) =>
        CSharpGeneratorDriver.Create(new[] { new BoardingGenerator().AsSourceGenerator() }, texts, ParseOptions);
}
