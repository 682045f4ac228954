namespace BoardingDsl.Formats;

/// <summary>IPv4 and IPv6 addresses as RFC 3986 §3.2.2 writes them (shared by URIs and e-mail address literals).</summary>
internal static class IpAddressSyntax
{
    /// <summary><c>IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet</c>; no leading zeros.</summary>
    public static bool IsIPv4(string text, int start, int end)
    {
        var octets = 0;
        var i = start;
        while (true)
        {
            var first = i;
            var value = 0;
            while (i < end && Ascii.IsDigit(text[i]) && i - first < 3)
            {
                value = (value * 10) + (text[i] - '0');
                i++;
            }

            var digits = i - first;
            if (digits == 0 || value > 255 || (digits > 1 && text[first] == '0'))
            {
                return false;
            }

            octets++;
            if (octets == 4)
            {
                return i == end;
            }

            if (i >= end || text[i] != '.')
            {
                return false;
            }

            i++;
        }
    }

    /// <summary>
    /// <c>IPv6address</c>: eight groups of 1–4 hex digits, one <c>::</c> standing for one or more zero groups, and an
    /// IPv4 address in place of the last two groups. No zone id.
    /// </summary>
    public static bool IsIPv6(string text, int start, int end)
    {
        if (end - start < 2)
        {
            return false;
        }

        var groups = 0;
        var compressed = false;
        var i = start;
        if (text[i] == ':')
        {
            if (text[i + 1] != ':')
            {
                return false;
            }

            compressed = true;
            i += 2;
            if (i == end)
            {
                return true;
            }
        }

        while (i < end)
        {
            var first = i;
            while (i < end && Ascii.IsHexDigit(text[i]) && i - first < 5)
            {
                i++;
            }

            if (i < end && text[i] == '.')
            {
                // The last 32 bits as IPv4: counts as two groups, and ends the address.
                return IsIPv4(text, first, end) && (compressed ? groups + 2 <= 7 : groups + 2 == 8);
            }

            var digits = i - first;
            if (digits == 0 || digits > 4)
            {
                return false;
            }

            groups++;
            if (i == end)
            {
                break;
            }

            if (text[i] != ':')
            {
                return false;
            }

            i++;
            if (i < end && text[i] == ':')
            {
                if (compressed)
                {
                    return false;
                }

                compressed = true;
                i++;
                if (i == end)
                {
                    break;
                }
            }
            else if (i == end)
            {
                return false; // a trailing single ':'
            }
        }

        return compressed ? groups <= 7 : groups == 8;
    }
}
