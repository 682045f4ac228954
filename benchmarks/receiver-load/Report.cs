using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace BoardingDsl.ReceiverLoad;

/// <summary>What one run measured.</summary>
internal sealed record RunFigures(
    int Orders,
    int BurstCallbacks,
    double BurstSeconds,
    double[] BurstLatenciesMs,
    int FailedCallbacks,
    int WalkCallbacks,
    double[] WalkLatenciesMs,
    double WalkSeconds,
    IReadOnlyList<(string OrderId, string Status, DateTimeOffset At)> changes,
    IReadOnlyDictionary<string, string> References,
    IReadOnlyList<Handled> handled,
    int fetches,
    TimeSpan Step)
{
    public IReadOnlyList<(string OrderId, string Status, DateTimeOffset At)> Changes { get; } = changes;

    public IReadOnlyList<Handled> HandledCalls { get; } = handled;

    public int Fetches { get; } = fetches;
}

/// <summary>Prints the figures and the targets they are held to.</summary>
internal static class Report
{
    private static readonly TimeSpan Current = TimeSpan.FromSeconds(1);

    public static void Print(RunFigures run)
    {
        var byOrder = run.Changes.GroupBy(c => c.OrderId);
        var rows = new List<(string Reference, string Status, TimeSpan Lasted, int Handled, int Keys, double? LagMs)>();
        foreach (var order in byOrder)
        {
            if (!run.References.TryGetValue(order.Key, out var reference))
            {
                continue;
            }

            var steps = order.OrderBy(c => c.At).ToList();
            for (var i = 0; i < steps.Count; i++)
            {
                var lasted = i + 1 < steps.Count ? steps[i + 1].At - steps[i].At : TimeSpan.MaxValue;
                var calls = run.HandledCalls.Where(h => h.Reference == reference && h.Status == steps[i].Status).ToList();
                double? lag = calls.Count == 0 ? null : calls.Min(h => h.AtUnixMs) - steps[i].At.ToUnixTimeMilliseconds();
                rows.Add((reference, steps[i].Status, lasted, calls.Count, calls.Select(h => h.Key).Distinct().Count(), lag));
            }
        }

        if (Environment.GetEnvironmentVariable("RECEIVER_LOAD_TRACE") is { } trace)
        {
            foreach (var c in run.Changes.Where(c => run.References.TryGetValue(c.OrderId, out var r) && r == trace).OrderBy(c => c.At))
            {
                Console.WriteLine($"  trace {trace}: {c.At.ToUnixTimeMilliseconds()} entered {c.Status}");
            }

            foreach (var h in run.HandledCalls.Where(h => h.Reference == trace).OrderBy(h => h.AtUnixMs))
            {
                Console.WriteLine($"  trace {trace}: {h.AtUnixMs} handled {h.Status} by {h.Instance} ({h.Key})");
            }
        }

        var held = rows.Where(r => r.Lasted >= Current).ToList();
        var brief = rows.Where(r => r.Lasted < Current).ToList();
        var lost = held.Count(r => r.Handled == 0);
        var once = held.Count(r => r.Handled == 1);
        var twice = held.Count(r => r.Handled > 1);
        var lags = held.Where(r => r.LagMs is not null).Select(r => r.LagMs!.Value).ToArray();
        var rate = run.BurstCallbacks / run.BurstSeconds;
        var lagP99 = Percentile(lags, 0.99);

        Console.WriteLine();
        Console.WriteLine("receiver load and fault run");
        Console.WriteLine($"  burst:    {run.BurstCallbacks} callbacks for {run.Orders} orders in {run.BurstSeconds:F2} s = {rate:F0} callbacks/s; latency p50 {Percentile(run.BurstLatenciesMs, 0.5):F1} ms, p99 {Percentile(run.BurstLatenciesMs, 0.99):F1} ms; not answered 202: {run.FailedCallbacks}");
        Console.WriteLine($"  walk:     {run.WalkCallbacks} callbacks over {run.WalkSeconds:F1} s; latency p50 {Percentile(run.WalkLatenciesMs, 0.5):F1} ms, p99 {Percentile(run.WalkLatenciesMs, 0.99):F1} ms");
        Console.WriteLine($"  API:      {run.Fetches} status fetches for {run.BurstCallbacks + run.WalkCallbacks} callbacks and {rows.Count} statuses");
        Console.WriteLine($"  statuses current >= 1 s: {held.Count}; handled 0 times: {lost}, once: {once}, more than once: {twice} (of which with one idempotency key: {held.Count(r => r.Handled > 1 && r.Keys == 1)})");
        Console.WriteLine($"  lost, by status: {string.Join(", ", held.Where(r => r.Handled == 0).GroupBy(r => r.Status).Select(g => g.Key + " " + g.Count()))}");
        Console.WriteLine($"  statuses current < 1 s:  {brief.Count}; handled: {brief.Count(r => r.Handled > 0)}");
        Console.WriteLine($"  status change -> handler lag: p50 {Percentile(lags, 0.5):F0} ms, p99 {lagP99:F0} ms, max {(lags.Length == 0 ? 0 : lags.Max()):F0} ms");
        Console.WriteLine();
        Console.WriteLine($"  target 0 handled twice:       {(twice == 0 ? "met" : "missed")} ({twice})");
        Console.WriteLine($"  target 0 lost:                {(lost == 0 ? "met" : "missed")} ({lost})");
        Console.WriteLine($"  target lag p99 <= 1 s:        {(lagP99 <= 1000 ? "met" : "missed")} ({lagP99:F0} ms)");
        Console.WriteLine($"  target >= 2,000 callbacks/s:  {(rate >= 2000 ? "met" : "missed")} ({rate:F0})");
        foreach (var row in held.Where(r => r.Handled != 1).Take(10))
        {
            Console.WriteLine($"    {row.Reference} {row.Status}: handled {row.Handled} times ({row.Keys} keys)");
        }
    }

    private static double Percentile(double[] values, double p)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
