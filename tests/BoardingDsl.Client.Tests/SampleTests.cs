using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace BoardingDsl.Client.Tests;

/// <summary>The main job: the sample, built as part of the solution, runs the whole boarding flow against the sandbox and succeeds.</summary>
public sealed class SampleTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private static string RepoRoot() => BoardingDsl.Testing.RepoRoot.Path;

    private static async Task<(int ExitCode, string Output)> RunAsync(string what, string arguments, string workingDirectory, TimeSpan limit)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine("stderr: " + e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{what} did not finish within {limit.TotalSeconds} s:\n{output}");
        }

        process.WaitForExit(); // drains the redirected output
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    [Fact(Timeout = 300_000)]
    public async Task The_sample_runs_the_whole_flow_and_reaches_Completed_with_a_status_found_by_polling()
    {
        var root = RepoRoot();
        var dll = Path.Combine(root, "artifacts", "bin", "BoardingDsl.Sample", "debug", "BoardingDsl.Sample.dll");
        if (!File.Exists(dll))
        {
            // Built with the solution; when only this project was built, build the sample first.
            var project = Path.Combine(root, "samples", "BoardingDsl.Sample", "BoardingDsl.Sample.csproj");
            var (built, log) = await RunAsync("dotnet build", $"build \"{project}\"", root, TimeSpan.FromMinutes(3));
            Assert.True(built == 0 && File.Exists(dll), "building the sample failed:\n" + log);
        }

        var (exitCode, output) = await RunAsync("the sample", $"\"{dll}\"", root, Limit);

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{output}");
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("reached the final status Completed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("receiver", StringComparison.Ordinal) && l.Contains("polled", StringComparison.Ordinal));
        foreach (var step in new[] { "StartOrder", "AddTerminalPackage", "AddProductPspStandalone", "SetShoppingCartPricingDetails", "SubmitOrder" })
        {
            Assert.Contains(lines, l => l.Contains("] " + step + " ", StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.Contains("receiver", StringComparison.Ordinal) && l.Contains("Completed", StringComparison.Ordinal) && l.Contains(", final", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("] error ", StringComparison.Ordinal));
        Assert.DoesNotContain("stderr:", output, StringComparison.Ordinal);
    }
}
