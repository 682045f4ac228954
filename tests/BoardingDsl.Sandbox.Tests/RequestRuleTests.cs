using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BoardingDsl.Sandbox.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

namespace BoardingDsl.Sandbox.Tests;

/// <summary>Authentication, the 400 rules beyond a missing member, and 404.</summary>
public sealed class RequestRuleTests
{
    private const string UrlPath = "#/statusNotificationInformation.notificationUrl";

    private static (string Path, string Kind)[] Errors(Answer answer) =>
        answer.Object["errors"]!.AsArray().Select(e => (e!["path"]!.GetValue<string>(), e["kind"]!.GetValue<string>())).ToArray();

    private static JsonObject ValidSubmit() => Fixtures.Submit(Fixtures.Load(Fixtures.Order));

    [Theory(Timeout = 10_000)]
    [InlineData("http://api.integrator.nl/orderstatusCCV/")]
    [InlineData("HTTPS://api.integrator.nl/orderstatusCCV/")]
    [InlineData("ftp://api.integrator.nl/orderstatusCCV/")]
    public async Task SubmitOrder_with_a_notification_url_that_is_not_https_is_400(string url)
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var answer = await api.PostAsync(Paths.SubmitOrder, Fixtures.Submit(Fixtures.Load(Fixtures.Order), url));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([(UrlPath, "PatternMismatch")], Errors(answer));
        Assert.DoesNotContain(sandbox.Events, e => e.Kind == SandboxEventKinds.StatusChanged);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("/orderstatusCCV/")]
    [InlineData("https:/api.integrator.nl/")]
    [InlineData("https://")]
    public async Task SubmitOrder_with_a_notification_url_that_is_no_absolute_https_url_is_400(string url)
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var answer = await api.PostAsync(Paths.SubmitOrder, Fixtures.Submit(Fixtures.Load(Fixtures.Order), url));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.All(Errors(answer), e => Assert.Equal(UrlPath, e.Path));
        Assert.NotEmpty(Errors(answer));
    }

    [Fact(Timeout = 10_000)]
    public async Task SubmitOrder_subscribing_to_Cancelled_with_two_ls_is_400_naming_that_entry()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var body = Fixtures.Submit(Fixtures.Load(Fixtures.Order), null, "Completed", "Cancelled", "Failed");

        var answer = await api.PostAsync(Paths.SubmitOrder, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([("#/statusNotificationInformation.notifyOnStatus[1]", "NotInEnumeration")], Errors(answer));
        Assert.Contains("Canceled", answer.Object["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task Every_violation_is_listed_not_only_the_first()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var body = ValidSubmit();
        body["notifyCustomerByEmail"] = "yes";
        body["unexpected"] = 1;
        body["order"]!["storeInformation"]!["cocRegistry"] = "KvK";
        body["order"]!.AsObject().Remove("cartUrl");

        var answer = await api.PostAsync(Paths.SubmitOrder, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(
            new[]
            {
                ("#/notifyCustomerByEmail", "BooleanExpected"),
                ("#/order.cartUrl", "PropertyRequired"),
                ("#/order.storeInformation.cocRegistry", "NotInEnumeration"),
                ("#/unexpected", "NoAdditionalPropertiesAllowed"),
            },
            Errors(answer).OrderBy(e => e.Path, StringComparer.Ordinal));
    }

    [Theory(Timeout = 10_000)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{ \"notifyCustomerByEmail\": true, ")]
    [InlineData("{ \"notifyCustomerByEmail\": true, \"notifyCustomerByEmail\": false, \"order\": {} }")]
    [InlineData("{ \"notifyCustomerByEmail\": true, /* comment */ \"order\": {} }")]
    public async Task A_body_that_is_not_JSON_is_400(string text)
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var answer = await api.SendAsync(HttpMethod.Post, Paths.SubmitOrder, text);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([("#", "InvalidJson")], Errors(answer));
    }

    [Theory(Timeout = 10_000)]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"order\"")]
    public async Task A_JSON_body_that_is_no_object_is_400_with_that_one_violation(string text)
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var answer = await api.SendAsync(HttpMethod.Patch, Paths.StartOrder, text);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([("#/", "ObjectExpected")], Errors(answer));
    }

    [Fact(Timeout = 10_000)]
    public async Task An_order_that_is_null_is_reported_once_not_once_per_required_member()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var body = ValidSubmit();
        body["order"] = null;

        var answer = await api.PostAsync(Paths.SubmitOrder, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([("#/order", "ObjectExpected")], Errors(answer));
    }

    [Fact(Timeout = 10_000)]
    public async Task The_pricing_path_is_served_only_as_documented_with_Card_not_Cart()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var body = Fixtures.ShoppingCartPricing(Fixtures.Load(Fixtures.Order)).ToJsonString();

        var cart = await api.SendAsync(HttpMethod.Patch, Paths.SetShoppingCartPricingDetails.Replace("Card", "Cart", StringComparison.Ordinal), body);
        var card = await api.SendAsync(HttpMethod.Patch, Paths.SetShoppingCartPricingDetails, body);

        Assert.Equal(HttpStatusCode.NotFound, cart.Status);
        Assert.Equal(HttpStatusCode.OK, card.Status);
    }

    [Fact(Timeout = 10_000)]
    public async Task StartOrder_whose_docs_list_no_codes_answers_400_with_the_sandboxs_own_description()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var body = Fixtures.StartOrder();
        body.Remove("orderDate");

        var answer = await api.PatchAsync(Paths.StartOrder, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Request data has missing/invalid values", answer.Object["description"]!.GetValue<string>());
        Assert.Equal([("#/orderDate", "PropertyRequired")], Errors(answer));
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_an_API_key_every_endpoint_is_401()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox, apiKey: string.Empty);
        var calls = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Patch, Paths.StartOrder),
            (HttpMethod.Patch, Paths.AddSalesPackage),
            (HttpMethod.Patch, Paths.AddProductPspStandalone),
            (HttpMethod.Patch, Paths.AddProductPspSubmerchant),
            (HttpMethod.Patch, Paths.AddTerminalPackage),
            (HttpMethod.Patch, Paths.SetShoppingCartPricingDetails),
            (HttpMethod.Post, Paths.SubmitOrder),
            (HttpMethod.Get, Paths.Status(Guid.NewGuid().ToString())),
        };

        foreach (var (method, path) in calls)
        {
            var answer = await api.SendAsync(method, path, method == HttpMethod.Get ? null : "{}");

            Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
            Assert.Equal("Unauthorized", answer.Object["description"]!.GetValue<string>());
            Assert.Equal("Basic", Assert.Single(answer.Response.Headers.WwwAuthenticate).Scheme);
        }
    }

    [Theory(Timeout = 10_000)]
    [InlineData("wrong-key")]
    [InlineData("sandbox-ke")]
    [InlineData("sandbox-key-and-more")]
    public async Task A_wrong_API_key_is_401_and_neither_key_is_echoed_or_recorded(string key)
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { ApiKey = "t_secret-sandbox-key" }, TestContext.Current.CancellationToken);
        using var api = new Api(sandbox, apiKey: key);

        var answer = await api.PostAsync(Paths.SubmitOrder, ValidSubmit());

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        var text = answer.Body!.ToJsonString() + string.Join("\n", sandbox.Events.Select(e => e.Message));
        Assert.DoesNotContain("t_secret-sandbox-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_given_logger_factory_gets_the_sandboxs_log_and_never_the_key()
    {
        const string Key = "t_0123456789abcdef";
        var capture = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        await using (var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { ApiKey = Key, LoggerFactory = loggerFactory }, TestContext.Current.CancellationToken))
        {
            using var right = new Api(sandbox);
            using var wrong = new Api(sandbox, "t_wrong");
            await right.SubmitAsync(ValidSubmit());
            await wrong.PostAsync(Paths.SubmitOrder, ValidSubmit());
        }

        Assert.Contains(capture.Lines, l => l.Contains("POST /" + Paths.SubmitOrder + " 201", StringComparison.Ordinal));
        Assert.Contains(capture.Lines, l => l.Contains("POST /" + Paths.SubmitOrder + " 401", StringComparison.Ordinal));
        Assert.DoesNotContain(capture.Lines, l => l.Contains(Key, StringComparison.Ordinal) || l.Contains("t_wrong", StringComparison.Ordinal));
        Assert.DoesNotContain(capture.Lines, l => l.Contains(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Key + ":")), StringComparison.Ordinal));
    }

    [Theory(Timeout = 10_000)]
    [InlineData("Bearer c2FuZGJveC1rZXk6")]
    [InlineData("Basic c2FuZGJveC1rZXk=")]
    [InlineData("Basic c2FuZGJveC1rZXk6eA==")]
    [InlineData("Basic not-base64!")]
    public async Task Anything_but_the_key_as_user_with_an_empty_password_is_401(string authorization)
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, Paths.Status(Guid.NewGuid().ToString()));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_right_key_in_lower_case_basic_scheme_is_accepted()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, Paths.Status(Guid.NewGuid().ToString()));
        request.Headers.TryAddWithoutValidation("Authorization", "basic " + Convert.ToBase64String("sandbox-key:"u8.ToArray()));

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("no-such-order")]
    public async Task Status_of_an_unknown_order_is_404(string id)
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var answer = await api.GetAsync(Paths.Status(id));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("Not found", answer.Object["description"]!.GetValue<string>());
    }

    [Fact(Timeout = 10_000)]
    public async Task Requests_are_recorded_with_method_path_and_code()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var id = await api.SubmitAsync(ValidSubmit());
        await api.GetAsync(Paths.Status(id));

        var requests = sandbox.Events.Where(e => e.Kind == SandboxEventKinds.Request).ToArray();

        Assert.Equal("POST /" + Paths.SubmitOrder + " 201", requests[0].Message);
        Assert.Equal(id, requests[0].OrderId);
        Assert.Equal("GET /" + Paths.Status(id) + " 200", requests[1].Message);
        Assert.Equal(id, requests[1].OrderId);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_documented_path_called_with_another_method_is_not_served()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(ct: TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var answer = await api.SendAsync(HttpMethod.Post, Paths.StartOrder, Fixtures.StartOrder().ToJsonString());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
    }
}
