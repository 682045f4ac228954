using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using BoardingDsl.Robustness.Tests.Infrastructure;
using Xunit;
using static BoardingDsl.Robustness.Tests.Infrastructure.S;

namespace BoardingDsl.Robustness.Tests;

/// <summary>
/// Runs one test of this assembly in a child process (the test executable itself, with the xunit console filter), for inputs
/// that may crash the process (a stack overflow cannot be caught). The child tests are skipped unless the child is running.
/// </summary>
public class ChildProcess
{
    public const int ChainLength = 20_000;

    private const string ChildVariable = "BOARDINGDSL_ROBUSTNESS_CHILD";

    public static bool IsChild => Environment.GetEnvironmentVariable(ChildVariable) == "1";

    /// <summary>A chain of <see cref="ChainLength"/> files, each root a $ref to the next: must be diagnosed or generated, not crash.</summary>
    [Fact(Skip = "runs only in the child process of KnownBugTests.Long_ref_chain_does_not_overflow_the_stack", SkipUnless = nameof(IsChild))]
    public void Deep_ref_chain_child()
    {
        var files = new System.Collections.Generic.List<(string, string)> { ("thing.schema.json", Request(Prop("p", """{ "$ref": "f0.schema.json" }"""))) };
        files.AddRange(Enumerable.Range(0, ChainLength).Select(i => ($"f{i}.schema.json", i == ChainLength - 1
            ? """{ "type": "object", "properties": { "x": { "type": "string" } } }"""
            : $"{{ \"$ref\": \"f{i + 1}.schema.json\" }}")));
        KnownBugTests.AssertClean(Case("KB_DeepChain", $"a chain of {ChainLength} files, each root a $ref to the next", files.ToArray()));
    }

    /// <summary>Runs <paramref name="method"/> of this class in a child process; returns its exit code (134 on a stack overflow).</summary>
    public static int Run(string method, TimeSpan timeout, out string output)
    {
        var assembly = typeof(ChildProcess).Assembly.Location;
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (string.IsNullOrEmpty(dotnet) || !File.Exists(dotnet))
        {
            dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        }

        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("-method");
        start.ArgumentList.Add(typeof(ChildProcess).FullName + "." + method);
        start.Environment[ChildVariable] = "1";
        var text = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (text) { text.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (text) { text.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            output = "timed out\n" + Tail(text);
            return -1;
        }

        process.WaitForExit();
        output = Tail(text);
        return process.ExitCode;
    }

    private static string Tail(StringBuilder text)
    {
        lock (text)
        {
            var s = text.ToString();
            return s.Length > 4000 ? "…" + s.Substring(s.Length - 4000) : s;
        }
    }
}
