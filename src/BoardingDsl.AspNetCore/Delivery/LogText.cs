using System;
using System.Text;

namespace BoardingDsl.AspNetCore;

/// <summary>
/// Values from the callback path as they may appear in a log line: anyone can call the notification URL, so a reference
/// with CR/LF (<c>%0d%0a</c>) or other control characters must not forge a log line. Control and format characters are
/// written as <c>\uXXXX</c> and the value is cut at 200 characters.
/// </summary>
internal static class LogText
{
    private const int MaxLength = 200;

    public static string Escape(string? value)
    {
        if (value is null)
        {
            return "(null)";
        }

        var needs = value.Length > MaxLength;
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return value;
        }

        var text = new StringBuilder(Math.Min(value.Length, MaxLength) + 16);
        foreach (var c in value.Length > MaxLength ? value.AsSpan(0, MaxLength) : value.AsSpan())
        {
            if (NeedsEscape(c))
            {
                text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        if (value.Length > MaxLength)
        {
            text.Append("…(").Append(value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" chars)");
        }

        return text.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
}
