using System.Collections.Generic;

namespace BoardingDsl.Generator.Model;

/// <summary>What one schema node turned out to be after following <c>$ref</c>, <c>anyOf</c> and <c>allOf</c>.</summary>
internal sealed class ResolvedShape
{
    public string Shape { get; set; } = Shapes.Opaque;

    public string ScalarKind { get; set; } = string.Empty;

    public string? TypeName { get; set; }

    public bool Nullable { get; set; }

    public ResolvedShape? Element { get; set; }

    public List<string> ExtraRequired { get; } = new();

    public string? Description { get; set; }

    public string? Format { get; set; }

    public string? Pattern { get; set; }

    public string? MinLength { get; set; }

    public string? MaxLength { get; set; }

    public string? Minimum { get; set; }

    public string? Maximum { get; set; }

    public string? MinItems { get; set; }

    public string? MaxItems { get; set; }

    public bool UniqueItems { get; set; }

    public string? IgnoredUnlessSet { get; set; }

    public bool WarnOnDuplicates { get; set; }
}
