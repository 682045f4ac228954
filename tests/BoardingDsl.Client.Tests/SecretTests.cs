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
using Microsoft.AspNetCore.Http;
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

    /// <summary>A body that a server (a debugging proxy, a lying server) builds from what it got: the Authorization header or the key.</summary>
    private static string EchoBody(string shape, string authorization) => shape switch
    {
        "json-header" => $$"""{"error":"bad credentials","authorization":"{{authorization}}"}""",
        "html-header" => $"<html><table><tr><td>Authorization: {authorization}</td></tr></table></html>",
        "text-dump" => $"GET /x HTTP/1.1\r\nHost: boarding\r\nAuthorization: {authorization}\r\nAccept: application/json\r\n",
        "json-array" => $$$"""{"headers":{"Authorization":["{{{authorization}}}"]}}""",
        "raw-key" => $$"""{"user":"{{Key}}","message":"unknown key {{Key}}"}""",
        "base64-key" => $"token={Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + ":"))}&again={Convert.ToBase64String(Encoding.UTF8.GetBytes(Key))}",
        "key-at-the-cut" => new string('x', 1024 - 8) + Key + " and more", // read up to MaxResponseBytes (1024): the key's start ends the excerpt
        _ => $$"""{"key":"{{Key}}" """,
    };

    [Theory(Timeout = 15_000)]
    [InlineData("json-header", 401, "application/json", BoardingAuthenticationScheme.BasicApiKey)]
    [InlineData("json-header", 401, "application/json", BoardingAuthenticationScheme.Bearer)]
    [InlineData("html-header", 200, "text/html", BoardingAuthenticationScheme.BasicApiKey)]
    [InlineData("html-header", 502, "text/html", BoardingAuthenticationScheme.Bearer)]
    [InlineData("text-dump", 500, "text/plain", BoardingAuthenticationScheme.BasicApiKey)]
    [InlineData("text-dump", 200, "text/plain", BoardingAuthenticationScheme.Bearer)]
    [InlineData("json-array", 403, "application/json", BoardingAuthenticationScheme.BasicApiKey)]
    [InlineData("json-array", 200, "application/json", BoardingAuthenticationScheme.Bearer)]
    [InlineData("raw-key", 400, "application/json", BoardingAuthenticationScheme.BasicApiKey)]
    [InlineData("raw-key", 200, "text/html", BoardingAuthenticationScheme.BasicApiKey)]
    [InlineData("base64-key", 401, "text/plain", BoardingAuthenticationScheme.BasicApiKey)]
    [InlineData("key-at-the-cut", 500, "text/plain", BoardingAuthenticationScheme.BasicApiKey)]
    [InlineData("malformed-with-key", 200, "application/json", BoardingAuthenticationScheme.BasicApiKey)]
    public async Task An_echoed_Authorization_header_or_key_is_redacted_from_the_exception_and_the_logs(string shape, int status, string contentType, BoardingAuthenticationScheme scheme)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(EchoBody(shape, context.Request.Headers.Authorization.ToString()), ct);
        });
        await using var host = LyingClientHost.Create(server, Key, o =>
        {
            o.AuthenticationScheme = scheme;
            o.MaxRetryAttempts = 1; // the retry of the 5xx is logged too
            o.MaxResponseBytes = 1024;
        });

        var ex = await Assert.ThrowsAnyAsync<BoardingApiException>(() => host.Client.GetOrderStatusAsync("o-1", ct));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(status == 200, ex is BoardingApiInvalidResponseException);
        Assert.NotNull(ex.ResponseBody);
        Assert.Contains("***", ex.ResponseBody, StringComparison.Ordinal);
        AssertNoKey(ex.ResponseBody, "ResponseBody");
        AssertNoKey(ex.Message, "the message");
        AssertNoKey(ex.ToString(), "the exception's ToString");
        AssertNoKey(ex.ContentType, "the content type");
        AssertNoKey(host.Client.ToString(), "client.ToString()");
        Assert.NotEmpty(host.Logs.Lines);
        foreach (var line in host.Logs.Lines)
        {
            AssertNoKey(line.Text, "a log line");
        }
    }

    [Theory]
    [InlineData("https://ccv-live-Zq8vT3kP9wXr2LmN@boarding.example/")]
    [InlineData("https://user:ccv-live-Zq8vT3kP9wXr2LmN@boarding.example/v1")]
    [InlineData("http://ccv-live-Zq8vT3kP9wXr2LmN:x@127.0.0.1:5000/")]
    public void User_information_in_the_base_address_is_refused_and_never_printed(string address)
    {
        var options = new BoardingClientOptions { BaseAddress = new Uri(address), ApiKey = Key };

        var ex = Assert.Throws<InvalidOperationException>(options.Validate);
        var direct = Assert.Throws<InvalidOperationException>(() => new BoardingClient(new System.Net.Http.HttpClient(), options));
        using var own = new System.Net.Http.HttpClient { BaseAddress = new Uri(address) };
        var viaHttpClient = Assert.Throws<InvalidOperationException>(() => new BoardingClient(own, new BoardingClientOptions { BaseAddress = new Uri("https://boarding.example/"), ApiKey = Key }));

        Assert.StartsWith("BoardingClientOptions.BaseAddress must not carry user information (credentials belong in BoardingClientOptions.ApiKey): '", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("HttpClient.BaseAddress must not carry user information", viaHttpClient.Message, StringComparison.Ordinal);
        foreach (var text in new[] { ex.Message, direct.Message, viaHttpClient.Message, options.ToString() })
        {
            AssertNoKey(text, "a message or ToString");
            Assert.DoesNotContain("user", text.Replace("user information", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        }

        Assert.Contains(new Uri(address).Host, options.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task AddBoardingClient_refuses_user_information_without_printing_it()
    {
        await using var host = ClientHost.Create(o =>
        {
            o.BaseAddress = new Uri($"https://{Key}:@boarding.example/");
            o.ApiKey = Key;
        });

        var ex = Assert.ThrowsAny<Exception>(() => host.Client);

        Assert.Contains("must not carry user information", ex.Message, StringComparison.Ordinal);
        AssertNoKey(ex.ToString(), "the options validation error");
        foreach (var line in host.Logs.Lines)
        {
            AssertNoKey(line.Text, "a log line");
        }
    }
}
