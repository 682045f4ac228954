namespace BoardingDsl.Formats;

/// <summary>
/// <c>format: uri</c>: an absolute URI by the grammar of RFC 3986 §3 (<c>scheme ":" hier-part ["?" query]
/// ["#" fragment]</c>), ASCII only (a non-ASCII character must be percent-encoded), every <c>%</c> followed by two
/// hex digits, a port of digits only, IP literals checked (IPv6, IPvFuture). Relative references are not URIs here:
/// CCV needs absolute ones (NJsonSchema's check accepts relative ones; the differential tests list that).
/// </summary>
internal static class UriSyntax
{
    /// <summary>The parts of an absolute URI, as offsets into the text (-1 where absent).</summary>
    public readonly struct Parts
    {
        public Parts(int schemeEnd, int hostStart, int hostEnd, int portStart, int portEnd, int fragmentStart)
        {
            SchemeEnd = schemeEnd;
            HostStart = hostStart;
            HostEnd = hostEnd;
            PortStart = portStart;
            PortEnd = portEnd;
            FragmentStart = fragmentStart;
        }

        /// <summary>The index of the ':' after the scheme.</summary>
        public int SchemeEnd { get; }

        /// <summary>The host's start, or -1 when there is no authority.</summary>
        public int HostStart { get; }

        public int HostEnd { get; }

        /// <summary>The port digits' start, or -1 when no ':' follows the host.</summary>
        public int PortStart { get; }

        public int PortEnd { get; }

        /// <summary>The index of '#', or -1.</summary>
        public int FragmentStart { get; }

        public bool HasAuthority => HostStart >= 0;
    }

    public static bool IsAbsoluteUri(string value) => TryParse(value, out _);

    public static bool TryParse(string value, out Parts parts)
    {
        parts = default;
        if (value.Length == 0 || !Ascii.IsAlpha(value[0]))
        {
            return false;
        }

        var i = 1;
        while (i < value.Length && (Ascii.IsAlpha(value[i]) || Ascii.IsDigit(value[i]) || value[i] is '+' or '-' or '.'))
        {
            i++;
        }

        if (i >= value.Length || value[i] != ':')
        {
            return false;
        }

        var schemeEnd = i;
        i++;
        int hostStart = -1, hostEnd = -1, portStart = -1, portEnd = -1;
        if (i + 1 < value.Length && value[i] == '/' && value[i + 1] == '/')
        {
            // authority = [ userinfo "@" ] host [ ":" port ], ending at the first "/", "?" or "#".
            var authorityStart = i + 2;
            var authorityEnd = authorityStart;
            while (authorityEnd < value.Length && value[authorityEnd] is not '/' and not '?' and not '#')
            {
                authorityEnd++;
            }

            if (!TryAuthority(value, authorityStart, authorityEnd, out hostStart, out hostEnd, out portStart, out portEnd))
            {
                return false;
            }

            i = authorityEnd;

            // path-abempty
            if (!Path(value, ref i))
            {
                return false;
            }
        }
        else if (!Path(value, ref i))
        {
            // path-absolute (not "//"), path-rootless or path-empty: pchar and "/" only.
            return false;
        }

        if (i < value.Length && value[i] == '?')
        {
            i++;
            if (!QueryOrFragment(value, ref i, stopAtHash: true))
            {
                return false;
            }
        }

        var fragmentStart = -1;
        if (i < value.Length && value[i] == '#')
        {
            fragmentStart = i;
            i++;
            if (!QueryOrFragment(value, ref i, stopAtHash: false))
            {
                return false;
            }
        }

        if (i != value.Length)
        {
            return false;
        }

        parts = new Parts(schemeEnd, hostStart, hostEnd, portStart, portEnd, fragmentStart);
        return true;
    }

    private static bool TryAuthority(string value, int start, int end, out int hostStart, out int hostEnd, out int portStart, out int portEnd)
    {
        hostStart = start;
        hostEnd = end;
        portStart = -1;
        portEnd = -1;

        // userinfo: up to the last '@' (an '@' cannot appear in host or port).
        var at = -1;
        for (var k = start; k < end; k++)
        {
            if (value[k] == '@')
            {
                at = k;
            }
        }

        if (at >= 0)
        {
            for (var k = start; k < at; k++)
            {
                var c = value[k];
                if (c == '%')
                {
                    if (!PercentEncoded(value, k, at))
                    {
                        return false;
                    }

                    k += 2;
                }
                else if (!Ascii.IsUnreserved(c) && !Ascii.IsSubDelim(c) && c != ':')
                {
                    return false;
                }
            }

            hostStart = at + 1;
        }

        var i = hostStart;
        if (i < end && value[i] == '[')
        {
            var close = value.IndexOf(']', i, end - i);
            if (close < 0 || !IsIpLiteral(value, i + 1, close))
            {
                return false;
            }

            i = close + 1;
        }
        else
        {
            // reg-name = *( unreserved / pct-encoded / sub-delims ); an IPv4 address is one too.
            while (i < end && value[i] != ':')
            {
                var c = value[i];
                if (c == '%')
                {
                    if (!PercentEncoded(value, i, end))
                    {
                        return false;
                    }

                    i += 3;
                    continue;
                }

                if (!Ascii.IsUnreserved(c) && !Ascii.IsSubDelim(c))
                {
                    return false;
                }

                i++;
            }
        }

        hostEnd = i;
        if (i == end)
        {
            return true;
        }

        if (value[i] != ':')
        {
            return false;
        }

        portStart = i + 1;
        for (var k = portStart; k < end; k++)
        {
            if (!Ascii.IsDigit(value[k]))
            {
                return false;
            }
        }

        portEnd = end;
        return true;
    }

    /// <summary><c>IP-literal = "[" ( IPv6address / IPvFuture ) "]"</c>, between the brackets.</summary>
    private static bool IsIpLiteral(string value, int start, int end)
    {
        if (start < end && (value[start] | 0x20) == 'v')
        {
            // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
            var i = start + 1;
            var hexStart = i;
            while (i < end && Ascii.IsHexDigit(value[i]))
            {
                i++;
            }

            if (i == hexStart || i >= end || value[i] != '.' || i + 1 >= end)
            {
                return false;
            }

            for (i++; i < end; i++)
            {
                if (!Ascii.IsUnreserved(value[i]) && !Ascii.IsSubDelim(value[i]) && value[i] != ':')
                {
                    return false;
                }
            }

            return true;
        }

        return IpAddressSyntax.IsIPv6(value, start, end);
    }

    /// <summary>Segments of pchar separated by '/', up to '?', '#' or the end.</summary>
    // An absolute URI's path may hold ':' anywhere (RFC 3986 §3.3 restricts it in relative references only).
    private static bool Path(string value, ref int i) => Chars(value, ref i, inPath: true, stopAtHash: true);

    /// <summary><c>query</c> (up to '#') or <c>fragment</c> (to the end): pchar, '/' and '?'.</summary>
    private static bool QueryOrFragment(string value, ref int i, bool stopAtHash) => Chars(value, ref i, inPath: false, stopAtHash);

    private static bool Chars(string value, ref int i, bool inPath, bool stopAtHash)
    {
        while (i < value.Length && !(stopAtHash && value[i] == '#') && !(inPath && value[i] == '?'))
        {
            var c = value[i];
            if (c == '%')
            {
                if (!PercentEncoded(value, i, value.Length))
                {
                    return false;
                }

                i += 3;
                continue;
            }

            if (c != '/' && (inPath || c != '?') && !IsPchar(c))
            {
                return false;
            }

            i++;
        }

        return true;
    }

    private static bool IsPchar(char c) => Ascii.IsUnreserved(c) || Ascii.IsSubDelim(c) || c == ':' || c == '@';

    /// <summary><c>pct-encoded = "%" HEXDIG HEXDIG</c>, within the part that ends before <paramref name="end"/>.</summary>
    private static bool PercentEncoded(string value, int percent, int end) =>
        percent + 2 < end && Ascii.IsHexDigit(value[percent + 1]) && Ascii.IsHexDigit(value[percent + 2]);
}
