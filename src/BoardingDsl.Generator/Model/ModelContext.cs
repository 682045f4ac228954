using System;
using System.Collections.Generic;
using BoardingDsl.Generator.Diagnostics;
using BoardingDsl.Generator.Pipeline;
using BoardingDsl.Generator.Schema;

namespace BoardingDsl.Generator.Model;

/// <summary>
/// The state one <see cref="ModelBuilder"/> run shares between its parts: the documents, the options, the types named so
/// far (and those still to build), and every diagnostic in the order it was found. Each part owns one rule; what more
/// than one of them reads or adds to lives here, so no part reaches into another's fields.
/// </summary>
internal sealed class ModelContext
{
    public ModelContext(SchemaSet set, GeneratorOptions options)
    {
        Set = set;
        Options = options;
    }

    public SchemaSet Set { get; }

    public GeneratorOptions Options { get; }

    /// <summary>Every diagnostic with the document it counts against (a document with an error is not generated).</summary>
    public List<(SchemaDocument Doc, DiagnosticInfo Info)> Diagnostics { get; } = new();

    /// <summary>Named types by where they are defined (<c>path#pointer</c>), in the order they were named.</summary>
    public Dictionary<string, PendingType> TypesByKey { get; } = new(StringComparer.Ordinal);

    /// <summary>Named types by full name (<c>global::Ns.Name</c>).</summary>
    public Dictionary<string, PendingType> TypesByName { get; } = new(StringComparer.Ordinal);

    /// <summary>Named types whose members are not built yet.</summary>
    public Queue<PendingType> Queue { get; } = new();

    public void Report(SchemaDocument doc, DiagnosticInfo info) => Diagnostics.Add((doc, info));
}
