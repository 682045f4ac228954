using BoardingDsl.Generator.Model;
using BoardingDsl.Generator.Tests.Infrastructure;
using Xunit;
using D = BoardingDsl.Generator.Diagnostics.DiagnosticCatalogue;

namespace BoardingDsl.Generator.Tests.ModelStage;

public class FailurePropagationTests
{
    private static (ModelContext Context, FailurePropagation Failures, Schema.SchemaDocument A, Schema.SchemaDocument B, Schema.SchemaDocument C) Chain()
    {
        var a = ModelInputs.Read("a", TestSchemas.Request("a", "{}"));
        var b = ModelInputs.Read("b", ModelInputs.Shared("b", "\"type\": \"object\""));
        var c = ModelInputs.Read("c", ModelInputs.Shared("c", "\"type\": \"object\""));
        var context = ModelInputs.Context(a, b, c);
        var failures = new FailurePropagation(context);
        failures.AddDependency(a, b, a.Root.Location);
        failures.AddDependency(b, c, b.Root.Location);
        return (context, failures, a, b, c);
    }

    [Fact]
    public void A_dependant_of_a_failed_document_fails_with_BDSL1015_and_so_does_its_dependant()
    {
        var (context, failures, a, b, c) = Chain();
        context.Report(c, D.SeveralTypesAt(c.Root.Location, "string, number"));

        var failed = failures.FailedDocuments();

        Assert.Equal(new[] { a.Path, b.Path, c.Path }, System.Linq.Enumerable.OrderBy(failed, p => p, System.StringComparer.Ordinal));
        Assert.Equal(3, context.Diagnostics.Count);
        Assert.Same(b, context.Diagnostics[1].Doc);
        Assert.Equal("BDSL1015", context.Diagnostics[1].Info.Id);
        Assert.Equal("'b.schema.json' is not generated because 'c.schema.json', which it uses, has errors", ModelInputs.Message(context.Diagnostics[1].Info));
        Assert.Equal(b.Root.Location, context.Diagnostics[1].Info.Location);
        Assert.Same(a, context.Diagnostics[2].Doc);
        Assert.Equal("'a.schema.json' is not generated because 'b.schema.json', which it uses, has errors", ModelInputs.Message(context.Diagnostics[2].Info));
    }

    [Fact]
    public void A_rule_that_still_generates_or_a_warning_fails_nothing()
    {
        var (context, failures, _, _, c) = Chain();
        context.Report(c, D.Unenforced(c.Root.Location, "const", "not checked"));
        context.Report(c, D.UnsupportedFormatAt(c.Root.Location, "uuid", "a string"));

        Assert.Empty(failures.FailedDocuments());
        Assert.Equal(2, context.Diagnostics.Count);
    }

    [Fact]
    public void A_failure_does_not_spread_to_what_the_failed_document_uses()
    {
        var (context, failures, a, _, _) = Chain();
        context.Report(a, D.SeveralTypesAt(a.Root.Location, "string, number"));

        Assert.Equal(new[] { a.Path }, failures.FailedDocuments());
        Assert.Single(context.Diagnostics);
    }

    [Fact]
    public void A_dependency_is_recorded_once_at_its_first_place()
    {
        var a = ModelInputs.Read("a", TestSchemas.Request("a", "{}"));
        var b = ModelInputs.Read("b", ModelInputs.Shared("b", "\"type\": \"object\""));
        var context = ModelInputs.Context(a, b);
        var failures = new FailurePropagation(context);
        var second = a.Endpoint!.Location;
        failures.AddDependency(a, b, a.Root.Location);
        failures.AddDependency(a, b, second);
        context.Report(b, D.SeveralTypesAt(b.Root.Location, "string, number"));

        failures.FailedDocuments();

        Assert.Equal(2, context.Diagnostics.Count);
        Assert.Equal(a.Root.Location, context.Diagnostics[1].Info.Location);
    }
}
