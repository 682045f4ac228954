using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BoardingDsl.Client.Tests;

/// <summary>
/// Partner code that depends on <see cref="IBoardingClient"/> is unit-tested with a substitute: no HTTP, no sandbox.
/// The generated methods extend the interface, so the code under test calls them as it would in production.
/// </summary>
public sealed class SubstituteClientTests
{
    /// <summary>A partner's own service: submits an order and returns CCV's id for it.</summary>
    private sealed class OrderSubmitter(IBoardingClient client)
    {
        public async Task<string> SubmitAsync(Order order, string reference, CancellationToken ct)
        {
            var submit = Boarding.SubmitOrder().WithNotifyCustomerByEmail(false).WithExternalReference(reference).WithOrder(order).Build();
            var answer = await client.SubmitOrderAsync(submit, ct);
            return answer.GetString("orderId") ?? throw new InvalidOperationException("no order id");
        }
    }

    /// <summary>Answers every call with the JSON a test chose, and keeps what was sent.</summary>
    private sealed class ScriptedClient(Func<BoardingEndpoint, string> answer) : IBoardingClient
    {
        public List<(string Operation, string Path, string? Body)> Calls { get; } = [];

        public Task<TResponse> SendAsync<TResponse>(BoardingEndpoint endpoint, string path, IBoardingModel? body,
            Func<HttpStatusCode, ReadOnlyMemory<byte>, TResponse> read, CancellationToken cancellationToken = default)
        {
            Calls.Add((endpoint.Operation, path, body is null ? null : BoardingJson.Serialize(body)));
            return Task.FromResult(read(HttpStatusCode.Created, Encoding.UTF8.GetBytes(answer(endpoint))));
        }
    }

    [Fact]
    public async Task A_partner_service_is_tested_with_a_substituted_client_through_the_generated_methods()
    {
        var client = new ScriptedClient(e => e.Operation == "SubmitOrder" ? "{\"orderId\":\"o-42\"}" : "{}");

        var id = await new OrderSubmitter(client).SubmitAsync(Support.TestOrders.Configured(), "ref-1", TestContext.Current.CancellationToken);

        Assert.Equal("o-42", id);
        var call = Assert.Single(client.Calls);
        Assert.Equal(("SubmitOrder", "/api/ordercompletion/reseller/order"), (call.Operation, call.Path));
        Assert.Contains("\"externalReference\":\"ref-1\"", call.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_call_reads_its_answer_with_the_generated_model_also_through_a_substitute()
    {
        var client = new ScriptedClient(_ => "{\"orderStatus\":\"Suspended\",\"externalReference\":\"ref-1\"}");

        var status = await client.GetOrderStatusAsync("order/1", TestContext.Current.CancellationToken);

        Assert.False(status.OrderStatus.IsKnown);
        Assert.Equal("Suspended", status.OrderStatus.ToJsonString());
        Assert.Equal("/api/ordercompletion/reseller/order/order%2F1/status", Assert.Single(client.Calls).Path); // the id is escaped
    }

    [Fact]
    public void AddBoardingClient_registers_the_interface_as_the_HTTP_client()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBoardingClient(o =>
        {
            o.BaseAddress = new Uri("https://boarding.example/");
            o.ApiKey = "key";
        });
        using var provider = services.BuildServiceProvider();

        Assert.IsType<BoardingClient>(provider.GetRequiredService<IBoardingClient>());
    }
}
