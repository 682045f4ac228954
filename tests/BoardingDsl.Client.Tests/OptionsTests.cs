using System;
using System.Net.Http;
using System.Threading.Tasks;
using BoardingDsl.Client.Tests.Support;
using BoardingDsl.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BoardingDsl.Client.Tests;

/// <summary>Options that cannot work fail at once, with a message that says what to fix.</summary>
public sealed class OptionsTests
{
    private static BoardingClientOptions Valid() => new() { BaseAddress = new Uri("https://boarding.example/"), ApiKey = "k" };

    [Fact]
    public void A_missing_base_address_is_refused()
    {
        var options = Valid();
        options.BaseAddress = null;

        var ex = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Equal("BoardingClientOptions.BaseAddress is required: CCV documents no host; use the address CCV gives you.", ex.Message);
    }

    [Fact]
    public void A_relative_base_address_is_refused()
    {
        var options = Valid();
        options.BaseAddress = new Uri("/api/", UriKind.Relative);

        var ex = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.StartsWith("BoardingClientOptions.BaseAddress is required", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://boarding.example/", "not 'http://boarding.example'")]
    [InlineData("http://10.0.0.5:8080/", "not 'http://10.0.0.5'")]
    [InlineData("ftp://boarding.example/", "not 'ftp://boarding.example'")]
    public void A_base_address_without_https_off_loopback_is_refused(string address, string detail)
    {
        var options = Valid();
        options.BaseAddress = new Uri(address);

        var ex = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.StartsWith("BoardingClientOptions.BaseAddress must use https:// (only loopback may use http://)", ex.Message, StringComparison.Ordinal);
        Assert.Contains(detail, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    [InlineData("https://boarding.example/")]
    public void Https_and_http_on_loopback_are_accepted(string address)
    {
        var options = Valid();
        options.BaseAddress = new Uri(address);

        options.Validate();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_key_is_refused(string? key)
    {
        var options = Valid();
        options.ApiKey = key;

        var ex = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Equal("BoardingClientOptions.ApiKey is required.", ex.Message);
    }

    [Theory]
    [InlineData(0, 120, 3)]
    [InlineData(30, 10, 3)]
    [InlineData(30, 120, -1)]
    public void Timeouts_and_retries_that_cannot_work_are_refused(int attemptSeconds, int totalSeconds, int retries)
    {
        var options = Valid();
        options.AttemptTimeout = TimeSpan.FromSeconds(attemptSeconds);
        options.TotalTimeout = TimeSpan.FromSeconds(totalSeconds);
        options.MaxRetryAttempts = retries;

        var ex = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.StartsWith("BoardingClientOptions: AttemptTimeout must be positive", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 1024)]
    [InlineData(30, 0)]
    [InlineData(30, -5)]
    public void A_negative_MaxRetryAfter_or_a_MaxResponseBytes_below_one_is_refused(int maxRetryAfterSeconds, int maxResponseBytes)
    {
        var options = Valid();
        options.MaxRetryAfter = TimeSpan.FromSeconds(maxRetryAfterSeconds);
        options.MaxResponseBytes = maxResponseBytes;

        var ex = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Equal("BoardingClientOptions: MaxRetryAfter must not be negative, MaxResponseBytes must be positive.", ex.Message);
    }

    [Fact]
    public void The_defaults_are_Basic_30_seconds_per_attempt_2_minutes_in_all_3_retries_Retry_After_up_to_30_seconds_and_4_MiB_bodies()
    {
        var options = new BoardingClientOptions();

        Assert.Equal(BoardingAuthenticationScheme.BasicApiKey, options.AuthenticationScheme);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.TotalTimeout);
        Assert.Equal(3, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxRetryAfter);
        Assert.Equal(4 * 1024 * 1024, options.MaxResponseBytes);
    }

    [Fact]
    public void A_client_made_over_an_HttpClient_with_a_base_address_of_its_own_checks_that_address_too()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://boarding.example/") };

        var ex = Assert.Throws<InvalidOperationException>(() => new BoardingClient(http, Valid()));

        Assert.Equal("HttpClient.BaseAddress must use https:// (only loopback may use http://), not 'http://boarding.example'.", ex.Message);
    }

    [Fact]
    public void A_client_made_directly_validates_its_options()
    {
        using var http = new HttpClient();

        var ex = Assert.Throws<InvalidOperationException>(() => new BoardingClient(http, new BoardingClientOptions { BaseAddress = new Uri("http://boarding.example/"), ApiKey = "k" }));

        Assert.Contains("must use https://", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new BoardingClient(null!, Valid()));
        Assert.Throws<ArgumentNullException>(() => new BoardingClient(http, null!));
    }

    [Theory]
    [InlineData(null, "k", "BaseAddress is required")]
    [InlineData("http://boarding.example/", "k", "must use https://")]
    [InlineData("https://boarding.example/", null, "ApiKey is required")]
    public async Task AddBoardingClient_refuses_such_options_when_the_client_is_first_resolved(string? address, string? key, string message)
    {
        await using var host = ClientHost.Create(o =>
        {
            o.BaseAddress = address is null ? null : new Uri(address);
            o.ApiKey = key;
        });

        var ex = Assert.Throws<InvalidOperationException>(() => host.Client);

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task AddBoardingClient_works_over_http_on_127_0_0_1()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions(), TestContext.Current.CancellationToken);
        Assert.Equal("http", sandbox.BaseAddress.Scheme);
        Assert.Equal("127.0.0.1", sandbox.BaseAddress.Host);
        await using var host = ClientHost.For(sandbox);

        var order = await host.Client.StartOrderAsync(TestOrders.Start(), TestContext.Current.CancellationToken);

        Assert.Equal("12345678", order.StoreInformation.CocNumber);
    }
}
