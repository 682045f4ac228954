using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace BoardingDsl.Client;

/// <summary>
/// Turns what a server sent back into text that is safe to show: a bounded excerpt in which an echoed
/// <c>Authorization</c> value, any <c>Basic</c>/<c>Bearer</c> credential and the API key (raw, base64 with and without
/// the <c>:</c> of Basic, URL-escaped) are replaced by <c>***</c>.
/// </summary>
internal sealed partial class BoardingRedactor
{
    private const string Mask = "***";

    /// <summary>A key prefix this long at a cut is masked too: the rest of the key may have followed.</summary>
    private const int MinimumPrefix = 4;

    private readonly string[] _secrets;

    public BoardingRedactor(string apiKey)
    {
        _secrets = new[]
            {
                apiKey,
                Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":")),
                Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey)),
                Uri.EscapeDataString(apiKey),
            }
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>The UTF-8 <paramref name="body"/> as text of at most <paramref name="maxChars"/> characters, redacted; null when empty.</summary>
    /// <param name="body">The bytes read.</param>
    /// <param name="cut">Whether the body went on past <paramref name="body"/> (it was not read to its end).</param>
    /// <param name="maxChars">The longest excerpt.</param>
    public string? Excerpt(ReadOnlySpan<byte> body, bool cut, int maxChars)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        // Only the start is decoded and searched (a body may be megabytes); what follows counts as cut off.
        var maxBytes = maxChars * 2;
        if (body.Length > maxBytes)
        {
            body = body.Slice(0, maxBytes);
            cut = true;
        }

        string text;
        try
        {
            text = Redact(Encoding.UTF8.GetString(body), cut);
        }
        catch (RegexMatchTimeoutException)
        {
            return "(the body is not shown: it could not be searched for credentials in time)";
        }

        if (text.Length > maxChars)
        {
            // Cut after redacting: the whole text was searched, so no key can be split here.
            return text.Substring(0, maxChars) + "…";
        }

        return cut ? text + "…" : text;
    }

    /// <summary>Masks every credential in <paramref name="text"/>; with <paramref name="cut"/>, also a key's start at its end.</summary>
    public string Redact(string text, bool cut = false)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = AuthorizationValue().Replace(text, "$1" + Mask);
        text = Credential().Replace(text, "$1 " + Mask);
        if (cut)
        {
            text = MaskTrailingPrefix(text);
        }

        return text;
    }

    private string MaskTrailingPrefix(string text)
    {
        foreach (var secret in _secrets)
        {
            for (var length = Math.Min(secret.Length - 1, text.Length); length >= MinimumPrefix; length--)
            {
                if (text.AsSpan(text.Length - length).SequenceEqual(secret.AsSpan(0, length)))
                {
                    return text.Substring(0, text.Length - length) + Mask;
                }
            }
        }

        return text;
    }

    /// <summary>An echoed header value: <c>Authorization: …</c>, <c>"authorization":"…"</c>, <c>"Authorization": ["…"]</c>, up to a quote, line end or tag.</summary>
    [GeneratedRegex("""((?:proxy-)?authorization["']?\s*[:=]\s*\[?\s*["']?)[^"'\r\n<]*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AuthorizationValue();

    /// <summary>A credential after its scheme, wherever it stands.</summary>
    [GeneratedRegex("""\b(Basic|Bearer|Digest|Negotiate|NTLM)\s+[A-Za-z0-9+/=._~\-]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Credential();
}
