using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace BoardingDsl.AspNetCore;

/// <summary>
/// Group commit for callbacks: the callbacks that arrive while the store is busy with one batch are written together in
/// the next (<see cref="IBoardingOrderStore.RequestRefreshAsync(IReadOnlyCollection{string}, CancellationToken)"/>),
/// one transaction and one disk flush for all of them. Each callback is answered only after its batch committed, so
/// a 202 still means "recorded durably"; a lone callback is written at once, without waiting for company.
/// </summary>
internal sealed class RefreshBatcher : IAsyncDisposable
{
    private const int MaxBatch = 512;

    private readonly IBoardingOrderStore _store;
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private Task? _loop;

    public RefreshBatcher(IBoardingOrderStore store) => _store = store;

    /// <summary>Records a callback; true when the reference is tracked.</summary>
    public Task<bool> RequestRefreshAsync(string externalReference, CancellationToken cancellationToken)
    {
        EnsureStarted();
        var request = new Request(externalReference);
        if (!_requests.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(RefreshBatcher));
        }

        return request.Done.Task.WaitAsync(cancellationToken);
    }

    private void EnsureStarted()
    {
        if (_loop is null)
        {
            lock (_gate)
            {
                _loop ??= Task.Run(() => RunAsync(_stop.Token));
            }
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var batch = new List<Request>(MaxBatch);
        var references = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (await _requests.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                batch.Clear();
                references.Clear();
                while (batch.Count < MaxBatch && _requests.Reader.TryRead(out var request))
                {
                    batch.Add(request);
                    references.Add(request.Reference);
                }

                try
                {
                    var known = await _store.RequestRefreshAsync(references, stop).ConfigureAwait(false);
                    foreach (var request in batch)
                    {
                        request.Done.TrySetResult(Contains(known, request.Reference));
                    }
                }
                catch (Exception ex)
                {
                    foreach (var request in batch)
                    {
                        request.Done.TrySetException(ex);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        while (_requests.Reader.TryRead(out var left))
        {
            left.Done.TrySetCanceled(stop);
        }
    }

    private static bool Contains(IReadOnlyCollection<string> known, string reference)
    {
        if (known is ISet<string> set)
        {
            return set.Contains(reference);
        }

        foreach (var k in known)
        {
            if (string.Equals(k, reference, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        _stop.Cancel();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private sealed class Request(string reference)
    {
        public string Reference { get; } = reference;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
