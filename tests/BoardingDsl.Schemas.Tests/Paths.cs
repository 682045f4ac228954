using System;
using System.IO;

namespace BoardingDsl.Schemas.Tests;

internal static class Paths
{
    public static string RepoRoot => BoardingDsl.Testing.RepoRoot.Path;

    public static string SchemasDir => Path.Combine(RepoRoot, "schemas");

    public static string Schema(string fileName) => Path.Combine(SchemasDir, fileName);

    public static string Fixture(string fileName) => Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);

    public static string ReadFixture(string fileName) => File.ReadAllText(Fixture(fileName));
}
