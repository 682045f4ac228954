using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BoardingDsl.Serialization;

/// <summary>The checks generated <c>Build()</c> methods call; each mirrors a JSON Schema keyword.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BoardingRules
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary><c>pattern</c>: ECMA-262 semantics are close enough to .NET's for the patterns schemas use.</summary>
    public static bool MatchesPattern(string value, string pattern) =>
        Patterns.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).IsMatch(value);

    /// <summary>
    /// <c>format: uri</c>: an absolute URI by RFC 3986's grammar (<c>Formats/UriSyntax.cs</c>; NJsonSchema also accepts
    /// relative ones, CCV needs absolute). The analyzers and the sandbox use the same code.
    /// </summary>
    public static bool IsAbsoluteUri(string value) => BoardingDsl.Formats.UriSyntax.IsAbsoluteUri(value);

    /// <summary>
    /// The https rule of a <c>^https://</c> pattern (<c>notificationUrl</c>): an absolute https URI with a DNS name or IP
    /// host, a port of 1–65535 if any, no fragment, at most 2048 characters (<c>Formats/HttpsUrlRule.cs</c>).
    /// </summary>
    public static bool IsHttpsUrl(string value) => BoardingDsl.Formats.HttpsUrlRule.IsValid(value);

    /// <summary><c>format: email</c>: an RFC 5321 mailbox (<c>Formats/EmailSyntax.cs</c>).</summary>
    public static bool IsEmail(string value) => BoardingDsl.Formats.EmailSyntax.IsMailbox(value);

    /// <summary><c>format: date-time</c>: an RFC 3339 §5.6 date-time (<c>Formats/DateTimeSyntax.cs</c>).</summary>
    public static bool IsDateTime(string value) => BoardingDsl.Formats.DateTimeSyntax.IsDateTime(value);

    /// <summary>Length in Unicode code points, as JSON Schema counts it.</summary>
    public static int Length(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsHighSurrogate(value[i]) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
            {
                count++;
            }
            else
            {
                count++;
                i++;
            }
        }

        return count;
    }

    /// <summary><c>uniqueItems</c>.</summary>
    public static bool AreUnique<T>(IReadOnlyList<T> values)
    {
        var seen = new HashSet<T>();
        foreach (var v in values)
        {
            if (!seen.Add(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>uniqueItems</c> on elements held as JSON (no <c>items</c>, or opaque ones): no two are equal as JSON values, where
    /// numbers compare by value (<c>1</c> and <c>1.0</c> are equal), objects by their members whatever their order, and
    /// arrays element by element.
    /// </summary>
    public static bool AreUniqueJson(IReadOnlyList<JsonElement> values)
    {
        var buckets = new Dictionary<int, List<JsonElement>>();
        foreach (var v in values)
        {
            var hash = JsonHash(v);
            if (!buckets.TryGetValue(hash, out var bucket))
            {
                buckets[hash] = bucket = new List<JsonElement>();
            }

            foreach (var other in bucket)
            {
                if (JsonEquals(v, other))
                {
                    return false;
                }
            }

            bucket.Add(v);
        }

        return true;
    }

    /// <summary>
    /// <c>uniqueItems</c> on date-times: two are equal when they are written as the same string (the same local time and
    /// offset), as JSON compares strings; the same instant at two offsets is two different values.
    /// </summary>
    public static bool AreUniqueDateTimes(IReadOnlyList<DateTimeOffset> values)
    {
        var seen = new HashSet<(DateTime, TimeSpan)>();
        foreach (var v in values)
        {
            if (!seen.Add((v.DateTime, v.Offset)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>uniqueItems</c> on object elements: compared as the JSON they write (see <see cref="AreUniqueJson"/>).</summary>
    /// <remarks>An element that did not build (null, its own violations already reported) is left out.</remarks>
    public static bool AreUniqueModels(IReadOnlyList<IBoardingModel?> values)
    {
        var elements = new List<JsonElement>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                continue;
            }

            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                values[i]!.WriteTo(writer);
            }

            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            elements.Add(document.RootElement.Clone());
        }

        return AreUniqueJson(elements);
    }

    /// <summary>JSON Schema's equality of two JSON values (numbers by value, objects whatever the member order).</summary>
    public static bool JsonEquals(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.String:
                return a.ValueEquals(b.GetString());
            case JsonValueKind.Number:
                if (a.TryGetDecimal(out var da) && b.TryGetDecimal(out var db))
                {
                    return da == db;
                }

                return a.GetDouble().Equals(b.GetDouble());
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return false;
                }

                using (var ea = a.EnumerateArray())
                using (var eb = b.EnumerateArray())
                {
                    while (ea.MoveNext() && eb.MoveNext())
                    {
                        if (!JsonEquals(ea.Current, eb.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.Object:
                var count = 0;
                foreach (var member in a.EnumerateObject())
                {
                    count++;
                    if (!b.TryGetProperty(member.Name, out var other) || !JsonEquals(member.Value, other))
                    {
                        return false;
                    }
                }

                foreach (var _ in b.EnumerateObject())
                {
                    count--;
                }

                return count == 0;
            default:
                return true; // null, true, false: the kind is the value
        }
    }

    private static int JsonHash(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => StringComparer.Ordinal.GetHashCode(e.GetString()!),
        JsonValueKind.Number => e.TryGetDecimal(out var d) ? d.GetHashCode() : e.GetDouble().GetHashCode(),
        JsonValueKind.Array => e.GetArrayLength() * 31 + 7,
        JsonValueKind.Object => 13,
        _ => (int)e.ValueKind,
    };

    /// <summary>
    /// <c>type</c> on a value held as JSON: an <c>object</c> schema without properties takes only a JSON object, a
    /// <c>null</c> schema only null. A C# <see langword="null"/> is the explicit JSON null.
    /// </summary>
    public static bool HasJsonType(JsonElement? value, bool allowObject, bool allowNull) =>
        value is not { ValueKind: not JsonValueKind.Null } v ? allowNull : allowObject && v.ValueKind == JsonValueKind.Object;

    /// <summary><c>multipleOf</c> on a decimal (and an integer): exact, as decimal arithmetic is.</summary>
    public static bool IsMultipleOf(decimal value, decimal divisor) => value % divisor == 0m;

    /// <summary>
    /// <c>multipleOf</c> on a double: the quotient must be within 1e-9 (relative, at least absolute 1e-9) of a whole number,
    /// because binary doubles cannot hold most decimal divisors exactly (<c>0.3 / 0.1</c> is 2.9999999999999996).
    /// </summary>
    public static bool IsMultipleOf(double value, double divisor)
    {
        var quotient = value / divisor;
        if (double.IsInfinity(quotient) || double.IsNaN(quotient))
        {
            return false;
        }

        return Math.Abs(quotient - Math.Round(quotient)) <= 1e-9 * Math.Max(1.0, Math.Abs(quotient));
    }

    /// <summary>Removes trailing zeros so <c>150.0m</c> is written as <c>150</c>.</summary>
    public static decimal Normalize(decimal value) =>
        value.Scale == 0 || !EndsInZero(value) ? value : value / 1.000000000000000000000000000000000m;

    // Whether the 96-bit coefficient is a multiple of 10: 2^32 and 2^64 are both 6 modulo 10. The division above
    // costs far more than this, and most scaled values (24.2m, 4.25m) have no trailing zero to remove.
    private static bool EndsInZero(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var remainder = ((ulong)((uint)bits[2] % 10) * 6) + ((ulong)((uint)bits[1] % 10) * 6) + ((uint)bits[0] % 10);
        return remainder % 10 == 0;
    }

    /// <summary>Invariant text of a value for a violation message.</summary>
    public static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Invariant text of a value for a violation message.</summary>
    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Invariant text of a value for a violation message.</summary>
    public static string Show(long value) => value.ToString(CultureInfo.InvariantCulture);
}
