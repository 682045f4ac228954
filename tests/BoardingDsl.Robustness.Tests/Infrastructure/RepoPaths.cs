using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace BoardingDsl.Robustness.Tests.Infrastructure;

/// <summary>Where things are in the repository, found from the test source or the output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string ThisDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, ThisDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BoardingDsl.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("BoardingDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
