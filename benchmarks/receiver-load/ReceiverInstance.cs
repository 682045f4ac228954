using System;
using System.Globalization;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.AspNetCore;
using BoardingDsl.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BoardingDsl.ReceiverLoad;

/// <summary>
/// One receiver as a partner runs it: Kestrel on a loopback port, the client pointing at the sandbox, the shared store.
/// Each handler call is written to standard output as one line, <c>H key reference status unixMs</c>, so the driver
/// counts invocations even of an instance it kills.
/// </summary>
internal static class ReceiverInstance
{
    public static async Task<int> RunAsync(string instance, string[] args)
    {
        var port = Arguments.Int(args, "--port", 0);
        var sandbox = new Uri(Arguments.Value(args, "--sandbox") ?? throw new ArgumentException("--sandbox"));
        var apiKey = Arguments.Value(args, "--api-key") ?? "sandbox-key";
        var store = Stores.Open(args);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Error);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton(store);
        builder.Services.AddBoardingClient(o =>
        {
            o.BaseAddress = sandbox;
            o.ApiKey = apiKey;
        });
        builder.Services.AddBoardingNotifications(
            new BoardingStatusSource<OrderStatusResponse>(
                (client, orderId, ct) => client.GetOrderStatusAsync(orderId, ct),
                s => s.OrderStatus.ToJsonString(),
                s => s.OrderStatus.IsFinal(),
                s => s.ToJson(),
                OrderStatusResponse.FromJson),
            o =>
            {
                o.InstanceName = instance;
                o.PollInterval = TimeSpan.FromSeconds(5);
                o.StatusTimeout = TimeSpan.FromSeconds(1);
                o.LeaseDuration = TimeSpan.FromSeconds(1);
                o.HandlerTimeout = TimeSpan.FromSeconds(2);
                o.MaxConcurrentOrders = Arguments.Int(args, "--concurrency", 16);
                o.StoreCheckInterval = TimeSpan.FromMilliseconds(100);
                o.MinRefreshInterval = TimeSpan.FromMilliseconds(50);
            });

        await using var app = builder.Build();
        var output = Console.Out;
        app.MapBoardingNotifications<OrderStatusResponse>("/ccv/orders/{externalReference}", (n, _) =>
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"H {n.IdempotencyKey} {n.ExternalReference} {n.StatusName} {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");
            lock (output)
            {
                output.WriteLine(line);
                output.Flush();
            }

            return Task.CompletedTask;
        });

        await app.StartAsync();
        Console.Out.WriteLine("READY");
        Console.Out.Flush();

        // Runs until the driver closes standard input (a clean stop) or kills the process.
        await Task.Run(() => Console.In.ReadToEnd());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(timeout.Token);
        return 0;
    }
}
