using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace BoardingDsl.Robustness.Tests.Infrastructure;

/// <summary>Where things are in the repository, found from the test source or the output folder.</summary>
internal static class RepoPaths
{
    public static string Root => BoardingDsl.Testing.RepoRoot.Path;

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string ThisDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
