using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.Client.Tests.Support;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace BoardingDsl.Client.Tests;

/// <summary>
/// Answers a real (lying) Kestrel server gives that are not the documented ones: each becomes a typed
/// <see cref="BoardingApiException"/>, and none is read without bound.
/// </summary>
public sealed class AnswerTests
{
    private const string StatusJson = """{"orderStatus":"Completed","externalReference":"123456"}""";

    private static Task Call(BoardingClient client, string operation, CancellationToken ct) => operation switch
    {
        "SubmitOrder" => client.SubmitOrderAsync(TestOrders.Submit(TestOrders.Configured(), "answers"), ct),
        "StartOrder" => client.StartOrderAsync(TestOrders.Start(), ct),
        "AddTerminalPackage" => client.AddTerminalPackageAsync(TestOrders.TerminalPackage(TestOrders.Configured()), ct),
        _ => client.GetOrderStatusAsync("order-1", ct),
    };

    [Theory(Timeout = 15_000)]
    [InlineData("SubmitOrder", "text/html; charset=utf-8", "<html><body>Please log in to the hotel Wi-Fi</body></html>", "the content type is not JSON")]
    [InlineData("GetOrderStatus", "text/html; charset=utf-8", "<html><body>Please log in to the hotel Wi-Fi</body></html>", "the content type is not JSON")]
    [InlineData("StartOrder", "text/html", "<html/>", "the content type is not JSON")]
    [InlineData("SubmitOrder", "application/json", "", "the body is empty")]
    [InlineData("GetOrderStatus", "application/json", "", "the body is empty")]
    [InlineData("AddTerminalPackage", "application/json", "", "the body is empty")]
    [InlineData("SubmitOrder", "application/json", """{"orderId":""", null)]
    [InlineData("GetOrderStatus", "application/json", """{"orderStatus":""", null)]
    [InlineData("StartOrder", "application/json", "{not json}", null)]
    [InlineData("SubmitOrder", "application/json", """["orderId","x"]""", "The body is a JSON array, not a JSON object.")]
    [InlineData("SubmitOrder", "application/json", "\"created\"", "The body is a JSON string, not a JSON object.")]
    [InlineData("GetOrderStatus", "application/json", "[]", null)]
    [InlineData("GetOrderStatus", "application/json", """{"orderStatus":42}""", null)]
    [InlineData("StartOrder", "application/json", """{"storeInformation":5}""", null)]
    [InlineData("AddTerminalPackage", "application/json", "null", null)]
    [InlineData("SubmitOrder", "text/plain", """{"orderId":"x"}""", "the content type is not JSON")]
    [InlineData("GetOrderStatus", null, StatusJson, "the answer has no content type")]
    public async Task A_2xx_that_is_not_the_documented_JSON_is_an_invalid_response(string operation, string? contentType, string body, string? reason)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, LyingServer.Respond(200, contentType, body));
        await using var host = LyingClientHost.Create(server);

        var ex = await Assert.ThrowsAsync<BoardingApiInvalidResponseException>(() => Call(host.Client, operation, ct));

        Assert.Equal(operation, ex.Operation);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(contentType, ex.ContentType);
        Assert.Equal(body.Length == 0 ? null : body, ex.ResponseBody);
        if (reason is not null)
        {
            Assert.Equal(reason, ex.Reason);
        }
        else
        {
            Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        }

        Assert.StartsWith($"{operation} answered 200 OK ({contentType ?? "no content type"}), but not with the documented JSON: ", ex.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests); // a 200 is not retried, whatever it carries
    }

    [Theory(Timeout = 15_000)]
    [InlineData("SubmitOrder", 201, "application/json; charset=utf-8", """{"orderId":"o-1"}""")]
    [InlineData("SubmitOrder", 200, "application/problem+json", """{"orderId":"o-1","extra":[1]}""")]
    [InlineData("GetOrderStatus", 200, "application/json", StatusJson)]
    public async Task The_documented_JSON_still_reads(string operation, int status, string contentType, string body)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, LyingServer.Respond(status, contentType, body));
        await using var host = LyingClientHost.Create(server);

        if (operation == "SubmitOrder")
        {
            var answer = await host.Client.SubmitOrderAsync(TestOrders.Submit(TestOrders.Configured(), "fine"), ct);
            Assert.Equal((HttpStatusCode)status, answer.StatusCode);
            Assert.Equal("o-1", answer.GetString("orderId"));
        }
        else
        {
            var answer = await host.Client.GetOrderStatusAsync("o-1", ct);
            Assert.Equal(OrderStatus.Completed, answer.OrderStatus);
        }
    }

    [Fact(Timeout = 15_000)]
    public async Task A_long_HTML_page_is_kept_only_as_a_bounded_excerpt()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = "<html>" + string.Concat(Enumerable.Repeat("<p>captive portal</p>", 20_000)) + "</html>";
        await using var server = await LyingServer.StartAsync(ct, LyingServer.Respond(200, "text/html", page));
        await using var host = LyingClientHost.Create(server);

        var ex = await Assert.ThrowsAsync<BoardingApiInvalidResponseException>(() => host.Client.SubmitOrderAsync(TestOrders.Submit(TestOrders.Configured(), "long"), ct));

        Assert.True(ex.ResponseBody!.Length <= 16 * 1024 + 1, $"excerpt of {ex.ResponseBody.Length} characters");
        Assert.EndsWith("…", ex.ResponseBody, StringComparison.Ordinal);
        Assert.StartsWith(page.Substring(0, 1000), ex.ResponseBody, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 4500, $"message of {ex.Message.Length} characters");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_429_with_Retry_After_2_on_GetOrderStatus_is_retried_after_2_seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        var calls = 0;
        await using var server = await LyingServer.StartAsync(ct, context => Interlocked.Increment(ref calls) == 1
            ? LyingServer.Respond(429, "application/json", """{"status":429}""", r => r.Headers.RetryAfter = "2")(context)
            : LyingServer.Respond(200, "application/json", StatusJson)(context));
        await using var host = LyingClientHost.Create(server);
        var clock = Stopwatch.StartNew();

        var status = await host.Client.GetOrderStatusAsync("o-1", ct);

        Assert.Equal(OrderStatus.Completed, status.OrderStatus);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"retried after {clock.Elapsed}, not after the 2 s asked for");
    }

    [Theory(Timeout = 15_000)]
    [InlineData("120")]
    [InlineData("date+3600")]
    public async Task A_Retry_After_longer_than_MaxRetryAfter_is_not_waited_on(string retryAfter)
    {
        var ct = TestContext.Current.CancellationToken;
        var header = retryAfter == "120" ? "120" : DateTimeOffset.UtcNow.AddSeconds(3600).ToString("R");
        await using var server = await LyingServer.StartAsync(ct, LyingServer.Respond(429, "application/json", """{"status":429}""", r => r.Headers.RetryAfter = header));
        await using var host = LyingClientHost.Create(server);

        var ex = await Assert.ThrowsAsync<BoardingApiRateLimitedException>(() => host.Client.GetOrderStatusAsync("o-1", ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Single(server.Requests);
        var expected = TimeSpan.FromSeconds(retryAfter == "120" ? 120 : 3600);
        Assert.InRange(ex.RetryAfter!.Value, expected - TimeSpan.FromSeconds(60), expected);
        Assert.StartsWith("GetOrderStatus failed with 429 TooManyRequests: undocumented status (Retry-After: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("""{"status":429}""", ex.ResponseBody);
    }

    [Fact(Timeout = 15_000)]
    public async Task A_Retry_After_beyond_the_total_timeout_surfaces_at_once_instead_of_a_timeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, LyingServer.Respond(429, "application/json", "{}", r => r.Headers.RetryAfter = "5"));
        await using var host = LyingClientHost.Create(server, configure: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
            o.TotalTimeout = TimeSpan.FromSeconds(4);
        });

        var ex = await Assert.ThrowsAsync<BoardingApiRateLimitedException>(() => host.Client.GetOrderStatusAsync("o-1", ct));

        Assert.Equal(TimeSpan.FromSeconds(5), ex.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_429_with_Retry_After_2_that_keeps_coming_ends_in_the_rate_limit_error_before_the_total_timeout()
    {
        // The probe: retried without end until Polly's TimeoutRejectedException. Now each Retry-After is waited on
        // while the total timeout allows it, and then the 429 itself surfaces.
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, LyingServer.Respond(429, "application/json", "{}", r => r.Headers.RetryAfter = "2"));
        await using var host = LyingClientHost.Create(server, configure: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
            o.TotalTimeout = TimeSpan.FromSeconds(5);
        });

        var ex = await Assert.ThrowsAsync<BoardingApiRateLimitedException>(() => host.Client.GetOrderStatusAsync("o-1", ct));

        Assert.Equal(TimeSpan.FromSeconds(2), ex.RetryAfter);
        Assert.InRange(server.Requests.Count, 2, 3); // 0 s, 2 s, perhaps 4 s; never a wait past 5 s
    }

    [Fact(Timeout = 20_000)]
    public async Task A_503_with_Retry_After_on_a_configurator_PATCH_is_retried_after_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var calls = 0;
        var order = TestOrders.ConfiguredJson().ToJsonString();
        await using var server = await LyingServer.StartAsync(ct, context => Interlocked.Increment(ref calls) == 1
            ? LyingServer.Respond(503, "text/html", "<html>maintenance</html>", r => r.Headers.RetryAfter = "1")(context)
            : LyingServer.Respond(200, "application/json", order)(context));
        await using var host = LyingClientHost.Create(server);
        var clock = Stopwatch.StartNew();

        var answer = await host.Client.AddTerminalPackageAsync(TestOrders.TerminalPackage(TestOrders.Configured()), ct);

        Assert.NotNull(answer.StoreInformation);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, not after the 1 s asked for");
    }

    [Fact(Timeout = 15_000)]
    public async Task A_429_that_keeps_coming_gives_up_after_MaxRetryAttempts_with_RetryAfter()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, LyingServer.Respond(429, "application/json", "{}", r => r.Headers.RetryAfter = "0"));
        await using var host = LyingClientHost.Create(server, configure: o => o.MaxRetryAttempts = 2);

        var ex = await Assert.ThrowsAsync<BoardingApiRateLimitedException>(() => host.Client.GetOrderStatusAsync("o-1", ct));

        Assert.Equal(TimeSpan.Zero, ex.RetryAfter);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory(Timeout = 15_000)]
    [InlineData(429)]
    [InlineData(503)]
    public async Task SubmitOrder_is_never_retried_even_when_told_when_to_retry(int code)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, LyingServer.Respond(code, "application/json", "{}", r => r.Headers.RetryAfter = "1"));
        await using var host = LyingClientHost.Create(server);

        var ex = await Assert.ThrowsAnyAsync<BoardingApiStatusException>(() => host.Client.SubmitOrderAsync(TestOrders.Submit(TestOrders.Configured(), "limited"), ct));
        await Task.Delay(1500, ct); // past the Retry-After: a retry would have come by now

        Assert.Equal((HttpStatusCode)code, ex.StatusCode);
        Assert.Equal(code == 429, ex is BoardingApiRateLimitedException);
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact(Timeout = 15_000)]
    public async Task A_503_carries_its_Retry_After_and_a_500_none()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, LyingServer.Respond(503, "application/json", "{}", r => r.Headers.RetryAfter = "7"));
        await using var host = LyingClientHost.Create(server, configure: o => o.MaxRetryAttempts = 0);

        var unavailable = await Assert.ThrowsAsync<BoardingApiStatusException>(() => host.Client.GetOrderStatusAsync("o-1", ct));
        server.Answer = LyingServer.Respond(500, "application/json", "{}");
        var error = await Assert.ThrowsAsync<BoardingApiStatusException>(() => host.Client.GetOrderStatusAsync("o-1", ct));

        Assert.Equal(TimeSpan.FromSeconds(7), unavailable.RetryAfter);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("Server error", error.Description);
        Assert.Null(error.RetryAfter);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_slow_GET_ends_in_a_typed_timeout_not_Pollys()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        await using var host = LyingClientHost.Create(server, configure: o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(400);
            o.TotalTimeout = TimeSpan.FromSeconds(2);
        });

        var ex = await Assert.ThrowsAsync<BoardingApiTimeoutException>(() => host.Client.GetOrderStatusAsync("o-1", ct));

        Assert.Equal((HttpStatusCode)0, ex.StatusCode);
        Assert.Contains(ex.Timeout, new[] { TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(2) });
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(ex.InnerException);
        Assert.StartsWith("GetOrderStatus timed out: no answer within the ", ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_slow_SubmitOrder_times_out_once_with_the_attempt_timeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        await using var host = LyingClientHost.Create(server, configure: o => o.AttemptTimeout = TimeSpan.FromMilliseconds(400));

        var ex = await Assert.ThrowsAsync<BoardingApiTimeoutException>(() => host.Client.SubmitOrderAsync(TestOrders.Submit(TestOrders.Configured(), "slow"), ct));

        Assert.Equal(TimeSpan.FromMilliseconds(400), ex.Timeout);
        Assert.Equal("SubmitOrder timed out: no answer within the attempt timeout (0.4 s).", ex.Message);
        Assert.Single(server.Requests);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_body_that_stops_coming_times_out_with_the_attempt_timeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"orderStatus":""", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        await using var host = LyingClientHost.Create(server, configure: o => o.AttemptTimeout = TimeSpan.FromMilliseconds(500));

        var ex = await Assert.ThrowsAsync<BoardingApiTimeoutException>(() => host.Client.GetOrderStatusAsync("o-1", ct));

        Assert.Contains("reading the body", ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task The_Timeout_of_an_HttpClient_of_ones_own_is_a_typed_timeout_too()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var client = new BoardingClient(http, new BoardingClientOptions { BaseAddress = server.BaseAddress, ApiKey = "test-key-0123456789" });

        var ex = await Assert.ThrowsAsync<BoardingApiTimeoutException>(() => client.GetOrderStatusAsync("o-1", ct));

        Assert.Equal(TimeSpan.FromMilliseconds(300), ex.Timeout);
        Assert.Equal("GetOrderStatus timed out: no answer within HttpClient.Timeout (0.3 s).", ex.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
    }

    [Fact(Timeout = 20_000)]
    public async Task The_callers_own_cancellation_stays_an_OperationCanceledException()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        await using var host = LyingClientHost.Create(server);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.GetOrderStatusAsync("o-1", cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_huge_body_fails_fast_without_being_read_whole(bool announceLength)
    {
        var ct = TestContext.Current.CancellationToken;
        const long Total = 256L * 1024 * 1024;
        await using var server = await LyingServer.StartAsync(ct);
        server.Answer = LyingServer.Stream(200, Total, announceLength);
        await using var host = LyingClientHost.Create(server);
        var allocated = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<BoardingApiResponseTooLargeException>(() => host.Client.GetOrderStatusAsync("o-1", ct));

        // Loose bounds (a loaded 2-core machine, other tests allocating in parallel); reading it whole takes far more of both.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"failed after {clock.Elapsed}");
        var used = GC.GetTotalAllocatedBytes() - allocated;
        Assert.True(used < Total / 2, $"{used} bytes allocated for a {Total} byte body");
        Assert.Equal(4 * 1024 * 1024, ex.MaxResponseBytes);
        Assert.Equal(announceLength ? Total : null, ex.ContentLength);
        Assert.Equal("application/json", ex.ContentType);
        Assert.Single(server.Requests);

        // (What the server wrote is no measure: Kestrel drops writes to a connection the client has closed.)
    }

    [Fact(Timeout = 15_000)]
    public async Task MaxResponseBytes_applies_to_a_valid_answer_and_an_error_body_is_only_excerpted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, LyingServer.Respond(200, "application/json", StatusJson));
        await using var host = LyingClientHost.Create(server, configure: o =>
        {
            o.MaxResponseBytes = 32;
            o.MaxRetryAttempts = 0;
        });

        var large = await Assert.ThrowsAsync<BoardingApiResponseTooLargeException>(() => host.Client.GetOrderStatusAsync("o-1", ct));
        server.Answer = LyingServer.Stream(500, 64L * 1024 * 1024, announce: false, contentType: "text/html");
        var error = await Assert.ThrowsAsync<BoardingApiStatusException>(() => host.Client.GetOrderStatusAsync("o-1", ct));

        Assert.Equal(32, large.MaxResponseBytes);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(32 + 1, error.ResponseBody!.Length); // 32 bytes and "…"
    }

    [Theory(Timeout = 15_000)]
    [InlineData("SubmitOrder", 302)]
    [InlineData("GetOrderStatus", 301)]
    [InlineData("StartOrder", 307)]
    public async Task A_redirect_is_not_followed_and_names_only_the_target_host(string operation, int code)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LyingServer.StartAsync(ct, LyingServer.Respond(code, "text/html", "<a>moved</a>",
            r => r.Headers.Location = "https://elsewhere.example/login?token=s3cr3t-t0ken"));
        await using var host = LyingClientHost.Create(server);

        var ex = await Assert.ThrowsAsync<BoardingApiRedirectException>(() => Call(host.Client, operation, ct));

        Assert.Equal((HttpStatusCode)code, ex.StatusCode);
        Assert.Equal("elsewhere.example", ex.LocationHost);
        Assert.False(ex.Followed);
        Assert.Contains("elsewhere.example", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("/login", ex.ToString(), StringComparison.Ordinal);
        Assert.Single(server.Requests); // not followed, not retried
    }

    [Fact(Timeout = 15_000)]
    public async Task A_redirect_an_HttpClient_of_ones_own_followed_is_not_taken_for_a_submitted_order()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var elsewhere = await LyingServer.StartAsync(ct, LyingServer.Respond(200, "application/json", """{"orderId":"not-submitted"}"""));
        var target = new UriBuilder(elsewhere.BaseAddress) { Host = "localhost", Path = "/landing" }.Uri;
        await using var server = await LyingServer.StartAsync(ct, LyingServer.Respond(302, null, string.Empty, r => r.Headers.Location = target.ToString()));
        using var http = new System.Net.Http.HttpClient(); // AllowAutoRedirect = true, as .NET makes it
        var client = new BoardingClient(http, new BoardingClientOptions { BaseAddress = server.BaseAddress, ApiKey = "test-key-0123456789" });

        var ex = await Assert.ThrowsAsync<BoardingApiRedirectException>(() => client.SubmitOrderAsync(TestOrders.Submit(TestOrders.Configured(), "followed"), ct));

        Assert.True(ex.Followed);
        Assert.Equal("localhost", ex.LocationHost);
        Assert.Equal(["POST /api/ordercompletion/reseller/order"], server.Requests);
        Assert.Equal(["GET /landing"], elsewhere.Requests); // the POST became a GET elsewhere
    }
}
