using System;
using System.IO;
using System.Linq;
using BoardingDsl.Generator.Tests.Infrastructure;
using BoardingDsl.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace BoardingDsl.Generator.Tests.Features;

/// <summary>
/// Feature snapshots beside the shipped-schema ones (Mapperly's <c>_snapshots</c> style): one small fixture per
/// keyword family and shape (<c>Features/&lt;feature&gt;/*.schema.json</c>), so that every branch of the templates is in
/// an approved file, not only what the shipped schemas happen to use. Each fixture also generates without a
/// diagnostic and compiles without a warning.
/// </summary>
public class FeatureSnapshotTests
{
    private static readonly string Root = RepoPaths.ThisDirectory();

    public static TheoryData<string> Features() => new(Directory.GetDirectories(Root).Select(Path.GetFileName).Where(f => f != "Snapshots").OrderBy(f => f, StringComparer.Ordinal)!);

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var feature in Features())
        {
            foreach (var hint in Run(feature).HintNames.OrderBy(h => h, StringComparer.Ordinal))
            {
                data.Add(feature, hint);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void A_feature_generates_without_diagnostics_and_compiles_without_warnings(string feature)
    {
        var outcome = Run(feature);

        Assert.Empty(outcome.SchemaDiagnostics);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationErrors);
        Assert.NotEmpty(outcome.HintNames);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_generated_file_matches_its_snapshot(string feature, string hintName) =>
        Snapshot.Match(feature + "." + hintName.Replace(".g.cs", string.Empty), ScrubVersion(Run(feature).Source(hintName)));

    private static GeneratorHarness.RunOutcome Run(string feature) => Outcomes.GetOrAdd(feature, f => GeneratorHarness.Run(
        Directory.GetFiles(Path.Combine(Root, f), "*.schema.json").OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (AdditionalText)new InMemoryAdditionalText("/features/" + f + "/" + Path.GetFileName(p), File.ReadAllText(p)))));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, GeneratorHarness.RunOutcome> Outcomes = new(StringComparer.Ordinal);

    private static string ScrubVersion(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"GeneratedCode\(""BoardingDsl"", ""[^""]+""\)", @"GeneratedCode(""BoardingDsl"", ""{version}"")");
}
