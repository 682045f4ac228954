using System.Linq;
using BoardingDsl.Generator.Model;
using BoardingDsl.Generator.Schema;
using BoardingDsl.Generator.Tests.Infrastructure;
using Xunit;
using D = BoardingDsl.Generator.Diagnostics.DiagnosticCatalogue;

namespace BoardingDsl.Generator.Tests.ModelStage;

public class ShapeResolverTests
{
    private const string Defs = """
        "$defs": {
          "money": { "type": "object", "properties": { "amount": { "type": "number" }, "currency": { "type": "string" } } },
          "a": { "$ref": "#/$defs/b" },
          "b": { "$ref": "#/$defs/a" }
        }
        """;

    private sealed record Setup(ModelContext Context, ShapeResolver Resolver, Reachability Reachability, FailurePropagation Failures, SchemaDocument Doc, SchemaDocument[] All);

    /// <summary>A document "order" (title Order) whose one property "p" has <paramref name="property"/> as its schema.</summary>
    private static Setup For(string property, params SchemaDocument[] others)
    {
        var doc = ModelInputs.Read("order", ModelInputs.Shared("order",
            "\"title\": \"Order\", \"type\": \"object\", \"properties\": { \"p\": " + property + " }, " + Defs));
        var all = new[] { doc }.Concat(others).ToArray();
        var context = ModelInputs.Context(all);
        var reachability = new Reachability(context);
        var failures = new FailurePropagation(context);
        return new Setup(context, new ShapeResolver(context, new TypeNamer(context), reachability, failures), reachability, failures, doc, all);
    }

    private static ResolvedShape? Resolve(Setup setup) => setup.Resolver.Resolve(setup.Doc, setup.Doc.Root.Properties[0].Schema, "OrderP");

    private static string Single(Setup setup, string id)
    {
        var info = Assert.Single(setup.Context.Diagnostics).Info;
        Assert.Equal(id, info.Id);
        return ModelInputs.Message(info);
    }

    [Fact]
    public void AnyOf_of_a_scalar_and_null_is_the_scalar_made_nullable()
    {
        var setup = For("""{ "anyOf": [ { "type": "string", "maxLength": 3 }, { "type": "null" } ] }""");

        var shape = Resolve(setup)!;

        Assert.Equal(Shape.Scalar, shape.Shape);
        Assert.Equal(ScalarKind.String, shape.ScalarKind);
        Assert.True(shape.Nullable);
        Assert.Equal("3", shape.MaxLength);
        Assert.Empty(setup.Context.Diagnostics);
    }

    [Fact]
    public void AnyOf_of_null_and_a_ref_is_the_named_object_made_nullable()
    {
        var setup = For("""{ "anyOf": [ { "type": "null" }, { "$ref": "#/$defs/money" } ] }""");

        var shape = Resolve(setup)!;

        Assert.Equal(Shape.Object, shape.Shape);
        Assert.Equal("global::BoardingDsl.Money", shape.TypeName);
        Assert.True(shape.Nullable);
        Assert.Contains("global::BoardingDsl.Money", setup.Context.TypesByName.Keys);
    }

    [Theory]
    [InlineData("""{ "anyOf": [ { "type": "string" }, { "type": "number" } ] }""")]
    [InlineData("""{ "anyOf": [ { "type": "string" }, { "type": "null" }, { "type": "null" } ] }""")]
    public void Any_other_anyOf_is_BDSL1025(string property)
    {
        var setup = For(property);

        Assert.Null(Resolve(setup));
        Assert.Equal("This anyOf cannot be generated: anyOf is supported only as [schema, {\"type\": \"null\"}] (a nullable value)", Single(setup, "BDSL1025"));
    }

    [Fact]
    public void AllOf_of_a_ref_and_required_names_is_the_object_with_extra_required_members()
    {
        var setup = For("""{ "allOf": [ { "$ref": "#/$defs/money" }, { "required": ["currency"] } ] }""");

        var shape = Resolve(setup)!;

        Assert.Equal(Shape.Object, shape.Shape);
        Assert.Equal("global::BoardingDsl.Money", shape.TypeName);
        Assert.Equal(new[] { "currency" }, shape.ExtraRequired);
        Assert.False(shape.Nullable);
        Assert.Empty(setup.Context.Diagnostics);
    }

    [Fact]
    public void AllOf_requiring_a_member_the_object_lacks_is_BDSL1012()
    {
        var setup = For("""{ "allOf": [ { "$ref": "#/$defs/money" }, { "required": ["iban"] } ] }""");

        Assert.Null(Resolve(setup));
        Assert.Equal("'iban' is listed in required but is not a property of this object", Single(setup, "BDSL1012"));
    }

    [Fact]
    public void AllOf_requiring_members_of_a_scalar_is_BDSL1025()
    {
        var setup = For("""{ "allOf": [ { "type": "string" }, { "required": ["a"] } ] }""");

        Assert.Null(Resolve(setup));
        Assert.Equal("This allOf cannot be generated: extra required members apply only to an object schema", Single(setup, "BDSL1025"));
    }

    [Fact]
    public void A_rule_beside_required_in_an_allOf_part_is_BDSL1019_and_required_still_applies()
    {
        var setup = For("""{ "allOf": [ { "$ref": "#/$defs/money" }, { "required": ["amount"], "minLength": 1 } ] }""");

        var shape = Resolve(setup)!;

        Assert.Equal(new[] { "amount" }, shape.ExtraRequired);
        Assert.Equal("The rule 'minLength' is not enforced: only 'required' is applied from this allOf part; Build() accepts a value that breaks it", Single(setup, "BDSL1019"));
    }

    [Fact]
    public void AllOf_of_two_schemas_is_BDSL1025()
    {
        var setup = For("""{ "allOf": [ { "$ref": "#/$defs/money" }, { "type": "object", "properties": { "x": { "type": "string" } } } ] }""");

        Assert.Null(Resolve(setup));
        Assert.Equal("This allOf cannot be generated: allOf is supported only as [schema, {\"required\": [...]}] (extra required members for one use)", Single(setup, "BDSL1025"));
    }

    [Fact]
    public void A_ref_cycle_is_BDSL1011()
    {
        var setup = For("""{ "$ref": "#/$defs/a" }""");

        Assert.Null(Resolve(setup));
        Assert.Equal("The $ref '#/$defs/a' refers back to itself without defining a shape", Single(setup, "BDSL1011"));
    }

    [Fact]
    public void A_ref_to_another_file_marks_it_reached_and_makes_the_referrer_depend_on_it()
    {
        var money = ModelInputs.Read("money", ModelInputs.Shared("money", "\"type\": \"object\", \"properties\": { \"amount\": { \"type\": \"number\" } }"));
        var setup = For("""{ "$ref": "money.schema.json" }""", money);

        var shape = Resolve(setup)!;

        Assert.Equal("global::BoardingDsl.Money", shape.TypeName);
        Assert.True(setup.Reachability.IsReached(money));
        Assert.False(setup.Reachability.IsReached(setup.Doc));
        setup.Context.Report(money, D.SeveralTypesAt(money.Root.Location, "string, number"));
        Assert.Contains(setup.Doc.Path, setup.Failures.FailedDocuments());
    }

    [Theory]
    [InlineData("""{ "$ref": "nowhere.schema.json" }""", "The $ref 'nowhere.schema.json' cannot be resolved: no schema file 'nowhere.schema.json' is in the compilation (add it as an AdditionalFile, or check the $id)")]
    [InlineData("""{ "$ref": "#/$defs/nothing" }""", "The $ref '#/$defs/nothing' cannot be resolved: 'order.schema.json' has nothing at '#/$defs/nothing'")]
    public void An_unresolved_ref_is_BDSL1003(string property, string message)
    {
        var setup = For(property);

        Assert.Null(Resolve(setup));
        Assert.Equal(message, Single(setup, "BDSL1003"));
    }

    [Fact]
    public void Keywords_beside_a_ref_add_to_the_target_and_a_dropped_allOf_is_reported()
    {
        var setup = For("""{ "$ref": "#/$defs/money", "description": "Here.", "allOf": [ { "required": ["amount"] } ] }""");

        var shape = Resolve(setup)!;

        Assert.Equal("Here.", shape.Description);
        Assert.Empty(shape.ExtraRequired);
        Assert.StartsWith("The rule 'allOf' is not enforced: it stands beside $ref, which decides the shape", Single(setup, "BDSL1019"));
    }

    [Theory]
    [InlineData("""{ "type": "string", "const": "EUR" }""", null)]
    [InlineData("""{ "type": "array", "items": { "type": "string" }, "const": "EUR" }""", "BDSL1019")]
    [InlineData("""{ "type": "string", "pattern": "(" }""", "BDSL1013")]
    [InlineData("""{ "type": ["string", "number"] }""", "BDSL1002")]
    [InlineData("""{ "type": "array", "items": { "type": "array" } }""", "BDSL1027")]
    [InlineData("""{ "type": "integer", "enum": ["1"] }""", "BDSL1026")]
    public void Direct_schemas_the_generator_cannot_hold_are_reported(string property, string? id)
    {
        var setup = For(property);

        var shape = Resolve(setup);

        if (id is null)
        {
            Assert.Equal("EUR", shape!.Const!.Text);
            Assert.Empty(setup.Context.Diagnostics);
        }
        else
        {
            Assert.Equal(id, Assert.Single(setup.Context.Diagnostics).Info.Id);
            Assert.Equal(id == "BDSL1019", shape is not null); // BDSL1019: the member is still generated, without the rule
        }
    }

    [Fact]
    public void An_inline_object_is_named_after_its_parent_and_property()
    {
        var setup = For("""{ "type": "object", "properties": { "x": { "type": "string" } } }""");

        Assert.Equal("global::BoardingDsl.OrderP", Resolve(setup)!.TypeName);
        Assert.Same(setup.Doc, Assert.Single(setup.Context.Queue).Document);
    }
}
