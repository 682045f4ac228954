using System.Linq;
using BoardingDsl.Robustness.Tests.Corpus;
using BoardingDsl.Robustness.Tests.Infrastructure;
using Xunit;

namespace BoardingDsl.Robustness.Tests;

/// <summary>
/// The hostile-schema corpus. Every batch (many schema files per generator run) must keep the invariants of
/// <see cref="CorpusVerifier"/>: nothing escapes the generator or SchemaFileAnalyzer; the output always compiles; a schema
/// that cannot be generated has a BDSL1xxx diagnostic inside its own file; a Boarding schema without an error diagnostic is
/// generated; each batch finishes within <see cref="CorpusRunner.BatchBudget"/>. The classes run in parallel.
/// </summary>
public class HandWrittenCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Hand_written_hostile_schemas_keep_the_invariants()
    {
        var cases = HandWrittenCases.All().Concat(HandWrittenCases.ManyFileCases()).ToList();
        var report = Infrastructure.Corpus.Run(cases, filesPerBatch: 40);
        Infrastructure.Corpus.AssertClean(report, "Hand-written cases (Corpus/HandWrittenCases.cs).", output);
        Assert.True(cases.Count >= 150, $"{cases.Count} hand-written cases");
    }

    [Fact]
    public void Shipped_schemas_generate_cleanly()
    {
        // The baseline the mutants start from: all shipped schemas together generate with no error.
        var shipped = new SchemaCase("S_Shipped", "the shipped schemas", ShippedMutations.Shipped.Select(p => new SchemaFile(p.Key, p.Value))) with { MustGenerate = true };
        var report = Infrastructure.Corpus.Run(new[] { shipped });
        Infrastructure.Corpus.AssertClean(report, "Shipped schemas.", output);
        Assert.DoesNotContain(report.Batches.Single().AnalyzerDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }
}

public class RandomCorpusTests(ITestOutputHelper output)
{
    /// <summary>Fixed so failures replay; override with BOARDINGDSL_ROBUSTNESS_SEED, scale with BOARDINGDSL_ROBUSTNESS_SCALE.</summary>
    public const ulong FixedSeed = 20_240_611;

    [Fact]
    public void Random_hostile_schemas_keep_the_invariants()
    {
        var report = RandomCorpus.Run("R", HostileSchemaGen.Case, casesPerBatch: 30, batches: RandomCorpus.Scale(14), seed: RandomCorpus.Seed(FixedSeed));
        output.WriteLine(report.Summary);
        Assert.Empty(report.Failures);
    }
}

public class MutationCorpusTests(ITestOutputHelper output)
{
    public const ulong FixedSeed = 20_240_612;

    [Fact]
    public void Mutated_shipped_schemas_keep_the_invariants()
    {
        var report = RandomCorpus.Run("M", ShippedMutations.Case, casesPerBatch: 8, batches: RandomCorpus.Scale(10), seed: RandomCorpus.Seed(FixedSeed), filesPerBatch: 60);
        output.WriteLine(report.Summary);
        Assert.Empty(report.Failures);
    }
}

public class TruncationCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_prefix_of_a_shipped_schema_is_reported_or_ignored()
    {
        var cases = Truncations.All().ToList();
        var report = Infrastructure.Corpus.Run(cases, filesPerBatch: 250);
        Infrastructure.Corpus.AssertClean(report, $"Every proper prefix of schemas/{Truncations.Source}.", output);
        Assert.Contains(cases, c => c.ExpectedIds.Contains("BDSL1001"));
        Assert.Contains(cases, c => c.ExpectSilent);
    }
}
