namespace BoardingDsl.Generator.Tests.Infrastructure;

/// <summary>Small Boarding schemas written inline, so each test shows the JSON it is about.</summary>
internal static class TestSchemas
{
    public const string Header = """
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        """;

    /// <summary>A request schema with the given file base name and properties JSON.</summary>
    public static string Request(string name, string properties, string required = "[]", string extra = "") => $$"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://schemas.boardingdsl.example/test/{{name}}.schema.json",
          "title": "{{Pascal(name)}}Request",
          "description": "Test request {{name}}.",
          "x-boarding-endpoint": { "operation": "{{Pascal(name)}}", "role": "request", "method": "POST", "path": "/test/{{name}}", "responses": { "200": "OK" } },
          "type": "object",
          "additionalProperties": false,
          "required": {{required}},
          "properties": {{properties}}{{extra}}
        }
        """;

    public static string Path(string name) => "/repo/schemas/" + name + ".schema.json";

    private static string Pascal(string name)
    {
        var parts = name.Split('-');
        return string.Concat(System.Linq.Enumerable.Select(parts, p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
    }
}
