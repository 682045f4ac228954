using System;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace BoardingDsl.Sandbox.Http;

/// <summary>HTTP Basic with the API key as user name and an empty password, as CCV's Payment API does it.</summary>
internal static class ApiKeyCheck
{
    /// <summary>Whether <paramref name="authorization"/> carries exactly <c>Basic base64(apiKey + ":")</c>. Compared in constant time.</summary>
    public static bool IsValid(string? authorization, string apiKey)
    {
        if (string.IsNullOrEmpty(apiKey)
            || !AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is not { Length: > 0 } encoded)
        {
            return false;
        }

        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(encoded, buffer, out var written))
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes(apiKey + ":");
        return CryptographicOperations.FixedTimeEquals(buffer.AsSpan(0, written), expected);
    }
}
