using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using BoardingDsl.Generator.Tests.Infrastructure;
using Xunit;
using BoardingDsl.Testing;

namespace BoardingDsl.Generator.Tests;

/// <summary>
/// Enums with many members read through one string and a hashed lookup instead of a comparison per member; both
/// forms must read every documented value, reject the rest, and write each value back as it was.
/// </summary>
public class EnumSizeTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(500)]
    public void Every_value_reads_back_and_an_undocumented_one_fails(int count)
    {
        var values = Enumerable.Range(0, count).Select(i => "Value-" + i).ToArray();
        var text = TestSchemas.Request("many", "{ \"kind\": { \"type\": \"string\", \"enum\": [" + string.Join(", ", values.Select(v => "\"" + v + "\"")) + "] } }");
        var outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(TestSchemas.Path("many"), text) }, null, "class App { }");
        Assert.Empty(outcome.CompilationErrors);
        Assert.Equal(count > 32, outcome.Source("BoardingDsl.ManyRequestKind.g.cs").Contains("TryParse(reader.GetString()", StringComparison.Ordinal));

        var model = Load(outcome).GetType("BoardingDsl.ManyRequest")!;
        var fromJson = model.GetMethod("FromJson", new[] { typeof(string) })!;
        var toJson = model.GetMethod("ToJson")!;
        foreach (var value in values)
        {
            var json = "{\"kind\":\"" + value + "\"}";
            Assert.Equal(json, toJson.Invoke(fromJson.Invoke(null, new object[] { json }), null));
        }

        var error = Assert.Throws<TargetInvocationException>(() => fromJson.Invoke(null, new object[] { "{\"kind\":\"value-0\"}" }));
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
    }

    private static Assembly Load(GeneratorHarness.RunOutcome outcome)
    {
        using var image = new MemoryStream();
        var emitted = outcome.Output.WithAssemblyName("Many" + Guid.NewGuid().ToString("N")).Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(new MemoryStream(image.ToArray()));
    }
}
