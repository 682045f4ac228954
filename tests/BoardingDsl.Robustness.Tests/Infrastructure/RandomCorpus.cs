using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BoardingDsl.Robustness.Tests.Corpus;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace BoardingDsl.Robustness.Tests.Infrastructure;

/// <summary>
/// Runs an FsCheck property over batches of generated cases: each test case of the property is one batch (one generator
/// run). Deterministic: the seed is fixed (override with BOARDINGDSL_ROBUSTNESS_SEED) and printed with every failure.
/// </summary>
internal static class RandomCorpus
{
    public static ulong Seed(ulong fallback) =>
        ulong.TryParse(Environment.GetEnvironmentVariable("BOARDINGDSL_ROBUSTNESS_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : fallback;

    /// <summary>More batches than the default (BOARDINGDSL_ROBUSTNESS_SCALE=10 runs ten times as many) for a longer hunt.</summary>
    public static int Scale(int batches) =>
        int.TryParse(Environment.GetEnvironmentVariable("BOARDINGDSL_ROBUSTNESS_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k > 0 ? batches * k : batches;

    public static CorpusReport Run(string prefix, Gen<CaseDraft> cases, int casesPerBatch, int batches, ulong seed, int filesPerBatch = 50)
    {
        var report = new CorpusReport();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var replay = $"Replay: BOARDINGDSL_ROBUSTNESS_SEED={seed} (FsCheck Rnd({seed}), {batches} batches of {casesPerBatch} cases; case ids are {prefix}<batch>_<case>).";
        var index = 0;
        var property = Prop.ForAll(
            Arb.From(cases.ListOf(casesPerBatch).Select(l => new DraftBatch(l))),
            batch =>
            {
                var k = index++;
                var list = batch.Cases
                    .Select((c, j) => c.ToCase(string.Create(CultureInfo.InvariantCulture, $"{prefix}{k:D3}_{j:D2}"), $"seed {seed}, batch {k}, case {j}: {c.Kind}"))
                    .ToList();
                // Every third batch builds internal types (BoardingDslAccessibility=internal).
                var options = k % 3 == 2 ? new Dictionary<string, string> { ["BoardingDslAccessibility"] = "internal" } : null;
                foreach (var chunk in Infrastructure.Corpus.Batches(list, filesPerBatch))
                {
                    var result = CorpusRunner.Run(chunk, batchOptions: options);
                    var failures = CorpusVerifier.Verify(result);
                    report.Batches.Add(result);
                    report.Cases += chunk.Count;
                    report.Files += chunk.Sum(c => c.Files.Count);
                    report.Failures.AddRange(failures);
                    if (failures.Count > 0)
                    {
                        throw new CorpusFailure(Infrastructure.Corpus.Describe(failures, replay) + "\n" + report.Summary);
                    }
                }
            });
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(batches)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));
        Check.One(config, property);
        report.Elapsed = stopwatch.Elapsed;
        return report;
    }
}

/// <summary>A broken invariant inside the FsCheck property (its message carries the cases and the seed).</summary>
internal sealed class CorpusFailure : Exception
{
    public CorpusFailure(string message)
        : base(message)
    {
    }
}
