using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.Client.Tests.Support;
using BoardingDsl.Sandbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BoardingDsl.Client.Tests;

/// <summary>The API key never shows: not in any log line at any level, not in exceptions, not in ToString.</summary>
public sealed class SecretTests
{
    private const string Key = "ccv-live-Zq8vT3kP9wXr2LmN";
    private const string WrongKey = "ccv-live-Wr0ngK3yYy5Hh7Jj";

    private static IEnumerable<string> Forms(string key) =>
    [
        key,
        Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")), // what Basic sends
        Convert.ToBase64String(Encoding.UTF8.GetBytes(key)),
        Uri.EscapeDataString(key),
    ];

    private static void AssertNoKey(string? text, string where)
    {
        foreach (var form in Forms(Key).Concat(Forms(WrongKey)))
        {
            Assert.False(text?.Contains(form, StringComparison.Ordinal) == true, $"The API key ({form}) is in {where}: {text}");
        }
    }

    [Fact(Timeout = 15_000)]
    public async Task The_key_is_in_no_log_line_no_exception_and_no_ToString()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using var sandbox = await BoardingSandbox.StartAsync(
            new SandboxOptions { ApiKey = Key, StatusStepInterval = TimeSpan.FromSeconds(30), LoggerFactory = loggerFactory }, ct);
        await using var host = ClientHost.For(sandbox, configure: o => o.MaxRetryAttempts = 1, logs: logs);
        await using var wrong = ClientHost.For(sandbox, apiKey: WrongKey, logs: logs);
        var exceptions = new List<Exception>();

        // The flow, with one transient failure (retried: the resilience handler logs it) on the way.
        var transient = 0;
        host.Traffic.Intercept = (attempt, next) =>
            attempt.Operation == "AddTerminalPackage" && Interlocked.Increment(ref transient) == 1
                ? Task.FromResult(Traffic.Answer(attempt.Request, HttpStatusCode.ServiceUnavailable, "{}"))
                : next();
        var order = await host.Client.StartOrderAsync(TestOrders.Start(), ct);
        order = await host.Client.AddTerminalPackageAsync(TestOrders.TerminalPackage(order), ct);
        var answer = await host.Client.SubmitOrderAsync(TestOrders.Submit(order, "secret-1"), ct);
        var status = await host.Client.GetOrderStatusAsync(answer.GetString("orderId")!, ct);
        Assert.Equal(2, host.Traffic.Attempts("AddTerminalPackage"));
        Assert.Equal(OrderStatus.Processing, status.OrderStatus);

        // Failures: a wrong key (401), an unknown order (404), a 500 after its retry, a refused connection.
        exceptions.Add(await Assert.ThrowsAsync<BoardingApiStatusException>(() => wrong.Client.GetOrderStatusAsync("x", ct)));
        exceptions.Add(await Assert.ThrowsAsync<BoardingApiStatusException>(() => host.Client.GetOrderStatusAsync("x", ct)));
        host.Traffic.Intercept = (attempt, next) => Task.FromResult(Traffic.Answer(attempt.Request, HttpStatusCode.InternalServerError, "{}"));
        exceptions.Add(await Assert.ThrowsAsync<BoardingApiStatusException>(() => host.Client.GetOrderStatusAsync("x", ct)));
        host.Traffic.Intercept = (attempt, next) => throw new HttpRequestException("Connection refused (" + attempt.Request.RequestUri + ")");
        exceptions.Add(await Assert.ThrowsAsync<HttpRequestException>(() => host.Client.GetOrderStatusAsync("x", ct)));
        Assert.Equal(HttpStatusCode.Unauthorized, ((BoardingApiStatusException)exceptions[0]).StatusCode);

        // Logging really was on at Trace, for HttpClient, the resilience pipeline and the sandbox alike.
        var lines = logs.Lines;
        Assert.Contains(lines, l => l.Category.StartsWith("System.Net.Http.HttpClient.BoardingClient", StringComparison.Ordinal) && l.Message.Contains("Sending HTTP request", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Level == LogLevel.Trace && l.Category.StartsWith("System.Net.Http.HttpClient.BoardingClient", StringComparison.Ordinal) && l.Message.Contains("Authorization", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Category.StartsWith("Polly", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Category == "BoardingDsl.Sandbox");
        foreach (var line in lines)
        {
            AssertNoKey(line.Text, "a log line");
        }

        foreach (var exception in exceptions)
        {
            AssertNoKey(exception.Message, "an exception message");
            AssertNoKey(exception.ToString(), "an exception's ToString");
        }

        AssertNoKey(answer.ToString(), "the submit answer");
        AssertNoKey(host.Client.ToString(), "client.ToString()");
        AssertNoKey(string.Join("\n", sandbox.Events.Select(e => e.ToString())), "the sandbox events");
        var options = host.Services.GetRequiredService<IOptions<BoardingClientOptions>>().Value;
        Assert.Equal(Key, options.ApiKey);
        Assert.Equal($"BaseAddress={sandbox.BaseAddress}, ApiKey=***, Scheme=BasicApiKey", options.ToString());
        Assert.Equal($"BoardingClient({sandbox.BaseAddress})", host.Client.ToString());
    }

    [Fact]
    public void ToString_of_the_options_and_of_a_directly_made_client_hide_the_key()
    {
        var options = new BoardingClientOptions { BaseAddress = new Uri("https://boarding.example/"), ApiKey = Key, AuthenticationScheme = BoardingAuthenticationScheme.Bearer };
        using var http = new HttpClient();

        var client = new BoardingClient(http, options);

        Assert.Equal("BaseAddress=https://boarding.example/, ApiKey=***, Scheme=Bearer", options.ToString());
        Assert.Equal("BoardingClient(https://boarding.example/)", client.ToString());
        Assert.Equal("BaseAddress=, ApiKey=(none), Scheme=BasicApiKey", new BoardingClientOptions().ToString());
        AssertNoKey(options.ToString(), "options.ToString()");
        AssertNoKey(client.ToString(), "client.ToString()");
    }

    [Fact(Timeout = 10_000)]
    public async Task The_key_goes_out_as_Basic_with_an_empty_password_or_as_Bearer()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { ApiKey = Key }, TestContext.Current.CancellationToken);
        await using var basic = ClientHost.For(sandbox);
        await using var bearer = ClientHost.For(sandbox, configure: o => o.AuthenticationScheme = BoardingAuthenticationScheme.Bearer);
        string? sentBasic = null;
        string? sentBearer = null;
        basic.Traffic.Intercept = (attempt, next) => { sentBasic = attempt.Request.Headers.Authorization?.ToString(); return next(); };
        bearer.Traffic.Intercept = (attempt, next) => { sentBearer = attempt.Request.Headers.Authorization?.ToString(); return next(); };

        await basic.Client.StartOrderAsync(TestOrders.Start(), TestContext.Current.CancellationToken);
        var ex = await Assert.ThrowsAsync<BoardingApiStatusException>(() => bearer.Client.StartOrderAsync(TestOrders.Start(), TestContext.Current.CancellationToken));

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + ":")), sentBasic);
        Assert.Equal("Bearer " + Key, sentBearer);
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode); // the sandbox takes Basic only
    }

    [Fact(Timeout = 10_000)]
    public async Task The_key_stays_out_of_the_header_logs_when_the_application_redacts_its_own_headers()
    {
        // An application marking its own header as sensitive replaces HttpClientFactory's redaction predicate
        // (and on .NET 8, where Microsoft.Extensions.Http 8 logs every header value as-is by default, the key shows
        // without it): the client itself must keep Authorization redacted.
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturingLoggerProvider();
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { ApiKey = Key }, ct);
        await using var host = ClientHost.For(sandbox, logs: logs, http: b => b.RedactLoggedHeaders(["X-Correlation-Id"]));

        await host.Client.StartOrderAsync(TestOrders.Start(), ct);

        var headers = logs.Lines.Where(l => l.Level == LogLevel.Trace && l.Message.Contains("Authorization", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(headers);
        foreach (var line in headers)
        {
            AssertNoKey(line.Text, "a header log line");
        }
    }
}
