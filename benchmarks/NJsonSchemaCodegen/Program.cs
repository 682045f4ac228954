using NJsonSchema;
using NJsonSchema.CodeGeneration.CSharp;

// Generates the classes a user might pick instead of BoardingDsl: NJsonSchema.CodeGeneration.CSharp run on the
// same submit-order schema, once for Newtonsoft.Json (its default) and once for System.Text.Json.
var root = BoardingDsl.Testing.RepoRoot.Path;
var schema = await JsonSchema.FromFileAsync(Path.Combine(root, "schemas", "submit-order.schema.json"));
var rewritten = NullableAnyOf.RewriteToOneOf(schema);
var output = Path.Combine(root, "benchmarks", "BoardingDsl.Benchmarks", "NJsonSchemaClasses");
Directory.CreateDirectory(output);

foreach (var (library, suffix) in new[] { (CSharpJsonLibrary.NewtonsoftJson, "Newtonsoft"), (CSharpJsonLibrary.SystemTextJson, "SystemTextJson") })
{
    var settings = new CSharpGeneratorSettings
    {
        Namespace = "BoardingDsl.Benchmarks.NJsonSchema" + suffix,
        ClassStyle = CSharpClassStyle.Poco,
        JsonLibrary = library,
        GenerateDataAnnotations = false,
        // true emits "Collection<PeriodPricingDetail>?" as a base type, which does not compile (NJsonSchema 11.6.2).
        GenerateNullableReferenceTypes = false,
        GenerateOptionalPropertiesAsNullable = true,
    };
    var code = new CSharpGenerator(schema, settings).GenerateFile("SubmitOrderRequest");
    var path = Path.Combine(output, $"SubmitOrder.{suffix}.g.cs");
    File.WriteAllText(path, code.ReplaceLineEndings("\n"));
    Console.WriteLine($"{Path.GetRelativePath(root, path)}: {code.Length:N0} characters");
}

Console.WriteLine($"{rewritten} nullable anyOf rewritten to oneOf");
