using System.Threading.Tasks;
using BoardingDsl.Analyzers.Tests.Infrastructure;
using BoardingDsl.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace BoardingDsl.Analyzers.Tests;

/// <summary>BDSL0002: a notification URL (any https-only property) given a constant that is not an absolute https:// URL.</summary>
public class HttpsRuleTests
{
    [Theory]
    [InlineData("\"http://api.integrator.nl/orderstatusCCV/\"", "http://api.integrator.nl/orderstatusCCV/")]
    [InlineData("\"HTTP://api.integrator.nl/\"", "HTTP://api.integrator.nl/")]
    [InlineData("\"HTTPS://api.integrator.nl/\"", "HTTPS://api.integrator.nl/")]
    [InlineData("\"https//api.integrator.nl/\"", "https//api.integrator.nl/")]
    [InlineData("\"/orderstatusCCV/\"", "/orderstatusCCV/")]
    [InlineData("Url", "http://const.example/cb")]
    [InlineData("new Uri(\"http://api.integrator.nl/\")", "http://api.integrator.nl/")]
    [InlineData("$\"http://{host}/cb\"", "http://…")]
    [InlineData("\"https://\"", "https://")]
    public Task Constants_that_are_not_absolute_https_urls_are_errors(string argument, string shown) => Verifier.AnalyzeAsync($$"""
        class C {
            const string Url = "http://const.example/cb";
            void M(string host) {
                var n = new StatusNotificationInformationBuilder().WithNotificationUrl({|#0:{{argument}}|});
            }
        }
        """, Verifier.Expect("BDSL0002", 0, shown, "notificationUrl", "pattern ^https://"));

    [Theory]
    [InlineData("\"https://api.integrator.nl/orderstatusCCV/\"")]
    [InlineData("new Uri(\"https://api.integrator.nl/\")")]
    [InlineData("$\"https://{host}/cb\"")]
    [InlineData("$\"{host}/cb\"")]
    [InlineData("host")]
    [InlineData("(string?)null")]
    public Task Https_urls_and_values_unknown_at_compile_time_are_not_flagged(string argument) => Verifier.AnalyzeAsync($$"""
        class C {
            void M(string host) {
                var n = new StatusNotificationInformationBuilder().WithNotificationUrl({{argument}});
            }
        }
        """);

    public static TheoryData<FormatCase> HttpsTable() => new(FormatTable.Of(FormatRule.HttpsUrl));

    /// <summary>The one format table (<c>tests/Shared/FormatTable.cs</c>): BDSL0002 gives the verdict Build() and the sandbox give.</summary>
    [Theory]
    [MemberData(nameof(HttpsTable))]
    public Task Constants_get_the_https_rule_verdict_of_the_shared_table(FormatCase row)
    {
        var literal = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(row.Text, quote: true);
        var code = $$"""
            class C {
                void M() {
                    var n = new StatusNotificationInformationBuilder().WithNotificationUrl({|#0:{{literal}}|});
                }
            }
            """;
        var shown = row.Text.Length > 100 ? row.Text[..100] + "…" : row.Text;
        return row.Valid
            ? Verifier.AnalyzeAsync(code)
            : Verifier.AnalyzeAsync(code, Verifier.Expect("BDSL0002", 0, shown, "notificationUrl", "pattern ^https://"));
    }

    [Fact]
    public Task Other_urls_are_not_https_restricted() => Verifier.AnalyzeAsync("""
        class C { void M() {
            var o = new OrderBuilder().WithCartUrl("http://myccv-local:8008/merchant/").WithStoreUrl(new Uri("http://myccv-local:8008/merchant/"));
        } }
        """);
}
