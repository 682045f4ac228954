using System;
using System.Threading.Tasks;
using BoardingDsl.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BoardingDsl.Client.Tests.Support;

/// <summary>
/// A service provider as an application builds it: logging at Trace into <see cref="Logs"/>, and
/// <c>AddBoardingClient</c> with a <see cref="Traffic"/> handler inside its resilience handler.
/// </summary>
internal sealed class ClientHost : IAsyncDisposable
{
    private ClientHost(ServiceProvider services, CapturingLoggerProvider logs, Traffic traffic)
    {
        Services = services;
        Logs = logs;
        Traffic = traffic;
    }

    public ServiceProvider Services { get; }

    public CapturingLoggerProvider Logs { get; }

    public Traffic Traffic { get; }

    public BoardingClient Client => Services.GetRequiredService<BoardingClient>();

    public static ClientHost Create(Action<BoardingClientOptions> configure, CapturingLoggerProvider? logs = null, Action<IHttpClientBuilder>? http = null)
    {
        logs ??= new CapturingLoggerProvider();
        var traffic = new Traffic();
        var services = new ServiceCollection();
        services.AddLogging(b => b.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var builder = services.AddBoardingClient(configure).AddHttpMessageHandler(traffic.CreateHandler);
        http?.Invoke(builder);
        return new ClientHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), logs, traffic);
    }

    /// <summary>A client of <paramref name="sandbox"/> with its key (or <paramref name="apiKey"/>), retries as configured.</summary>
    public static ClientHost For(BoardingSandbox sandbox, string? apiKey = null, Action<BoardingClientOptions>? configure = null, CapturingLoggerProvider? logs = null, Action<IHttpClientBuilder>? http = null) =>
        Create(o =>
        {
            o.BaseAddress = sandbox.BaseAddress;
            o.ApiKey = apiKey ?? sandbox.Options.ApiKey;
            configure?.Invoke(o);
        }, logs, http);

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
