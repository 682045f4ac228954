using System;

namespace BoardingDsl.AspNetCore;

/// <summary>How the receiver, its delivery worker and its fallback poller behave.</summary>
public sealed class BoardingNotificationOptions
{
    /// <summary>
    /// How often an open order is polled when no callback came. CCV calls the notification URL once and never retries,
    /// so polling is what catches a missed call. Default 1 minute.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The time one status call may take before it is given up until the next try. Default 30 seconds.</summary>
    public TimeSpan StatusTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The SQLite database file of the default store (<see cref="SqliteBoardingOrderStore"/>). Relative paths are under
    /// the application's content root. Default <c>boarding-orders.db</c>. Ignored when another
    /// <see cref="IBoardingOrderStore"/> is registered.
    /// </summary>
    public string SqlitePath { get; set; } = "boarding-orders.db";

    /// <summary>
    /// This instance's name in the store's leases. Must differ between instances that share a store, and should stay the
    /// same across restarts of one instance. Default: the machine name.
    /// </summary>
    public string InstanceName { get; set; } = Environment.MachineName;

    /// <summary>How many orders this instance fetches and delivers at once (bounds its concurrency towards CCV). Default 8.</summary>
    public int MaxConcurrentOrders { get; set; } = 8;

    /// <summary>
    /// How long an instance owns an order it is working on before another instance may take it over. The owner renews
    /// the lease every third of this while it works (a slow status call or handler keeps its lease), so this is about
    /// how long a crashed instance's orders wait. Default 15 seconds.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often the store is asked for due work besides this instance's own callbacks (what another instance's
    /// callbacks, retries and polls wait for). Default 250 milliseconds.
    /// </summary>
    public TimeSpan StoreCheckInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The least time between two status fetches of one order that callbacks cause: any number of callbacks during a
    /// fetch make one more, no sooner than this (the callback is unauthenticated: a flood must not spend your API
    /// quota). Default 250 milliseconds.
    /// </summary>
    public TimeSpan MinRefreshInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The time all handlers together may take for one status; past it their token is cancelled and the attempt counts
    /// as failed (retried with backoff). Default 1 minute.
    /// </summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before the first retry of a failed handler; it doubles with each further failure. Default 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two retries of a failed handler. Default 5 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many times a status is handed to the handlers before the order is parked (logged at Error, listed by
    /// <see cref="IBoardingOrderStore.GetParkedAsync"/>, back to work with <see cref="IBoardingOrderStore.UnparkAsync"/>).
    /// Default 10.
    /// </summary>
    public int MaxDeliveryAttempts { get; set; } = 10;

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        if (PollInterval <= TimeSpan.Zero || StatusTimeout <= TimeSpan.Zero || HandlerTimeout <= TimeSpan.Zero || StoreCheckInterval <= TimeSpan.Zero || RetryDelay <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("BoardingNotificationOptions: PollInterval, StatusTimeout, HandlerTimeout, StoreCheckInterval and RetryDelay must be positive.");
        }

        if (LeaseDuration < TimeSpan.FromMilliseconds(300))
        {
            throw new InvalidOperationException("BoardingNotificationOptions.LeaseDuration must be at least 300 milliseconds (it is renewed every third of it).");
        }

        if (MaxConcurrentOrders < 1 || MaxDeliveryAttempts < 1 || MinRefreshInterval < TimeSpan.Zero || MaxRetryDelay < RetryDelay)
        {
            throw new InvalidOperationException("BoardingNotificationOptions: MaxConcurrentOrders and MaxDeliveryAttempts must be at least 1, MinRefreshInterval not negative, MaxRetryDelay at least RetryDelay.");
        }

        if (string.IsNullOrWhiteSpace(InstanceName))
        {
            throw new InvalidOperationException("BoardingNotificationOptions.InstanceName is required.");
        }
    }
}

/// <summary>What made the receiver fetch a status.</summary>
public enum BoardingNotificationSource
{
    /// <summary>CCV called the notification URL.</summary>
    Callback,

    /// <summary>The poller asked (a missed call, or a status CCV was not asked to announce), or a start or retry did.</summary>
    Poll,

    /// <summary>The first fetch, when the order was tracked (CCV may have called before that).</summary>
    Tracking,
}

/// <summary>A new status of an order, handed to your handlers until they all return (at least once).</summary>
/// <param name="ExternalReference">Your reference.</param>
/// <param name="OrderId">CCV's order id.</param>
/// <param name="Status">The status answer as it was fetched (a retry hands over the same answer, not a newer one).</param>
/// <param name="StatusName">The status as CCV sent it; an unknown status keeps its raw name.</param>
/// <param name="IsFinal">Whether nothing changes after it (never for a status the schema does not know).</param>
/// <param name="Source">What made the receiver fetch it.</param>
public sealed record BoardingNotification<TStatus>(string ExternalReference, string OrderId, TStatus Status, string StatusName, bool IsFinal, BoardingNotificationSource Source)
{
    /// <summary>
    /// The same for every delivery of this observed status, from any instance and after restarts
    /// (<c>orderId/sequence/status</c>): store it with your effect to make that effect happen once.
    /// </summary>
    public string IdempotencyKey { get; init; } = string.Empty;

    /// <summary>The status's place among the statuses observed for this order (1 for the first).</summary>
    public long Sequence { get; init; }

    /// <summary>1 for the first delivery of this status, more for retries after a handler failed.</summary>
    public int Attempt { get; init; } = 1;
}
