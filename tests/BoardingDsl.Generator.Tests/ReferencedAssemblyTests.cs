using System.IO;
using System.Linq;
using BoardingDsl.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using BoardingDsl.Testing;

namespace BoardingDsl.Generator.Tests;

/// <summary>A library that generated public types from a schema carries a marker; a project referencing it does not generate them again (CS0436).</summary>
public class ReferencedAssemblyTests
{
    private static readonly InMemoryAdditionalText Schema = new(TestSchemas.Path("shared"), TestSchemas.Request("shared", """
        { "name": { "type": "string", "description": "A name." } }
        """, """["name"]"""));

    [Fact]
    public void Types_a_referenced_assembly_already_has_are_used_not_generated()
    {
        var library = GeneratorHarness.Run(new[] { Schema }, null, "namespace Lib { public static class Api { public static BoardingDsl.SharedRequest Make() => BoardingDsl.Boarding.Shared().WithName(\"lib\").Build(); } }");
        Assert.Empty(library.CompilationErrors);
        Assert.Contains("BoardingSchemaAttribute(\"https://schemas.boardingdsl.example/test/shared.schema.json\"", library.Source("BoardingDsl.SharedRequest.g.cs"));
        using var image = new MemoryStream();
        Assert.True(library.Output.WithAssemblyName("Lib").Emit(image).Success);

        var appCompilation = GeneratorHarness.Compilation("class App { string Run() => Lib.Api.Make().ToJson() + BoardingDsl.Boarding.Shared().WithName(\"app\").Build().ToJson(); }")
            .AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
        var driver = GeneratorHarness.Driver(new[] { Schema }).RunGeneratorsAndUpdateCompilation(appCompilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(driver.GetRunResult().Results.Single().GeneratedSources);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Without_the_reference_the_same_schema_is_generated()
    {
        var outcome = GeneratorHarness.Run(new[] { Schema }, null, "class App { }");

        Assert.Contains("BoardingDsl.SharedRequest.g.cs", outcome.HintNames);
    }
}
