using System;

namespace BoardingDsl.AspNetCore;

/// <summary>How the receiver and its fallback poller behave.</summary>
public sealed class BoardingNotificationOptions
{
    /// <summary>
    /// How often open orders are polled. CCV calls the notification URL once and never retries, so polling is what
    /// catches a missed call. Default 1 minute.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The time one status call may take before it is given up until the next poll. Default 30 seconds.</summary>
    public TimeSpan StatusTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Where a status came from.</summary>
public enum BoardingNotificationSource
{
    /// <summary>CCV called the notification URL.</summary>
    Callback,

    /// <summary>The poller asked (a missed call, or a status CCV was not asked to announce).</summary>
    Poll,
}

/// <summary>A new status of an order: handed to your handler once per status.</summary>
public sealed record BoardingNotification<TStatus>(string ExternalReference, string OrderId, TStatus Status, string StatusName, bool IsFinal, BoardingNotificationSource Source);
