using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using BoardingDsl.Robustness.Tests.Infrastructure;

namespace BoardingDsl.Robustness.Tests.Corpus;

/// <summary>
/// Every proper prefix of a shipped Boarding schema, as if the file were saved half-way: a prefix that names the endpoint
/// keyword must get BDSL1001 (in the file, inside the text); a shorter one is no Boarding schema and must be ignored silently.
/// </summary>
internal static class Truncations
{
    public const string Source = "submit-order.schema.json";

    public static IEnumerable<SchemaCase> All()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Schemas, Source));
        for (var length = 0; length < text.Length; length++)
        {
            var prefix = text.Substring(0, length);
            var c = new SchemaCase("T" + length.ToString("D5", CultureInfo.InvariantCulture), $"the first {length} characters of {Source}", new[] { new SchemaFile(Source, prefix) });
            if (IsJson(prefix))
            {
                yield return c; // a complete document after all (trailing whitespace cut): the general invariants apply
            }
            else if (CorpusVerifier.IntendsBoarding(prefix))
            {
                yield return c with { ExpectedIds = new[] { "BDSL1001" } };
            }
            else
            {
                yield return c with { ExpectSilent = true };
            }
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
