using System.Collections.Generic;
using System.Linq;

namespace BoardingDsl.Testing;

/// <summary>The format rules a string can be held to.</summary>
public enum FormatRule
{
    /// <summary>A <c>^https://</c> pattern (the notification URL): BDSL0002, <c>Build()</c>, the sandbox's 400.</summary>
    HttpsUrl,

    /// <summary><c>format: uri</c> (RFC 3986 absolute URI).</summary>
    Uri,

    /// <summary><c>format: date-time</c> (RFC 3339 §5.6).</summary>
    DateTime,

    /// <summary><c>format: email</c> (RFC 5321 mailbox).</summary>
    Email,
}

/// <summary>One string and the verdict the RFC gives it.</summary>
public sealed record FormatCase(FormatRule Rule, string Text, bool Valid, string Why)
{
    public override string ToString() => $"{Rule} {(Valid ? "accepts" : "refuses")} {Text.Length switch { > 80 => Text[..40] + "…(" + Text.Length + ")", _ => Text }} ({Why})";
}

/// <summary>
/// One table of strings for every place a format is checked: the analyzers, <c>Build()</c>/<c>FromJson</c> and the
/// sandbox each assert these verdicts, so the three agree. Written from the RFCs' grammars (and the issue's probes),
/// by class: each class of mistake has at least one row.
/// </summary>
public static class FormatTable
{
    public static IReadOnlyList<FormatCase> All { get; } = Build().ToList();

    public static IEnumerable<FormatCase> Of(FormatRule rule) => All.Where(c => c.Rule == rule);

    private static IEnumerable<FormatCase> Build()
    {
        FormatCase Ok(FormatRule rule, string text, string why) => new(rule, text, true, why);
        FormatCase No(FormatRule rule, string text, string why) => new(rule, text, false, why);
        const FormatRule H = FormatRule.HttpsUrl, U = FormatRule.Uri, D = FormatRule.DateTime, E = FormatRule.Email;

        // The https rule.
        yield return Ok(H, "https://api.integrator.nl/orderstatusCCV/", "the documented example");
        yield return Ok(H, "https://partner.example", "no path");
        yield return Ok(H, "https://partner.example:8443/ccv/orders/123?x=1", "port, query");
        yield return Ok(H, "https://partner.example:65535/", "the highest port");
        yield return Ok(H, "https://192.0.2.10/cb", "IPv4 host");
        yield return Ok(H, "https://[2001:db8::1]:443/cb", "IPv6 literal");
        yield return Ok(H, "https://partner.example./cb", "a fully qualified name with the root dot");
        yield return Ok(H, "https://x-1.partner.example/a%20b", "hyphen inside a label, percent-encoded path");
        yield return Ok(H, "https://user:pw@partner.example/", "userinfo is RFC 3986");
        yield return No(H, "http://partner.example/", "not https");
        yield return No(H, "HTTPS://partner.example/", "the pattern is ^https:// in lower case");
        yield return No(H, "https://partner.example:99999/", "port past 65535");
        yield return No(H, "https://partner.example:0/", "port 0");
        yield return No(H, "https://partner.example:/", "an empty port");
        yield return No(H, "https://?x", "no host");
        yield return No(H, "https://#frag", "no host, a fragment");
        yield return No(H, "https://partner.example/#frag", "a fragment");
        yield return No(H, "https://:443/", "no host");
        yield return No(H, "https://%20/", "a percent-encoded host");
        yield return No(H, "https://exa%20mple.com/", "a percent-encoded host");
        yield return No(H, "https://a..b/", "an empty label");
        yield return No(H, "https://-a.example/", "a label starting with a hyphen");
        yield return No(H, "https://a-.example/", "a label ending with a hyphen");
        yield return No(H, "https://" + new string('a', 64) + ".example/", "a label over 63 characters");
        yield return No(H, "https://partner_x.example/", "underscore in a host name");
        yield return No(H, "https://partner.example/" + new string('a', 100_000), "100,000 characters");
        yield return No(H, "https://partner.example/ a", "a space");
        yield return No(H, "https://", "nothing after the scheme");
        yield return No(H, "https:/partner.example", "one slash");
        yield return No(H, "https://pärtner.example/", "non-ASCII host");

        // format: uri (absolute URIs by RFC 3986).
        yield return Ok(U, "http://example.com/", "plain");
        yield return Ok(U, "http://example.com/%6A", "a valid percent-encoding");
        yield return Ok(U, "urn:isbn:0451450523", "no authority");
        yield return Ok(U, "mailto:joe@example.com", "path-rootless");
        yield return Ok(U, "file:///etc/hosts", "empty host");
        yield return Ok(U, "http://[::1]:80/", "IPv6 literal");
        yield return Ok(U, "http://[v1.fe80::a+en1]/", "IPvFuture");
        yield return Ok(U, "http://example.com:99999/", "RFC 3986 ports are any digits");
        yield return Ok(U, "http://example.com/a?b=c#d", "query and fragment");
        yield return Ok(U, "https:", "path-empty is a URI");
        yield return Ok(U, "tel:+31-20-1234567", "tel");
        yield return No(U, "http://example.com/%6G", "a bad hex digit");
        yield return No(U, "http://example.com/%A", "a cut percent-encoding");
        yield return No(U, "http://example.com/%", "a lone percent");
        yield return No(U, "http://example.com:abc/path", "a port with letters");
        yield return No(U, "https://[@example.org/test.txt", "an unclosed IP literal");
        yield return No(U, "http://[::1/", "an unclosed IP literal");
        yield return No(U, "http://[1:2:3:4:5:6:7:8:9]/", "nine IPv6 groups");
        yield return No(U, "http://exämple.com/", "unescaped non-ASCII");
        yield return No(U, "http:/[::1]", "'[' in a path");
        yield return No(U, "//example.com/", "a relative reference");
        yield return No(U, "/path", "a relative reference");
        yield return No(U, "abc", "no scheme");
        yield return No(U, "1http://example.com", "a scheme starting with a digit");
        yield return No(U, "ftp,://example.com", "a comma in the scheme");
        yield return No(U, "http:// example.com", "a space");
        yield return No(U, "http://example.com/a\\b", "a backslash");
        yield return No(U, "http://example.com/<a>", "angle brackets");
        yield return No(U, "", "empty");

        // format: date-time (RFC 3339 §5.6).
        yield return Ok(D, "1985-04-12T23:20:50.52Z", "RFC 3339's example");
        yield return Ok(D, "1996-12-19T16:39:57-08:00", "an offset");
        yield return Ok(D, "2021-02-23T14:34:37.528+00:00", "the docs' examples");
        yield return Ok(D, "1998-12-31T23:59:60Z", "a leap second");
        yield return Ok(D, "1998-12-31T15:59:60.123-08:00", "a leap second with an offset");
        yield return Ok(D, "1963-06-19t08:30:06.283185z", "lower-case t and z (RFC 3339 §5.6 NOTE)");
        yield return Ok(D, "2024-02-29T00:00:00Z", "29 February of a leap year");
        yield return Ok(D, "2017-07-21T17:32:28.1234567891Z", "a long fraction");
        yield return No(D, "1963-6-19T08:30:06Z", "a one-digit month");
        yield return No(D, "1963-06-1T08:30:06Z", "a one-digit day");
        yield return No(D, "1985-04-12T23:20:50+01", "an offset without minutes");
        yield return No(D, "1985-04-12T23:20:50Z\n", "a trailing newline");
        yield return No(D, "1998-12-31T23:59:61Z", "second 61");
        yield return No(D, "1998-12-31T23:58:60Z", "a leap second on a wrong minute");
        yield return No(D, "1998-12-31T22:59:60Z", "a leap second on a wrong hour");
        yield return No(D, "2023-02-29T00:00:00Z", "29 February of a common year");
        yield return No(D, "2021-04-31T00:00:00Z", "31 April");
        yield return No(D, "2021-13-01T00:00:00Z", "month 13");
        yield return No(D, "2021-01-01T24:00:00Z", "hour 24");
        yield return No(D, "2021-01-01T00:00:00", "no offset");
        yield return No(D, "2021-01-01 00:00:00Z", "a space instead of T");
        yield return No(D, "2021-01-01T00:00:00.Z", "an empty fraction");
        yield return No(D, "2021-01-01T00:00:00+24:00", "offset hour 24");
        yield return No(D, "2021-01-01", "a date alone");
        yield return No(D, "٢٠٢١-01-01T00:00:00Z", "non-ASCII digits");

        // format: email (RFC 5321 mailbox).
        yield return Ok(E, "joe.bloggs@example.com", "dot-atom");
        yield return Ok(E, "te~st+tag@example.com", "atext");
        yield return Ok(E, "\"joe bloggs\"@example.com", "a quoted local part with a space");
        yield return Ok(E, "\"joe@bloggs\"@example.com", "a quoted local part with '@'");
        yield return Ok(E, "\"joe\\\"b\"@example.com", "a quoted pair");
        yield return Ok(E, "joe.bloggs@[127.0.0.1]", "an IPv4 address literal");
        yield return Ok(E, "joe.bloggs@[IPv6:::1]", "an IPv6 address literal");
        yield return Ok(E, "joe@localhost", "a one-label domain");
        yield return No(E, ".test@example.com", "a leading dot");
        yield return No(E, "test.@example.com", "a trailing dot");
        yield return No(E, "te..st@example.com", "two dots");
        yield return No(E, "joe.bloggs@invalid=domain.com", "'=' in the domain");
        yield return No(E, "joe.bloggs@[127.0.0.300]", "an octet past 255");
        yield return No(E, "joe bloggs@example.com", "a space outside quotes");
        yield return No(E, "joe@@example.com", "two @");
        yield return No(E, "joe@example..com", "an empty label");
        yield return No(E, "joe@-example.com", "a label starting with a hyphen");
        yield return No(E, "@example.com", "no local part");
        yield return No(E, "joe@", "no domain");
        yield return No(E, "joe", "no @");
        yield return No(E, "jöe@example.com", "non-ASCII");
        yield return No(E, new string('a', 65) + "@example.com", "a local part over 64 characters");
        yield return No(E, "\"unterminated@example.com", "an unterminated quoted string");
    }
}
