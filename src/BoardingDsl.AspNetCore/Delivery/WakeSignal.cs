using System;
using System.Threading;
using System.Threading.Tasks;

namespace BoardingDsl.AspNetCore;

/// <summary>Wakes the worker when a callback made an order due, instead of waiting for its next look at the store.</summary>
internal sealed class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        // One pending wake is enough: the worker claims everything due when it wakes.
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
