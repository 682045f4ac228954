using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
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
internal sealed class ModelBuilder
{
    private readonly GeneratorOptions _options;
    private readonly SchemaSet _set;
    private readonly ModelContext _context;
    private readonly Reachability _reachability;
    private readonly FailurePropagation _failures;
    private readonly TypeNamer _namer;
    private readonly EndpointRules _endpoints;
    private readonly ShapeResolver _shapes;

    private readonly IdResolution _ids;

    private ModelBuilder(IEnumerable<SchemaDocument> documents, GeneratorOptions options, IEnumerable<ProvidedSchema> provided)
    {
        _options = options;
        _set = new SchemaSet(documents);
        _context = new ModelContext(_set, options);
        _ids = new IdResolution(_context, provided);
        _reachability = new Reachability(_context);
        _failures = new FailurePropagation(_context);
        _namer = new TypeNamer(_context);
        _endpoints = new EndpointRules(_context);
        _shapes = new ShapeResolver(_context, _namer, _reachability, _failures);
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
            extra.Add(D.Info(D.InternalErrorId, first?.Root.Location, ex.GetType().Name + ": " + ex.Message));
            return new ModelResult(new GenerationModel(EquatableArray<TypeModel>.Empty), extra.ToEquatableArray());
        }
    }

    private ModelResult Run()
    {
        _ids.CheckOverrides();

        // Shipped schemas first, so a user's type that clashes with a shipped one is the one reported.
        foreach (var shipped in new[] { true, false })
        {
            foreach (var doc in _set.Documents.Where(d => d.IsBoarding && d.IsDefault == shipped))
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

        _namer.ReportNamespaceClashes(_ids);

        _reachability.Report();

        var failed = _failures.FailedDocuments();
        var read = ReadModels();
        var openEnums = new HashSet<string>(
            read.SelectMany(t => t.Model!.Properties).Where(p => p.ValueShape == Shapes.Enum).Select(p => p.TypeName!),
            StringComparer.Ordinal);
        var types = _context.TypesByKey.Values
            .Where(t => !failed.Contains(t.Document.Path) && t.Model is not null &&
                        (!_ids.IsProvided(t.Document) || (_options.ClientForReferencedSchemas && t.Entry is not null)))
            .Select(t => Open(t.Model!, read.Contains(t), openEnums) with { Entry = ToEntry(t), IsProvided = _ids.IsProvided(t.Document) })
            .OrderBy(t => t.HintName, StringComparer.Ordinal)
            .ToEquatableArray();
        var diagnostics = _context.Diagnostics.Select(d => d.Info).Distinct().ToEquatableArray();
        return new ModelResult(new GenerationModel(types), diagnostics);
    }

    /// <summary>
    /// The object types read from CCV: every response schema (role <c>response</c>), every request's <c>response</c> schema,
    /// and every object type reachable from one through its properties (array elements included). Their enum members are open.
    /// </summary>
    private HashSet<PendingType> ReadModels()
    {
        var read = new HashSet<PendingType>();
        var queue = new Queue<PendingType>(_context.TypesByKey.Values
            .Where(t => t.Entry?.Role == "response")
            .Concat(_context.TypesByKey.Values.Select(t => t.ResponseType).Where(r => r is not null).Select(r => r!)));
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (type.IsEnum || type.Model is null || !read.Add(type))
            {
                continue;
            }

            foreach (var p in type.Model.Properties.Where(p => p.ValueShape == Shapes.Object))
            {
                if (_context.TypesByName.TryGetValue(p.TypeName!, out var target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return read;
    }

    /// <summary>A read model's enum members hold the open companion; an enum such a member uses gets one.</summary>
    private static TypeModel Open(TypeModel model, bool isRead, HashSet<string> openEnums)
    {
        if (model.Kind == TypeKinds.Enum)
        {
            return openEnums.Contains(model.FullName) ? model with { HasOpenValue = true } : model;
        }

        if (isRead)
        {
            model = model with { IsReadModel = true };
        }
        else if (model.Properties.Any(p => p.IsReadOnly && p.IsRequired))
        {
            // readOnly: the server sets it; a request builder has no With… for it, so it is not required of one (nor by BDSL0001).
            model = model with { Properties = model.Properties.Select(p => p.IsReadOnly ? p with { IsRequired = false } : p).ToEquatableArray() };
        }

        if (!isRead || !model.Properties.Any(p => p.ValueShape == Shapes.Enum))
        {
            return model;
        }

        return model with
        {
            Properties = model.Properties.Select(p => p.ValueShape == Shapes.Enum ? p with { IsOpenEnum = true } : p).ToEquatableArray(),
        };
    }

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

            if (pending.IsEnum)
            {
                BuildEnum(pending);
            }
            else
            {
                BuildObject(pending);
            }
        }
    }

    private EntryModel? ToEntry(PendingType type)
    {
        if (type.Entry is not { } e)
        {
            return null;
        }

        return new EntryModel(TypeNamer.EntryName(type.Document), e.Operation, e.Role, e.Method, e.Path, e.Responses, type.ResponseType?.FullName, e.Undocumented, e.Parameters);
    }

    private static string? RootId(PendingType type) => type.Node.Pointer.Length == 0 ? type.Document.Id : null;

    private void BuildEnum(PendingType type)
    {
        var node = type.Node;
        if (node.EnumValues.Count == 0)
        {
            Report(type.Document, D.Info(D.UnsupportedTypeId, node.Location, $"The enum '{type.Name}' has no string values."));
            return;
        }

        var members = new List<EnumMemberModel>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in node.EnumValues)
        {
            if (!seen.Add(value.Value))
            {
                continue;
            }

            var name = Identifiers.ToEnumMember(value.Value);
            if (name.Length == 0)
            {
                Report(type.Document, D.Info(D.NoIdentifierId, value.Location, value.Value));
                continue;
            }

            if (name == type.Name)
            {
                name += "Value";
            }

            if (names.TryGetValue(name, out var other))
            {
                Report(type.Document, D.Info(D.NameCollisionId, value.Location, other, value.Value, name, type.Name));
                continue;
            }

            names[name] = value.Value;
            members.Add(new EnumMemberModel(value.Value, name, value.Description, node.FinalValues.Contains(value.Value)));
        }

        type.Model = new TypeModel(TypeKinds.Enum, type.Document.Namespace, type.Name, _options.IsPublic, node.Description ?? node.Title,
            type.Document.FileName, RootId(type), type.Document.IsUnverified, false, EquatableArray<PropertyModel>.Empty,
            members.ToEquatableArray(), null);
    }

    private void BuildObject(PendingType type)
    {
        var node = type.Node;
        var properties = new List<PropertyModel>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var required = new HashSet<string>(node.Required.Select(r => r.Name), StringComparer.Ordinal);
        foreach (var property in node.Properties)
        {
            var name = Identifiers.ToPascalCase(property.Name).TrimStart('@');
            if (name.Length == 0)
            {
                Report(type.Document, D.Info(D.NoIdentifierId, property.NameLocation, property.Name));
                continue;
            }

            var method = "With" + name;
            if (method == type.Name + "Builder")
            {
                method += "Value"; // a method may not be named like the builder class it is in
            }

            if (name == type.Name || TypeNamer.IsReservedMemberName(name))
            {
                name += "Value";
            }

            if (names.TryGetValue(name, out var other))
            {
                Report(type.Document, D.Info(D.NameCollisionId, property.NameLocation, other, property.Name, name, type.Name));
                continue;
            }

            names[name] = property.Name;
            var shape = _shapes.Resolve(type.Document, property.Schema, type.Name + name);
            if (shape is null)
            {
                continue;
            }

            var element = shape.Element;
            properties.Add(new PropertyModel(
                property.Name,
                name,
                method,
                property.Schema.Description ?? shape.Description,
                shape.Shape,
                element?.Shape ?? string.Empty,
                element?.ScalarKind ?? shape.ScalarKind,
                element?.TypeName ?? shape.TypeName,
                required.Contains(property.Name),
                shape.Nullable,
                // An array's value rules are its elements' (items); the same keywords on the array itself constrain nothing.
                (element ?? shape).Format,
                (element ?? shape).Pattern,
                (element ?? shape).MinLength,
                (element ?? shape).MaxLength,
                (element ?? shape).Minimum,
                (element ?? shape).Maximum,
                shape.MinItems,
                shape.MaxItems,
                shape.UniqueItems,
                (element ?? shape).ExtraRequired.ToEquatableArray(),
                shape.IgnoredUnlessSet,
                shape.WarnOnDuplicates)
            {
                ExclusiveMinimum = (element ?? shape).ExclusiveMinimum,
                ExclusiveMaximum = (element ?? shape).ExclusiveMaximum,
                MultipleOf = (element ?? shape).MultipleOf,
                ConstKind = (element ?? shape).Const?.Kind,
                ConstText = (element ?? shape).Const?.Text,
                OpaqueTypes = element is null ? shape.OpaqueTypes : string.Empty,
                Examples = shape.Examples.ToEquatableArray(),
                Default = shape.Default,
                IsDeprecated = shape.Deprecated,
                IsReadOnly = shape.ReadOnly,
            });
        }

        foreach (var r in node.Required)
        {
            if (!node.Properties.Any(p => p.Name == r.Name))
            {
                Report(type.Document, D.Info(D.UnknownRequiredId, r.Location, r.Name));
            }
        }

        foreach (var p in properties.Where(p => p.IgnoredUnlessSet is not null))
        {
            if (!properties.Any(o => o.JsonName == p.IgnoredUnlessSet))
            {
                var at = node.Properties.First(s => s.Name == p.JsonName).NameLocation;
                Report(type.Document, D.Info(D.KeywordWrongTypeId, at, "x-ignored-unless-set", "the name of a sibling property", "'" + p.IgnoredUnlessSet + "'"));
            }
        }

        type.Model = new TypeModel(TypeKinds.Object, type.Document.Namespace, type.Name, _options.IsPublic, node.Description ?? node.Title,
            type.Document.FileName, RootId(type), type.Document.IsUnverified, node.AdditionalProperties != false,
            properties.ToEquatableArray(), EquatableArray<EnumMemberModel>.Empty, null);
    }

    private void Report(SchemaDocument doc, DiagnosticInfo info) => _context.Report(doc, info);
}
