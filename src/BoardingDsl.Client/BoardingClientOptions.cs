using System;

namespace BoardingDsl.Client;

/// <summary>How the client reaches the Boarding API. No host is documented by CCV, so the base address is required.</summary>
public sealed class BoardingClientOptions
{
    /// <summary>The API's base address, e.g. the one CCV gives you. HTTPS is required except on loopback.</summary>
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

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            throw new InvalidOperationException("BoardingClientOptions.BaseAddress is required: CCV documents no host; use the address CCV gives you.");
        }

        if (BaseAddress.Scheme != Uri.UriSchemeHttps && !BaseAddress.IsLoopback)
        {
            throw new InvalidOperationException($"BoardingClientOptions.BaseAddress must use https:// (only loopback may use http://), not '{BaseAddress.Scheme}://{BaseAddress.Host}'.");
        }

        if (string.IsNullOrEmpty(ApiKey))
        {
            throw new InvalidOperationException("BoardingClientOptions.ApiKey is required.");
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout < AttemptTimeout || MaxRetryAttempts < 0)
        {
            throw new InvalidOperationException("BoardingClientOptions: AttemptTimeout must be positive, TotalTimeout at least AttemptTimeout, MaxRetryAttempts not negative.");
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"BaseAddress={BaseAddress}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, Scheme={AuthenticationScheme}";
}

/// <summary>How the API key is sent.</summary>
public enum BoardingAuthenticationScheme
{
    /// <summary><c>Authorization: Basic base64(apiKey + ":")</c>.</summary>
    BasicApiKey,

    /// <summary><c>Authorization: Bearer apiKey</c>.</summary>
    Bearer,
}
