using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using BoardingDsl.Generator.Tests.Infrastructure;
using BoardingDsl.Testing;
using Xunit;

namespace BoardingDsl.Generator.Tests;

/// <summary>
/// Which enums are open is worked out from the schemas' endpoints, not from names: a user's own response schema, and every
/// type reachable from one, gets the open companion <c>&lt;Enum&gt;Value</c>; what only requests use stays closed.
/// </summary>
public class OpenEnumTests
{
    private const string Kind = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://schemas.boardingdsl.example/test/kind.schema.json",
          "title": "Kind",
          "type": "string",
          "enum": ["small", "large"]
        }
        """;

    private const string Device = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://schemas.boardingdsl.example/test/device.schema.json",
          "title": "Device",
          "type": "object",
          "properties": {
            "kind": { "$ref": "kind.schema.json" },
            "colours": { "type": "array", "items": { "type": "string", "enum": ["red", "blue"] } }
          },
          "required": ["kind"]
        }
        """;

    private const string Response = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://schemas.boardingdsl.example/test/device-list.schema.json",
          "title": "DeviceList",
          "x-boarding-endpoint": { "operation": "GetDevices", "role": "response", "method": "GET", "path": "/test/devices", "responses": { "200": "OK" } },
          "type": "object",
          "properties": {
            "devices": { "type": "array", "items": { "$ref": "device.schema.json" } },
            "kinds": { "type": "array", "items": { "$ref": "kind.schema.json" } }
          }
        }
        """;

    [Fact]
    public void A_users_response_schema_opens_its_enums_and_those_of_every_type_it_reaches()
    {
        var request = TestSchemas.Request("register", """
            { "kind": { "$ref": "kind.schema.json" }, "size": { "type": "string", "enum": ["s", "m"] } }
            """);
        var outcome = GeneratorHarness.Run(new[]
        {
            new InMemoryAdditionalText(TestSchemas.Path("kind"), Kind),
            new InMemoryAdditionalText(TestSchemas.Path("device"), Device),
            new InMemoryAdditionalText(TestSchemas.Path("device-list"), Response),
            new InMemoryAdditionalText(TestSchemas.Path("register"), request),
        }, null, "class App { }");

        Assert.Empty(outcome.SchemaDiagnostics);
        Assert.Empty(outcome.CompilationErrors);
        Assert.Contains("public readonly partial struct KindValue", outcome.Source("BoardingDsl.Kind.g.cs"));
        Assert.Contains("public readonly partial struct DeviceColoursValue", outcome.Source("BoardingDsl.DeviceColours.g.cs"));
        Assert.DoesNotContain("struct", outcome.Source("BoardingDsl.RegisterRequestSize.g.cs")); // only a request uses it
        Assert.Contains("public global::BoardingDsl.KindValue Kind { get; }", outcome.Source("BoardingDsl.Device.g.cs"));
        Assert.Contains("IReadOnlyList<global::BoardingDsl.DeviceColoursValue>? Colours { get; }", outcome.Source("BoardingDsl.Device.g.cs"));
        Assert.Contains("IReadOnlyList<global::BoardingDsl.KindValue>? Kinds { get; }", outcome.Source("BoardingDsl.DeviceList.g.cs"));
        Assert.Contains("public global::BoardingDsl.Kind? Kind { get; }", outcome.Source("BoardingDsl.RegisterRequest.g.cs"));
        Assert.Contains("WithKind(global::BoardingDsl.Kind value)", outcome.Source("BoardingDsl.DeviceBuilder.g.cs")); // builders stay closed

        var model = Load(outcome).GetType("BoardingDsl.DeviceList")!;
        const string json = "{\"devices\":[{\"kind\":\"huge\",\"colours\":[\"red\",\"gr\\u00fcn\"]}],\"kinds\":[\"small\",\"tiny\"]}";
        var read = model.GetMethod("FromJson", new[] { typeof(string) })!.Invoke(null, new object[] { json });
        Assert.Equal("{\"devices\":[{\"kind\":\"huge\",\"colours\":[\"red\",\"grün\"]}],\"kinds\":[\"small\",\"tiny\"]}", model.GetMethod("ToJson")!.Invoke(read, null));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(33)]
    public void Both_read_forms_keep_an_unlisted_value_and_reject_a_non_string(int count)
    {
        var values = Enumerable.Range(0, count).Select(i => "Value-" + i).ToArray();
        var text = Response.Replace("\"kinds\": { \"type\": \"array\", \"items\": { \"$ref\": \"kind.schema.json\" } }",
            "\"kinds\": { \"type\": \"array\", \"items\": { \"type\": \"string\", \"enum\": [" + string.Join(", ", values.Select(v => "\"" + v + "\"")) + "] } }")
            .Replace("\"devices\": { \"type\": \"array\", \"items\": { \"$ref\": \"device.schema.json\" } },", string.Empty);
        var outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(TestSchemas.Path("device-list"), text) }, null, "class App { }");
        Assert.Empty(outcome.CompilationErrors);

        var assembly = Load(outcome);
        var model = assembly.GetType("BoardingDsl.DeviceList")!;
        var fromJson = model.GetMethod("FromJson", new[] { typeof(string) })!;
        const string json = "{\"kinds\":[\"Value-0\",\"Value-4\",\"value-0\"]}";
        var read = fromJson.Invoke(null, new object[] { json })!;
        Assert.Equal(json, model.GetMethod("ToJson")!.Invoke(read, null));
        var kinds = ((System.Collections.IEnumerable)model.GetProperty("Kinds")!.GetValue(read)!).Cast<object>().ToArray();
        var isKnown = assembly.GetType("BoardingDsl.DeviceListKindsValue")!.GetProperty("IsKnown")!;
        Assert.Equal(new object[] { true, true, false }, kinds.Select(k => isKnown.GetValue(k)!).ToArray());

        var error = Assert.Throws<TargetInvocationException>(() => fromJson.Invoke(null, new object[] { "{\"kinds\":[1]}" }));
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public void A_type_named_like_an_enums_open_companion_is_a_name_clash()
    {
        var request = TestSchemas.Request("kind-value", "{ \"kind\": { \"$ref\": \"kind.schema.json\" } }").Replace("\"KindValueRequest\"", "\"KindValue\"");
        var outcome = GeneratorHarness.Run(new[]
        {
            new InMemoryAdditionalText(TestSchemas.Path("kind"), Kind),
            new InMemoryAdditionalText(TestSchemas.Path("kind-value"), request),
        }, null, "class App { }");

        Assert.Contains(outcome.SchemaDiagnostics, d => d.Id == "BDSL1008" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("open value companion", StringComparison.Ordinal));
        Assert.Empty(outcome.CompilationErrors);
    }

    private static Assembly Load(GeneratorHarness.RunOutcome outcome)
    {
        using var image = new MemoryStream();
        var emitted = outcome.Output.WithAssemblyName("Open" + Guid.NewGuid().ToString("N")).Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(new MemoryStream(image.ToArray()));
    }
}
