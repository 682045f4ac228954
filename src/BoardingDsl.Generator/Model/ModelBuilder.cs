using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Diagnostics;
using BoardingDsl.Generator.Pipeline;
using BoardingDsl.Generator.Schema;
using D = BoardingDsl.Generator.Diagnostics.DiagnosticCatalogue;

namespace BoardingDsl.Generator.Model;

/// <summary>
/// Turns the parsed schema documents of a compilation into the builder model: resolves every <c>$ref</c>,
/// names every type, and decides which documents can be generated. A document with an error is not
/// generated, nor is any document that uses it; each gets a diagnostic.
/// </summary>
/// <remarks>
/// The order of the steps, not any rule, is kept here; each rule has one owner: <see cref="IdResolution"/> (which
/// document or assembly supplies a <c>$id</c>), <see cref="EndpointRules"/> (entry-point checks), <see cref="TypeNamer"/>
/// (names and clashes), <see cref="ShapeResolver"/> and <see cref="MemberBuilder"/> (what each type holds),
/// <see cref="Reachability"/> (BDSL1018), <see cref="FailurePropagation"/> (BDSL1015) and <see cref="ReadModels"/>
/// (what is read from CCV). They share a <see cref="ModelContext"/>; diagnostics keep the order they are found in.
/// </remarks>
internal sealed class ModelBuilder
{
    private readonly ModelContext _context;
    private readonly IdResolution _ids;
    private readonly Reachability _reachability;
    private readonly FailurePropagation _failures;
    private readonly TypeNamer _namer;
    private readonly EndpointRules _endpoints;
    private readonly MemberBuilder _members;

    private ModelBuilder(IEnumerable<SchemaDocument> documents, GeneratorOptions options, IEnumerable<ProvidedSchema> provided)
    {
        _context = new ModelContext(new SchemaSet(documents), options);
        _ids = new IdResolution(_context, provided);
        _reachability = new Reachability(_context);
        _failures = new FailurePropagation(_context);
        _namer = new TypeNamer(_context);
        _endpoints = new EndpointRules(_context);
        _members = new MemberBuilder(_context, new ShapeResolver(_context, _namer, _reachability, _failures));
    }

    public static ModelResult Build(ImmutableArray<SchemaParseResult> results, GeneratorOptions options, EquatableArray<ProvidedSchema> provided = default)
    {
        var extra = new List<DiagnosticInfo>();
        // By path, so the generator and the analyzers (which may see the files in another order) decide alike.
        var documents = IdResolution.SelectDocuments(results.Where(r => r.Document is not null).Select(r => r.Document!).OrderBy(d => d.Path, StringComparer.Ordinal), extra);
        var builder = new ModelBuilder(documents, options, provided);
        try
        {
            var result = builder.Run();
            return new ModelResult(result.Model, result.Diagnostics.Concat(extra).ToEquatableArray());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never let an unexpected failure become CS8785 with only missing types for the user.
            var first = documents.FirstOrDefault();
            extra.Add(D.InternalErrorAt(first?.Root.Location, ex.GetType().Name + ": " + ex.Message));
            return new ModelResult(new GenerationModel(EquatableArray<TypeModel>.Empty), extra.ToEquatableArray());
        }
    }

    private ModelResult Run()
    {
        _ids.CheckOverrides();

        // Shipped schemas first, so a user's type that clashes with a shipped one is the one reported.
        foreach (var shipped in new[] { true, false })
        {
            foreach (var doc in _context.Set.Documents.Where(d => d.IsBoarding && d.IsDefault == shipped))
            {
                _reachability.Mark(doc);
                var name = _namer.RootTypeName(doc);
                if (name is null)
                {
                    continue;
                }

                if (!_endpoints.CheckEntry(doc))
                {
                    continue;
                }

                var pending = _namer.Register(doc, doc.Root, name);
                if (pending is not null)
                {
                    pending.Entry = doc.Endpoint;
                }
            }

            ProcessQueue();
        }

        // Once every type is named and every file reached is known; then what fails, with what depends on it.
        _namer.ReportNamespaceClashes(_ids);
        _reachability.Report();
        var failed = _failures.FailedDocuments();
        var read = ReadModels.Find(_context);
        var openEnums = ReadModels.OpenEnums(read);
        var types = _context.TypesByKey.Values
            .Where(t => !failed.Contains(t.Document.Path) && t.Model is not null &&
                        (!_ids.IsProvided(t.Document) || (_context.Options.ClientForReferencedSchemas && t.Entry is not null)))
            .Select(t => ReadModels.Open(t.Model!, read.Contains(t), openEnums) with { Entry = ToEntry(t), IsProvided = _ids.IsProvided(t.Document) })
            .OrderBy(t => t.HintName, StringComparer.Ordinal)
            .ToEquatableArray();
        var diagnostics = _context.Diagnostics.Select(d => d.Info).Distinct().ToEquatableArray();
        return new ModelResult(new GenerationModel(types), diagnostics);
    }

    /// <summary>Builds every named type; a request's response schema and the types its members use are named (queued) on the way.</summary>
    private void ProcessQueue()
    {
        while (_context.Queue.Count > 0)
        {
            var pending = _context.Queue.Dequeue();
            if (pending.Entry is { ResponseSchema: { } response })
            {
                if (_endpoints.FindResponse(pending.Document, pending.Entry, response) is { } target && _namer.RootTypeName(target) is { } responseName)
                {
                    _failures.AddDependency(pending.Document, target, pending.Entry.Location);
                    pending.ResponseType = _namer.Register(target, target.Root, responseName);
                }
            }

            _members.Build(pending);
        }
    }

    private EntryModel? ToEntry(PendingType type)
    {
        if (type.Entry is not { } e)
        {
            return null;
        }

        return new EntryModel(TypeNamer.EntryName(type.Document), e.Operation, e.Role == "response" ? EndpointRole.Response : EndpointRole.Request, e.Method, e.Path, e.Responses, type.ResponseType?.FullName, e.Undocumented, e.Parameters);
    }
}
