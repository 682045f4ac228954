using System.Linq;
using BoardingDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace BoardingDsl.Generator.Tests;

/// <summary>The generated source of every shipped schema, approved as <c>Snapshots/*.verified.cs</c>.</summary>
public class SnapshotTests
{
    private static readonly GeneratorHarness.RunOutcome Shipped = GeneratorHarness.Run(GeneratorHarness.ShippedSchemas(), null, "class Consumer { }");

    public static TheoryData<string> HintNames() => new(Shipped.HintNames.OrderBy(h => h, System.StringComparer.Ordinal));

    [Fact]
    public void The_shipped_schemas_generate_without_diagnostics_and_compile_without_warnings()
    {
        Assert.Empty(Shipped.GeneratorDiagnostics);
        Assert.Empty(Shipped.SchemaDiagnostics);
        Assert.Empty(Shipped.CompilationErrors);
        Assert.True(Shipped.HintNames.Count() >= 20, string.Join(", ", Shipped.HintNames));
    }

    [Theory]
    [MemberData(nameof(HintNames))]
    public void Generated_source_matches_its_snapshot(string hintName) =>
        Snapshot.Match(hintName.Replace(".g.cs", string.Empty), ScrubVersion(Shipped.Source(hintName)));

    // The package version changes with every release; the snapshots are about the code (as Verify scrubs versions).
    private static string ScrubVersion(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"GeneratedCode\(""BoardingDsl"", ""[^""]+""\)", @"GeneratedCode(""BoardingDsl"", ""{version}"")");
}
