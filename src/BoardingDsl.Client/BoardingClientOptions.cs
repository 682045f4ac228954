using System;

namespace BoardingDsl.Client;

/// <summary>How the client reaches the Boarding API. No host is documented by CCV, so the base address is required.</summary>
public sealed class BoardingClientOptions
{
    /// <summary>
    /// The API's base address, e.g. the one CCV gives you. HTTPS is required except on loopback; user information
    /// (<c>https://user:password@host/</c>) is refused: the key belongs in <see cref="ApiKey"/>.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The API key. Never written to logs, exceptions or <see cref="ToString"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How the key is sent. Default: HTTP Basic with the key as user name and an empty password, CCV's Payment API
    /// scheme (unverified for the Boarding API, hence the option).
    /// </summary>
    public BoardingAuthenticationScheme AuthenticationScheme { get; set; } = BoardingAuthenticationScheme.BasicApiKey;

    /// <summary>The time one attempt may take. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The time a call may take with its retries. Default 2 minutes.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Automatic retries of GET and configurator PATCH calls on transient failures (never of SubmitOrder). Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>
    /// The longest <c>Retry-After</c> (on 429, 503 and other retried answers) that a retried call waits for. A server
    /// asking for longer, or for longer than is left of <see cref="TotalTimeout"/>, is not waited on: its
    /// <see cref="BoardingApiRateLimitedException"/> (or <see cref="BoardingApiStatusException"/>) comes at once, with
    /// <see cref="BoardingApiStatusException.RetryAfter"/>. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest response body that is read. A longer one (by its <c>Content-Length</c>, or once that many bytes have
    /// come) is a <see cref="BoardingApiResponseTooLargeException"/> on a success status; of an error answer only the
    /// start is kept. Default 4 MiB.
    /// </summary>
    public int MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            throw new InvalidOperationException("BoardingClientOptions.BaseAddress is required: CCV documents no host; use the address CCV gives you.");
        }

        ValidateAddress(BaseAddress, "BoardingClientOptions.BaseAddress");

        if (string.IsNullOrEmpty(ApiKey))
        {
            throw new InvalidOperationException("BoardingClientOptions.ApiKey is required.");
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout < AttemptTimeout || MaxRetryAttempts < 0)
        {
            throw new InvalidOperationException("BoardingClientOptions: AttemptTimeout must be positive, TotalTimeout at least AttemptTimeout, MaxRetryAttempts not negative.");
        }

        if (MaxRetryAfter < TimeSpan.Zero || MaxResponseBytes <= 0)
        {
            throw new InvalidOperationException("BoardingClientOptions: MaxRetryAfter must not be negative, MaxResponseBytes must be positive.");
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"BaseAddress={Printable(BaseAddress)}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, Scheme={AuthenticationScheme}";

    /// <summary>Refuses an absolute address without https off loopback, or with user information, never quoting the latter.</summary>
    internal static void ValidateAddress(Uri address, string name)
    {
        if (!string.IsNullOrEmpty(address.UserInfo))
        {
            throw new InvalidOperationException($"{name} must not carry user information (credentials belong in BoardingClientOptions.ApiKey): '{Printable(address)}'.");
        }

        if (address.Scheme != Uri.UriSchemeHttps && !address.IsLoopback)
        {
            throw new InvalidOperationException($"{name} must use https:// (only loopback may use http://), not '{address.Scheme}://{address.Host}'.");
        }
    }

    /// <summary>The address without its user information (nor anything that looks like it in a relative one).</summary>
    internal static string Printable(Uri? address)
    {
        if (address is null)
        {
            return string.Empty;
        }

        if (!address.IsAbsoluteUri)
        {
            return address.OriginalString.Contains('@', StringComparison.Ordinal) ? "(hidden)" : address.OriginalString;
        }

        return string.IsNullOrEmpty(address.UserInfo)
            ? address.ToString()
            : new UriBuilder(address) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();
    }
}

/// <summary>How the API key is sent.</summary>
public enum BoardingAuthenticationScheme
{
    /// <summary><c>Authorization: Basic base64(apiKey + ":")</c>.</summary>
    BasicApiKey,

    /// <summary><c>Authorization: Bearer apiKey</c>.</summary>
    Bearer,
}
