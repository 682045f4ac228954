using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace BoardingDsl.Testing;

/// <summary>
/// The checkout the tests and benchmarks run from: the folder holding BoardingDsl.sln, found above the binaries or,
/// failing that, above this source file. Linked into every test and benchmark project (tests/Directory.Build.props).
/// </summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Schemas => System.IO.Path.Combine(Path, "schemas");

    public static string Schema(string fileName) => System.IO.Path.Combine(Schemas, fileName);

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Path.GetDirectoryName(ThisFile())! })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "BoardingDsl.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("BoardingDsl.sln not found above " + AppContext.BaseDirectory);
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
