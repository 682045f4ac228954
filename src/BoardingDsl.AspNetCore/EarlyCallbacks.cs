using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace BoardingDsl.AspNetCore;

/// <summary>
/// Callbacks for references the store does not know yet. CCV can call before your code has stored the order id from
/// the submit answer (the call and the answer race), and it never calls again; the reference is kept for
/// <see cref="BoardingNotificationOptions.EarlyCallbackWindow"/> so the status is fetched as soon as the order is
/// tracked, not at the next poll. Bounded, so unknown references sent by anyone cannot grow it without limit.
/// </summary>
internal sealed class EarlyCallbacks
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _received = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly int _capacity;

    public EarlyCallbacks(TimeProvider time, TimeSpan window, int capacity)
    {
        _time = time;
        _window = window;
        _capacity = capacity;
    }

    public bool IsEnabled => _window > TimeSpan.Zero && _capacity > 0;

    public bool IsEmpty => _received.IsEmpty;

    /// <summary>Remembers a callback; false when disabled or full (the caller then answers 404).</summary>
    public bool TryRemember(string externalReference)
    {
        if (!IsEnabled)
        {
            return false;
        }

        if (_received.Count >= _capacity && !_received.ContainsKey(externalReference) && Pending().Count >= _capacity)
        {
            return false;
        }

        _received[externalReference] = _time.GetUtcNow();
        return true;
    }

    /// <summary>The references still within the window; the expired ones are forgotten.</summary>
    public IReadOnlyList<string> Pending()
    {
        var now = _time.GetUtcNow();
        foreach (var expired in _received.Where(r => now - r.Value > _window).ToList())
        {
            _received.TryRemove(expired);
        }

        return _received.Keys.ToList();
    }

    public void Forget(string externalReference) => _received.TryRemove(externalReference, out _);
}
