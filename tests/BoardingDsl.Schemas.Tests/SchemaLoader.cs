using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;

namespace BoardingDsl.Schemas.Tests;

/// <summary>
/// Loads the shipped schemas into NJsonSchema 11.6.2 as they are, relative file references resolved against the
/// file's own path. Two NJsonSchema limits shaped the schemas (pinned in <see cref="NJsonSchemaLimitTests"/>): it
/// claims <c>x-enum-descriptions</c> for itself as an array, so our meanings are <c>x-value-descriptions</c>; and it
/// does not know <c>$defs</c> (no <c>$ref</c> inside one is followed), so the shipped schemas use none.
/// </summary>
internal static class SchemaLoader
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> Cache = new(StringComparer.Ordinal);

    /// <summary>The loaded schema (cached: validation does not mutate it).</summary>
    public static Task<JsonSchema> LoadAsync(string fileName) =>
        Cache.GetOrAdd(fileName, f => new Lazy<Task<JsonSchema>>(() => LoadFreshAsync(Paths.Schema(f)))).Value;

    /// <summary>Loads one file and, through it, every file it references.</summary>
    public static Task<JsonSchema> LoadFreshAsync(string path) => JsonSchema.FromFileAsync(path, CancellationToken.None);
}
