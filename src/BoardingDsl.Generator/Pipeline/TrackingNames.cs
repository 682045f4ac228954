namespace BoardingDsl.Generator.Pipeline;

/// <summary>The named steps of the incremental pipeline, for caching tests.</summary>
internal static class TrackingNames
{
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string SchemaTexts = nameof(SchemaTexts);
    public const string ParsedSchemas = nameof(ParsedSchemas);
    public const string AllSchemas = nameof(AllSchemas);
    public const string Options = nameof(Options);
    public const string ReferencedSchemas = nameof(ReferencedSchemas);
    public const string BuilderModel = nameof(BuilderModel);
    public const string GenerationModel = nameof(GenerationModel);
    public const string Types = nameof(Types);
    public const string ClientAvailable = nameof(ClientAvailable);
    public const string ClientTypes = nameof(ClientTypes);
    public const string Diagnostics = nameof(Diagnostics);
}
