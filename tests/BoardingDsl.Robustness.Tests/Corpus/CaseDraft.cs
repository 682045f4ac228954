using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Robustness.Tests.Infrastructure;
using BoardingDsl.Robustness.Tests.Json;

namespace BoardingDsl.Robustness.Tests.Corpus;

/// <summary>One generated schema file before it is written: its tree and how to write it.</summary>
internal sealed record FileDraft(string Name, JNode Root, bool Indent = true, bool AsciiOnly = false, string Prefix = "", string Suffix = "\n")
{
    /// <summary>A namespace below the case's own for this file (cross-namespace references), or null.</summary>
    public string? SubNamespace { get; init; }

    public string Text => Prefix + JsonText.Write(Root, Indent, AsciiOnly) + Suffix;
}

/// <summary>A generated case: files that belong together (one folder, one namespace, one $id space).</summary>
internal sealed record CaseDraft(string Kind, IReadOnlyList<FileDraft> Files)
{
    /// <summary>Every Boarding schema of the case is valid and must generate (clean random cases).</summary>
    public bool MustGenerate { get; init; }

    public SchemaCase ToCase(string id, string origin) =>
        new SchemaCase(id, Kind, Files.Select(f => new SchemaFile(f.Name, f.Text, f.SubNamespace is null ? null : "Robust." + id + "." + f.SubNamespace))) with { Origin = origin, MustGenerate = MustGenerate };

    public override string ToString() => Kind + " [" + string.Join(", ", Files.Select(f => f.Name)) + "]";
}

/// <summary>A batch of generated cases (short ToString: FsCheck prints it on failure; the failure message has the texts).</summary>
internal sealed record DraftBatch(IReadOnlyList<CaseDraft> Cases)
{
    public override string ToString() => $"{Cases.Count} cases, {Cases.Sum(c => c.Files.Count)} files";
}
