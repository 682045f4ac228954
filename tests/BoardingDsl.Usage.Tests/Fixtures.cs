using System;
using System.IO;
using System.Text.Json.Nodes;

namespace BoardingDsl.Usage.Tests;

internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static string SchemaPath(string file) => BoardingDsl.Testing.RepoRoot.Schema(file);

    /// <summary>JSON equality as JSON (member order and white space aside; numbers by value).</summary>
    public static bool JsonEquals(string expected, string actual) =>
        JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual));
}
