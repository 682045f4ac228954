using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using BoardingDsl.Generator.Model;
using BoardingDsl.Generator.Tests.Infrastructure;
using Xunit;
using BoardingDsl.Testing;

namespace BoardingDsl.Generator.Tests;

/// <summary>Type names that would clash with a namespace: renamed when the name is BoardingDsl's own, reported otherwise.</summary>
public class NameClashTests
{
    [Fact]
    public void A_type_named_like_a_runtime_namespace_gets_Value_appended()
    {
        var text = TestSchemas.Request("client", """{ "name": { "type": "string", "description": "A name." } }""").Replace("\"ClientRequest\"", "\"Client\"");
        var outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(TestSchemas.Path("client"), text) });

        Assert.Empty(outcome.SchemaDiagnostics);
        Assert.Empty(outcome.CompilationErrors);
        Assert.Contains("BoardingDsl.ClientValue.g.cs", outcome.HintNames);
        Assert.Contains("public static ClientValueBuilder Client()", outcome.Source("BoardingDsl.ClientValueBuilder.g.cs"));
    }

    [Fact]
    public void A_namespace_named_like_a_type_is_reported_on_the_file_whose_namespace_it_is()
    {
        var order = TestSchemas.Request("order", """{ "a": { "type": "string", "description": "A." } }""").Replace("\"OrderRequest\"", "\"Order\"");
        var nested = TestSchemas.Request("nested", """{ "b": { "type": "string", "description": "B." } }""");
        var options = new TestOptionsProvider(files: new Dictionary<string, IDictionary<string, string>>
        {
            [TestSchemas.Path("order")] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.BoardingDslNamespace"] = "Acme" },
            [TestSchemas.Path("nested")] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.BoardingDslNamespace"] = "Acme.Order.Parts" },
        });
        var outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(TestSchemas.Path("order"), order), new InMemoryAdditionalText(TestSchemas.Path("nested"), nested) }, options);

        var diagnostic = Assert.Single(outcome.SchemaDiagnostics);
        Assert.Equal("BDSL1023", diagnostic.Id);
        Assert.Equal(TestSchemas.Path("nested"), diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("'Acme.Order'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Acme.Order.g.cs", outcome.HintNames);
        Assert.Empty(outcome.CompilationErrors);
    }

    /// <summary>Every <c>global::BoardingDsl…</c> the emitted code names goes through a type of <see cref="ReferencedNames"/>, below its namespaces.</summary>
    [Fact]
    public void Every_runtime_name_the_generated_code_uses_is_reserved()
    {
        var emit = Path.Combine(RepoPaths.Root, "src", "BoardingDsl.Generator", "Emit");
        var references = Directory.GetFiles(emit, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".scriban") || f.EndsWith(".cs"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"global::(BoardingDsl(?:\.\w+)+)").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            var parts = reference.Split('.');
            var prefixes = Enumerable.Range(1, parts.Length).Select(n => string.Join(".", parts.Take(n))).ToList();
            var type = prefixes.FirstOrDefault(ReferencedNames.Types.Contains);
            Assert.True(type is not null, $"{reference}: no prefix is in ReferencedNames.Types; add the type it names");
            Assert.All(prefixes.TakeWhile(p => p != type), p => Assert.Contains(p, ReferencedNames.Namespaces));
        }
    }
}
