using System.Threading.Tasks;
using BoardingDsl.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace BoardingDsl.Analyzers.Tests;

/// <summary>BDSL0001: Build() reached without a required field, on the Build name.</summary>
public class MissingRequiredTests
{
    private const string Order = "Order order = null!;";

    [Fact]
    public Task Fluent_chain_without_a_required_field() => Verifier.AnalyzeAsync($$"""
        class C { void M() { {{Order}}
            var r = Boarding.SubmitOrder().WithOrder(order).{|#0:Build|}();
        } }
        """, Expect("SubmitOrderRequest (submit-order.schema.json)", "$.notifyCustomerByEmail", "WithNotifyCustomerByEmail(…)"));

    [Fact]
    public Task Every_missing_field_is_named_once_per_build() => Verifier.AnalyzeAsync("""
        class C { void M() {
            var r = Boarding.SubmitOrder().{|#0:Build|}();
        } }
        """, Expect("SubmitOrderRequest (submit-order.schema.json)", "$.notifyCustomerByEmail, $.order", "WithNotifyCustomerByEmail(…), WithOrder(…)"));

    [Fact]
    public Task Required_field_inside_a_nested_builder_lambda() => Verifier.AnalyzeAsync("""
        class C { void M() {
            var o = new OrderBuilder()
                .WithOrderDate(DateTimeOffset.UtcNow).WithCartUrl("x").WithStoreUrl("x").WithStatusUrl("x")
                .WithStoreInformation(s => s.WithCocRegistry(CocRegistry.Kvk))
                .{|#0:Build|}();
        } }
        """, Expect("Order (order.schema.json)", "$.storeInformation.cocNumber", "WithCocNumber(…)"));

    [Fact]
    public Task Per_use_required_field_inside_an_array_item_lambda() => Verifier.AnalyzeAsync("""
        class C { void M(Order order) {
            var r = Boarding.AddSalesPackage().WithIsPurchased(true).WithPackageName("p").WithSku("s").WithOrder(order)
                .WithPeriodPricingDetails(
                    p => p.WithPeriod(Period.OneOff).WithExcludingTax(0m).WithSingleExcludingTax(0m).WithIncludingTax(0m).WithTaxAmountsPerTaxRate(t => t.WithTaxRate(0m).WithTaxAmount(0m)),
                    p => p.WithPeriod(Period.Monthly).WithExcludingTax(0m).WithSingleExcludingTax(0m).WithIncludingTax(0m))
                .{|#0:Build|}();
        } }
        """, Expect("AddSalesPackageRequest (add-sales-package.schema.json)", "$.periodPricingDetails[1].taxAmountsPerTaxRate", "WithTaxAmountsPerTaxRate(…)"));

    [Fact]
    public Task Builder_in_a_local_extended_in_later_statements() => Verifier.AnalyzeAsync("""
        class C { void M(Order order) {
            var b = Boarding.SubmitOrder();
            b.WithOrder(order);
            b = b.WithExternalReference("x");
            var r = b.{|#0:Build|}();
        } }
        """, Expect("SubmitOrderRequest (submit-order.schema.json)", "$.notifyCustomerByEmail", "WithNotifyCustomerByEmail(…)"));

    [Fact]
    public Task Block_bodied_lambda_is_followed_too() => Verifier.AnalyzeAsync("""
        class C { void M(Order order) {
            var r = Boarding.SubmitOrder().WithNotifyCustomerByEmail(true).WithOrder(o => { o.WithOrderDate(DateTimeOffset.UtcNow); o.WithCartUrl("a"); })
                .{|#0:Build|}();
        } }
        """, Expect("SubmitOrderRequest (submit-order.schema.json)", "$.order.storeUrl, $.order.statusUrl, $.order.storeInformation", "WithStoreUrl(…), WithStatusUrl(…), WithStoreInformation(…)"));

    [Fact]
    public Task Complete_chain_is_not_flagged() => Verifier.AnalyzeAsync("""
        class C { void M(Order order) {
            var r = Boarding.SubmitOrder().WithOrder(order).WithNotifyCustomerByEmail(false).Build();
        } }
        """);

    [Fact]
    public Task Conditional_calls_count_as_set() => Verifier.AnalyzeAsync("""
        class C { void M(Order order, bool flag) {
            var b = Boarding.SubmitOrder().WithOrder(order);
            if (flag) { b.WithNotifyCustomerByEmail(true); }
            var r = b.Build();
        } }
        """);

    [Fact]
    public Task A_builder_passed_to_another_method_is_left_to_the_run_time_guard() => Verifier.AnalyzeAsync("""
        class C {
            void M() { var b = Boarding.SubmitOrder(); Fill(b); var r = b.Build(); }
            static void Fill(SubmitOrderRequestBuilder b) => b.WithNotifyCustomerByEmail(true);
        }
        """);

    [Fact]
    public Task A_builder_captured_by_a_lambda_is_left_to_the_run_time_guard() => Verifier.AnalyzeAsync("""
        class C { void M(Order order) {
            var b = Boarding.SubmitOrder().WithOrder(order);
            Action fill = () => b.WithNotifyCustomerByEmail(true);
            fill();
            var r = b.Build();
        } }
        """);

    [Fact]
    public Task A_builder_returned_from_a_method_is_left_to_the_run_time_guard() => Verifier.AnalyzeAsync("""
        class C {
            static SubmitOrderRequestBuilder Make() => Boarding.SubmitOrder();
            void M() { var r = Make().Build(); }
        }
        """);

    [Fact]
    public Task A_finished_nested_value_is_not_looked_into() => Verifier.AnalyzeAsync("""
        class C { void M(StoreInformation info) {
            var o = new OrderBuilder().WithOrderDate(DateTimeOffset.UtcNow).WithCartUrl("x").WithStoreUrl("x").WithStatusUrl("x")
                .WithStoreInformation(info).Build();
        } }
        """);

    private static DiagnosticResult Expect(string schema, string paths, string methods) =>
        Verifier.Expect("BDSL0001", 0, schema, paths, methods);
}
