using System.Collections.Concurrent;
using System.Linq;
using NJsonSchema;

namespace BoardingDsl.Usage.Tests.Differential;

/// <summary>The independent opinion: NJsonSchema validating the body against the schema file.</summary>
internal static class NJsonSchemaJudge
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>The verdict, or <see langword="null"/> when NJsonSchema cannot judge the body (it throws).</summary>
    public static Verdict? Judge(string schemaFile, string json)
    {
        var schema = Schemas.GetOrAdd(schemaFile, file => JsonSchema.FromFileAsync(Fixtures.SchemaPath(file)).GetAwaiter().GetResult());
        try
        {
            var errors = schema.Validate(json);
            return errors.Count == 0 ? Verdict.Accepted : Verdict.Rejected(string.Join("; ", errors.Select(e => e.ToString())));
        }
        catch (System.InvalidCastException)
        {
            // Newtonsoft.Json reads an integer beyond 64 bits as a BigInteger, which NJsonSchema's number check
            // cannot convert ("Object must implement IConvertible").
            return null;
        }
    }
}
