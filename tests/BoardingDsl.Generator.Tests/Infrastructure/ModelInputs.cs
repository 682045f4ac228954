using System.Globalization;
using System.Linq;
using BoardingDsl.Generator.Diagnostics;
using BoardingDsl.Generator.Model;
using BoardingDsl.Generator.Pipeline;
using BoardingDsl.Generator.Schema;

namespace BoardingDsl.Generator.Tests.Infrastructure;

/// <summary>Feeds the model stage's parts what <see cref="ModelBuilder.Build"/> gets: schema files read by <see cref="SchemaReader"/>.</summary>
internal static class ModelInputs
{
    public static SchemaDocument Read(string name, string text, bool isDefault = false, string ns = "BoardingDsl")
    {
        var result = SchemaReader.Read(new SchemaFileText(TestSchemas.Path(name), text, ns, isDefault));
        return result.Document ?? throw new System.InvalidOperationException(string.Join("; ", result.Diagnostics.Select(d => d.Id)));
    }

    public static SchemaParseResult Parse(string name, string text, bool isDefault = false) =>
        SchemaReader.Read(new SchemaFileText(TestSchemas.Path(name), text, "BoardingDsl", isDefault));

    /// <summary>A schema without <c>x-boarding-endpoint</c>: used only when referenced.</summary>
    public static string Shared(string name, string body) => $$"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://schemas.boardingdsl.example/test/{{name}}.schema.json",
          {{body}}
        }
        """;

    public static ModelContext Context(params SchemaDocument[] documents) => new(new SchemaSet(documents), GeneratorOptions.Default);

    public static string Message(DiagnosticInfo info) => info.ToDiagnostic().GetMessage(CultureInfo.InvariantCulture);

    public static string[] Ids(ModelContext context) => context.Diagnostics.Select(d => d.Info.Id).ToArray();
}
