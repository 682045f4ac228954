using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BoardingDsl.Sandbox.Tests.Support;
using Xunit;

namespace BoardingDsl.Sandbox.Tests;

/// <summary>The whole boarding flow against the sandbox, and the status walk.</summary>
public sealed class FlowTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    private static string[] StatusesOf(BoardingSandbox sandbox, string id) =>
        sandbox.Events.Where(e => e.Kind == SandboxEventKinds.StatusChanged && e.OrderId == id).Select(e => e.Message).ToArray();

    [Fact(Timeout = 10_000)]
    public async Task StartOrder_to_SubmitOrder_then_the_status_walk_reaches_Completed_and_unknown_members_survive()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var start = Fixtures.StartOrder();
        start["x-integrator"] = new JsonObject { ["ticket"] = "BOARD-42", ["tags"] = new JsonArray("a", "b") };
        start["storeInformation"]!["x-branch"] = 7;
        start["invoiceAccount"] = new JsonObject { ["iban"] = "NL91ABNA0417164300" };

        var order = (await api.PatchAsync(Paths.StartOrder, start)).Object;
        order["x-added-between-calls"] = true;
        order["shoppingCart"]!["x-cart-note"] = "kept";
        var terminal = await api.PatchAsync(Paths.AddTerminalPackage, Fixtures.TerminalPackage(order));
        Assert.Equal(HttpStatusCode.OK, terminal.Status);
        var online = await api.PatchAsync(Paths.AddProductPspStandalone, Fixtures.OnlinePayments(terminal.Object));
        Assert.Equal(HttpStatusCode.OK, online.Status);
        var priced = await api.PatchAsync(Paths.SetShoppingCartPricingDetails, Fixtures.ShoppingCartPricing(online.Object));
        Assert.Equal(HttpStatusCode.OK, priced.Status);

        var final = priced.Object;
        Assert.True(JsonNode.DeepEquals(start["x-integrator"], final["x-integrator"]));
        Assert.Equal(7, final["storeInformation"]!["x-branch"]!.GetValue<int>());
        Assert.Equal("NL91ABNA0417164300", final["invoiceAccount"]!["iban"]!.GetValue<string>());
        Assert.True(final["x-added-between-calls"]!.GetValue<bool>());
        Assert.Equal("kept", final["shoppingCart"]!["x-cart-note"]!.GetValue<string>());
        var package = Assert.Single(final["shoppingCart"]!["salesPackages"]!.AsArray())!;
        Assert.Equal(["Terminal", "CCV Online Payments"], package["products"]!.AsArray().Select(p => p!["product"]!.GetValue<string>()));
        Assert.Equal("EUR", final["shoppingCart"]!["currency"]!.GetValue<string>());

        var id = await api.SubmitAsync(Fixtures.Submit(final));
        Assert.Equal("Processing", (await api.GetAsync(Paths.Status(id))).Object["orderStatus"]!.GetValue<string>());

        await Wait.UntilAsync(() => StatusesOf(sandbox, id).Contains("Completed"), "the walk to reach Completed");
        var status = (await api.GetAsync(Paths.Status(id))).Object;
        Assert.Equal("Completed", status["orderStatus"]!.GetValue<string>());
        Assert.Equal("123456", status["externalReference"]!.GetValue<string>());
        Assert.Equal(["Processing", "Incomplete", "Screening", "New", "FulfillmentDone", "Completed"], StatusesOf(sandbox, id));
    }

    [Theory(Timeout = 10_000)]
    [InlineData(SandboxOutcome.Completed, new[] { "Processing", "Incomplete", "Screening", "New", "FulfillmentDone", "Completed" })]
    [InlineData(SandboxOutcome.Closed, new[] { "Processing", "Incomplete", "Screening", "Closed" })]
    [InlineData(SandboxOutcome.Canceled, new[] { "Processing", "Incomplete", "Screening", "New", "FulfillmentDone", "Canceled" })]
    [InlineData(SandboxOutcome.Failed, new[] { "Processing", "Incomplete", "Screening", "New", "FulfillmentDone", "Failed" })]
    public async Task The_walk_ends_at_the_chosen_outcome_and_stops_there(SandboxOutcome outcome, string[] walk)
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step, Outcome = outcome }, TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var body = Fixtures.Submit(Fixtures.Load(Fixtures.Order));
        body.Remove("externalReference");

        var id = await api.SubmitAsync(body);
        await Wait.UntilAsync(() => StatusesOf(sandbox, id).Contains(walk[^1]), "the final status " + walk[^1]);
        await Task.Delay(Step * 5, TestContext.Current.CancellationToken);

        Assert.Equal(walk, StatusesOf(sandbox, id));
        var status = (await api.GetAsync(Paths.Status(id))).Object;
        Assert.Equal(walk[^1], status["orderStatus"]!.GetValue<string>());
        Assert.Null(status["externalReference"]);
    }

    [Fact(Timeout = 10_000)]
    public async Task Status_changes_keep_to_the_clock()
    {
        var interval = TimeSpan.FromMilliseconds(60);
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = interval }, TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);

        var id = await api.SubmitAsync(Fixtures.Submit(Fixtures.Load(Fixtures.Order)));
        await Wait.UntilAsync(() => StatusesOf(sandbox, id).Contains("Completed"), "Completed");

        var times = sandbox.Events.Where(e => e.Kind == SandboxEventKinds.StatusChanged && e.OrderId == id).Select(e => e.At).ToArray();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= interval - TimeSpan.FromMilliseconds(15), $"{pair.Second - pair.First}"));
    }

    [Fact(Timeout = 10_000)]
    public async Task Orders_walk_independently_and_each_keeps_its_own_reference()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        using var api = new Api(sandbox);
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
        {
            var body = Fixtures.Submit(Fixtures.Load(Fixtures.Order));
            body["externalReference"] = "ref-" + i;
            return api.SubmitAsync(body);
        }));

        Assert.Equal(8, ids.Distinct().Count());
        await Wait.UntilAsync(() => ids.All(id => StatusesOf(sandbox, id).Contains("Completed")), "every order to complete");
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal("ref-" + i, (await api.GetAsync(Paths.Status(ids[i]))).Object["externalReference"]!.GetValue<string>());
        }
    }

    [Fact(Timeout = 10_000)]
    public async Task Disposing_stops_the_walk_and_the_server()
    {
        var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = TimeSpan.FromMilliseconds(100) }, TestContext.Current.CancellationToken);
        string id;
        using (var api = new Api(sandbox))
        {
            id = await api.SubmitAsync(Fixtures.Submit(Fixtures.Load(Fixtures.Order)));
        }

        await sandbox.DisposeAsync();
        var seen = StatusesOf(sandbox, id).Length;
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.Equal(seen, StatusesOf(sandbox, id).Length);
        Assert.DoesNotContain("Completed", StatusesOf(sandbox, id));
        using var http = new System.Net.Http.HttpClient { BaseAddress = sandbox.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        await Assert.ThrowsAsync<System.Net.Http.HttpRequestException>(() => http.GetAsync(Paths.Status(id), TestContext.Current.CancellationToken));
        await sandbox.DisposeAsync();
    }

    [Fact(Timeout = 10_000)]
    public async Task EventRaised_reports_each_event_as_it_happens()
    {
        await using var sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = Step }, TestContext.Current.CancellationToken);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<SandboxEvent>();
        sandbox.EventRaised += seen.Enqueue;
        sandbox.EventRaised += _ => throw new InvalidOperationException("a failing handler is ignored");
        using var api = new Api(sandbox);

        var id = await api.SubmitAsync(Fixtures.Submit(Fixtures.Load(Fixtures.Order)));
        await Wait.UntilAsync(() => seen.Any(e => e.OrderId == id && e.Message == "Completed"), "Completed");

        Assert.Equal(sandbox.Events.Count(e => e.OrderId == id && e.Kind == SandboxEventKinds.StatusChanged), seen.Count(e => e.OrderId == id && e.Kind == SandboxEventKinds.StatusChanged));
        Assert.Contains(seen, e => e.Kind == SandboxEventKinds.Request && e.OrderId == id);
    }
}
