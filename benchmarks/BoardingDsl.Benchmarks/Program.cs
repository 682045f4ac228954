using BenchmarkDotNet.Running;

if (args is ["--analyzer-telemetry", ..])
{
    await BoardingDsl.Benchmarks.AnalyzerBenchmarks.Telemetry(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
