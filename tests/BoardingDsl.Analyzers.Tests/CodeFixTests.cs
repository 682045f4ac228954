using System.Threading.Tasks;
using BoardingDsl.Analyzers.Tests.Infrastructure;
using BoardingDsl.CodeFixes;
using Xunit;

namespace BoardingDsl.Analyzers.Tests;

public class CodeFixTests
{
    [Fact]
    public Task Missing_required_calls_are_inserted_before_build_with_typed_placeholders() => Verifier.FixAsync<AddMissingCallsFix>("""
        class C { void M() {
            var r = Boarding.SubmitOrder().WithExternalReference("x").{|#0:Build|}();
        } }
        """, """
        class C { void M() {
            var r = Boarding.SubmitOrder().WithExternalReference("x").WithNotifyCustomerByEmail(global::BoardingDsl.BoardingPlaceholder.Value<bool>()).WithOrder(x => x.WithOrderDate(global::BoardingDsl.BoardingPlaceholder.Value<global::System.DateTimeOffset>()).WithCartUrl(global::BoardingDsl.BoardingPlaceholder.Value<string>()).WithStoreUrl(global::BoardingDsl.BoardingPlaceholder.Value<string>()).WithStatusUrl(global::BoardingDsl.BoardingPlaceholder.Value<string>()).WithStoreInformation(x1 => x1.WithCocNumber(global::BoardingDsl.BoardingPlaceholder.Value<string>()).WithCocRegistry(global::BoardingDsl.BoardingPlaceholder.Value<global::BoardingDsl.CocRegistry>()))).{|#0:Build|}();
        } }
        """,
        // One fix leaves nothing required unset: the nested order gets its own required calls.
        Verifier.Expect("BDSL0001", 0, "SubmitOrderRequest (submit-order.schema.json)", "$.notifyCustomerByEmail, $.order", "WithNotifyCustomerByEmail(…), WithOrder(…)"));

    [Fact]
    public Task In_a_chain_written_one_call_per_line_each_inserted_call_gets_its_own_line_indented_like_its_neighbours() => Verifier.FixAsync<AddMissingCallsFix>("""
        class C { void M(Order order) {
            var r = Boarding.SubmitOrder()
                .WithExternalReference("x")
                .{|#0:Build|}();
        } }
        """, """
        class C { void M(Order order) {
            var r = Boarding.SubmitOrder()
                .WithExternalReference("x")
                .WithNotifyCustomerByEmail(global::BoardingDsl.BoardingPlaceholder.Value<bool>())
                .WithOrder(x => x.WithOrderDate(global::BoardingDsl.BoardingPlaceholder.Value<global::System.DateTimeOffset>()).WithCartUrl(global::BoardingDsl.BoardingPlaceholder.Value<string>()).WithStoreUrl(global::BoardingDsl.BoardingPlaceholder.Value<string>()).WithStatusUrl(global::BoardingDsl.BoardingPlaceholder.Value<string>()).WithStoreInformation(x1 => x1.WithCocNumber(global::BoardingDsl.BoardingPlaceholder.Value<string>()).WithCocRegistry(global::BoardingDsl.BoardingPlaceholder.Value<global::BoardingDsl.CocRegistry>())))
                .{|#0:Build|}();
        } }
        """, Verifier.Expect("BDSL0001", 0, "SubmitOrderRequest (submit-order.schema.json)", "$.notifyCustomerByEmail, $.order", "WithNotifyCustomerByEmail(…), WithOrder(…)"));

    [Theory]
    [InlineData("http://api.integrator.nl/cb")]
    [InlineData("HTTPS://api.integrator.nl/cb")]
    [InlineData("https//api.integrator.nl/cb")]
    [InlineData("HTTP://api.integrator.nl/cb")]
    public Task The_scheme_is_corrected_to_https(string url) => Verifier.FixAsync<HttpsSchemeFix>($$"""
        class C { void M() {
            var n = new StatusNotificationInformationBuilder().WithNotificationUrl({|#0:"{{url}}"|});
        } }
        """, """
        class C { void M() {
            var n = new StatusNotificationInformationBuilder().WithNotificationUrl("https://api.integrator.nl/cb");
        } }
        """, Verifier.Expect("BDSL0002", 0, url, "notificationUrl", "pattern ^https://"));

    [Theory]
    [InlineData("Cancelled", "Canceled")]
    [InlineData("completed", "Completed")]
    [InlineData("Proccessing", "Processing")]
    public Task An_undocumented_value_is_replaced_by_the_nearest_documented_one(string wrong, string right) => Verifier.FixAsync<NearestEnumValueFix>($$"""
        class C { void M() {
            var n = new StatusNotificationInformationBuilder().WithNotificationUrl("https://x.example/").WithNotifyOnStatus({|#0:"{{wrong}}"|});
        } }
        """, $$"""
        class C { void M() {
            var n = new StatusNotificationInformationBuilder().WithNotificationUrl("https://x.example/").WithNotifyOnStatus("{{right}}");
        } }
        """, Verifier.Expect("BDSL0003", 0, wrong, "OrderStatus (notifyOnStatus)", "Processing, Incomplete, AwaitingPayment, Screening, New, ErpInProgress, FulfillmentInProgress, FulfillmentDone, Completed, Closed, Canceled, Failed"));

    [Theory]
    [InlineData("Done")]
    [InlineData("")]
    [InlineData("Xyzzy")]
    public void No_fix_is_offered_when_no_value_is_clearly_nearest(string wrong) =>
        Assert.Null(NearestEnumValueFix.Nearest(wrong, new[] { "New", "Incomplete", "Screening", "Completed", "Canceled", "Failed", "Closed" }));

    [Fact]
    public Task The_duplicate_status_is_removed() => Verifier.FixAsync<RemoveDuplicateValueFix>("""
        class C { void M() {
            var n = new StatusNotificationInformationBuilder().WithNotificationUrl("https://x.example/").WithNotifyOnStatus(OrderStatus.Completed, OrderStatus.Failed, {|#0:OrderStatus.Completed|});
        } }
        """, """
        class C { void M() {
            var n = new StatusNotificationInformationBuilder().WithNotificationUrl("https://x.example/").WithNotifyOnStatus(OrderStatus.Completed, OrderStatus.Failed);
        } }
        """, Verifier.Expect("BDSL0005", 0, "Completed", "notifyOnStatus"));
}
