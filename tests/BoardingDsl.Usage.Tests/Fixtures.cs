using System;
using System.IO;
using System.Text.Json.Nodes;

namespace BoardingDsl.Usage.Tests;

internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static string SchemaPath(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BoardingDsl.sln")))
            {
                return Path.Combine(dir.FullName, "schemas", file);
            }
        }

        throw new InvalidOperationException("schemas/ not found");
    }

    /// <summary>JSON equality as JSON (member order and white space aside; numbers by value).</summary>
    public static bool JsonEquals(string expected, string actual) =>
        JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual));
}
