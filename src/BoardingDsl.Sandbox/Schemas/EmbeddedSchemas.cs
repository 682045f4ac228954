using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.References;

namespace BoardingDsl.Sandbox.Schemas;

/// <summary>The shipped <c>*.schema.json</c> files, embedded in this assembly as <c>BoardingDsl.Sandbox.Schemas.&lt;file name&gt;</c>.</summary>
internal static class EmbeddedSchemas
{
    private const string Prefix = "BoardingDsl.Sandbox.Schemas.";

    /// <summary>
    /// A document path that never exists on disk: NJsonSchema combines a relative <c>$ref</c> with the directory of the
    /// referring document, and <see cref="ResourceReferenceResolver"/> maps the result back to a resource by its file name.
    /// </summary>
    private static readonly string VirtualDirectory = Path.Combine(Path.GetTempPath(), "boardingdsl-sandbox-embedded-schemas");

    private static Assembly Assembly => typeof(EmbeddedSchemas).Assembly;

    /// <summary>The file names of every embedded schema, in ordinal order.</summary>
    public static IReadOnlyList<string> FileNames { get; } = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".schema.json", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The text of one embedded schema.</summary>
    public static string Read(string fileName)
    {
        using var stream = Assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new FileNotFoundException("The schema is not embedded in the sandbox assembly.", fileName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads one schema with NJsonSchema, every relative file reference resolved from the embedded resources.</summary>
    public static Task<JsonSchema> LoadAsync(string fileName, CancellationToken ct) =>
        JsonSchema.FromJsonAsync(Read(fileName), Path.Combine(VirtualDirectory, fileName), CreateResolver, ct);

    private static JsonReferenceResolver CreateResolver(JsonSchema root) =>
        new ResourceReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()));

    /// <summary>Answers NJsonSchema's file look-ups from the embedded resources instead of the disk.</summary>
    private sealed class ResourceReferenceResolver(JsonSchemaAppender appender) : JsonReferenceResolver(appender)
    {
        public override async Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default)
        {
            var fileName = Path.GetFileName(filePath);
            return await JsonSchema.FromJsonAsync(Read(fileName), Path.Combine(VirtualDirectory, fileName), _ => this, cancellationToken).ConfigureAwait(false);
        }

        public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException($"The sandbox resolves only relative file references between its embedded schemas, not '{url}'.");
    }
}
