using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoardingDsl.AspNetCore;

/// <summary>
/// The receiver's background work: leases due orders from the store (a callback, a poll, a start or a retry made them
/// due), fetches each one's status, and hands every observed status to the handlers, oldest first, until they all
/// return. A status is recorded as delivered only then; a handler that throws gets it again after a backoff, and after
/// <see cref="BoardingNotificationOptions.MaxDeliveryAttempts"/> the order is parked. Orders are independent: one
/// failing order holds up no other.
/// </summary>
public sealed class BoardingStatusWorker<TStatus> : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly IBoardingOrderStore _store;
    private readonly BoardingStatusSource<TStatus> _source;
    private readonly BoardingStatusDispatcher<TStatus> _dispatcher;
    private readonly BoardingNotificationOptions _options;
    private readonly ILogger _logger;
    private readonly WakeSignal _wake = new();

    /// <summary>Creates the worker.</summary>
    public BoardingStatusWorker(IServiceProvider services, IBoardingOrderStore store, BoardingStatusSource<TStatus> source, BoardingStatusDispatcher<TStatus> dispatcher,
        IOptions<BoardingNotificationOptions> options, ILogger<BoardingStatusWorker<TStatus>> logger)
    {
        _services = services;
        _store = store;
        _source = source;
        _dispatcher = dispatcher;
        _options = options.Value;
        _options.Validate();
        _logger = logger;
    }

    /// <summary>Makes the worker look at the store now (a callback made an order due).</summary>
    public void Wake() => _wake.Wake();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken).ConfigureAwait(false);
        var running = new HashSet<Task>();
        Task<bool>? wake = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var free = _options.MaxConcurrentOrders - running.Count;
                if (free > 0)
                {
                    foreach (var lease in await ClaimAsync(free, stoppingToken).ConfigureAwait(false))
                    {
                        running.Add(Task.Run(() => ProcessAsync(lease, stoppingToken), CancellationToken.None));
                    }
                }

                // Keep one wait on the signal across turns: an abandoned wait would swallow the next wake.
                wake ??= _wake.WaitAsync(_options.StoreCheckInterval, stoppingToken);
                await Task.WhenAny(running.Append<Task>(wake)).ConfigureAwait(false);
                if (wake.IsCompleted)
                {
                    wake = null;
                }

                running.RemoveWhere(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        // After a start every open order is asked about at once: callbacks may have come while no instance ran.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _store.MakeAllOpenDueAsync(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "The order store could not be reached at start; trying again.");
                await Delay(_options.StoreCheckInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<IReadOnlyList<OrderLease>> ClaimAsync(int max, CancellationToken stoppingToken)
    {
        try
        {
            return await _store.ClaimDueAsync(_options.InstanceName, max, _options.LeaseDuration, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "The order store could not be asked for due orders; trying again.");
            return Array.Empty<OrderLease>();
        }
    }

    private async Task ProcessAsync(OrderLease lease, CancellationToken stoppingToken)
    {
        var reference = LogText.Escape(lease.ExternalReference);
        var orderId = LogText.Escape(lease.OrderId);

        // While this instance works on the order it renews the lease, so a short LeaseDuration hands a crashed
        // instance's orders over quickly without taking them from a slow but live one. A lost lease stops the work.
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var lost = 0;
        var step = new StepClock();
        var renewing = RenewAsync(lease, work, step, () => Volatile.Write(ref lost, 1));
        LeaseRelease? release = null;
        var storeFailed = false;
        try
        {
            release = await WorkAsync(lease, reference, orderId, step, work.Token).ConfigureAwait(false);
            await _store.ReleaseAsync(lease, release, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BoardingLeaseLostException || (ex is OperationCanceledException && Volatile.Read(ref lost) == 1 && !stoppingToken.IsCancellationRequested))
        {
            _logger.LogWarning("Order {OrderId} ({Reference}): the lease expired and another instance took the order over; this instance drops its work on it.", orderId, reference);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: hand the order back at once so another instance (or the next start) goes on with it.
            await ReleaseOnStopAsync(lease).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            storeFailed = true;
            _logger.LogWarning(ex, "Order {OrderId} ({Reference}): the order store failed; the order is handed back as soon as the store answers again.", orderId, reference);
        }
        finally
        {
            work.Cancel();
            await renewing.ConfigureAwait(false);
        }

        if (storeFailed)
        {
            await HandBackAfterStoreFailureAsync(lease, release, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task HandBackAfterStoreFailureAsync(OrderLease lease, LeaseRelease? release, CancellationToken stoppingToken)
    {
        // Waiting for the lease to run out would hold the order for a whole LeaseDuration after a short outage;
        // handing it back as soon as the store answers lets the next poll go on at once. What the failed step had
        // not recorded is fetched or delivered again then (at least once). Past the lease the store decides alone.
        var handBack = release ?? new LeaseRelease(TimeSpan.Zero, _options.MinRefreshInterval, lease.FailedAttempts, null);
        var until = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(_options.LeaseDuration.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (!stoppingToken.IsCancellationRequested && System.Diagnostics.Stopwatch.GetTimestamp() < until)
        {
            await Delay(_options.StoreCheckInterval, stoppingToken).ConfigureAwait(false);
            try
            {
                await _store.ReleaseAsync(lease, handBack, stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (BoardingLeaseLostException)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogDebug(ex, "Order {OrderId}: the order store still fails; the lease is handed back later.", LogText.Escape(lease.OrderId));
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RenewAsync(OrderLease lease, CancellationTokenSource work, StepClock step, Action onLost)
    {
        var every = TimeSpan.FromTicks(Math.Max(_options.LeaseDuration.Ticks / 3, TimeSpan.TicksPerMillisecond));

        // A step (one status call or one handler call) that overran its own timeout by this much is stuck, not slow
        // (a handler ignoring its token, a frozen thread): the lease is left to run out so another instance goes on.
        var stuckAfter = (_options.StatusTimeout > _options.HandlerTimeout ? _options.StatusTimeout : _options.HandlerTimeout) + every;
        try
        {
            while (true)
            {
                await Task.Delay(every, work.Token).ConfigureAwait(false);
                if (step.Elapsed > stuckAfter)
                {
                    _logger.LogWarning("Order {OrderId}: a status call or handler has run for {Elapsed} (past its timeout); the lease is left to run out so another instance can go on.",
                        LogText.Escape(lease.OrderId), step.Elapsed);
                    return;
                }

                try
                {
                    await _store.RenewAsync(lease, _options.LeaseDuration, work.Token).ConfigureAwait(false);
                }
                catch (BoardingLeaseLostException)
                {
                    onLost();
                    work.Cancel();
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed renewal is tried again; if the store stays away the lease runs out, as it would.
                    _logger.LogDebug(ex, "Order {OrderId}: the lease could not be renewed; trying again.", LogText.Escape(lease.OrderId));
                }
            }
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
        }
    }

    private async Task<LeaseRelease> WorkAsync(OrderLease lease, string reference, string orderId, StepClock step, CancellationToken stoppingToken)
    {
        var failed = lease.FailedAttempts;
        var pending = lease.Pending;
        var final = lease.IsFinalObserved;
        var fetched = false;
        while (true)
        {
            // Oldest first: a newer status is never delivered before an older one has been.
            while (pending is not null)
            {
                step.Start();
                var error = await DeliverAsync(lease, pending, failed + 1, stoppingToken).ConfigureAwait(false);
                if (error is not null)
                {
                    failed++;
                    if (failed >= _options.MaxDeliveryAttempts)
                    {
                        var reason = $"the handlers failed {failed} times on status {pending.Status} (#{pending.Sequence}): {error.GetType().FullName}";
                        _logger.LogError(error, "Order {OrderId} ({Reference}): parked; the handlers failed {Attempts} times on status {Status}. Nothing more is fetched or delivered for it until IBoardingOrderStore.UnparkAsync.",
                            orderId, reference, failed, LogText.Escape(pending.Status));
                        return new LeaseRelease(null, _options.MinRefreshInterval, failed, reason);
                    }

                    var delay = Backoff(failed);
                    _logger.LogWarning(error, "Order {OrderId} ({Reference}): a handler failed on status {Status} (attempt {Attempt}); retrying in {Delay}.",
                        orderId, reference, LogText.Escape(pending.Status), failed, delay);
                    return new LeaseRelease(delay, _options.MinRefreshInterval, failed, null);
                }

                failed = 0;
                final |= pending.IsFinal;
                pending = await _store.MarkDeliveredAsync(lease, pending.Sequence, stoppingToken).ConfigureAwait(false);
            }

            if (final || fetched)
            {
                return new LeaseRelease(final ? null : _options.PollInterval, _options.MinRefreshInterval, 0, null);
            }

            var source = lease.RefreshRequested ? BoardingNotificationSource.Callback
                : lease.LastObservedStatus is null ? BoardingNotificationSource.Tracking
                : BoardingNotificationSource.Poll;
            TStatus status;
            try
            {
                step.Start();
                status = await FetchAsync(lease.OrderId, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The next poll tries again (a callback sooner, but never before a Retry-After the API asked for);
                // the API being down is no reason to park. The client's messages carry no credentials.
                var again = ex is BoardingApiStatusException { RetryAfter: { } after } && after < _options.PollInterval ? after : _options.PollInterval;
                _logger.LogWarning(ex, "Order {OrderId} ({Reference}): could not fetch the status ({Source}); trying again in {Delay}.", orderId, reference, source, again);
                return new LeaseRelease(again, again > _options.MinRefreshInterval ? again : _options.MinRefreshInterval, failed, null);
            }

            fetched = true;
            var name = _source.NameOf(status);
            final = _source.IsFinal(status);
            var payload = _source.ToJson(status);
            var observed = await _store.RecordObservedAsync(lease, name, payload, final, source, stoppingToken).ConfigureAwait(false);
            if (observed is null)
            {
                _logger.LogDebug("Order {OrderId}: status {Status} already handled ({Source}).", orderId, LogText.Escape(name), source);
            }

            pending = observed;
        }
    }

    private async Task<TStatus> FetchAsync(string orderId, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.StatusTimeout);

        // A typed client per call, so IHttpClientFactory can rotate its handler (DNS changes).
        var client = _services.GetRequiredService<IBoardingClient>();
        return await _source.Fetch(client, orderId, timeout.Token).ConfigureAwait(false);
    }

    private async Task<Exception?> DeliverAsync(OrderLease lease, PendingStatus pending, int attempt, CancellationToken stoppingToken)
    {
        // A handler gets HandlerTimeout; one that takes longer counts as failed (and is retried).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.HandlerTimeout);
        try
        {
            await _dispatcher.DeliverAsync(lease, pending, attempt, timeout.Token).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            return ex;
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.RetryDelay.Ticks * factor, _options.MaxRetryDelay.Ticks));
        return delay;
    }

    private async Task ReleaseOnStopAsync(OrderLease lease)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _store.ReleaseAsync(lease, new LeaseRelease(TimeSpan.Zero, TimeSpan.Zero, lease.FailedAttempts, null), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogDebug(ex, "Order {OrderId}: the lease could not be handed back at stop; it expires instead.", LogText.Escape(lease.OrderId));
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>When the current step (a status call, a handler call) began, for telling a slow step from a stuck one.</summary>
    private sealed class StepClock
    {
        private long _started = System.Diagnostics.Stopwatch.GetTimestamp();

        public TimeSpan Elapsed => System.Diagnostics.Stopwatch.GetElapsedTime(Volatile.Read(ref _started));

        public void Start() => Volatile.Write(ref _started, System.Diagnostics.Stopwatch.GetTimestamp());
    }
}
