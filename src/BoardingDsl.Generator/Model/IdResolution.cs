using System;
using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Generator.Diagnostics;
using BoardingDsl.Generator.Pipeline;
using BoardingDsl.Generator.Schema;
using D = BoardingDsl.Generator.Diagnostics.DiagnosticCatalogue;

namespace BoardingDsl.Generator.Model;

/// <summary>
/// Who supplies each <c>$id</c>: which of the documents that share one is used (a project's own schema replaces a shipped
/// default; two of the project's own are BDSL1008), whether a project's schema tries to replace a shipped one that comes
/// precompiled (BDSL1020), and whether a referenced assembly already holds a document's types. One owner, so the choice
/// is made once, before any <c>$ref</c> is followed, and the generator and the analyzers make it alike.
/// </summary>
internal sealed class IdResolution
{
    private readonly ModelContext _context;

    /// <summary><c>$id</c> → the referenced assembly that holds its types.</summary>
    private readonly Dictionary<string, string> _provided = new(StringComparer.Ordinal);

    public IdResolution(ModelContext context, IEnumerable<ProvidedSchema> provided)
    {
        _context = context;
        foreach (var schema in provided)
        {
            _provided[schema.Id] = schema.Assembly;
        }
    }

    /// <summary>A consumer schema with the same <c>$id</c> as a shipped (default) one replaces it.</summary>
    public static List<SchemaDocument> SelectDocuments(IEnumerable<SchemaDocument> all, List<DiagnosticInfo> diagnostics)
    {
        var result = new List<SchemaDocument>();
        all = all.GroupBy(d => d.Path, StringComparer.Ordinal).Select(g => g.First()); // the same file listed twice
        foreach (var group in all.GroupBy(d => d.Id ?? "\0" + d.Path))
        {
            var docs = group.ToList();
            var chosen = docs.Where(d => !d.IsDefault).ToList();
            if (chosen.Count == 0)
            {
                chosen = docs;
            }

            result.Add(chosen[0]);
            foreach (var duplicate in chosen.Skip(1))
            {
                diagnostics.Add(D.DuplicateIdAt(duplicate.Root.Location, group.Key, chosen[0].FileName, duplicate.FileName));
            }
        }

        return result;
    }

    /// <summary>Every file, not only the entry points: a replaced shared part (currency, address) is ignored just as well.</summary>
    public void CheckOverrides()
    {
        foreach (var doc in _context.Set.Documents)
        {
            CheckOverride(doc);
        }
    }

    /// <summary>A public type a referenced assembly already has (its <c>$id</c> marker) is used, not generated again.</summary>
    public bool IsProvided(SchemaDocument doc) => _context.Options.IsPublic && doc.Id is not null && _provided.ContainsKey(doc.Id);

    /// <summary>
    /// A schema of the project's own with the <c>$id</c> of a shipped one, while the shipped types come precompiled:
    /// the file would be ignored, so it is an error that names the one property that makes it count.
    /// </summary>
    private void CheckOverride(SchemaDocument doc)
    {
        if (!doc.IsDefault && doc.Id is not null && _provided.TryGetValue(doc.Id, out var assembly) &&
            string.Equals(assembly, ProvidedSchema.ShippedModelsAssembly, StringComparison.Ordinal))
        {
            _context.Report(doc, D.Overrides(doc.Root.Location, doc.FileName, doc.Id));
        }
    }
}
