using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit;

namespace BoardingDsl.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions with Verify's conventions: <c>Name.verified.ext</c> beside the test file is the approved
/// text; a mismatch writes <c>Name.received.ext</c> and fails with a readable diff. Set
/// <c>BOARDINGDSL_ACCEPT=1</c> (or <c>VERIFY_AUTOVERIFY=1</c>) to accept the received text instead.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, string extension = "cs", [CallerFilePath] string testFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        Directory.CreateDirectory(directory);
        var verified = Path.Combine(directory, name + ".verified." + extension);
        var received = Path.Combine(directory, name + ".received." + extension);
        actual = Normalize(actual);
        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        if (IsAccepting())
        {
            File.WriteAllText(verified, actual);
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No verified snapshot '{verified}'. The output was written to '{received}'; review it and rename it, or run with BOARDINGDSL_ACCEPT=1."
            : $"Snapshot '{name}' differs from '{verified}' (received: '{received}'):\n{Diff(expected, actual)}");
    }

    public static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var sb = new StringBuilder();
        var shown = 0;
        foreach (var line in diff.Lines)
        {
            if (line.Type == ChangeType.Unchanged)
            {
                continue;
            }

            sb.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").Append(line.Position?.ToString() ?? "?").Append(": ").AppendLine(line.Text);
            if (++shown >= 60)
            {
                sb.AppendLine("… (more differences)");
                break;
            }
        }

        return sb.ToString();
    }

    private static bool IsAccepting() =>
        Environment.GetEnvironmentVariable("BOARDINGDSL_ACCEPT") is "1" or "true" ||
        Environment.GetEnvironmentVariable("VERIFY_AUTOVERIFY") is "1" or "true";

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
