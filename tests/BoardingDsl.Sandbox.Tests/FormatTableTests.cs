using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BoardingDsl.Sandbox.Tests.Support;
using BoardingDsl.Testing;
using Xunit;

namespace BoardingDsl.Sandbox.Tests;

/// <summary>A sandbox shared by the table's rows (each row is one SubmitOrder).</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public BoardingSandbox Sandbox { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Sandbox = await BoardingSandbox.StartAsync(new SandboxOptions { StatusStepInterval = TimeSpan.FromHours(1) });

    public ValueTask DisposeAsync() => Sandbox.DisposeAsync();
}

/// <summary>
/// The wire side of the one format table (<c>tests/Shared/FormatTable.cs</c>): the sandbox answers 400 naming the member
/// exactly when <c>Build()</c>/<c>FromJson</c> (Usage tests) and BDSL0002 (analyzer tests) refuse the same string.
/// </summary>
public sealed class FormatTableTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    public static TheoryData<FormatCase> AllCases() => new(FormatTable.All);

    [Theory(Timeout = 20_000)]
    [MemberData(nameof(AllCases))]
    public async Task SubmitOrder_gives_the_table_verdict(FormatCase row)
    {
        using var api = new Api(fixture.Sandbox);
        var body = Fixtures.Submit(Fixtures.Load(Fixtures.Order), "https://api.integrator.nl/orderstatusCCV/");
        var order = body["order"]!.AsObject();
        var path = row.Rule switch
        {
            FormatRule.HttpsUrl => Set(body["statusNotificationInformation"]!.AsObject(), "notificationUrl", row.Text, "#/statusNotificationInformation.notificationUrl"),
            FormatRule.Uri => Set(order, "cartUrl", row.Text, "#/order.cartUrl"),
            FormatRule.DateTime => Set(order, "orderDate", row.Text, "#/order.orderDate"),
            FormatRule.Email => Set(order, "companyContactPerson", new JsonObject { ["emailAddress"] = row.Text }, "#/order.companyContactPerson.emailAddress"),
            _ => throw new ArgumentOutOfRangeException(nameof(row)),
        };

        var answer = await api.PostAsync(Paths.SubmitOrder, body);

        if (row.Valid)
        {
            Assert.True(answer.Status == HttpStatusCode.Created, $"{row}: {(int)answer.Status} {answer.Body?.ToJsonString()}");
        }
        else
        {
            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{row}: {(int)answer.Status}");
            var paths = answer.Object["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).Distinct().ToArray();
            Assert.True(paths.SequenceEqual([path]), $"{row}: errors at {string.Join(", ", paths)}");
        }
    }

    private static string Set(JsonObject parent, string member, JsonNode? value, string path)
    {
        parent[member] = value;
        return path;
    }

    private static string Set(JsonObject parent, string member, string value, string path) => Set(parent, member, JsonValue.Create(value), path);
}
