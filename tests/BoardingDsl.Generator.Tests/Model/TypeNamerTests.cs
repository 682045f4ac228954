using System;
using System.Linq;
using BoardingDsl.Generator.Model;
using BoardingDsl.Generator.Pipeline;
using BoardingDsl.Generator.Schema;
using BoardingDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace BoardingDsl.Generator.Tests.ModelStage;

public class TypeNamerTests
{
    private static SchemaDocument Object(string name, string ns = "BoardingDsl") =>
        ModelInputs.Read(name, ModelInputs.Shared(name, "\"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } }"), ns: ns);

    private static SchemaDocument Enum(string name) => ModelInputs.Read(name, ModelInputs.Shared(name, "\"type\": \"string\", \"enum\": [\"x\"]"));

    [Fact]
    public void A_node_named_twice_is_one_type_queued_once()
    {
        var doc = Object("a");
        var context = ModelInputs.Context(doc);
        var namer = new TypeNamer(context);

        var first = namer.Register(doc, doc.Root, "Order");
        var second = namer.Register(doc, doc.Root, "Other");

        Assert.Same(first, second);
        Assert.Equal("global::BoardingDsl.Order", first!.FullName);
        Assert.Single(context.Queue);
        Assert.Same(first, context.TypesByName["global::BoardingDsl.Order"]);
        Assert.Empty(context.Diagnostics);
    }

    [Fact]
    public void Two_nodes_with_one_name_are_BDSL1008_on_the_second()
    {
        var (a, b) = (Object("a"), Object("b"));
        var context = ModelInputs.Context(a, b);
        var namer = new TypeNamer(context);

        Assert.NotNull(namer.Register(a, a.Root, "Order"));
        Assert.Null(namer.Register(b, b.Root, "Order"));

        var (doc, info) = Assert.Single(context.Diagnostics);
        Assert.Same(b, doc);
        Assert.Equal("BDSL1008", info.Id);
        Assert.Equal("The C# type 'Order' is defined by 'a.schema.json#' and by 'b.schema.json#'", ModelInputs.Message(info));
        Assert.Equal(b.Root.Location, info.Location);
    }

    [Theory]
    [InlineData("Order", "OrderBuilder", "the builder companion of Order (a.schema.json)")]
    [InlineData("OrderBuilder", "Order", "OrderBuilder (a.schema.json), which Order's builder companion would be")]
    [InlineData("OrderJson", "Order", "OrderJson (a.schema.json), which Order's json companion would be")]
    [InlineData("Order", "ToJson", "a type or member BoardingDsl generates")]
    [InlineData("Order", "Boarding", "a type or member BoardingDsl generates")]
    [InlineData("Order", "BoardingClientOperations", "a type or member BoardingDsl generates")]
    public void A_name_a_companion_or_generated_member_takes_is_BDSL1008(string firstName, string secondName, string takenBy)
    {
        var (a, b) = (Object("a"), Object("b"));
        var context = ModelInputs.Context(a, b);
        var namer = new TypeNamer(context);

        Assert.NotNull(namer.Register(a, a.Root, firstName));
        Assert.Null(namer.Register(b, b.Root, secondName));

        var info = Assert.Single(context.Diagnostics).Info;
        Assert.Equal("BDSL1008", info.Id);
        Assert.Equal($"The C# type '{secondName}' is defined by '{takenBy}' and by 'b.schema.json#'", ModelInputs.Message(info));
    }

    [Fact]
    public void An_enums_open_value_companion_is_kept_both_ways()
    {
        var (status, other) = (Enum("status"), Object("other"));
        var context = ModelInputs.Context(status, other);
        var namer = new TypeNamer(context);

        Assert.NotNull(namer.Register(status, status.Root, "Status"));
        Assert.Null(namer.Register(other, other.Root, "StatusValue"));
        Assert.Equal("The C# type 'StatusValue' is defined by 'the open value companion of Status (status.schema.json)' and by 'other.schema.json#'",
            ModelInputs.Message(context.Diagnostics.Single().Info));

        var (other2, status2) = (Object("other2"), Enum("status2"));
        var second = ModelInputs.Context(other2, status2);
        var namer2 = new TypeNamer(second);
        Assert.NotNull(namer2.Register(other2, other2.Root, "KindValue"));
        Assert.Null(namer2.Register(status2, status2.Root, "Kind"));
        Assert.Equal("The C# type 'Kind' is defined by 'KindValue (other2.schema.json), which Kind's open value companion would be' and by 'status2.schema.json#'",
            ModelInputs.Message(second.Diagnostics.Single().Info));
    }

    [Fact]
    public void A_name_that_would_shadow_what_the_generated_code_names_gets_Value_appended()
    {
        var doc = Object("client");
        var context = ModelInputs.Context(doc);

        var pending = new TypeNamer(context).Register(doc, doc.Root, "Client");

        Assert.Equal("global::BoardingDsl.ClientValue", pending!.FullName);
        Assert.Empty(context.Diagnostics);
    }

    [Fact]
    public void A_type_name_too_long_for_metadata_is_BDSL1010()
    {
        var doc = Object("long");
        var context = ModelInputs.Context(doc);
        var name = new string('A', 1010);

        Assert.Null(new TypeNamer(context).Register(doc, doc.Root, name));

        var info = Assert.Single(context.Diagnostics).Info;
        Assert.Equal("BDSL1010", info.Id);
        Assert.Equal("No C# identifier can be made from '# (its type name, 1010 bytes, is too long)'", ModelInputs.Message(info));
        Assert.Empty(context.TypesByKey);
    }

    [Theory]
    [InlineData("", "OrderPayment")]
    [InlineData("/properties/billing-address", "OrderPaymentBillingAddress")]
    [InlineData("/properties/a/anyOf/0/properties/b", "OrderPaymentAB")]
    [InlineData("/$defs/money-amount", "MoneyAmount")]
    [InlineData("/$defs/a~1b/properties/c", "ABC")]
    public void Canonical_names_follow_where_a_shape_is_defined(string pointer, string expected)
    {
        var doc = ModelInputs.Read("x", ModelInputs.Shared("x", "\"title\": \"order payment\", \"type\": \"object\""));

        Assert.Equal(expected, new TypeNamer(ModelInputs.Context(doc)).CanonicalName(doc, pointer));
    }

    [Fact]
    public void Without_a_title_the_root_is_named_by_its_file_and_a_request_gets_Request()
    {
        var request = ModelInputs.Read("place-order", TestSchemas.Request("place-order", "{}").Replace("\"title\": \"PlaceOrderRequest\",", string.Empty));
        var shared = ModelInputs.Read("money-amount", ModelInputs.Shared("money-amount", "\"type\": \"object\""));
        var context = ModelInputs.Context(request, shared);
        var namer = new TypeNamer(context);

        Assert.Equal("PlaceOrderRequest", namer.RootTypeName(request));
        Assert.Equal("MoneyAmount", namer.RootTypeName(shared));
        Assert.Equal("PlaceOrder", TypeNamer.EntryName(request));
        Assert.Empty(context.Diagnostics);
    }

    [Fact]
    public void A_root_with_no_title_and_a_file_name_without_letters_is_BDSL1010()
    {
        var doc = ModelInputs.Read("--", ModelInputs.Shared("--", "\"type\": \"object\""));
        var context = ModelInputs.Context(doc);

        Assert.Null(new TypeNamer(context).RootTypeName(doc));

        var info = Assert.Single(context.Diagnostics).Info;
        Assert.Equal("BDSL1010", info.Id);
        Assert.Equal("No C# identifier can be made from '--.schema.json'", ModelInputs.Message(info));
    }

    [Fact]
    public void A_namespace_that_is_a_types_full_name_is_BDSL1023_on_its_file()
    {
        var (order, nested) = (Object("order", "Acme"), Object("nested", "Acme.Order.Parts"));
        var context = ModelInputs.Context(order, nested);
        var namer = new TypeNamer(context);
        namer.Register(order, order.Root, "Order");
        namer.Register(nested, nested.Root, "Nested");

        namer.ReportNamespaceClashes(new IdResolution(context, Array.Empty<ProvidedSchema>()));

        var (doc, info) = Assert.Single(context.Diagnostics);
        Assert.Same(nested, doc);
        Assert.Equal("BDSL1023", info.Id);
        Assert.Equal("'Acme.Order' is a type (from order.schema.json#) and the namespace of 'nested.schema.json'; C# cannot have both: give 'nested.schema.json' another namespace, or rename the type", ModelInputs.Message(info));
    }

    [Theory]
    [InlineData("ToJson", true)]
    [InlineData("IsPresent", true)]
    [InlineData("Name", false)]
    public void Reserved_member_names(string name, bool reserved) => Assert.Equal(reserved, TypeNamer.IsReservedMemberName(name));
}
