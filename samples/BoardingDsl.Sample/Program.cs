using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl;
using BoardingDsl.AspNetCore;
using BoardingDsl.Client;
using BoardingDsl.Sample;
using BoardingDsl.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// The whole boarding flow on one machine: the sandbox stands in for CCV, an HTTPS receiver takes CCV's
// notification calls, and the order is built with the DSL. --base-url and --api-key point it at a real Boarding API.
var baseUrl = Option(args, "--base-url");
var apiKey = Option(args, "--api-key");
var useSandbox = baseUrl is null;
using var certificate = SelfSignedCertificate.Create();

await using var sandbox = useSandbox
    ? await BoardingSandbox.StartAsync(new SandboxOptions
    {
        StatusStepInterval = TimeSpan.FromMilliseconds(400),
        TrustedNotificationCertificate = certificate,
        // CCV calls once and never retries: drop the first call to show the poller catching up.
        FailDelivery = FirstCallOnly(),
    })
    : null;
if (sandbox is not null)
{
    sandbox.EventRaised += e => Print("sandbox", e.Message);
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
builder.Services.AddBoardingClient(o =>
{
    o.BaseAddress = sandbox?.BaseAddress ?? new Uri(baseUrl!);
    o.ApiKey = apiKey ?? sandbox?.Options.ApiKey;
});
builder.Services.AddBoardingNotifications(
    new BoardingStatusSource<OrderStatusResponse>(
        (client, orderId, ct) => client.GetOrderStatusAsync(orderId, ct),
        status => status.OrderStatus.ToJsonString(),
        status => status.OrderStatus.IsFinal(),
        status => status.ToJson(),
        OrderStatusResponse.FromJson),
    o =>
    {
        o.PollInterval = TimeSpan.FromSeconds(1);

        // The store is a SQLite file (default: boarding-orders.db under the content root); a sandbox run keeps its own.
        if (useSandbox)
        {
            o.SqlitePath = Path.Combine(Path.GetTempPath(), $"boarding-sample-{Environment.ProcessId}.db");
        }
    });

await using var app = builder.Build();
var finished = new TaskCompletionSource<OrderStatusValue>(TaskCreationOptions.RunContinuationsAsynchronously);
app.MapBoardingNotifications<OrderStatusResponse>("/ccv/orders/{externalReference}", (notification, _) =>
{
    var via = notification.Source switch
    {
        BoardingNotificationSource.Callback => "notification received",
        BoardingNotificationSource.Tracking => "fetched when tracked",
        _ => "polled (no notification)",
    };
    Print("receiver", $"order {notification.OrderId}: {notification.StatusName} ({via}){(notification.IsFinal ? ", final" : string.Empty)}, key {notification.IdempotencyKey}");
    if (notification.IsFinal)
    {
        finished.TrySetResult(notification.Status.OrderStatus);
    }

    return Task.CompletedTask;
});
await app.StartAsync();
var receiver = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
Print("setup", useSandbox ? $"sandbox at {sandbox!.BaseAddress}, receiver at {receiver}" : $"Boarding API at {baseUrl}, receiver at {receiver}");
if (app.Services.GetRequiredService<IBoardingOrderStore>() is SqliteBoardingOrderStore durable)
{
    Print("setup", $"orders and their statuses are kept in {durable.DatabasePath} (SQLite): a restart loses nothing");
}

var client = app.Services.GetRequiredService<BoardingClient>();
var reference = "bakkerij-jansen-" + DateTimeOffset.UtcNow.ToUnixTimeSeconds();
try
{
    var order = await client.StartOrderAsync(SampleOrder.Start());
    Print("StartOrder", $"order template for {order.StoreInformation.CompanyName} (KvK {order.StoreInformation.CocNumber})");

    order = await client.AddTerminalPackageAsync(SampleOrder.TerminalPackage(order));
    Print("AddTerminalPackage", "Smart terminal package added");

    order = await client.AddProductPspStandaloneAsync(SampleOrder.OnlinePayments(order));
    Print("AddProductPspStandalone", "CCV Online Payments added (iDEAL, Bancontact, Visa, Mastercard)");

    order = await client.SetShoppingCartPricingDetailsAsync(SampleOrder.Pricing(order));
    Print("SetShoppingCartPricingDetails", $"pricing set: {order.ShoppingCart?.TotalAmountToBePaidImmediately} {order.ShoppingCart?.Currency} now, {order.ShoppingCart?.TotalRevenueForFullYear} in the first year");

    var submit = SampleOrder.Submit(order, reference, new Uri(receiver, "ccv/orders/" + reference));
    var answer = await client.SubmitOrderAsync(submit);
    var orderId = answer.GetString("orderId") ?? throw new InvalidOperationException("The submit answer has no orderId: " + answer);
    Print("SubmitOrder", $"{(int)answer.StatusCode}: order {orderId} submitted, notifications to {submit.StatusNotificationInformation!.NotificationUrl}");
    await app.Services.GetRequiredService<IBoardingOrderStore>().TrackAsync(reference, orderId);

    var final = await finished.Task.WaitAsync(TimeSpan.FromSeconds(60));
    Print("done", $"order {orderId} reached the final status {final.ToJsonString()}");
    return 0;
}
catch (BoardingApiException ex)
{
    Print("error", ex.Message);
    return 1;
}
catch (TimeoutException)
{
    Print("error", "the order did not reach a final status within 60 seconds");
    return 2;
}
finally
{
    await app.StopAsync();
}

static void Print(string step, string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss.fff}] {step,-30} {message}");

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static Func<Uri, bool> FirstCallOnly()
{
    var calls = 0;
    return _ => Interlocked.Increment(ref calls) == 1;
}
