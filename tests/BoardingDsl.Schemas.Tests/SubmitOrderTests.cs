using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NJsonSchema.Validation;
using Xunit;

namespace BoardingDsl.Schemas.Tests;

/// <summary>The notification rules of SubmitOrder (R7, R10, D12, D27).</summary>
public class SubmitOrderTests
{
    private const string Schema = "submit-order.schema.json";
    private const string UrlPath = "#/statusNotificationInformation.notificationUrl";

    private static Task<System.Collections.Generic.IReadOnlyList<Leaf>> ErrorsWith(string path, JsonNode? value) =>
        Validation.ErrorsAsync(Schema, Bodies.Change(Bodies.For(Schema), path, value).ToJsonString());

    [Theory]
    [InlineData("http://api.integrator.nl/orderstatusCCV/")]
    [InlineData("HTTP://api.integrator.nl/orderstatusCCV/")]
    [InlineData("ftp://api.integrator.nl/orderstatusCCV/")]
    [InlineData(" https://api.integrator.nl/")]
    // The pattern is case-sensitive, so an upper-case scheme is refused too (R7 read strictly).
    [InlineData("HTTPS://api.integrator.nl/orderstatusCCV/")]
    public async Task Absolute_notification_url_that_is_not_https_is_a_PatternMismatch_only(string url)
    {
        var errors = await ErrorsWith("statusNotificationInformation.notificationUrl", JsonValue.Create(url));

        Assert.Equal([new Leaf(ValidationErrorKind.PatternMismatch, UrlPath)], errors);
    }

    [Theory]
    [InlineData("api.integrator.nl/orderstatusCCV/")]
    [InlineData("https:/api.integrator.nl/")]
    [InlineData("orderstatusCCV")]
    public async Task Notification_url_that_is_no_uri_fails_both_the_format_and_the_pattern(string url)
    {
        var errors = await ErrorsWith("statusNotificationInformation.notificationUrl", JsonValue.Create(url));

        Assert.Equal(
            new[] { new Leaf(ValidationErrorKind.PatternMismatch, UrlPath), new Leaf(ValidationErrorKind.UriExpected, UrlPath) },
            errors.OrderBy(e => e.Kind.ToString(), System.StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("https://api.integrator.nl/orderstatusCCV/")]
    [InlineData("https://localhost:8443/hook?order=1")]
    public async Task Https_notification_url_is_valid(string url)
    {
        Assert.Empty(await ErrorsWith("statusNotificationInformation.notificationUrl", JsonValue.Create(url)));
    }

    [Fact]
    public async Task Notification_url_may_be_null_or_absent_and_notifyOnStatus_without_it_is_accepted()
    {
        // R10: without a URL, notifyOnStatus is ignored by CCV, not rejected (x-ignored-unless-set gives a warning only).
        Assert.Empty(await ErrorsWith("statusNotificationInformation.notificationUrl", null));
        var body = Bodies.Without(Bodies.For(Schema), "statusNotificationInformation.notificationUrl");
        Assert.Empty(await Validation.ErrorsAsync(Schema, body.ToJsonString()));
    }

    [Fact]
    public async Task Every_documented_status_may_be_subscribed_to_and_duplicates_are_not_rejected()
    {
        var all = SchemaDocs.Load("order-status.schema.json")["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
        Assert.Empty(await ErrorsWith("statusNotificationInformation.notifyOnStatus", new JsonArray(all.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray())));

        // x-warn-on-duplicates: CCV ignores duplicates, so the wire format accepts them.
        Assert.Empty(await ErrorsWith("statusNotificationInformation.notifyOnStatus", new JsonArray("Completed", "Completed")));
        Assert.Empty(await ErrorsWith("statusNotificationInformation.notifyOnStatus", new JsonArray()));
    }

    [Fact]
    public async Task Cancelled_with_two_ls_is_refused_among_valid_statuses()
    {
        var errors = await ErrorsWith("statusNotificationInformation.notifyOnStatus", new JsonArray("Completed", "Cancelled", "Failed"));

        Assert.Equal([new Leaf(ValidationErrorKind.NotInEnumeration, "#/statusNotificationInformation.notifyOnStatus[1]")], errors);
    }

    [Theory]
    [InlineData("statusNotificationInformation")]
    [InlineData("externalReference")]
    public async Task Optional_members_may_be_null_or_absent(string member)
    {
        Assert.Empty(await ErrorsWith(member, null));
        Assert.Empty(await Validation.ErrorsAsync(Schema, Bodies.Without(Bodies.For(Schema), member).ToJsonString()));
    }

    [Theory]
    [InlineData("/orderstatusCCV/")]
    [InlineData("/hook?order=1")]
    public async Task Rooted_relative_notification_url_passes_the_format_and_is_caught_by_the_pattern(string url)
    {
        // NJsonSchema's format "uri" takes "/x" (an absolute file: URI on Unix), so only the pattern refuses it.
        Assert.SkipWhen(System.OperatingSystem.IsWindows(), "a rooted path is not an absolute URI on Windows");
        var errors = await ErrorsWith("statusNotificationInformation.notificationUrl", JsonValue.Create(url));

        Assert.Equal([new Leaf(ValidationErrorKind.PatternMismatch, UrlPath)], errors);
    }
}
