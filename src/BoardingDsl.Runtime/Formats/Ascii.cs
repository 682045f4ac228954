namespace BoardingDsl.Formats;

/// <summary>The ASCII character classes the RFC grammars name.</summary>
internal static class Ascii
{
    public static bool IsAlpha(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsHexDigit(char c) => IsDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

    /// <summary>RFC 3986 <c>unreserved</c>.</summary>
    public static bool IsUnreserved(char c) => IsAlpha(c) || IsDigit(c) || c is '-' or '.' or '_' or '~';

    /// <summary>RFC 3986 <c>sub-delims</c>.</summary>
    public static bool IsSubDelim(char c) => c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';
}
