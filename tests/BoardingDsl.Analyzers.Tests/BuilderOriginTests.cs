using System.Threading.Tasks;
using BoardingDsl.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace BoardingDsl.Analyzers.Tests;

/// <summary>
/// The rules are read from what the generator wrote onto the builders, so it does not matter where a builder comes
/// from: the package's precompiled models (every other test here), a partner library's own schema, or the current
/// compilation's generated sources. None of these tests gives the analyzers a schema file.
/// </summary>
public class BuilderOriginTests
{
    private const string PartnerSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://partner.example/schemas/partner-order.schema.json",
          "title": "PartnerOrderRequest",
          "x-boarding-endpoint": { "operation": "PartnerOrder", "role": "request", "method": "POST", "path": "/partner/order", "responses": { "200": "OK" } },
          "type": "object",
          "additionalProperties": false,
          "required": ["reference", "callbackUrl", "plan"],
          "properties": {
            "reference": { "type": "string" },
            "callbackUrl": { "type": "string", "format": "uri", "pattern": "^https://" },
            "plan": { "type": "string", "enum": ["basic", "plus"] }
          }
        }
        """;

    private static readonly Microsoft.CodeAnalysis.MetadataReference Library =
        TestWorld.CompiledLibrary("Partner.Library", ("/partner/schemas/partner-order.schema.json", PartnerSchema));

    [Fact]
    public Task An_app_that_misuses_a_referenced_librarys_builder_gets_BDSL0001() => Verifier.AnalyzeAppOfLibraryAsync("""
        class App { void M() {
            var r = Boarding.PartnerOrder().WithReference("r-1").{|#0:Build|}();
        } }
        """, Library,
        Verifier.Expect("BDSL0001", 0, "PartnerOrderRequest (partner-order.schema.json)", "$.callbackUrl, $.plan", "WithCallbackUrl(…), WithPlan(…)"));

    [Fact]
    public Task A_referenced_librarys_builder_gets_the_https_rule_and_its_enum_values_checked() => Verifier.AnalyzeAppOfLibraryAsync("""
        class App { void M() {
            var r = Boarding.PartnerOrder().WithReference("r-1").WithCallbackUrl({|#0:"http://partner.example/cb"|}).WithPlan({|#1:"premium"|}).Build();
        } }
        """, Library,
        Verifier.Expect("BDSL0002", 0, "http://partner.example/cb", "callbackUrl", "pattern ^https://"),
        Verifier.Expect("BDSL0003", 1, "premium", "PartnerOrderRequestPlan (plan)", "basic, plus"));

    [Fact]
    public Task Builders_generated_into_the_same_compilation_are_checked_the_same_way() => Verifier.AnalyzeWithGeneratedSourcesAsync("""
        class C { void M(Order order) {
            var r = Boarding.SubmitOrder().WithOrder(order).{|#0:Build|}();
        } }
        """, System.Array.Empty<(string, string)>(),
        Verifier.Expect("BDSL0001", 0, "SubmitOrderRequest (submit-order.schema.json)", "$.notifyCustomerByEmail", "WithNotifyCustomerByEmail(…)"));
}
