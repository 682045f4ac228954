using System.Linq;
using BoardingDsl.Generator.Model;
using BoardingDsl.Generator.Schema;
using BoardingDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace BoardingDsl.Generator.Tests.ModelStage;

public class MemberBuilderTests
{
    private static (ModelContext Context, PendingType Type) Build(string body, string name)
    {
        var doc = ModelInputs.Read("x", ModelInputs.Shared("x", body));
        var context = ModelInputs.Context(doc);
        var namer = new TypeNamer(context);
        var members = new MemberBuilder(context, new ShapeResolver(context, namer, new Reachability(context), new FailurePropagation(context)));
        var type = namer.Register(doc, doc.Root, name)!;
        members.Build(type);
        return (context, type);
    }

    [Fact]
    public void Enum_values_that_make_one_member_name_are_BDSL1004_and_the_first_is_kept()
    {
        var (context, type) = Build("\"type\": \"string\", \"enum\": [\"a-b\", \"ab\", \"a-b\", \"Status\"]", "Status");

        Assert.Equal(new[] { "a-b", "Status" }, type.Model!.Members.Select(m => m.JsonValue));
        Assert.Equal("StatusValue", type.Model.Members[1].Name);
        var info = Assert.Single(context.Diagnostics).Info;
        Assert.Equal("BDSL1004", info.Id);
        Assert.Equal($"'a-b' and 'ab' both become the C# name '{type.Model.Members[0].Name}' in Status", ModelInputs.Message(info));
    }

    [Fact]
    public void An_enum_without_string_values_is_BDSL1026_and_has_no_model()
    {
        var (context, type) = Build("\"type\": \"string\", \"enum\": [1]", "Status");

        Assert.Null(type.Model);
        Assert.Contains("Only string values make an enum: the enum 'Status' has none", context.Diagnostics.Select(d => ModelInputs.Message(d.Info)));
    }

    [Fact]
    public void Property_names_a_generated_member_or_the_type_has_get_Value_and_the_builder_method_too()
    {
        var (context, type) = Build("""
            "type": "object", "required": ["to-json"],
            "properties": { "to-json": { "type": "string" }, "order": { "type": "string" }, "name": { "type": "string" } }
            """, "Order");

        Assert.Empty(context.Diagnostics);
        var properties = type.Model!.Properties;
        Assert.Equal(new[] { "ToJsonValue", "OrderValue", "Name" }, properties.Select(p => p.Name));
        Assert.Equal(new[] { "WithToJson", "WithOrder", "WithName" }, properties.Select(p => p.Method));
        Assert.Equal(new[] { true, false, false }, properties.Select(p => p.IsRequired));
    }

    [Fact]
    public void A_with_method_named_like_its_builder_gets_Value()
    {
        var (_, type) = Build("\"type\": \"object\", \"properties\": { \"order-builder\": { \"type\": \"string\" } }", "WithOrder");

        Assert.Equal("WithOrderBuilderValue", type.Model!.Properties.Single().Method);
    }

    [Fact]
    public void Required_names_without_a_property_and_a_dangling_ignored_unless_set_are_reported()
    {
        var (context, type) = Build("""
            "type": "object", "required": ["missing"],
            "properties": { "a": { "type": "string", "x-ignored-unless-set": "nothing" } }
            """, "Order");

        Assert.Single(type.Model!.Properties);
        Assert.Equal(new[] { "BDSL1012", "BDSL1007" }, ModelInputs.Ids(context));
        Assert.Equal("'missing' is listed in required but is not a property of this object", ModelInputs.Message(context.Diagnostics[0].Info));
        Assert.Equal("The value of 'x-ignored-unless-set' must be the name of a sibling property, not 'nothing'", ModelInputs.Message(context.Diagnostics[1].Info));
    }

    [Fact]
    public void A_property_whose_shape_cannot_be_resolved_is_left_out()
    {
        var (context, type) = Build("\"type\": \"object\", \"properties\": { \"a\": { \"$ref\": \"#/nothing\" }, \"b\": { \"type\": \"integer\" } }", "Order");

        Assert.Equal(new[] { "B" }, type.Model!.Properties.Select(p => p.Name));
        Assert.Equal(new[] { "BDSL1003" }, ModelInputs.Ids(context));
    }
}
