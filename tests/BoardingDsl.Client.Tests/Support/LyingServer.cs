using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BoardingDsl.Client.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (or <c>localhost</c>) and a free port that answers every request with
/// <see cref="Answer"/>: the captive proxy, the rate limiter, the redirector, the endless body, the echo of the
/// Authorization header. It records each request it got (method and path).
/// </summary>
internal sealed class LyingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests = new();

    private LyingServer(WebApplication app) => _app = app;

    /// <summary>How each request is answered; it may be changed between calls.</summary>
    public RequestDelegate Answer { get; set; } = context => Task.CompletedTask;

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The requests, as <c>"GET /path"</c>, in order.</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    public static async Task<LyingServer> StartAsync(CancellationToken cancellationToken, RequestDelegate? answer = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(LyingServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LyingServer(app);
        if (answer is not null)
        {
            server.Answer = answer;
        }

        app.Run(context =>
        {
            server._requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            return server.Answer(context);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>An answer with <paramref name="status"/>, <paramref name="contentType"/> (none when null) and <paramref name="body"/>.</summary>
    public static RequestDelegate Respond(int status, string? contentType, string body, Action<HttpResponse>? headers = null) => async context =>
    {
        context.Response.StatusCode = status;
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }

        headers?.Invoke(context.Response);
        await context.Response.WriteAsync(body, context.RequestAborted);
    };

    /// <summary>
    /// Streams <paramref name="total"/> bytes of <c>a</c> (inside a JSON string when <paramref name="contentType"/> is JSON),
    /// 64 KiB at a time from one buffer, announcing the length only when <paramref name="announce"/>.
    /// </summary>
    public static RequestDelegate Stream(int status, long total, bool announce, string contentType = "application/json") => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        if (announce)
        {
            context.Response.ContentLength = total;
        }

        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'a');
        chunk[0] = (byte)'"';
        try
        {
            for (long sent = 0; sent < total; sent += chunk.Length)
            {
                var length = (int)Math.Min(chunk.Length, total - sent);
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, length), context.RequestAborted);
                chunk[0] = (byte)'a';
            }
        }
        catch (Exception e) when (e is OperationCanceledException or System.IO.IOException)
        {
            // The client went away: what this test is about.
        }
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

/// <summary>
/// <c>AddBoardingClient</c> as an application registers it, pointing at a <see cref="LyingServer"/>, with every log
/// entry at Trace captured, and no test handler in between (one that read the body would defeat the size limit).
/// </summary>
internal sealed class LyingClientHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private LyingClientHost(ServiceProvider services, CapturingLoggerProvider logs)
    {
        _services = services;
        Logs = logs;
    }

    public CapturingLoggerProvider Logs { get; }

    public BoardingClient Client => _services.GetRequiredService<BoardingClient>();

    public static LyingClientHost Create(LyingServer server, string apiKey = "test-key-0123456789", Action<BoardingClientOptions>? configure = null)
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddBoardingClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.ApiKey = apiKey;
            configure?.Invoke(o);
        });
        return new LyingClientHost(services.BuildServiceProvider(), logs);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
