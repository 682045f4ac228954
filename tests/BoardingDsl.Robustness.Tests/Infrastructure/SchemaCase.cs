using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace BoardingDsl.Robustness.Tests.Infrastructure;

/// <summary>One schema file of a case: its file name inside the case's folder, its text and (optionally) its own namespace.</summary>
/// <param name="Name">File name relative to the case folder, e.g. <c>order.schema.json</c>.</param>
/// <param name="Namespace">The file's <c>BoardingDslNamespace</c> metadata; null = the case's namespace; "" = none (the default, BoardingDsl).</param>
internal sealed record SchemaFile(string Name, string Text, string? Namespace = null);

/// <summary>
/// One corpus case: one or more schema files that belong together (they may reference each other). Each case lives in its
/// own folder, its own namespace and its own <c>$id</c> space (<see cref="CaseToken"/> in a text is replaced by the case id),
/// so the cases of one batch do not collide unless a case is about collisions.
/// </summary>
internal sealed record SchemaCase
{
    /// <summary>Replaced by the case id in every file text (use it in <c>$id</c>s).</summary>
    public const string CaseToken = "@CASE@";

    public SchemaCase(string id, string title, IEnumerable<SchemaFile> files, string? ns = null)
    {
        Id = id;
        Title = title;
        Files = files.Select(f => f with { Text = f.Text.Replace(CaseToken, id, StringComparison.Ordinal) }).ToArray();
        Namespace = ns ?? "Robust." + id;
    }

    public string Id { get; }

    /// <summary>What the case is about (shown on failure).</summary>
    public string Title { get; }

    public IReadOnlyList<SchemaFile> Files { get; }

    /// <summary>The namespace of the case's files (per-file metadata); "" = no metadata (the default namespace).</summary>
    public string Namespace { get; }

    /// <summary>Diagnostic IDs that must be reported for this case (hand-written cases that know what they expect).</summary>
    public IReadOnlyCollection<string> ExpectedIds { get; init; } = Array.Empty<string>();

    /// <summary>Every Boarding schema of the case must generate with no error diagnostic (valid but awkward input).</summary>
    public bool MustGenerate { get; init; }

    /// <summary>No BDSL diagnostic at all may be reported for the case's files (files the generator must ignore without a word).</summary>
    public bool ExpectSilent { get; init; }

    /// <summary>When set, exactly these diagnostic IDs (no more, no fewer) are reported in the case's files.</summary>
    public IReadOnlyCollection<string>? ExpectOnly { get; init; }

    /// <summary>Runs in a batch of its own (it uses the default namespace, shared <c>$id</c>s, or is very large).</summary>
    public bool Isolated { get; init; }

    /// <summary>Extra MSBuild properties (<c>build_property.*</c>); forces <see cref="Isolated"/>.</summary>
    public IReadOnlyDictionary<string, string>? GlobalOptions { get; init; }

    /// <summary>Where the replayable random input came from (seed, index), shown on failure.</summary>
    public string? Origin { get; init; }

    /// <summary>Runs alone: it uses the default namespace, MSBuild options, or is very large.</summary>
    public bool RunsAlone => Isolated || GlobalOptions is not null || Files.Any(f => NamespaceOf(f).Length == 0 || !IsNamespace(NamespaceOf(f)));

    public string Folder => "/corpus/" + Id + "/";

    public string PathOf(SchemaFile file) => Folder + file.Name;

    public string NamespaceOf(SchemaFile file) => file.Namespace ?? Namespace;

    /// <summary>The namespace the generator puts the file's types in: a valid per-file namespace, else a valid global one, else BoardingDsl.</summary>
    public string EffectiveNamespaceOf(SchemaFile file)
    {
        var own = NamespaceOf(file).Trim();
        if (own.Length > 0 && IsNamespace(own))
        {
            return own;
        }

        if (GlobalOptions is not null && GlobalOptions.TryGetValue("BoardingDslNamespace", out var global) && IsNamespace(global.Trim()))
        {
            return global.Trim();
        }

        return "BoardingDsl";
    }

    /// <summary>As the generator's <c>GeneratorOptions.IsNamespace</c>.</summary>
    public static bool IsNamespace(string value) => value.Split('.').All(part =>
        SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(part) == SyntaxKind.None);

    public override string ToString() => Id + " (" + Title + ")";
}
