using System.Linq;
using BoardingDsl.Generator.Model;
using BoardingDsl.Generator.Schema;
using BoardingDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace BoardingDsl.Generator.Tests.ModelStage;

public class ReadModelsTests
{
    private const string Body = """
        "type": "object", "required": ["id"],
        "properties": {
          "id": { "type": "string", "readOnly": true },
          "status": { "type": "string", "enum": ["open", "closed"] },
          "lines": { "type": "array", "items": { "type": "object", "properties": { "kind": { "type": "string", "enum": ["a"] } } } }
        }
        """;

    /// <summary>Names and builds every type reachable from <paramref name="doc"/>'s root, as ModelBuilder does.</summary>
    private static ModelContext Built(SchemaDocument doc)
    {
        var context = ModelInputs.Context(doc);
        var namer = new TypeNamer(context);
        var members = new MemberBuilder(context, new ShapeResolver(context, namer, new Reachability(context), new FailurePropagation(context)));
        namer.Register(doc, doc.Root, namer.RootTypeName(doc)!)!.Entry = doc.Endpoint;
        while (context.Queue.Count > 0)
        {
            members.Build(context.Queue.Dequeue());
        }

        Assert.Empty(context.Diagnostics);
        return context;
    }

    private static SchemaDocument Endpoint(string role) => ModelInputs.Read("order", ModelInputs.Shared("order", $$"""
        "title": "Order",
        "x-boarding-endpoint": { "operation": "GetOrder", "role": "{{role}}", "method": "GET", "path": "/x" },
        {{Body}}
        """));

    [Fact]
    public void A_response_and_the_objects_it_holds_are_read_models_with_open_enums()
    {
        var context = Built(Endpoint("response"));

        var read = ReadModels.Find(context);

        Assert.Equal(new[] { "Order", "OrderLines" }, read.Select(t => t.Name).OrderBy(n => n, System.StringComparer.Ordinal));
        Assert.Equal(new[] { "global::BoardingDsl.OrderLinesKind", "global::BoardingDsl.OrderStatus" },
            ReadModels.OpenEnums(read).OrderBy(n => n, System.StringComparer.Ordinal));
        var order = context.TypesByName["global::BoardingDsl.Order"];
        var opened = ReadModels.Open(order.Model!, isRead: true, ReadModels.OpenEnums(read));
        Assert.True(opened.IsReadModel);
        Assert.True(opened.Properties.Single(p => p.JsonName == "status").IsOpenEnum);
        Assert.True(opened.Properties.Single(p => p.JsonName == "id").IsRequired);
        Assert.True(ReadModels.Open(context.TypesByName["global::BoardingDsl.OrderStatus"].Model!, false, ReadModels.OpenEnums(read)).HasOpenValue);
    }

    [Fact]
    public void A_request_is_not_read_and_its_read_only_members_are_not_required()
    {
        var context = Built(Endpoint("request"));

        var read = ReadModels.Find(context);

        Assert.Empty(read);
        var opened = ReadModels.Open(context.TypesByName["global::BoardingDsl.Order"].Model!, isRead: false, ReadModels.OpenEnums(read));
        Assert.False(opened.IsReadModel);
        Assert.False(opened.Properties.Single(p => p.JsonName == "id").IsRequired);
        Assert.False(opened.Properties.Single(p => p.JsonName == "status").IsOpenEnum);
        Assert.False(ReadModels.Open(context.TypesByName["global::BoardingDsl.OrderStatus"].Model!, false, ReadModels.OpenEnums(read)).HasOpenValue);
    }
}
