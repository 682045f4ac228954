using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Generator.Diagnostics;
using BoardingDsl.Generator.Model;
using BoardingDsl.Generator.Pipeline;
using BoardingDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace BoardingDsl.Generator.Tests.ModelStage;

public class IdResolutionTests
{
    private const string MoneyId = "https://schemas.boardingdsl.example/test/money.schema.json";

    private static readonly string Money = ModelInputs.Shared("money", """
        "title": "Money", "type": "object", "properties": { "amount": { "type": "number" } }
        """);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_users_document_replaces_a_default_one_with_the_same_id(bool defaultFirst)
    {
        var shipped = ModelInputs.Read("money-shipped", Money, isDefault: true);
        var own = ModelInputs.Read("money", Money);
        var diagnostics = new List<DiagnosticInfo>();

        var chosen = IdResolution.SelectDocuments(defaultFirst ? new[] { shipped, own } : new[] { own, shipped }, diagnostics);

        Assert.Same(own, Assert.Single(chosen));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Two_of_the_users_documents_with_one_id_are_BDSL1021_and_the_first_is_kept()
    {
        var first = ModelInputs.Read("money-a", Money);
        var second = ModelInputs.Read("money-b", Money);
        var diagnostics = new List<DiagnosticInfo>();

        var chosen = IdResolution.SelectDocuments(new[] { first, second }, diagnostics);

        Assert.Same(first, Assert.Single(chosen));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDSL1021", diagnostic.Id);
        Assert.Equal($"The $id '{MoneyId}' is also the $id of 'money-a.schema.json', which is used; 'money-b.schema.json' is not generated: give it its own $id", ModelInputs.Message(diagnostic));
        Assert.Equal(second.Root.Location, diagnostic.Location);
    }

    [Fact]
    public void Documents_without_an_id_and_the_same_file_twice()
    {
        var a = ModelInputs.Read("a", """{ "type": "object" }""");
        var b = ModelInputs.Read("b", """{ "type": "object" }""");
        var diagnostics = new List<DiagnosticInfo>();

        var chosen = IdResolution.SelectDocuments(new[] { a, b, a }, diagnostics);

        Assert.Equal(new[] { a, b }, chosen);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Replacing_a_shipped_schema_whose_types_come_precompiled_is_BDSL1020()
    {
        var own = ModelInputs.Read("money", Money);
        var context = ModelInputs.Context(own);
        var ids = new IdResolution(context, new[] { new ProvidedSchema(MoneyId, ProvidedSchema.ShippedModelsAssembly) });

        ids.CheckOverrides();

        var (doc, info) = Assert.Single(context.Diagnostics);
        Assert.Same(own, doc);
        Assert.Equal("BDSL1020", info.Id);
        Assert.StartsWith($"'money.schema.json' has the $id {MoneyId} of a shipped schema", ModelInputs.Message(info));
    }

    [Fact]
    public void An_id_another_assembly_provides_is_no_override_but_is_provided_when_public()
    {
        var own = ModelInputs.Read("money", Money);
        var provided = new[] { new ProvidedSchema(MoneyId, "Acme.Models") };
        var context = ModelInputs.Context(own);
        var ids = new IdResolution(context, provided);

        ids.CheckOverrides();

        Assert.Empty(context.Diagnostics);
        Assert.True(ids.IsProvided(own));
        var internalIds = new IdResolution(new ModelContext(new SchemaSet(new[] { own }), GeneratorOptions.Default with { IsPublic = false }), provided);
        Assert.False(internalIds.IsProvided(own));
        Assert.False(ids.IsProvided(ModelInputs.Read("other", ModelInputs.Shared("other", "\"type\": \"object\""))));
    }

    [Fact]
    public void A_default_document_with_a_precompiled_id_is_not_reported()
    {
        var shipped = ModelInputs.Read("money", Money, isDefault: true);
        var context = ModelInputs.Context(shipped);

        new IdResolution(context, new[] { new ProvidedSchema(MoneyId, ProvidedSchema.ShippedModelsAssembly) }).CheckOverrides();

        Assert.Empty(context.Diagnostics.Select(d => d.Info.Id));
    }
}
