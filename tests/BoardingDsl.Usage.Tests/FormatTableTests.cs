using System;
using System.Linq;
using System.Text.Json;
using BoardingDsl.Serialization;
using BoardingDsl.Testing;
using Xunit;

namespace BoardingDsl.Usage.Tests;

/// <summary>
/// The run-time side of the one format table (<c>tests/Shared/FormatTable.cs</c>): the rules themselves, the generated
/// <c>Build()</c> and <c>FromJson</c>. The analyzer tests and the sandbox tests assert the same table.
/// </summary>
public sealed class FormatTableTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<FormatCase> Cases(FormatRule rule) => new(FormatTable.Of(rule));

    public static TheoryData<FormatCase> AllCases() => new(FormatTable.All);

    [Theory]
    [MemberData(nameof(AllCases))]
    public void The_rule_gives_the_RFC_verdict(FormatCase row)
    {
        var verdict = row.Rule switch
        {
            FormatRule.HttpsUrl => BoardingRules.IsHttpsUrl(row.Text),
            FormatRule.Uri => BoardingRules.IsAbsoluteUri(row.Text),
            FormatRule.DateTime => BoardingRules.IsDateTime(row.Text),
            FormatRule.Email => BoardingRules.IsEmail(row.Text),
            _ => throw new ArgumentOutOfRangeException(nameof(row)),
        };
        Assert.True(verdict == row.Valid, row.ToString());
    }

    [Theory]
    [MemberData(nameof(Cases), FormatRule.HttpsUrl)]
    public void Build_holds_the_notification_URL_to_the_https_rule(FormatCase row) =>
        AssertVerdict(row, "notificationUrl", () => new StatusNotificationInformationBuilder().WithNotificationUrl(row.Text).WithNotifyOnStatus(OrderStatus.Completed).Build());

    [Theory]
    [MemberData(nameof(Cases), FormatRule.Uri)]
    public void Build_holds_a_uri_member_to_RFC_3986(FormatCase row) =>
        AssertVerdict(row, "cartUrl", () => ValidOrder().WithCartUrl(row.Text).Build());

    [Theory]
    [MemberData(nameof(Cases), FormatRule.Email)]
    public void Build_holds_an_email_member_to_RFC_5321(FormatCase row) =>
        AssertVerdict(row, "emailAddress", () => new ContactPersonBuilder().WithFirstName("Joe").WithLastName("Bloggs").WithEmailAddress(row.Text).Build());

    [Theory]
    [MemberData(nameof(Cases), FormatRule.DateTime)]
    public void FromJson_holds_a_date_time_member_to_RFC_3339(FormatCase row)
    {
        var json = "{\"orderDate\":" + JsonSerializer.Serialize(row.Text, Relaxed) + ",\"cartUrl\":\"https://a.example/\",\"storeUrl\":\"https://a.example/\",\"statusUrl\":\"https://a.example/\",\"storeInformation\":{\"cocNumber\":\"1\",\"cocRegistry\":\"Kvk\"}}";
        if (row.Valid)
        {
            var order = Order.FromJson(json);
            Assert.Equal(json, order.ToJson()); // the text as it came, a leap second included
        }
        else
        {
            var error = Assert.Throws<JsonException>(() => Order.FromJson(json));
            Assert.Contains("orderDate", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_leap_second_is_held_as_second_59_and_written_back_as_sent()
    {
        var order = Order.FromJson("{\"orderDate\":\"1998-12-31T23:59:60Z\",\"cartUrl\":\"https://a.example/\",\"storeUrl\":\"https://a.example/\",\"statusUrl\":\"https://a.example/\",\"storeInformation\":{\"cocNumber\":\"1\",\"cocRegistry\":\"Kvk\"}}");
        Assert.Equal(new DateTimeOffset(1998, 12, 31, 23, 59, 59, TimeSpan.Zero), order.OrderDate);
        Assert.Contains("\"1998-12-31T23:59:60Z\"", order.ToJson(), StringComparison.Ordinal);
    }

    private static OrderBuilder ValidOrder() => new OrderBuilder()
        .WithOrderDate(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero))
        .WithCartUrl("https://a.example/")
        .WithStoreUrl("https://a.example/")
        .WithStatusUrl("https://a.example/")
        .WithStoreInformation(s => s.WithCocNumber("12345678").WithCocRegistry(CocRegistry.Kvk));

    private static void AssertVerdict(FormatCase row, string member, Action build)
    {
        try
        {
            build();
            Assert.True(row.Valid, "Build() accepted " + row);
        }
        catch (BoardingValidationException e)
        {
            var about = e.Violations.Where(v => v.Path.EndsWith(member, StringComparison.Ordinal)).ToList();
            Assert.True(e.Violations.Count == about.Count, "other violations: " + string.Join("; ", e.Violations));
            Assert.False(row.Valid, "Build() refused " + row + ": " + string.Join("; ", about));
        }
    }
}
