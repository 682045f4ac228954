using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using BoardingDsl.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using BoardingDsl.Testing;

namespace BoardingDsl.Analyzers.Tests.Infrastructure;

/// <summary>
/// The compilation every analyzer test runs in: the shipped schemas (plus a test's own) as AdditionalFiles, the
/// code the generator makes from them as sources, and net8.0 reference assemblies from a package (offline).
/// </summary>
internal static class TestWorld
{
    public static readonly string SchemasDirectory = FindSchemas();

    public static readonly ReferenceAssemblies Offline = new("net8.0-offline");

    public static IReadOnlyList<MetadataReference> References { get; } = Net80.References.All
        .Concat(new[] { MetadataReference.CreateFromFile(typeof(BoardingDsl.Serialization.BoardingJson).Assembly.Location) })
        .ToArray();

    private static readonly Dictionary<string, (List<(string, string)> Schemas, List<(string, SourceText)> Sources)> Cache = new();

    private static readonly Dictionary<string, MetadataReference> CompiledCache = new();

    /// <summary>
    /// The generated code compiled once into an assembly, so each test compiles only its own few lines (the analyzers
    /// find the builder types by name, in source or in a reference alike).
    /// </summary>
    public static MetadataReference Compiled(params (string Path, string Text)[] extraSchemas)
    {
        var key = string.Join("\n", extraSchemas.Select(s => s.Path + s.Text));
        lock (CompiledCache)
        {
            if (CompiledCache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var (_, sources) = For(extraSchemas);
            var compilation = CSharpCompilation.Create(
                "BoardingDsl.Generated",
                sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, new CSharpParseOptions(LanguageVersion.CSharp12), s.HintName)),
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            if (!emitted.Success)
            {
                throw new InvalidOperationException("The generated code does not compile: " + string.Join("\n", emitted.Diagnostics));
            }

            return CompiledCache[key] = MetadataReference.CreateFromImage(image.ToArray());
        }
    }

    /// <summary>A library compiled from <paramref name="schemas"/> alone (no shipped schema), as a partner's own package would ship its builders.</summary>
    public static MetadataReference CompiledLibrary(string assemblyName, params (string Path, string Text)[] schemas)
    {
        var driver = CSharpGeneratorDriver.Create(
            new[] { new BoardingGenerator().AsSourceGenerator() },
            schemas.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)),
            new CSharpParseOptions(LanguageVersion.CSharp12));
        var probe = CSharpCompilation.Create(assemblyName, Array.Empty<SyntaxTree>(), References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        driver.RunGeneratorsAndUpdateCompilation(probe, out var compilation, out _);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The library does not compile: " + string.Join("\n", emitted.Diagnostics));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>The schema files and generated sources for the shipped schemas plus <paramref name="extraSchemas"/>.</summary>
    public static (List<(string Path, string Text)> Schemas, List<(string HintName, SourceText Source)> Sources) For(params (string Path, string Text)[] extraSchemas)
    {
        var key = string.Join("\n", extraSchemas.Select(s => s.Path + s.Text));
        lock (Cache)
        {
            if (Cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var schemas = Directory.GetFiles(SchemasDirectory, "*.schema.json").OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (p, File.ReadAllText(p)))
                .Concat(extraSchemas)
                .ToList();
            var driver = CSharpGeneratorDriver.Create(
                new[] { new BoardingGenerator().AsSourceGenerator() },
                schemas.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Item1, s.Item2)),
                new CSharpParseOptions(LanguageVersion.CSharp12));
            var compilation = CSharpCompilation.Create("Probe", Array.Empty<SyntaxTree>(), References);
            var result = driver.RunGenerators(compilation).GetRunResult();
            var sources = result.Results.Single().GeneratedSources.Select(s => ("Generated/" + s.HintName, s.SourceText)).ToList();
            Cache[key] = (schemas, sources);
            return (schemas, sources);
        }
    }

    private static string FindSchemas() => BoardingDsl.Testing.RepoRoot.Schemas;
}
