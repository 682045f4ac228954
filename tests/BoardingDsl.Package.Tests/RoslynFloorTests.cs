using System;
using System.IO;
using System.IO.Compression;
using System.Threading.Tasks;
using Xunit;

namespace BoardingDsl.Package.Tests;

/// <summary>
/// The Roslyn floor: the packed generator and analyzers loaded by a host that has only Microsoft.CodeAnalysis.CSharp
/// 4.8.0 (the oldest compiler BoardingDsl supports) and run there. A reference to a newer Roslyn in the analyzer
/// assemblies is warning CS9057 in a real build, which drops the whole analyzer; here it fails to load or run.
/// </summary>
[Collection("consumers")]
public sealed class RoslynFloorTests(PackedPackage package)
{
    [Fact]
    public async Task The_packed_generator_and_analyzers_run_on_Roslyn_4_8()
    {
        var dir = package.NewConsumer("RoslynFloor");
        var unpacked = Path.Combine(dir, "package");
        ZipFile.ExtractToDirectory(package.PackagePath, unpacked);
        File.WriteAllText(Path.Combine(dir, "RoslynFloor.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" />
                <PackageReference Include="Microsoft.CodeAnalysis.CSharp.Workspaces" Version="4.8.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), FloorProgram);

        var build = await package.BuildAsync(dir);
        Assert.True(build.ExitCode == 0, build.Output);
        var run = await package.RunAsync("dotnet", $"run --no-build --disable-build-servers -- \"{unpacked}\"", dir);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Microsoft.CodeAnalysis 4.8.0.0", run.Output);
        Assert.Contains("code fixes: 4 (BDSL0001, BDSL0002, BDSL0003, BDSL0005)", run.Output);
        Assert.Contains("generated: Acme.RegisterDeviceRequest.g.cs", run.Output);
        Assert.Contains("BDSL0001 at (3,", run.Output);
        Assert.Contains("BDSL0001 at (4,", run.Output);
        Assert.DoesNotContain("AD0001", run.Output);
        Assert.DoesNotContain("CS8784", run.Output);
        Assert.DoesNotContain("CS8785", run.Output);
    }

    // The host: loads analyzers/dotnet/cs/*.dll from the unpacked package, runs the generator over one schema of the
    // project's own and the analyzers over code that misuses a precompiled builder and the generated one.
    private const string FloorProgram = """"
        using System.Collections.Immutable;
        using System.Reflection;
        using System.Runtime.Loader;
        using Microsoft.CodeAnalysis;
        using Microsoft.CodeAnalysis.CSharp;
        using Microsoft.CodeAnalysis.Diagnostics;
        using Microsoft.CodeAnalysis.Text;

        var package = args[0];
        var analyzersDir = Path.Combine(package, "analyzers", "dotnet", "cs");
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = Path.Combine(analyzersDir, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
        Console.WriteLine("Microsoft.CodeAnalysis " + typeof(Compilation).Assembly.GetName().Version);

        var generators = new List<ISourceGenerator>();
        var analyzers = new List<DiagnosticAnalyzer>();
        var fixes = new List<Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider>();
        foreach (var file in new[] { "BoardingDsl.Generator.dll", "BoardingDsl.CodeFixes.dll" })
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(analyzersDir, file));
            foreach (var type in assembly.GetTypes())
            {
                if (type.IsAbstract) continue;
                if (type.GetCustomAttribute<GeneratorAttribute>() is not null && typeof(IIncrementalGenerator).IsAssignableFrom(type))
                    generators.Add(((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator());
                if (type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
                    analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
                if (type.GetCustomAttribute<Microsoft.CodeAnalysis.CodeFixes.ExportCodeFixProviderAttribute>() is not null)
                    fixes.Add((Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(type)!);
            }
        }

        Console.WriteLine($"generators: {generators.Count}, analyzers: {analyzers.Count}, code fixes: {fixes.Count} ({string.Join(", ", fixes.SelectMany(f => f.FixableDiagnosticIds).Order())})");
        if (generators.Count == 0 || analyzers.Count < 6 || fixes.Count < 4) return 2;

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Concat(Directory.GetFiles(Path.Combine(package, "lib", "net8.0"), "*.dll").Select(p => MetadataReference.CreateFromFile(p)))
            .ToList();
        const string code = "using BoardingDsl;\nclass App { void M(Order order) {\n    var a = Boarding.SubmitOrder().WithOrder(order).Build();\n    var b = Acme.Boarding.RegisterDevice().Build();\n} }\n";
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var compilation = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText(code, parse, "App.cs") }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var schema = new Schema("/app/register-device.schema.json", """
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://acme.example/register-device.schema.json",
              "title": "RegisterDeviceRequest",
              "x-boarding-endpoint": { "operation": "RegisterDevice", "role": "request", "method": "POST", "path": "/devices", "responses": { "200": "OK" } },
              "type": "object", "additionalProperties": false, "required": ["serial"],
              "properties": { "serial": { "type": "string" } } }
            """);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, new AdditionalText[] { schema }, parse, new Options());
        var ran = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics); // drivers are immutable
        foreach (var result in ran.GetRunResult().Results)
        {
            if (result.Exception is not null) { Console.WriteLine("generator exception: " + result.Exception); return 3; }
            foreach (var source in result.GeneratedSources) Console.WriteLine("generated: " + source.HintName);
        }

        foreach (var d in generatorDiagnostics) Console.WriteLine("generator: " + d);
        var withAnalyzers = output.WithAnalyzers(analyzers.ToImmutableArray(), new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(schema)));
        foreach (var d in await withAnalyzers.GetAllDiagnosticsAsync())
        {
            if (d.Severity < DiagnosticSeverity.Warning && !d.Id.StartsWith("BDSL", StringComparison.Ordinal)) continue;
            var span = d.Location.GetLineSpan();
            Console.WriteLine($"{d.Id} at ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.GetMessage()}");
        }

        return 0;

        sealed class Schema(string path, string text) : AdditionalText
        {
            public override string Path { get; } = path;
            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
        }

        sealed class Options : AnalyzerConfigOptionsProvider
        {
            public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new() { ["build_property.BoardingDslNamespace"] = "Acme" });
            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(new());
            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(new());
        }

        sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
        """";
}
