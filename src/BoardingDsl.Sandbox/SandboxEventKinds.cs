namespace BoardingDsl.Sandbox;

/// <summary>The values of <see cref="SandboxEvent.Kind"/>.</summary>
public static class SandboxEventKinds
{
    /// <summary>An HTTP request was answered. The message is <c>METHOD /path STATUS</c> (no query string, no headers).</summary>
    public const string Request = "request";

    /// <summary>A submitted order moved to a new status. The message is the status's exact name (for example <c>Screening</c>).</summary>
    public const string StatusChanged = "status";

    /// <summary>The notification URL was called for a status and answered with a success code.</summary>
    public const string NotificationSent = "notification-sent";

    /// <summary>The notification call failed (refused certificate, connection error, time-out or a non-success answer). It is not retried.</summary>
    public const string NotificationFailed = "notification-failed";

    /// <summary>The notification call was dropped because <see cref="SandboxOptions.FailDelivery"/> returned <see langword="true"/> (a simulated missed call). It is not retried.</summary>
    public const string NotificationDropped = "notification-dropped";
}
