using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace BoardingDsl.Usage.Tests;

public class SubmitOrderTests
{
    [Fact]
    public void The_documented_example_built_with_the_dsl_serializes_to_the_documented_json()
    {
        var order = Orders.Full();

        var json = Boarding.SubmitOrder()
            .WithNotifyCustomerByEmail(true)
            .WithExternalReference("123456")
            .WithStatusNotificationInformation(n => n
                .WithNotificationUrl("https://api.integrator.nl/orderstatusCCV/")
                .WithNotifyOnStatus(OrderStatus.Completed, OrderStatus.Closed, OrderStatus.Canceled, OrderStatus.Failed))
            .WithOrder(order)
            .Build()
            .ToJson();

        var expected = JsonNode.Parse(Fixtures.Read("submit-order.example.json"))!;
        expected["order"] = JsonNode.Parse(order.ToJson());
        Assert.True(Fixtures.JsonEquals(expected.ToJsonString(), json), json);
    }

    [Fact]
    public void Calls_come_in_any_order_and_the_last_call_wins()
    {
        var first = Boarding.SubmitOrder()
            .WithOrder(Orders.Full())
            .WithExternalReference("first")
            .WithNotifyCustomerByEmail(false)
            .WithExternalReference("second")
            .WithStatusNotificationInformation(n => n.WithNotificationUrl("https://one.example/"))
#pragma warning disable BDSL0004 // deliberately: the second lambda replaces the first, so the URL is gone
            .WithStatusNotificationInformation(n => n.WithNotifyOnStatus(OrderStatus.New))
#pragma warning restore BDSL0004
            .Build();

        Assert.Equal("second", first.ExternalReference);
        Assert.Null(first.StatusNotificationInformation!.NotificationUrl);
        Assert.Equal(new[] { OrderStatus.New }, first.StatusNotificationInformation.NotifyOnStatus);
        Assert.StartsWith("{\"notifyCustomerByEmail\":false,\"externalReference\":\"second\",", first.ToJson());
    }

    [Fact]
    public void An_explicit_null_is_written_and_an_unset_optional_field_is_left_out()
    {
        var withNull = Boarding.SubmitOrder().WithNotifyCustomerByEmail(true).WithExternalReference(null).WithOrder(Orders.Full()).Build();
        var unset = Boarding.SubmitOrder().WithNotifyCustomerByEmail(true).WithOrder(Orders.Full()).Build();

        Assert.Contains("\"externalReference\":null", withNull.ToJson());
        Assert.DoesNotContain("externalReference", unset.ToJson());
    }

    [Fact]
    public void Build_reports_every_violation_at_once()
    {
        // Values from configuration: the analyzers cannot see them, Build() does.
        var builder = Boarding.SubmitOrder()
            .WithStatusNotificationInformation(n => n
                .WithNotificationUrl(FromConfiguration("http://api.integrator.nl/orderstatusCCV/"))
                .WithNotifyOnStatus(FromConfiguration("Completed"), FromConfiguration("Cancelled")));

        var ex = Assert.Throws<BoardingValidationException>(() => builder.Build());

        Assert.Equal(
            new[]
            {
                ("$.notifyCustomerByEmail", "required"),
                ("$.statusNotificationInformation.notificationUrl", "pattern ^https://"),
                ("$.statusNotificationInformation.notifyOnStatus[1]", "enum"),
                ("$.order", "required"),
            },
            ex.Violations.Select(v => (v.Path, v.Rule)).ToArray());
        Assert.Equal("Cancelled", ex.Violations[2].Value);
        Assert.Contains("SubmitOrderRequest is not valid (4 violations):", ex.Message);
        Assert.Contains("$.statusNotificationInformation.notifyOnStatus[1]: 'Cancelled' is not a documented value; use one of: Processing, Incomplete", ex.Message);
    }

    [Fact]
    public void A_builder_can_be_kept_and_built_twice()
    {
        var builder = Boarding.SubmitOrder().WithNotifyCustomerByEmail(true).WithOrder(Orders.Full());
        var a = builder.Build();
        builder.WithExternalReference("later");
        var b = builder.Build();

        Assert.Null(a.ExternalReference);
        Assert.Equal("later", b.ExternalReference);
    }

    [Fact]
    public void Enum_values_read_from_configuration_are_accepted_when_documented()
    {
        var request = Boarding.SubmitOrder()
            .WithNotifyCustomerByEmail(true)
            .WithOrder(Orders.Full())
            .WithStatusNotificationInformation(n => n.WithNotificationUrl(new System.Uri("https://x.example/cb")).WithNotifyOnStatus(new[] { "Completed", "Failed" }.AsEnumerable()))
            .Build();

        Assert.Equal(new[] { OrderStatus.Completed, OrderStatus.Failed }, request.StatusNotificationInformation!.NotifyOnStatus);
        Assert.True(request.StatusNotificationInformation.NotifyOnStatus!.All(s => s.IsFinal()));
    }

    private static string FromConfiguration(string value) => value;
}
