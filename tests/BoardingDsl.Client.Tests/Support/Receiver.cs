using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.AspNetCore;
using BoardingDsl.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace BoardingDsl.Client.Tests.Support;

/// <summary>
/// An integrator's application as the sample builds it: Kestrel on https://127.0.0.1:&lt;free port&gt; with a
/// self-signed certificate, <c>AddBoardingClient</c> pointing at the sandbox, <c>AddBoardingNotifications</c> and
/// <c>MapBoardingNotifications</c> at <c>/ccv/orders/{externalReference}</c>. Each notification the handler gets is kept.
/// </summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<BoardingNotification<OrderStatusResponse>> _notifications = [];
    private readonly TaskCompletionSource<BoardingNotification<OrderStatusResponse>> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Receiver(WebApplication app, X509Certificate2 certificate, CapturingLoggerProvider logs, Traffic traffic)
    {
        _app = app;
        Certificate = certificate;
        Logs = logs;
        Traffic = traffic;
    }

    public X509Certificate2 Certificate { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>The receiver's own calls to the API (the status fetches of the dispatcher).</summary>
    public Traffic Traffic { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public BoardingClient Client => _app.Services.GetRequiredService<BoardingClient>();

    public IBoardingOrderStore Store => _app.Services.GetRequiredService<IBoardingOrderStore>();

    /// <summary>The final notification, when it has come.</summary>
    public Task<BoardingNotification<OrderStatusResponse>> Final => _final.Task;

    public IReadOnlyList<BoardingNotification<OrderStatusResponse>> Notifications
    {
        get
        {
            lock (_notifications)
            {
                return _notifications.ToArray();
            }
        }
    }

    public static async Task<Receiver> StartAsync(BoardingSandbox sandbox, X509Certificate2 certificate, TimeSpan pollInterval, Action<BoardingNotificationOptions>? configure = null,
        IBoardingOrderStore? store = null, Func<BoardingNotification<OrderStatusResponse>, CancellationToken, Task>? handler = null)
    {
        var logs = new CapturingLoggerProvider();
        var traffic = new Traffic();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(Receiver).Assembly.GetName().Name });
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Services.AddBoardingClient(o =>
        {
            o.BaseAddress = sandbox.BaseAddress;
            o.ApiKey = sandbox.Options.ApiKey;
        }).AddHttpMessageHandler(traffic.CreateHandler);
        // The in-memory store unless a test hands one over (a shared one stands for a database two instances share).
        builder.Services.AddSingleton(store ?? new InMemoryBoardingOrderStore());
        builder.Services.AddBoardingNotifications(
            new BoardingStatusSource<OrderStatusResponse>(
                (client, orderId, ct) => client.GetOrderStatusAsync(orderId, ct),
                status => status.OrderStatus.ToJsonString(),
                status => status.OrderStatus.IsFinal(),
                status => status.ToJson(),
                OrderStatusResponse.FromJson),
            o =>
            {
                o.PollInterval = pollInterval;
                o.StoreCheckInterval = TimeSpan.FromMilliseconds(50);
                o.MinRefreshInterval = TimeSpan.FromMilliseconds(20);
                o.RetryDelay = TimeSpan.FromMilliseconds(50);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
                configure?.Invoke(o);
            });

        var app = builder.Build();
        var receiver = new Receiver(app, certificate, logs, traffic) { _handler = handler };
        app.MapBoardingNotifications<OrderStatusResponse>("/ccv/orders/{externalReference}", receiver.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>The notification URL of an order with this reference.</summary>
    public Uri UrlOf(string reference) => new(BaseAddress, "ccv/orders/" + Uri.EscapeDataString(reference));

    /// <summary>Submits the configured order with a notification URL for <paramref name="reference"/> and tracks it, as the sample does.</summary>
    public async Task<string> SubmitAndTrackAsync(string reference, params OrderStatus[] notifyOn)
    {
        var orderId = await SubmitAsync(reference, notifyOn);
        await Store.TrackAsync(reference, orderId, TestContext.Current.CancellationToken);
        return orderId;
    }

    /// <summary>Submits as <see cref="SubmitAndTrackAsync"/> does, without tracking: the order id is returned, not yet stored.</summary>
    public async Task<string> SubmitAsync(string reference, params OrderStatus[] notifyOn)
    {
        var answer = await Client.SubmitOrderAsync(TestOrders.Submit(TestOrders.Configured(), reference, UrlOf(reference), notifyOn), TestContext.Current.CancellationToken);
        return answer.GetString("orderId") ?? throw new InvalidOperationException("No orderId in " + answer);
    }

    /// <summary>CCV's call, made by the test: a POST with an empty body, over HTTPS trusting exactly the receiver's certificate.</summary>
    public async Task<HttpStatusCode> CallBackAsync(string reference) => await CallBackAsync(UrlOf(reference));

    /// <summary>A call to an exact URL (a path the test wrote itself, escapes included).</summary>
    public async Task<HttpStatusCode> CallBackAsync(Uri url)
    {
        using var http = SelfSignedCertificate.TrustingClient(Certificate);
        using var response = await http.PostAsync(url, new ByteArrayContent([]), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private Func<BoardingNotification<OrderStatusResponse>, CancellationToken, Task>? _handler;

    /// <summary>Every attempt the handler got, failed ones included.</summary>
    public IReadOnlyList<BoardingNotification<OrderStatusResponse>> Attempts
    {
        get
        {
            lock (_attempts)
            {
                return _attempts.ToArray();
            }
        }
    }

    private readonly List<BoardingNotification<OrderStatusResponse>> _attempts = [];

    private async Task HandleAsync(BoardingNotification<OrderStatusResponse> notification, CancellationToken cancellationToken)
    {
        lock (_attempts)
        {
            _attempts.Add(notification);
        }

        if (_handler is not null)
        {
            await _handler(notification, cancellationToken); // a test's own handler may throw: then the attempt failed
        }

        lock (_notifications)
        {
            _notifications.Add(notification);
        }

        if (notification.IsFinal)
        {
            _final.TrySetResult(notification);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
