using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

[assembly: AssemblyFixture(typeof(BoardingDsl.Package.Tests.PackedPackage))]

namespace BoardingDsl.Package.Tests;

/// <summary>
/// Packs BoardingDsl and its companion packages once per run, with a version of their own, into a temporary feed, and builds consumer projects
/// against it: a nuget.config with &lt;clear/&gt;, that feed and the machine's own configured source (read now, never
/// written in the repository), package source mapping, and an isolated NUGET_PACKAGES.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "boardingdsl-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    public string Version { get; } = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    public string Feed => Path.Combine(Root, "feed");

    public string Packages => Path.Combine(Root, "packages");

    public string PackagePath => Path.Combine(Feed, $"BoardingDsl.{Version}.nupkg");

    public static string RepoRoot { get; } = FindRoot();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        // The pack is the repository's own build (its usual package cache); only the consumers are isolated.
        // BoardingDsl and its companions, each packed on its own (a project pack packs that project only).
        foreach (var project in new[] { "BoardingDsl.Package", "BoardingDsl.Client", "BoardingDsl.AspNetCore", "BoardingDsl.AspNetCore.PostgreSql" })
        {
            var pack = await RunAsync("dotnet", $"pack \"{Path.Combine(RepoRoot, "src", project)}\" -c Release -o \"{Feed}\" -p:Version={Version} --disable-build-servers", RepoRoot, isolated: false);
            Assert.True(pack.ExitCode == 0, $"dotnet pack of {project} failed:\n" + pack.Output);
        }

        var source = await RemoteSourceAsync();
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="boardingdsl-under-test" value="{Feed}" />
                <add key="machine" value="{source}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="boardingdsl-under-test">
                  <package pattern="BoardingDsl" />
                  <package pattern="BoardingDsl.*" />
                </packageSource>
                <packageSource key="machine">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A new consumer folder under the feed's nuget.config.</summary>
    public string NewConsumer(string name)
    {
        var dir = Path.Combine(Root, "consumers", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public Task<ProcessResult> BuildAsync(string directory, string extra = "") =>
        RunAsync("dotnet", $"build --disable-build-servers -nologo -clp:NoSummary {extra}", directory);

    public Task<ProcessResult> RunAppAsync(string directory) =>
        RunAsync("dotnet", "run --no-build --disable-build-servers", directory);

    public async Task<ProcessResult> RunAsync(string file, string arguments, string directory, bool isolated = true)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (isolated)
        {
            info.Environment["NUGET_PACKAGES"] = Packages;
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        output.Append(await stdout).Append(await stderr);
        return new ProcessResult(process.ExitCode, output.ToString());
    }

    private async Task<string> RemoteSourceAsync()
    {
        // The source this machine restores from (whatever its configuration says), so no host is written in the repo.
        var list = await RunAsync("dotnet", "nuget list source --format short", RepoRoot, isolated: false);
        var line = list.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("E ", StringComparison.Ordinal) && l.Contains("://", StringComparison.Ordinal));
        return line?[2..].Trim() ?? throw new InvalidOperationException("No enabled remote NuGet source is configured:\n" + list.Output);
    }

    private static string FindRoot() => BoardingDsl.Testing.RepoRoot.Path;
}

public sealed record ProcessResult(int ExitCode, string Output);
