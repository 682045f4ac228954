using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;

namespace BoardingDsl.Sandbox.Schemas;

/// <summary>One documented endpoint, as its schema's <c>x-boarding-endpoint</c> object describes it.</summary>
/// <param name="Operation">The operation name (<c>StartOrder</c>, <c>SubmitOrder</c>, …).</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The documented path, verbatim (<c>{orderId}</c> for a path parameter).</param>
/// <param name="Responses">CCV's description per response code (empty where the docs give none).</param>
/// <param name="SchemaFile">The schema file that carries the endpoint object.</param>
/// <param name="RequestSchema">The body's schema for a <c>request</c> endpoint; <see langword="null"/> for a call without a body.</param>
internal sealed record BoardingEndpoint(
    string Operation,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Responses,
    string SchemaFile,
    JsonSchema? RequestSchema)
{
    /// <summary>CCV's description for a response code, or <paramref name="fallback"/> where the docs give none.</summary>
    public string Describe(int statusCode, string fallback) =>
        Responses.TryGetValue(statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var text) ? text : fallback;
}

/// <summary>Every endpoint found in the embedded schemas, loaded once per process (the loaded schemas are only read).</summary>
internal sealed class SchemaCatalog
{
    private static readonly Lazy<Task<SchemaCatalog>> Shared = new(() => LoadAsync(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);

    private SchemaCatalog(IReadOnlyDictionary<string, BoardingEndpoint> endpoints) => Endpoints = endpoints;

    /// <summary>The endpoints by operation name.</summary>
    public IReadOnlyDictionary<string, BoardingEndpoint> Endpoints { get; }

    /// <summary>The catalog, loaded on first use.</summary>
    public static Task<SchemaCatalog> GetAsync(CancellationToken ct) => Shared.Value.WaitAsync(ct);

    private static async Task<SchemaCatalog> LoadAsync(CancellationToken ct)
    {
        var endpoints = new Dictionary<string, BoardingEndpoint>(StringComparer.Ordinal);
        foreach (var file in EmbeddedSchemas.FileNames)
        {
            if (JsonNode.Parse(EmbeddedSchemas.Read(file))?["x-boarding-endpoint"] is not JsonObject endpoint)
            {
                continue;
            }

            var operation = Required(endpoint, "operation", file);
            var role = Required(endpoint, "role", file);
            var responses = (endpoint["responses"] as JsonObject ?? [])
                .Where(p => p.Value is JsonValue)
                .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
            var schema = role == "request" ? await EmbeddedSchemas.LoadAsync(file, ct).ConfigureAwait(false) : null;
            var loaded = new BoardingEndpoint(operation, Required(endpoint, "method", file).ToUpperInvariant(), Required(endpoint, "path", file), responses, file, schema);
            if (!endpoints.TryAdd(operation, loaded))
            {
                throw new InvalidOperationException($"The operation {operation} is described twice ({endpoints[operation].SchemaFile} and {file}).");
            }
        }

        return new SchemaCatalog(endpoints);
    }

    private static string Required(JsonObject endpoint, string member, string file) =>
        endpoint[member] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new InvalidOperationException($"{file}: x-boarding-endpoint has no '{member}'.");
}
