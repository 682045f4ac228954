using System;
using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Generator.Schema;
using D = BoardingDsl.Generator.Diagnostics.DiagnosticCatalogue;

namespace BoardingDsl.Generator.Model;

/// <summary>
/// Which documents an endpoint reaches (itself, or through <c>$ref</c>), and what that decides: only a reached file's
/// own issues (those its reader found) are reported, and a project file no endpoint reaches gets BDSL1018. A project may
/// hold other JSON Schemas, so such a file is skipped on purpose; the diagnostic says so, so the silence is not taken for
/// a broken generator. Shipped files are left out: dropping some of them is a choice.
/// </summary>
internal sealed class Reachability
{
    private readonly ModelContext _context;
    private readonly HashSet<string> _reachable = new(StringComparer.Ordinal);

    public Reachability(ModelContext context) => _context = context;

    public void Mark(SchemaDocument doc) => _reachable.Add(doc.Path);

    public bool IsReached(SchemaDocument doc) => _reachable.Contains(doc.Path);

    /// <summary>Once every endpoint is followed: the issues of each reached file, then BDSL1018 for each project file not reached.</summary>
    public void Report()
    {
        foreach (var doc in _context.Set.Documents.Where(IsReached))
        {
            foreach (var issue in doc.Issues)
            {
                _context.Report(doc, issue);
            }
        }

        foreach (var doc in _context.Set.Documents.Where(d => !IsReached(d) && !d.IsDefault))
        {
            _context.Report(doc, D.NotReachedAt(doc.Root.Location, doc.FileName));
        }
    }
}
