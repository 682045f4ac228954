using System.Threading.Tasks;
using BoardingDsl.Analyzers.Tests.Infrastructure;
using Xunit;

namespace BoardingDsl.Analyzers.Tests;

/// <summary>BDSL0003: a constant that is not a documented value of an enum-valued property.</summary>
public class EnumValueTests
{
    private const string Statuses = "Processing, Incomplete, AwaitingPayment, Screening, New, ErpInProgress, FulfillmentInProgress, FulfillmentDone, Completed, Closed, Canceled, Failed";

    [Theory]
    [InlineData("\"New\", {|#0:\"Cancelled\"|}", "Cancelled")]
    [InlineData("{|#0:\"completed\"|}", "completed")]
    [InlineData("\"Failed\", {|#0:\"\"|}", "")]
    [InlineData("{|#0:\"Done\"|}, \"New\"", "Done")]
    [InlineData("OrderStatus.New, {|#0:(OrderStatus)99|}", "(OrderStatus)99")]
    [InlineData("new[] { \"New\", {|#0:\"Cancelled\"|} }", "Cancelled")]
    public Task Undocumented_constants_are_errors(string arguments, string shown) => Verifier.AnalyzeAsync($$"""
        class C { void M() {
            var n = new StatusNotificationInformationBuilder().WithNotificationUrl("https://x.example/").WithNotifyOnStatus({{arguments}});
        } }
        """, Verifier.Expect("BDSL0003", 0, shown, "OrderStatus (notifyOnStatus)", Statuses));

    [Fact]
    public Task A_single_enum_property_is_checked_too() => Verifier.AnalyzeAsync("""
        class C { void M() {
            var s = new StoreInformationBuilder().WithCocRegistry({|#0:"KVK"|});
        } }
        """, Verifier.Expect("BDSL0003", 0, "KVK", "CocRegistry (cocRegistry)", "Kvk, Kbo, Rcs"));

    [Theory]
    [InlineData("\"Completed\", \"Canceled\"")]
    [InlineData("OrderStatus.Completed, OrderStatus.Failed")]
    [InlineData("(OrderStatus)8")]
    [InlineData("statuses")]
    [InlineData("configured")]
    public Task Documented_or_unknown_at_compile_time_values_are_not_flagged(string arguments) => Verifier.AnalyzeAsync($$"""
        class C { void M(string[] statuses, string configured) {
            var n = new StatusNotificationInformationBuilder().WithNotificationUrl("https://x.example/").WithNotifyOnStatus({{arguments}});
        } }
        """);
}
