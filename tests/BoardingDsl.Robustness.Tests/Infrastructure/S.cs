using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Robustness.Tests.Json;

namespace BoardingDsl.Robustness.Tests.Infrastructure;

/// <summary>Builders of small schema texts for hand-written cases (each in its case's own <c>$id</c> space).</summary>
internal static class S
{
    public static string Id(string file) => "https://t.example/" + SchemaCase.CaseToken + "/" + file;

    public static string Endpoint(string operation = "Run", string role = "request", string? response = null, string extra = "") =>
        $$"""{ "operation": {{JsonText.Quote(operation)}}, "role": "{{role}}", "method": "POST", "path": "/test/run", "responses": { "200": "OK", "400": "Bad" }, "response": {{(response is null ? "null" : JsonText.Quote(response))}}{{extra}} }""";

    /// <summary>A request schema: an object with the given <c>properties</c> JSON.</summary>
    public static string Request(string properties, string required = "[]", string title = "Thing", string file = "thing.schema.json",
        string operation = "Run", string extra = "", string role = "request", string? response = null, string endpointExtra = "") => $$"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "{{Id(file)}}",
          "title": {{JsonText.Quote(title)}},
          "description": "A test schema.",
          "x-boarding-endpoint": {{Endpoint(operation, role, response, endpointExtra)}},
          "type": "object",
          "additionalProperties": false,
          "required": {{required}},
          "properties": {{properties}}{{extra}}
        }
        """;

    /// <summary>A schema that is no Boarding schema (no endpoint): only generated when a Boarding schema uses it.</summary>
    public static string Part(string body, string title = "Part", string file = "part.schema.json") => $$"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "{{Id(file)}}",
          "title": {{JsonText.Quote(title)}},
          "description": "A part.",
          {{body}}
        }
        """;

    /// <summary><c>properties</c> JSON with one string property per name.</summary>
    public static string StringProps(IEnumerable<string> names) =>
        "{ " + string.Join(", ", names.Select(n => JsonText.Quote(n) + ": { \"type\": \"string\", \"description\": \"A value.\" }")) + " }";

    public static string Prop(string name, string schema) => "{ " + JsonText.Quote(name) + ": " + schema + " }";

    public static string Props(params (string Name, string Schema)[] props) =>
        "{ " + string.Join(", ", props.Select(p => JsonText.Quote(p.Name) + ": " + p.Schema)) + " }";

    public static string Quoted(IEnumerable<string> names) => "[" + string.Join(", ", names.Select(n => JsonText.Quote(n))) + "]";

    public static SchemaCase Case(string id, string title, params (string File, string Text)[] files) =>
        new(id, title, files.Select(f => new SchemaFile(f.File, f.Text)));

    public static SchemaCase One(string id, string title, string text, string file = "thing.schema.json") =>
        new(id, title, new[] { new SchemaFile(file, text) });
}
