namespace BoardingDsl.Formats;

/// <summary>
/// The https rule (a schema <c>pattern</c> that starts with <c>^https://</c>, as <c>notificationUrl</c>'s does): an
/// absolute URI by RFC 3986 (<see cref="UriSyntax"/>) with the scheme <c>https</c> written in lower case as the pattern
/// demands, an authority whose host is a DNS name (labels of letters, digits and inner hyphens, 1–63 characters, 253
/// at most in all), an IPv4 address or an IP literal, a port, when written, of 1–65535, no fragment, and at most
/// <see cref="MaxLength"/> characters. What CCV can call: <c>https://?x</c>, <c>https://a..b/</c>,
/// <c>https://exa%20mple.com/</c> or <c>https://host:99999/</c> are refused.
/// </summary>
internal static class HttpsUrlRule
{
    /// <summary>The longest URL accepted: the length browsers and most HTTP stacks handle everywhere.</summary>
    public const int MaxLength = 2048;

    public static bool IsValid(string value)
    {
        if (value.Length > MaxLength || !value.StartsWith("https://", System.StringComparison.Ordinal) || !UriSyntax.TryParse(value, out var parts))
        {
            return false;
        }

        if (!parts.HasAuthority || parts.FragmentStart >= 0 || parts.HostEnd <= parts.HostStart)
        {
            return false;
        }

        if (parts.PortStart >= 0 && !IsPort(value, parts.PortStart, parts.PortEnd))
        {
            return false;
        }

        return value[parts.HostStart] == '['
            || IpAddressSyntax.IsIPv4(value, parts.HostStart, parts.HostEnd)
            || IsDnsName(value, parts.HostStart, parts.HostEnd);
    }

    private static bool IsPort(string value, int start, int end)
    {
        if (end <= start || end - start > 5)
        {
            return false;
        }

        var port = 0;
        for (var i = start; i < end; i++)
        {
            port = (port * 10) + (value[i] - '0');
        }

        return port is >= 1 and <= 65535;
    }

    /// <summary>A host name by RFC 1123 §2.1: dot-separated labels; one trailing dot (the root) is allowed.</summary>
    internal static bool IsDnsName(string value, int start, int end)
    {
        if (end > start && value[end - 1] == '.')
        {
            end--;
        }

        if (end <= start || end - start > 253)
        {
            return false;
        }

        var labelStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && value[i] != '.')
            {
                var c = value[i];
                if (!Ascii.IsAlpha(c) && !Ascii.IsDigit(c) && c != '-')
                {
                    return false;
                }

                continue;
            }

            var length = i - labelStart;
            if (length is < 1 or > 63 || value[labelStart] == '-' || value[i - 1] == '-')
            {
                return false;
            }

            labelStart = i + 1;
        }

        return true;
    }
}
