using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Xunit;

namespace BoardingDsl.Robustness.Tests.Infrastructure;

/// <summary>What running a set of cases in batches found, and how long it took.</summary>
internal sealed class CorpusReport
{
    public List<Failure> Failures { get; } = new();

    public List<BatchResult> Batches { get; } = new();

    public int Cases { get; set; }

    public int Files { get; set; }

    public TimeSpan Elapsed { get; set; }

    public string Summary
    {
        get
        {
            var slowest = string.Join(", ", Batches.OrderByDescending(b => b.Elapsed).Take(3)
                .Select(b => FormattableString.Invariant($"{b.Elapsed.TotalSeconds:0.0} s ({b.Cases.Count} cases from {b.Cases[0].Id})")));
            return FormattableString.Invariant(
                $"{Cases} cases, {Files} schema files, {Batches.Count} batches, {Elapsed.TotalSeconds:0.0} s (generate {Batches.Sum(b => b.GenerateTime.TotalSeconds):0.0} s, ") +
                FormattableString.Invariant(
                $"compile {Batches.Sum(b => b.CompileTime.TotalSeconds):0.0} s, analyze {Batches.Sum(b => b.AnalyzeTime.TotalSeconds):0.0} s); ") +
                FormattableString.Invariant(
                $"{Batches.Sum(b => b.Sources.Length)} generated sources, {Batches.Sum(b => b.AnalyzerDiagnostics.Length)} schema diagnostics; slowest batches: {slowest}");
        }
    }
}

/// <summary>Runs cases in batches (many schema files per generator run) and turns broken invariants into one readable failure.</summary>
internal static class Corpus
{
    /// <summary>Runs <paramref name="cases"/>, about <paramref name="filesPerBatch"/> schema files per generator run.</summary>
    public static CorpusReport Run(IEnumerable<SchemaCase> cases, int filesPerBatch = 40, TimeSpan? budget = null)
    {
        var report = new CorpusReport();
        var stopwatch = Stopwatch.StartNew();
        foreach (var batch in Batches(cases.ToList(), filesPerBatch))
        {
            var result = CorpusRunner.Run(batch, budget);
            report.Batches.Add(result);
            report.Cases += batch.Count;
            report.Files += batch.Sum(c => c.Files.Count);
            report.Failures.AddRange(CorpusVerifier.Verify(result, budget));
        }

        report.Elapsed = stopwatch.Elapsed;
        return report;
    }

    public static IEnumerable<IReadOnlyList<SchemaCase>> Batches(IReadOnlyList<SchemaCase> cases, int filesPerBatch)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            Assert.True(ids.Add(c.Id), "Duplicate case id " + c.Id);
        }

        foreach (var c in cases.Where(c => c.RunsAlone))
        {
            yield return new[] { c };
        }

        var current = new List<SchemaCase>();
        var files = 0;
        foreach (var c in cases.Where(c => !c.RunsAlone))
        {
            if (current.Count > 0 && files + c.Files.Count > filesPerBatch)
            {
                yield return current;
                current = new List<SchemaCase>();
                files = 0;
            }

            current.Add(c);
            files += c.Files.Count;
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    /// <summary>Fails with every broken invariant, each with its case's files (escaped, so the text can be replayed).</summary>
    public static void AssertClean(CorpusReport report, string replay, ITestOutputHelper? output = null)
    {
        output?.WriteLine(report.Summary);
        if (report.Failures.Count == 0)
        {
            return;
        }

        Assert.Fail(Describe(report.Failures, replay) + "\n" + report.Summary);
    }

    public static string Describe(IReadOnlyList<Failure> failures, string replay, int maxChars = 60_000)
    {
        Dump(failures);
        var sb = new StringBuilder();
        sb.Append(failures.Count).Append(" broken invariant(s). ").AppendLine(replay);
        var shown = 0;
        foreach (var group in failures.GroupBy(f => f.Case))
        {
            if (sb.Length > maxChars)
            {
                sb.AppendLine($"… and {failures.Count - shown} more.");
                break;
            }

            var c = group.Key;
            sb.AppendLine().Append("== ").AppendLine(c is null ? "(batch)" : c.ToString());
            if (c?.Origin is not null)
            {
                sb.Append("   origin: ").AppendLine(c.Origin);
            }

            foreach (var f in group.Take(12))
            {
                sb.Append("   [").Append(f.Kind).Append("] ").AppendLine(f.Message);
                shown++;
            }

            if (group.Count() > 12)
            {
                sb.AppendLine($"   … {group.Count() - 12} more for this case");
                shown += group.Count() - 12;
            }

            if (c is not null)
            {
                foreach (var file in c.Files)
                {
                    sb.Append("   --- ").Append(c.PathOf(file)).Append(" (namespace ").Append(c.NamespaceOf(file)).AppendLine(")");
                    sb.Append("   ").AppendLine(Printable(file.Text, 2500));
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>With BOARDINGDSL_ROBUSTNESS_DUMP=&lt;folder&gt;, writes the files of every failing case there, exactly as they were.</summary>
    private static void Dump(IReadOnlyList<Failure> failures)
    {
        var folder = System.Environment.GetEnvironmentVariable("BOARDINGDSL_ROBUSTNESS_DUMP");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        foreach (var c in failures.Select(f => f.Case).OfType<SchemaCase>().Distinct())
        {
            foreach (var file in c.Files)
            {
                var path = System.IO.Path.Combine(folder, c.Id, file.Name);
                System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                System.IO.File.WriteAllText(path, file.Text);
            }

            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, c.Id, "failures.txt"), string.Join("\n", failures.Where(f => f.Case == c).Select(f => f.Kind + ": " + f.Message)));
        }
    }

    /// <summary>The text with every non-ASCII or control character as <c>\uXXXX</c>, cut at <paramref name="max"/> characters.</summary>
    public static string Printable(string text, int max)
    {
        var sb = new StringBuilder();
        foreach (var ch in text.Length > max ? text.Substring(0, max) : text)
        {
            if (ch == '\n')
            {
                sb.Append("\n   ");
            }
            else if (ch < 0x20 || ch > 0x7E)
            {
                sb.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(ch);
            }
        }

        if (text.Length > max)
        {
            sb.Append($"… ({text.Length} characters)");
        }

        return sb.ToString();
    }
}
