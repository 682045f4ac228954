using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace BoardingDsl.Sandbox.Orders;

/// <summary>
/// The submitted orders (a thread-safe in-memory store), their status walks on the
/// <see cref="SandboxOptions.StatusStepInterval"/> clock, and the notification calls. Disposing it stops everything.
/// </summary>
internal sealed class OrderLifecycle : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SubmittedOrder> _orders = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SandboxOptions _options;
    private readonly Action<string, string, string?> _raise;
    private readonly HttpClient _notifier;
    private int _disposed;

    public OrderLifecycle(SandboxOptions options, Action<string, string, string?> raise)
    {
        _options = options;
        _raise = raise;
        _notifier = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = ValidateServerCertificate },
        })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
    }

    /// <summary>Stores the order under a new id, in its first status, and starts its walk.</summary>
    public SubmittedOrder Submit(JsonObject request)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var order = new SubmittedOrder(Guid.NewGuid().ToString(), (JsonObject)request.DeepClone(), _options.Outcome);
        _orders[order.Id] = order;
        Entered(order, order.Status);
        Track(WalkAsync(order, _stop.Token));
        return order;
    }

    /// <summary>The submitted order with this id, or <see langword="null"/>.</summary>
    public SubmittedOrder? Find(string id) => _orders.TryGetValue(id, out var order) ? order : null;

    private async Task WalkAsync(SubmittedOrder order, CancellationToken ct)
    {
        // Yield first so that Submit returns (and the 201 is written) before the clock starts.
        await Task.Yield();
        try
        {
            for (var step = 1; step < order.Steps.Count && !order.IsFinal; step++)
            {
                await Task.Delay(_options.StatusStepInterval, ct).ConfigureAwait(false);
                order.MoveTo(order.Steps[step]);
                Entered(order, order.Steps[step]);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The sandbox is stopping.
        }
    }

    /// <summary>Records a status the order has just entered and, when it is subscribed to, calls the notification URL once.</summary>
    private void Entered(SubmittedOrder order, string status)
    {
        _raise(SandboxEventKinds.StatusChanged, status, order.Id);
        if (order.Notifies(status))
        {
            Track(NotifyAsync(order, status, order.NotificationUrl!, _stop.Token));
        }
    }

    /// <summary>One POST with an empty body, never retried; the outcome is recorded as an event.</summary>
    private async Task NotifyAsync(SubmittedOrder order, string status, Uri url, CancellationToken ct)
    {
        await Task.Yield();
        var target = url.GetLeftPart(UriPartial.Path);
        if (_options.FailDelivery?.Invoke(url) == true)
        {
            _raise(SandboxEventKinds.NotificationDropped, $"{status}: POST {target} dropped (FailDelivery)", order.Id);
            return;
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent([]) };
            using var response = await _notifier.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                _raise(SandboxEventKinds.NotificationSent, $"{status}: POST {target} {code}", order.Id);
            }
            else
            {
                _raise(SandboxEventKinds.NotificationFailed, $"{status}: POST {target} answered {code}", order.Id);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The sandbox is stopping.
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            _raise(SandboxEventKinds.NotificationFailed, $"{status}: POST {target} failed: {Innermost(e).Message}", order.Id);
        }
    }

    private bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var trusted = _options.TrustedNotificationCertificate;
        if (trusted is null)
        {
            return errors == SslPolicyErrors.None;
        }

        // Exactly this certificate and nothing else: a pinned match, whatever the system's trust store says.
        return certificate is not null
            && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), trusted.GetCertHash(HashAlgorithmName.SHA256));
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    private void Track(Task task)
    {
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running.Keys).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Each task records its own failures as events; nothing is left to report while stopping.
        }

        _notifier.Dispose();
        _stop.Dispose();
    }
}
