using System;
using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Schema;
using Microsoft.CodeAnalysis;
using D = BoardingDsl.Generator.Diagnostics.DiagnosticCatalogue;

namespace BoardingDsl.Generator.Model;

/// <summary>
/// Which documents are not generated. A document with an error (one that does not still generate) fails, and so does
/// every document that uses one that failed (a <c>$ref</c> to it, or the response schema of its endpoint), each with
/// BDSL1015 at the place it uses it: generated alone, it would name types that are not there (CS0246 far from the cause).
/// </summary>
internal sealed class FailurePropagation
{
    private readonly ModelContext _context;

    /// <summary>Document path → the documents it uses, each with where it first does.</summary>
    private readonly Dictionary<string, List<(SchemaDocument Target, LocationInfo At)>> _dependencies = new(StringComparer.Ordinal);

    public FailurePropagation(ModelContext context) => _context = context;

    public void AddDependency(SchemaDocument from, SchemaDocument to, LocationInfo at)
    {
        if (!_dependencies.TryGetValue(from.Path, out var list))
        {
            _dependencies[from.Path] = list = new List<(SchemaDocument, LocationInfo)>();
        }

        if (!list.Any(d => d.Target.Path == to.Path))
        {
            list.Add((to, at));
        }
    }

    /// <summary>Once every diagnostic is in: the paths of the documents not to generate. Reports BDSL1015 for each dependant.</summary>
    public HashSet<string> FailedDocuments()
    {
        var failed = new HashSet<string>(
            _context.Diagnostics.Where(d => D.Get(d.Info.Id).DefaultSeverity == DiagnosticSeverity.Error && !D.StillGenerates(d.Info.Id)).Select(d => d.Doc.Path),
            StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var pair in _dependencies)
            {
                if (failed.Contains(pair.Key))
                {
                    continue;
                }

                foreach (var (target, at) in pair.Value)
                {
                    if (failed.Contains(target.Path))
                    {
                        failed.Add(pair.Key);
                        var doc = _context.Set.Documents.First(d => d.Path == pair.Key);
                        _context.Report(doc, D.DependencyFailedAt(at, doc.FileName, target.FileName));
                        changed = true;
                        break;
                    }
                }
            }
        }
        while (changed);
        return failed;
    }
}
