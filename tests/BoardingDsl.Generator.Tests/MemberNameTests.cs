using System.Linq;
using BoardingDsl.Generator.Tests.Infrastructure;
using BoardingDsl.Testing;
using Xunit;

namespace BoardingDsl.Generator.Tests;

/// <summary>
/// Private names in generated code come from the members (<c>_orderDate</c>, <c>hasOrderDate</c>); where derived names
/// would meet, the whole type falls back to positional names, and the code still compiles.
/// </summary>
public class MemberNameTests
{
    [Fact]
    public void Fields_locals_and_constructor_parameters_are_named_after_the_members()
    {
        var text = TestSchemas.Request("named", """{ "orderDate": { "type": "string", "format": "date-time" }, "cartUrl": { "type": "string", "format": "uri" } }""", """["orderDate"]""");
        var outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(TestSchemas.Path("named"), text) });
        var model = outcome.Source("BoardingDsl.NamedRequest.g.cs");
        var builder = outcome.Source("BoardingDsl.NamedRequestBuilder.g.cs");

        Assert.Empty(outcome.CompilationErrors);
        Assert.Contains("bool hasOrderDate,", model);
        Assert.Contains("global::System.DateTimeOffset orderDate,", model);
        Assert.Contains("string? orderDateText,", model);
        Assert.Contains("private readonly bool _hasCartUrl;", model);
        Assert.Contains("private bool _hasOrderDate;", builder);
        Assert.DoesNotContain(" v0 ", builder);
    }

    [Theory]
    [InlineData("""{ "x": { "type": "object", "properties": { "a": { "type": "string" } } }, "xBuilder": { "type": "string" } }""")]
    [InlineData("""{ "at": { "type": "string", "format": "date-time" }, "atText": { "type": "string" } }""")]
    [InlineData("""{ "context": { "type": "string" }, "reader": { "type": "integer" }, "value": { "type": "boolean" } }""")]
    [InlineData("""{ "class": { "type": "string" }, "hasClass": { "type": "string" } }""")]
    public void Names_that_would_meet_fall_back_to_positions_and_compile(string properties)
    {
        var text = TestSchemas.Request("clash", properties, """[]""");
        var outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(TestSchemas.Path("clash"), text) });

        Assert.Empty(outcome.SchemaDiagnostics);
        Assert.Empty(outcome.CompilationErrors);
        Assert.Contains("bool h0,", outcome.Source("BoardingDsl.ClashRequest.g.cs"));
    }

    [Fact]
    public void A_keyword_member_gets_an_escaped_local()
    {
        var text = TestSchemas.Request("keyword", """{ "class": { "type": "string" }, "event": { "type": "integer" } }""", """["class"]""");
        var outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(TestSchemas.Path("keyword"), text) });

        Assert.Empty(outcome.CompilationErrors);
        var model = outcome.Source("BoardingDsl.KeywordRequest.g.cs");
        Assert.Contains("string @class,", model);
        Assert.Contains("bool hasEvent,", model);
        Assert.Equal(0, outcome.Source("BoardingDsl.KeywordRequestBuilder.g.cs").Split('\n').Count(l => l.Contains(" v0 ")));
    }
}
