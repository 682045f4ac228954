namespace BoardingDsl.Formats;

/// <summary>
/// <c>format: email</c>: an RFC 5321 §4.1.2 <c>Mailbox</c>: a <c>Dot-string</c> (atoms of atext joined by single
/// dots) or a <c>Quoted-string</c> local part, <c>@</c>, and a domain (labels of letters, digits and inner hyphens) or
/// an address literal (<c>[IPv4]</c> or <c>[IPv6:…]</c>); the local part at most 64 characters and the domain 255
/// (§4.5.3.1). ASCII only.
/// </summary>
internal static class EmailSyntax
{
    public static bool IsMailbox(string value)
    {
        if (value.Length < 3)
        {
            return false;
        }

        int at;
        if (value[0] == '"')
        {
            // Quoted-string = DQUOTE *( qtextSMTP / "\" %d32-126 ) DQUOTE
            var i = 1;
            while (i < value.Length && value[i] != '"')
            {
                var c = value[i];
                if (c == '\\')
                {
                    if (i + 1 >= value.Length || value[i + 1] is < ' ' or > '~')
                    {
                        return false;
                    }

                    i += 2;
                    continue;
                }

                if (c is < ' ' or > '~')
                {
                    return false;
                }

                i++;
            }

            if (i >= value.Length || i + 1 >= value.Length || value[i + 1] != '@')
            {
                return false;
            }

            at = i + 1;
        }
        else
        {
            at = 0;
            var atomLength = 0;
            while (at < value.Length && value[at] != '@')
            {
                var c = value[at];
                if (c == '.')
                {
                    if (atomLength == 0)
                    {
                        return false; // a leading dot, or two in a row
                    }

                    atomLength = 0;
                }
                else if (IsAtext(c))
                {
                    atomLength++;
                }
                else
                {
                    return false;
                }

                at++;
            }

            if (at >= value.Length || atomLength == 0)
            {
                return false; // no '@', or a dot right before it
            }
        }

        if (at > 64 || value.Length - at - 1 > 255 || at + 1 >= value.Length)
        {
            return false;
        }

        var domainStart = at + 1;
        if (value[domainStart] == '[')
        {
            if (value[value.Length - 1] != ']')
            {
                return false;
            }

            var start = domainStart + 1;
            var end = value.Length - 1;
            return end - start > 5 && string.CompareOrdinal(value, start, "IPv6:", 0, 5) == 0
                ? IpAddressSyntax.IsIPv6(value, start + 5, end)
                : IpAddressSyntax.IsIPv4(value, start, end);
        }

        // Domain = sub-domain *("." sub-domain); a trailing root dot is not part of a mailbox.
        return value[value.Length - 1] != '.' && HttpsUrlRule.IsDnsName(value, domainStart, value.Length);
    }

    /// <summary>RFC 5322 <c>atext</c>.</summary>
    private static bool IsAtext(char c) =>
        Ascii.IsAlpha(c) || Ascii.IsDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '/' or '=' or '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~';
}
