using System;
using System.IO;

namespace BoardingDsl.Schemas.Tests;

internal static class Paths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BoardingDsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BoardingDsl.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => Root.Value;

    public static string SchemasDir => Path.Combine(RepoRoot, "schemas");

    public static string Schema(string fileName) => Path.Combine(SchemasDir, fileName);

    public static string Fixture(string fileName) => Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);

    public static string ReadFixture(string fileName) => File.ReadAllText(Fixture(fileName));
}
