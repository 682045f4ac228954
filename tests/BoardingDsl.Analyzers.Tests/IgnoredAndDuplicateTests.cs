using System.Threading.Tasks;
using BoardingDsl.Analyzers.Tests.Infrastructure;
using Xunit;

namespace BoardingDsl.Analyzers.Tests;

/// <summary>BDSL0004 (notifyOnStatus without notificationUrl) and BDSL0005 (a status listed twice): warnings from x- annotations.</summary>
public class IgnoredAndDuplicateTests
{
    [Fact]
    public Task NotifyOnStatus_without_a_notification_url_in_a_chain() => Verifier.AnalyzeAsync("""
        class C { void M() {
            var n = new StatusNotificationInformationBuilder().{|#0:WithNotifyOnStatus|}(OrderStatus.Completed).Build();
        } }
        """, Ignored());

    [Fact]
    public Task NotifyOnStatus_without_a_notification_url_in_a_nested_lambda() => Verifier.AnalyzeAsync("""
        class C { void M(Order order) {
            var r = Boarding.SubmitOrder().WithNotifyCustomerByEmail(true).WithOrder(order)
                .WithStatusNotificationInformation(n => n.{|#0:WithNotifyOnStatus|}(OrderStatus.Completed, OrderStatus.Failed))
                .Build();
        } }
        """, Ignored());

    [Fact]
    public Task NotifyOnStatus_without_a_notification_url_on_a_local() => Verifier.AnalyzeAsync("""
        class C { void M() {
            var n = new StatusNotificationInformationBuilder();
            n.{|#0:WithNotifyOnStatus|}("Completed");
            var built = n.Build();
        } }
        """, Ignored());

    [Fact]
    public Task NotifyOnStatus_with_strings_from_configuration() => Verifier.AnalyzeAsync("""
        class C { void M(string[] statuses) {
            var n = new StatusNotificationInformationBuilder().{|#0:WithNotifyOnStatus|}(statuses).Build();
        } }
        """, Ignored());

    [Fact]
    public Task NotifyOnStatus_in_a_block_lambda() => Verifier.AnalyzeAsync("""
        class C { void M(Order order) {
            var r = Boarding.SubmitOrder().WithNotifyCustomerByEmail(true).WithOrder(order)
                .WithStatusNotificationInformation(n => { n.{|#0:WithNotifyOnStatus|}(OrderStatus.New); })
                .Build();
        } }
        """, Ignored());

    [Theory]
    [InlineData("n.WithNotificationUrl(\"https://x.example/\").WithNotifyOnStatus(OrderStatus.Completed)")]
    [InlineData("n.WithNotifyOnStatus(OrderStatus.Completed).WithNotificationUrl(\"https://x.example/\")")]
    [InlineData("n.WithNotificationUrl(url).WithNotifyOnStatus(\"Completed\")")]
    [InlineData("n.WithNotificationUrl(\"https://x.example/\")")]
    [InlineData("Fill(n)")]
    public Task No_warning_when_the_url_is_set_or_the_builder_escapes(string body) => Verifier.AnalyzeAsync($$"""
        class C {
            static StatusNotificationInformationBuilder Fill(StatusNotificationInformationBuilder b) => b.WithNotifyOnStatus(OrderStatus.New);
            void M(Order order, string url) {
                var r = Boarding.SubmitOrder().WithNotifyCustomerByEmail(true).WithOrder(order).WithStatusNotificationInformation(n => {{body}}).Build();
            }
        }
        """);

    [Theory]
    [InlineData("OrderStatus.Completed, {|#0:OrderStatus.Completed|}", "Completed")]
    [InlineData("\"Failed\", {|#0:\"Failed\"|}", "Failed")]
    [InlineData("\"Closed\", \"Failed\", {|#0:\"Closed\"|}", "Closed")]
    [InlineData("OrderStatus.New, OrderStatus.Failed, {|#0:OrderStatus.New|}", "New")]
    [InlineData("OrderStatus.Canceled, OrderStatus.Failed, {|#0:(OrderStatus)10|}", "Canceled")]
    public Task The_same_status_twice_is_a_warning_on_the_duplicate(string arguments, string value) => Verifier.AnalyzeAsync($$"""
        class C { void M() {
            var n = new StatusNotificationInformationBuilder().WithNotificationUrl("https://x.example/").WithNotifyOnStatus({{arguments}});
        } }
        """, Verifier.Expect("BDSL0005", 0, value, "notifyOnStatus"));

    [Theory]
    [InlineData("OrderStatus.Completed, OrderStatus.Closed, OrderStatus.Canceled, OrderStatus.Failed")]
    [InlineData("\"Completed\", \"Closed\"")]
    [InlineData("OrderStatus.New")]
    [InlineData("statuses")]
    [InlineData("first, first")]
    public Task Distinct_or_unknown_values_are_not_flagged(string arguments) => Verifier.AnalyzeAsync($$"""
        class C { void M(OrderStatus[] statuses, OrderStatus first) {
            var n = new StatusNotificationInformationBuilder().WithNotificationUrl("https://x.example/").WithNotifyOnStatus({{arguments}});
        } }
        """);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ignored() =>
        Verifier.Expect("BDSL0004", 0, "notifyOnStatus (WithNotifyOnStatus)", "notificationUrl (WithNotificationUrl)");
}
