using BoardingDsl.Generator.Model;
using BoardingDsl.Generator.Schema;
using BoardingDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace BoardingDsl.Generator.Tests.ModelStage;

public class EndpointRulesTests
{
    private const string ObjectBody = "\"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } }";

    private static SchemaDocument Endpoint(string file, string operation, string role = "request", string extra = "", string body = ObjectBody) =>
        ModelInputs.Read(file, ModelInputs.Shared(file, $$"""
            "x-boarding-endpoint": { "operation": "{{operation}}", "role": "{{role}}", "method": "POST", "path": "/x"{{extra}} },
            {{body}}
            """));

    [Theory]
    [InlineData("\"type\": \"string\", \"enum\": [\"a\"]")]
    [InlineData("\"type\": \"string\"")]
    [InlineData("\"type\": \"object\", \"enum\": [\"a\"]")]
    public void A_response_schema_that_is_not_an_object_is_BDSL1009_at_the_endpoint(string body)
    {
        var doc = Endpoint("answer", "Answer", "response", body: body);
        var context = ModelInputs.Context(doc);

        Assert.False(new EndpointRules(context).CheckEntry(doc));

        var info = Assert.Single(context.Diagnostics).Info;
        Assert.Equal("BDSL1009", info.Id);
        Assert.Equal("x-boarding-endpoint is invalid: a response schema must describe an object", ModelInputs.Message(info));
        Assert.Equal(doc.Endpoint!.Location, info.Location);
    }

    [Theory]
    [InlineData(ObjectBody)]
    [InlineData("\"type\": \"object\"")]
    [InlineData("\"properties\": { \"a\": { \"type\": \"string\" } }")]
    public void A_response_schema_that_describes_an_object_passes(string body)
    {
        var doc = Endpoint("answer", "Answer", "response", body: body);
        var context = ModelInputs.Context(doc);

        Assert.True(new EndpointRules(context).CheckEntry(doc));
        Assert.Empty(context.Diagnostics);
    }

    [Theory]
    [InlineData("to-string", "Boarding.ToString()")]
    [InlineData("boarding", "Boarding.Boarding()")]
    [InlineData("--", "Boarding.--.schema.json()")]
    public void An_entry_point_without_a_usable_name_is_BDSL1010(string file, string shown)
    {
        var doc = Endpoint(file, "Op");
        var context = ModelInputs.Context(doc);

        Assert.False(new EndpointRules(context).CheckEntry(doc));

        var info = Assert.Single(context.Diagnostics).Info;
        Assert.Equal("BDSL1010", info.Id);
        Assert.Equal($"No C# identifier can be made from '{shown}'", ModelInputs.Message(info));
    }

    [Fact]
    public void Two_entry_points_with_one_name_in_a_namespace_are_BDSL1022()
    {
        var (first, second) = (Endpoint("order", "PlaceOrder"), Endpoint("Order", "PlaceOrderAgain"));
        var context = ModelInputs.Context(first, second);
        var rules = new EndpointRules(context);

        Assert.True(rules.CheckEntry(first));
        Assert.False(rules.CheckEntry(second));

        var (doc, info) = Assert.Single(context.Diagnostics);
        Assert.Same(second, doc);
        Assert.Equal("BDSL1022", info.Id);
        Assert.Equal("The entry method BoardingDsl.Boarding.Order() is made by '/repo/schemas/order.schema.json' and by '/repo/schemas/Order.schema.json'; its name comes from the file name: rename one of the files", ModelInputs.Message(info));
    }

    [Fact]
    public void Two_endpoints_with_one_operation_are_BDSL1009()
    {
        var (request, response) = (Endpoint("order", "PlaceOrder"), Endpoint("order-answer", "PlaceOrder", "response"));
        var context = ModelInputs.Context(request, response);
        var rules = new EndpointRules(context);

        Assert.True(rules.CheckEntry(request));
        Assert.False(rules.CheckEntry(response));

        Assert.Equal("x-boarding-endpoint is invalid: the operation 'PlaceOrder' is also the operation of 'order.schema.json'", ModelInputs.Message(Assert.Single(context.Diagnostics).Info));
    }

    [Theory]
    [InlineData("\"order-id\": \"\", \"orderId\": \"\"", "orderId")]
    [InlineData("\"client\": \"\"", "client")]
    [InlineData("\"-\": \"\"", "-")]
    public void Parameters_that_do_not_make_distinct_CSharp_names_are_BDSL1009(string parameters, string reported)
    {
        var doc = Endpoint("order", "PlaceOrder", extra: ", \"parameters\": { " + parameters + " }");
        var context = ModelInputs.Context(doc);

        Assert.False(new EndpointRules(context).CheckEntry(doc));

        Assert.Equal($"x-boarding-endpoint is invalid: the parameter '{reported}' does not make a distinct C# parameter name", ModelInputs.Message(Assert.Single(context.Diagnostics).Info));
    }

    [Fact]
    public void A_requests_response_schema_is_found_when_it_describes_an_object()
    {
        var request = Endpoint("order", "PlaceOrder", extra: ", \"response\": \"order-answer.schema.json\"");
        var answer = ModelInputs.Read("order-answer", ModelInputs.Shared("order-answer", ObjectBody));
        var context = ModelInputs.Context(request, answer);

        Assert.Same(answer, new EndpointRules(context).FindResponse(request, request.Endpoint!, request.Endpoint!.ResponseSchema!));
        Assert.Empty(context.Diagnostics);
    }

    [Theory]
    [InlineData("missing.schema.json", "the response schema 'missing.schema.json' is not found")]
    [InlineData("status.schema.json", "the response schema 'status.schema.json' must describe an object")]
    public void A_requests_response_schema_that_is_missing_or_not_an_object_is_BDSL1009(string response, string message)
    {
        var request = Endpoint("order", "PlaceOrder", extra: ", \"response\": \"" + response + "\"");
        var status = ModelInputs.Read("status", ModelInputs.Shared("status", "\"type\": \"string\", \"enum\": [\"a\"]"));
        var context = ModelInputs.Context(request, status);

        Assert.Null(new EndpointRules(context).FindResponse(request, request.Endpoint!, response));

        var (doc, info) = Assert.Single(context.Diagnostics);
        Assert.Same(request, doc);
        Assert.Equal("x-boarding-endpoint is invalid: " + message, ModelInputs.Message(info));
        Assert.Equal(request.Endpoint!.Location, info.Location);
    }
}
