using System.Linq;
using BoardingDsl.Generator.Model;
using BoardingDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace BoardingDsl.Generator.Tests.ModelStage;

public class ReachabilityTests
{
    private static readonly string Endpoint = TestSchemas.Request("order", """{ "name": { "type": "string" } }""");

    /// <summary>A shared part with an issue its reader found: "$defs" that is not an object.</summary>
    private static readonly string Part = ModelInputs.Shared("part", "\"type\": \"object\", \"$defs\": 3");

    [Fact]
    public void An_unreferenced_file_without_an_endpoint_is_BDSL1018_and_its_issues_are_not_reported()
    {
        var order = ModelInputs.Read("order", Endpoint);
        var part = ModelInputs.Read("part", Part);
        var context = ModelInputs.Context(order, part);
        var reachability = new Reachability(context);

        reachability.Mark(order);
        reachability.Report();

        var (doc, info) = Assert.Single(context.Diagnostics);
        Assert.Same(part, doc);
        Assert.Equal("BDSL1018", info.Id);
        Assert.Equal("Nothing is generated from 'part.schema.json': it has no x-boarding-endpoint, and no schema with one refers to it", ModelInputs.Message(info));
        Assert.Equal(part.Root.Location, info.Location);
        Assert.False(reachability.IsReached(part));
    }

    [Fact]
    public void A_reached_file_gets_its_own_issues_and_no_BDSL1018()
    {
        var part = ModelInputs.Read("part", Part);
        Assert.NotEmpty(part.Issues);
        var context = ModelInputs.Context(ModelInputs.Read("order", Endpoint, isDefault: true), part);
        var reachability = new Reachability(context);

        reachability.Mark(part);
        reachability.Report();

        Assert.Equal(part.Issues.Select(i => i.Id), context.Diagnostics.Select(d => d.Info.Id));
        Assert.Equal("BDSL1007", context.Diagnostics[0].Info.Id);
        Assert.All(context.Diagnostics, d => Assert.Same(part, d.Doc));
    }

    [Fact]
    public void A_shipped_file_no_endpoint_reaches_is_left_out_silently()
    {
        var context = ModelInputs.Context(ModelInputs.Read("part", Part, isDefault: true));

        new Reachability(context).Report();

        Assert.Empty(context.Diagnostics);
    }
}
