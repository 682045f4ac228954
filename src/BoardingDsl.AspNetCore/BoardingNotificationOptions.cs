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

    /// <summary>
    /// How long a callback for a reference the store does not know yet is remembered (it is answered 202 meanwhile).
    /// CCV may call before you have stored the order id from the submit answer; when the order is tracked within this
    /// window its status is fetched at once. <see cref="TimeSpan.Zero"/> turns this off: such callbacks get 404 and
    /// only the poller finds the status. Default 5 minutes.
    /// </summary>
    public TimeSpan EarlyCallbackWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many early callbacks are remembered at most; beyond that they get 404 (each is looked up in the store on every check). Default 100.</summary>
    public int EarlyCallbackCapacity { get; set; } = 100;

    /// <summary>How often remembered early callbacks are matched against the store. Default 1 second.</summary>
    public TimeSpan EarlyCallbackCheckInterval { get; set; } = TimeSpan.FromSeconds(1);
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
