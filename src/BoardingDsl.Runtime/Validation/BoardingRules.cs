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

    // Controls, space and the characters RFC 3986 never allows unescaped.
    private static readonly SearchValues<char> NotInUri = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F \"<>\\^`{|}");

    /// <summary><c>pattern</c>: ECMA-262 semantics are close enough to .NET's for the patterns schemas use.</summary>
    public static bool MatchesPattern(string value, string pattern) =>
        Patterns.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).IsMatch(value);

    /// <summary>
    /// <c>format: uri</c>: an absolute URI as RFC 3986 writes it, <c>scheme ":" hier-part</c> (NJsonSchema also accepts
    /// relative ones; CCV needs absolute). Checked by hand: building a <see cref="Uri"/> per field was the largest
    /// single cost of <c>Build()</c>.
    /// </summary>
    public static bool IsAbsoluteUri(string value)
    {
        var colon = value.IndexOf(':');
        if (colon < 1 || colon == value.Length - 1 || !IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = value[i];
            if (!IsAsciiLetter(c) && !char.IsAsciiDigit(c) && c is not '+' and not '-' and not '.')
            {
                return false;
            }
        }

        if (value.AsSpan(colon + 1).IndexOfAny(NotInUri) >= 0)
        {
            return false;
        }

        // "https:" alone, or "https:/x" with no authority where one is expected, is not a usable URL.
        return !value.AsSpan(colon).StartsWith("://") || (value.Length > colon + 3 && value[colon + 3] != '/');
    }

    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    /// <summary><c>format: email</c>: one <c>@</c> with text on both sides and no spaces.</summary>
    public static bool IsEmail(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && value.IndexOf(' ') < 0;
    }

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
