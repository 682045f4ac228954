using System;
using System.IO;

namespace BoardingDsl.Benchmarks;

internal static class Paths
{
    public static string Schemas { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BoardingDsl.sln")))
            {
                return Path.Combine(dir.FullName, "schemas");
            }
        }

        throw new InvalidOperationException("schemas/ not found");
    }
}
