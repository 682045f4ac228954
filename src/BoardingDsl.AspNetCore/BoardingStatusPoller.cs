using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoardingDsl.AspNetCore;

/// <summary>
/// Handles the callbacks queued by the endpoint and polls every open order on <see cref="BoardingNotificationOptions.PollInterval"/>
/// until it is final: CCV calls once and never retries, so a missed call is found here.
/// </summary>
public sealed class BoardingStatusPoller<TStatus> : BackgroundService
{
    private readonly BoardingStatusDispatcher<TStatus> _dispatcher;
    private readonly IBoardingOrderStore _store;
    private readonly BoardingNotificationOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<TrackedOrder> _callbacks = Channel.CreateUnbounded<TrackedOrder>();
    private readonly EarlyCallbacks _early;

    /// <summary>Creates the poller.</summary>
    public BoardingStatusPoller(BoardingStatusDispatcher<TStatus> dispatcher, IBoardingOrderStore store, IOptions<BoardingNotificationOptions> options, ILogger<BoardingStatusPoller<TStatus>> logger)
    {
        _dispatcher = dispatcher;
        _store = store;
        _options = options.Value;
        _logger = logger;
        _early = new EarlyCallbacks(TimeProvider.System, _options.EarlyCallbackWindow, _options.EarlyCallbackCapacity);
    }

    /// <summary>Queues a callback's order; the endpoint answers CCV at once instead of waiting for the status call.</summary>
    public bool Enqueue(TrackedOrder order) => _callbacks.Writer.TryWrite(order);

    /// <summary>
    /// Remembers a callback for a reference the store does not know yet (see
    /// <see cref="BoardingNotificationOptions.EarlyCallbackWindow"/>); false when that is off or the memory is full.
    /// </summary>
    public bool RememberEarly(string externalReference)
    {
        var remembered = _early.TryRemember(externalReference);
        _logger.LogInformation(
            remembered ? "Callback for {Reference}, not tracked yet: remembered until it is." : "Callback for {Reference}, not tracked: refused.",
            externalReference);
        return remembered;
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(HandleCallbacksAsync(stoppingToken), PollAsync(stoppingToken), MatchEarlyCallbacksAsync(stoppingToken));

    private async Task MatchEarlyCallbacksAsync(CancellationToken stoppingToken)
    {
        if (!_early.IsEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.EarlyCallbackCheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (_early.IsEmpty)
                {
                    continue;
                }

                foreach (var reference in _early.Pending())
                {
                    var order = await FindAsync(reference, stoppingToken).ConfigureAwait(false);
                    if (order is not null)
                    {
                        _early.Forget(reference);
                        Enqueue(order);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<TrackedOrder?> FindAsync(string reference, CancellationToken stoppingToken)
    {
        try
        {
            return await _store.FindAsync(reference, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Early callback for {Reference}: the store could not be asked; trying again.", reference);
            return null;
        }
    }

    private async Task HandleCallbacksAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var order in _callbacks.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await RefreshAsync(order, BoardingNotificationSource.Callback, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                foreach (var order in await _store.GetOpenAsync(stoppingToken).ConfigureAwait(false))
                {
                    await RefreshAsync(order, BoardingNotificationSource.Poll, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RefreshAsync(TrackedOrder order, BoardingNotificationSource source, CancellationToken stoppingToken)
    {
        try
        {
            await _dispatcher.RefreshAsync(order, source, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The next poll tries again; one failing order must not stop the others.
            _logger.LogWarning(ex, "Order {OrderId}: could not refresh the status ({Source}).", order.OrderId, source);
        }
    }
}
