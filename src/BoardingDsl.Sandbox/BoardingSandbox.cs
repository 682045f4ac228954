using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.Sandbox.Http;
using BoardingDsl.Sandbox.Orders;
using BoardingDsl.Sandbox.Schemas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BoardingDsl.Sandbox;

/// <summary>
/// A local stand-in of the CCV Boarding API on loopback, for trying and testing the boarding flow without CCV
/// credentials. Every documented endpoint is served at the method and path its schema's <c>x-boarding-endpoint</c>
/// gives, request bodies are validated against the shipped schemas (embedded in this assembly), and a submitted order
/// walks through its statuses on a clock, calling its notification URL as CCV would. See README.md for what the
/// sandbox answers where CCV's docs are silent.
/// </summary>
public sealed class BoardingSandbox : IAsyncDisposable
{
    private const string OrderIdItem = "BoardingDsl.Sandbox.OrderId";

    /// <summary>The 400 description for an endpoint whose docs list no response codes (StartOrder, AddProductPspSubmerchant).</summary>
    private const string FallbackBadRequest = "Request data has missing/invalid values";

    private static readonly string[] Operations =
    [
        "StartOrder", "AddSalesPackage", "AddProductPspStandalone", "AddProductPspSubmerchant", "AddTerminalPackage",
        "SetShoppingCartPricingDetails", "SubmitOrder", "GetOrderStatus",
    ];

    /// <summary>Plain JSON for a JSON answer: no HTML-safe escaping of quotes, '+' or non-ASCII letters.</summary>
    private static readonly JsonSerializerOptions JsonOutput = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<SandboxEvent> _events = [];
    private readonly object _eventsGate = new();
    private readonly ILogger _logger;
    private WebApplication? _app;
    private OrderLifecycle? _orders;
    private int _disposed;

    private BoardingSandbox(SandboxOptions options)
    {
        Options = options;
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("BoardingDsl.Sandbox");
    }

    /// <summary>The address the sandbox listens on: <c>http://127.0.0.1:&lt;free port&gt;/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The options the sandbox was started with (read when used, so later changes apply to what follows).</summary>
    public SandboxOptions Options { get; }

    /// <summary>A snapshot of everything that happened so far, oldest first.</summary>
    public IReadOnlyList<SandboxEvent> Events
    {
        get
        {
            lock (_eventsGate)
            {
                return _events.ToArray();
            }
        }
    }

    /// <summary>Raised for each new event, on the thread that caused it. An exception thrown by a handler is logged and ignored.</summary>
    public event Action<SandboxEvent>? EventRaised;

    /// <summary>Starts a sandbox on <c>http://127.0.0.1:0</c> (a free loopback port).</summary>
    /// <param name="options">How it behaves; the defaults when <see langword="null"/>.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The running sandbox; dispose it to stop it.</returns>
    public static async Task<BoardingSandbox> StartAsync(SandboxOptions? options = null, CancellationToken ct = default)
    {
        var sandbox = new BoardingSandbox(options ?? new SandboxOptions());
        try
        {
            await sandbox.RunAsync(ct).ConfigureAwait(false);
            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var catalog = await SchemaCatalog.GetAsync(ct).ConfigureAwait(false);
        var missing = Operations.Where(o => !catalog.Endpoints.ContainsKey(o)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException("The embedded schemas describe no endpoint for " + string.Join(", ", missing) + ".");
        }

        _orders = new OrderLifecycle(Options, Raise);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(BoardingSandbox).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddRoutingCore();
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, NoSignalHostLifetime>());
        if (Options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        }

        var app = builder.Build();
        _app = app;
        app.Use(RecordAsync);
        foreach (var endpoint in catalog.Endpoints.Values.Where(e => Operations.Contains(e.Operation)))
        {
            app.MapMethods(endpoint.Path, [endpoint.Method], Handler(endpoint));
        }

        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        _logger.LogInformation("Boarding API sandbox listening on {BaseAddress}", BaseAddress);
    }

    private RequestDelegate Handler(BoardingEndpoint endpoint) => endpoint.Operation switch
    {
        "StartOrder" => context => ConfigureAsync(context, endpoint, body => OrderConfigurator.StartOrder(body)),
        "AddSalesPackage" => context => ConfigureAsync(context, endpoint, OrderConfigurator.AddSalesPackage),
        "AddTerminalPackage" => context => ConfigureAsync(context, endpoint, OrderConfigurator.AddTerminalPackage),
        "AddProductPspStandalone" or "AddProductPspSubmerchant" => context => ConfigureAsync(context, endpoint, OrderConfigurator.AddOnlinePayments),
        "SetShoppingCartPricingDetails" => context => ConfigureAsync(context, endpoint, OrderConfigurator.SetShoppingCartPricingDetails),
        "SubmitOrder" => context => SubmitAsync(context, endpoint),
        "GetOrderStatus" => context => StatusAsync(context, endpoint),
        _ => throw new InvalidOperationException("No handler for " + endpoint.Operation),
    };

    private Task ConfigureAsync(HttpContext context, BoardingEndpoint endpoint, Func<JsonObject, JsonObject> merge) =>
        ConfigureAsync(context, endpoint, body => (merge(body), null));

    /// <summary>A configurator call: 200 with the updated order.</summary>
    private async Task ConfigureAsync(HttpContext context, BoardingEndpoint endpoint, Func<JsonObject, (JsonObject? Order, Violation? Violation)> merge)
    {
        var body = await AcceptAsync(context, endpoint).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        var (order, violation) = merge(body);
        if (order is null)
        {
            await BadRequestAsync(context, endpoint, [violation!]).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, StatusCodes.Status200OK, order).ConfigureAwait(false);
    }

    /// <summary>SubmitOrder: 201 with the new order id; the status walk starts.</summary>
    private async Task SubmitAsync(HttpContext context, BoardingEndpoint endpoint)
    {
        var body = await AcceptAsync(context, endpoint).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        var order = _orders!.Submit(body);
        context.Items[OrderIdItem] = order.Id;
        await WriteAsync(context, StatusCodes.Status201Created, new JsonObject
        {
            ["orderId"] = order.Id,
            ["externalReference"] = order.ExternalReference,
        }).ConfigureAwait(false);
    }

    /// <summary>GetOrderStatus: 200 with the current status, 404 for an unknown order.</summary>
    private async Task StatusAsync(HttpContext context, BoardingEndpoint endpoint)
    {
        if (!await AuthorizedAsync(context, endpoint).ConfigureAwait(false))
        {
            return;
        }

        var id = context.Request.RouteValues["orderId"] as string ?? string.Empty;
        context.Items[OrderIdItem] = id;
        if (_orders!.Find(id) is not { } order)
        {
            await WriteAsync(context, StatusCodes.Status404NotFound, Problem(endpoint, StatusCodes.Status404NotFound, "Not found")).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["orderStatus"] = order.Status,
            ["externalReference"] = order.ExternalReference,
        }).ConfigureAwait(false);
    }

    /// <summary>Checks the key and the body; answers 401 or 400 itself and then returns <see langword="null"/>.</summary>
    private async Task<JsonObject?> AcceptAsync(HttpContext context, BoardingEndpoint endpoint)
    {
        if (!await AuthorizedAsync(context, endpoint).ConfigureAwait(false))
        {
            return null;
        }

        string text;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var (body, violations) = BodyValidator.Validate(text, endpoint.RequestSchema!);
        if (violations.Count > 0 || body is not JsonObject accepted)
        {
            await BadRequestAsync(context, endpoint, violations).ConfigureAwait(false);
            return null;
        }

        return accepted;
    }

    private async Task<bool> AuthorizedAsync(HttpContext context, BoardingEndpoint endpoint)
    {
        if (ApiKeyCheck.IsValid(context.Request.Headers.Authorization, Options.ApiKey))
        {
            return true;
        }

        context.Response.Headers.WWWAuthenticate = "Basic realm=\"CCV Boarding API sandbox\"";
        await WriteAsync(context, StatusCodes.Status401Unauthorized, Problem(endpoint, StatusCodes.Status401Unauthorized, "Unauthorized")).ConfigureAwait(false);
        return false;
    }

    private static Task BadRequestAsync(HttpContext context, BoardingEndpoint endpoint, IReadOnlyList<Violation> violations)
    {
        var problem = Problem(endpoint, StatusCodes.Status400BadRequest, FallbackBadRequest);
        problem["errors"] = new JsonArray(violations.Select(v => (JsonNode)v.ToJson()).ToArray());
        return WriteAsync(context, StatusCodes.Status400BadRequest, problem);
    }

    /// <summary>The sandbox's error body: the code and CCV's description of it for this endpoint.</summary>
    private static JsonObject Problem(BoardingEndpoint endpoint, int statusCode, string fallback) => new()
    {
        ["status"] = statusCode,
        ["description"] = endpoint.Describe(statusCode, fallback),
    };

    private static async Task WriteAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(JsonOutput), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Records every answered request (method, path, status code; never headers or the query string).</summary>
    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            // A network and a server farther away than loopback: every answer waits this long first.
            if (Options.ApiLatency is { } latency && latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
            }

            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            _logger.LogError(e, "Unexpected failure answering {Method} {Path}", context.Request.Method, context.Request.Path);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await WriteAsync(context, StatusCodes.Status500InternalServerError, new JsonObject { ["status"] = 500, ["description"] = "Server error" }).ConfigureAwait(false);
            }
        }
        finally
        {
            Raise(
                SandboxEventKinds.Request,
                $"{context.Request.Method} {context.Request.PathBase}{context.Request.Path} {context.Response.StatusCode}",
                context.Items.TryGetValue(OrderIdItem, out var id) ? id as string : null);
        }
    }

    private void Raise(string kind, string message, string? orderId)
    {
        var raised = new SandboxEvent(DateTimeOffset.UtcNow, kind, message, orderId);
        lock (_eventsGate)
        {
            _events.Add(raised);
        }

        _logger.LogInformation("{Kind} {Message} {OrderId}", kind, message, orderId);
        try
        {
            EventRaised?.Invoke(raised);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "An EventRaised handler failed");
        }
    }

    /// <summary>Stops the status walks, the notification calls and the server.</summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_orders is not null)
        {
            await _orders.DisposeAsync().ConfigureAwait(false);
        }

        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Never started (the start failed): nothing to stop.
            }

            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
