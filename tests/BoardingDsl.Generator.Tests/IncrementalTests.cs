using System.Linq;
using BoardingDsl.Generator.Pipeline;
using BoardingDsl.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using BoardingDsl.Testing;

namespace BoardingDsl.Generator.Tests;

/// <summary>The generator runs on every keystroke: what did not change must not run again.</summary>
public class IncrementalTests
{
    private static readonly InMemoryAdditionalText First = new(TestSchemas.Path("first"), TestSchemas.Request("first", """
        {
          "name": { "type": "string", "description": "A name." },
          "status": { "$ref": "status.schema.json", "description": "A status." }
        }
        """, """["name"]"""));

    private static readonly InMemoryAdditionalText Second = new(TestSchemas.Path("second"), TestSchemas.Request("second", """
        { "amount": { "type": "number", "format": "decimal", "description": "An amount." } }
        """));

    private static readonly InMemoryAdditionalText Status = new("/repo/schemas/status.schema.json", """
        { "$id": "https://schemas.boardingdsl.example/test/status.schema.json", "title": "Status", "type": "string", "enum": ["New", "Done"], "description": "A status." }
        """);

    // A stand-in for BoardingDsl.Client, so the client steps run too.
    private const string WithClient = "namespace BoardingDsl.Client { public sealed class BoardingClient { } } class A { }";

    [Fact]
    public void An_unrelated_cs_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.Compilation(WithClient);
        var driver = GeneratorHarness.Driver(new[] { First, Second, Status }).RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText(WithClient.Replace("class A { }", "class A { int x; }"), GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult();

        StepAssertions.AssertAllCachedOrUnchanged(result, StepAssertions.AllTrackingNames);
        Assert.All(result.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_whitespace_only_schema_edit_re_emits_nothing()
    {
        var compilation = GeneratorHarness.Compilation("class A { }");
        var driver = GeneratorHarness.Driver(new[] { First, Second, Status }).RunGenerators(compilation);

        var reformatted = new InMemoryAdditionalText(First.Path, "\n\n" + First.GetText()!.ToString().Replace("\n", "\n  "));
        var result = driver.ReplaceAdditionalText(First, reformatted).RunGenerators(compilation).GetRunResult();

        var reasons = StepAssertions.Reasons(result);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons[TrackingNames.ParsedSchemas]);
        StepAssertions.AssertAllCachedOrUnchanged(result, TrackingNames.GenerationModel, TrackingNames.Types);
    }

    [Fact]
    public void Editing_one_schema_regenerates_only_its_own_sources()
    {
        var compilation = GeneratorHarness.Compilation("class A { }");
        var driver = GeneratorHarness.Driver(new[] { First, Second, Status }).RunGenerators(compilation);

        var changed = new InMemoryAdditionalText(Second.Path, Second.GetText()!.ToString().Replace("An amount.", "The amount, changed."));
        var result = driver.ReplaceAdditionalText(Second, changed).RunGenerators(compilation).GetRunResult();

        var types = result.Results.Single().TrackedSteps[TrackingNames.Types].SelectMany(s => s.Outputs).ToList();
        var modified = types.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((Model.TypeModel)o.Value).Name).ToList();
        Assert.Equal(new[] { "SecondRequest" }, modified);
        Assert.All(types.Where(o => ((Model.TypeModel)o.Value).Name != "SecondRequest"),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void No_step_holds_symbols_syntax_or_compilations()
    {
        var outcome = GeneratorHarness.Run(new[] { First, Second, Status }, null, WithClient);

        Assert.NotEmpty(outcome.Result.Results.Single().TrackedSteps);
        foreach (var name in StepAssertions.AllTrackingNames)
        {
            Assert.True(outcome.Result.Results.Single().TrackedSteps.ContainsKey(name), $"Step {name} was not tracked.");
        }

        StepAssertions.AssertNoBannedTypes(outcome.Result);
    }
}
