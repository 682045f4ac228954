using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
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
