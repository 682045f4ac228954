using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace BoardingDsl.Usage.Tests;

/// <summary>What Build() reports for a member never set and for an explicit null where the schema allows none, per kind of member.</summary>
public class BuildViolationTests
{
    [Fact]
    public void Required_members_never_set_are_reported_in_schema_order()
    {
        var builder = new OrderBuilder(); // held in a local that escapes to a lambda: BDSL0001 leaves it to Build()
        var violations = Violations(() => builder.Build());

        Assert.Equal(
            new[] { "$.orderDate", "$.cartUrl", "$.storeUrl", "$.statusUrl", "$.storeInformation" },
            violations.Where(v => v.Rule == "required").Select(v => v.Path));
    }

    [Fact]
    public void An_explicit_null_where_none_is_allowed_is_a_type_violation_for_each_kind_of_member()
    {
        var store = Violations(() => new StoreInformationBuilder()
            .WithCocNumber(Null<string>())
            .WithCocRegistry(Null<string>())
            .Build());
        var order = Violations(() => new OrderBuilder()
            .WithOrderDate(System.DateTimeOffset.UnixEpoch)
            .WithCartUrl("https://shop.example/cart")
            .WithStoreUrl(Null<string>())
            .WithStatusUrl("https://shop.example/status")
            .WithStoreInformation(Null<StoreInformation>())
            .Build());
        var status = Violations(() => new StatusNotificationInformationBuilder()
            .WithNotificationUrl("https://x.example/cb")
            .WithNotifyOnStatus(Null<IEnumerable<OrderStatus>>())
            .Build());

        Assert.Equal(new[] { ("$.cocNumber", "type"), ("$.cocRegistry", "type") }, store.Select(v => (v.Path, v.Rule)));
        Assert.Equal(new[] { ("$.storeUrl", "type"), ("$.storeInformation", "type") }, order.Select(v => (v.Path, v.Rule)));
        Assert.Equal(new[] { ("$.notifyOnStatus", "type") }, status.Select(v => (v.Path, v.Rule)));
    }

    [Fact]
    public void An_explicit_null_where_null_is_allowed_is_kept_and_not_checked()
    {
        var info = new StatusNotificationInformationBuilder().WithNotificationUrl((string?)null).Build();

        Assert.True(info.IsPresent("notificationUrl"));
        Assert.Null(info.NotificationUrl);
        Assert.Equal("{\"notificationUrl\":null}", info.ToJson());
    }

    [Fact]
    public void A_nested_builder_reports_at_its_own_path_and_the_parent_does_not_add_a_null_violation()
    {
        var violations = Violations(() => new StoreInformationBuilder()
            .WithCocNumber("12345678")
            .WithCocRegistry(CocRegistry.Kvk)
            .WithReportingEmailAddress(FromConfiguration("not-an-address"))
            .WithStoreAddress(a => a.WithCity("Arnhem"))
            .Build());

        Assert.Equal(new[] { ("$.reportingEmailAddress", "format email") }, violations.Select(v => (v.Path, v.Rule)));
    }

    private static IReadOnlyList<ValidationViolation> Violations(System.Action build)
    {
        var ex = Record.Exception(build);
        return ex is BoardingValidationException invalid ? invalid.Violations : throw new Xunit.Sdk.XunitException("expected violations, got " + (ex?.ToString() ?? "none"));
    }

    private static T Null<T>() where T : class? => null!;

    private static T FromConfiguration<T>(T value) => value;
}
