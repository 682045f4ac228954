using System;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace BoardingDsl.Sandbox;

/// <summary>
/// How a <see cref="BoardingSandbox"/> behaves. The options are read when they are used (the outcome when an order is
/// submitted, the interval at each step of the walk), so set them before <see cref="BoardingSandbox.StartAsync"/> for
/// predictable results.
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>
    /// The API key clients must send with HTTP Basic authentication: the key is the user name and the password is
    /// empty (<c>Authorization: Basic base64(key + ":")</c>). The sandbox never logs or echoes it.
    /// </summary>
    public string ApiKey { get; set; } = "sandbox-key";

    /// <summary>The clock of the status walk: the time between two status changes of a submitted order.</summary>
    public TimeSpan StatusStepInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The final status every order submitted from now on reaches.</summary>
    public SandboxOutcome Outcome { get; set; } = SandboxOutcome.Completed;

    /// <summary>
    /// When set, the only server certificate accepted for https notification calls (an exact match; nothing is
    /// trusted globally, and the system's trust store is not consulted). When <see langword="null"/>, the system's
    /// normal certificate validation applies.
    /// </summary>
    public X509Certificate2? TrustedNotificationCertificate { get; set; }

    /// <summary>
    /// Simulates a missed notification: when it returns <see langword="true"/> for a notification URL, that call is
    /// dropped and recorded as <see cref="SandboxEventKinds.NotificationDropped"/>. Like CCV, the sandbox never retries.
    /// </summary>
    public Func<Uri, bool>? FailDelivery { get; set; }

    /// <summary>
    /// Added to every API answer before it is written, as a real network and server would (e.g. 30 ms, for load
    /// tests of a receiver). Null or zero: none.
    /// </summary>
    public TimeSpan? ApiLatency { get; set; }

    /// <summary>Where the sandbox (and its Kestrel server) logs to; nothing is logged when <see langword="null"/>.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
