using System.Collections.Generic;

namespace BoardingDsl.Generator.Model;

/// <summary>What one schema node turned out to be after following <c>$ref</c>, <c>anyOf</c> and <c>allOf</c>.</summary>
internal sealed class ResolvedShape
{
    public Shape Shape { get; set; } = Shape.Opaque;

    public ScalarKind ScalarKind { get; set; } = ScalarKind.None;

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

    public string? ExclusiveMinimum { get; set; }

    public string? ExclusiveMaximum { get; set; }

    public string? MultipleOf { get; set; }

    /// <summary>A scalar <c>const</c> the generated code compares (kind and value text), when it can.</summary>
    public Schema.ConstValue? Const { get; set; }

    /// <summary>On an opaque value: the JSON types <c>type</c> allows (<c>object</c>, <c>null</c>), empty for any value.</summary>
    public string OpaqueTypes { get; set; } = string.Empty;

    public List<string> Examples { get; set; } = new();

    public string? Default { get; set; }

    public bool Deprecated { get; set; }

    public bool ReadOnly { get; set; }
}
