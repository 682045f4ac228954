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
    private readonly Stack<string> _refStack = new();

    /// <summary>A longer chain of $ref is reported, not followed: each step is a stack frame of the compiler.</summary>
    private const int MaxRefDepth = 64;

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
            var shape = Resolve(type.Document, property.Schema, type.Name + name);
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

    /// <summary>Follows one node to what it is. Returns null (after reporting) when it cannot be understood.</summary>
    private ResolvedShape? Resolve(SchemaDocument doc, SchemaNode node, string inlineName)
    {
        // One of $ref, anyOf, allOf decides what a node is; a second one beside it would be dropped, so it is reported.
        if (node.Ref is not null || node.AnyOf.Count > 0)
        {
            foreach (var dropped in new[] { "anyOf", "allOf" }.Where(k => (k == "allOf" || node.Ref is not null) && node.Has(k)))
            {
                Report(doc, D.Unenforced(node.KeywordLocation(dropped), dropped,
                    "it stands beside " + (node.Ref is not null ? "$ref" : "anyOf") + ", which decides the shape, and is not applied; nest them in one allOf"));
            }
        }

        ResolvedShape? shape;
        if (node.Ref is not null)
        {
            shape = ResolveRef(doc, node);
        }
        else if (node.AnyOf.Count > 0)
        {
            shape = ResolveAnyOf(doc, node, inlineName);
        }
        else if (node.HasEmptyComposition)
        {
            Report(doc, D.Info(D.UnsupportedTypeId, node.Location, "An empty anyOf or allOf matches nothing; remove it or give it schemas."));
            shape = null;
        }
        else if (node.AllOf.Count > 0)
        {
            shape = ResolveAllOf(doc, node, inlineName);
        }
        else
        {
            shape = ResolveDirect(doc, node, inlineName);
        }

        if (shape is null)
        {
            return null;
        }

        // Keywords beside $ref/anyOf/allOf add to what the target says (draft 2020-12 semantics).
        if (node.Ref is not null || node.AnyOf.Count > 0 || node.AllOf.Count > 0)
        {
            if (node.Pattern is not null && !IsValidPattern(doc, node))
            {
                return null;
            }

            shape.Nullable |= node.AllowsNull;
            shape.Description = node.Description ?? shape.Description;
            shape.Pattern = node.Pattern ?? shape.Pattern;
            shape.Format = node.Format ?? shape.Format;
            shape.MinLength = node.MinLength ?? shape.MinLength;
            shape.MaxLength = node.MaxLength ?? shape.MaxLength;
            shape.Minimum = node.Minimum ?? shape.Minimum;
            shape.Maximum = node.Maximum ?? shape.Maximum;
            shape.MinItems = node.MinItems ?? shape.MinItems;
            shape.MaxItems = node.MaxItems ?? shape.MaxItems;
            shape.UniqueItems |= node.UniqueItems;
            shape.ExclusiveMinimum = node.ExclusiveMinimum ?? shape.ExclusiveMinimum;
            shape.ExclusiveMaximum = node.ExclusiveMaximum ?? shape.ExclusiveMaximum;
            shape.MultipleOf = node.MultipleOf ?? shape.MultipleOf;
            if (node.Const is not null)
            {
                shape.Const = CheckConst(doc, node.Const, shape);
            }

            shape.Examples = node.Examples.Count > 0 ? node.Examples.ToList() : shape.Examples;
            shape.Default = node.Default ?? shape.Default;
            shape.Deprecated |= node.Deprecated;
            shape.ReadOnly |= node.ReadOnly;
        }

        shape.IgnoredUnlessSet = node.IgnoredUnlessSet ?? shape.IgnoredUnlessSet;
        shape.WarnOnDuplicates |= node.WarnOnDuplicates;
        return shape;
    }

    private ResolvedShape? ResolveRef(SchemaDocument doc, SchemaNode node)
    {
        var reference = node.Ref!;
        var hash = reference.IndexOf('#');
        var file = hash < 0 ? reference : reference.Substring(0, hash);
        var pointer = hash < 0 ? string.Empty : reference.Substring(hash + 1);
        var target = _set.FindDocument(doc, file);
        if (target is null)
        {
            Report(doc, D.Info(D.UnresolvedRefId, node.RefLocation, reference, $"no schema file '{file}' is in the compilation (add it as an AdditionalFile, or check the $id)"));
            return null;
        }

        var targetNode = SchemaSet.FindNode(target, pointer);
        if (targetNode is null)
        {
            Report(doc, D.Info(D.UnresolvedRefId, node.RefLocation, reference, $"'{target.FileName}' has nothing at '#{pointer}'"));
            return null;
        }

        var key = target.Path + "#" + targetNode.Pointer;
        if (_refStack.Contains(key) || _refStack.Count >= MaxRefDepth)
        {
            Report(doc, D.Info(D.RefCycleId, node.RefLocation, reference));
            return null;
        }

        if (target.Path != doc.Path)
        {
            _failures.AddDependency(doc, target, node.RefLocation!);
        }

        _reachability.Mark(target);
        _refStack.Push(key);
        try
        {
            return Resolve(target, targetNode, _namer.CanonicalName(target, targetNode.Pointer) ?? "Unnamed");
        }
        finally
        {
            _refStack.Pop();
        }
    }

    private ResolvedShape? ResolveAnyOf(SchemaDocument doc, SchemaNode node, string inlineName)
    {
        var nonNull = node.AnyOf.Where(s => !IsNullOnly(s)).ToList();
        if (nonNull.Count != 1 || node.AnyOf.Count != 2)
        {
            Report(doc, D.Info(D.UnsupportedTypeId, node.Location, "anyOf is supported only as [schema, {\"type\": \"null\"}] (a nullable value)."));
            return null;
        }

        var shape = Resolve(doc, nonNull[0], inlineName);
        if (shape is not null)
        {
            shape.Nullable = true;
        }

        return shape;
    }

    private ResolvedShape? ResolveAllOf(SchemaDocument doc, SchemaNode node, string inlineName)
    {
        var main = node.AllOf.Where(s => !IsRequiredOnly(s)).ToList();
        if (main.Count != 1)
        {
            Report(doc, D.Info(D.UnsupportedTypeId, node.Location, "allOf is supported only as [schema, {\"required\": [...]}] (extra required members for one use)."));
            return null;
        }

        var shape = Resolve(doc, main[0], inlineName);
        if (shape is null)
        {
            return null;
        }

        var target = shape.Shape == Shapes.Object ? _context.TypesByName.TryGetValue(shape.TypeName ?? string.Empty, out var t) ? t : null : null;
        // The required-only parts add required members and nothing else: any other rule in them is reported, not dropped.
        foreach (var part in node.AllOf.Where(IsRequiredOnly))
        {
            foreach (var keyword in part.Keywords.Where(k => SchemaKeywords.Supported.Contains(k.Name) && k.Name is not ("required" or "$comment" or "title" or "description" or "$schema" or "$id")))
            {
                Report(doc, D.Unenforced(keyword.Location, keyword.Name, "only 'required' is applied from this allOf part"));
            }
        }

        foreach (var extra in node.AllOf.Where(IsRequiredOnly).SelectMany(s => s.Required))
        {
            if (target is null)
            {
                Report(doc, D.Info(D.UnsupportedTypeId, extra.Location, "Extra required members in allOf apply only to an object schema."));
                return null;
            }

            if (!target.Node.Properties.Any(p => p.Name == extra.Name))
            {
                Report(doc, D.Info(D.UnknownRequiredId, extra.Location, extra.Name));
                return null;
            }

            shape.ExtraRequired.Add(extra.Name);
        }

        return shape;
    }

    private ResolvedShape? ResolveDirect(SchemaDocument doc, SchemaNode node, string inlineName)
    {
        var shape = ResolveDirectCore(doc, node, inlineName);
        if (shape is not null && node.Const is not null)
        {
            shape.Const = CheckConst(doc, node.Const, shape);
        }

        return shape;
    }

    /// <summary>A <c>const</c> that <c>Build()</c> compares: a string, number or boolean on a member of that type; otherwise BDSL1019.</summary>
    private ConstValue? CheckConst(SchemaDocument doc, ConstValue constant, ResolvedShape shape)
    {
        var target = shape.Shape == Shapes.Array ? null : shape;
        var ok = target is { Shape: Shapes.Scalar } && constant.Kind switch
        {
            "string" => target.ScalarKind == ScalarKinds.String,
            "number" => target.ScalarKind is ScalarKinds.Decimal or ScalarKinds.Double or ScalarKinds.Integer,
            "boolean" => target.ScalarKind == ScalarKinds.Boolean,
            _ => false,
        };
        if (!ok)
        {
            Report(doc, D.Unenforced(constant.Location, "const", "only a string, number or boolean const on a member of that type is checked"));
            return null;
        }

        return constant;
    }

    private ResolvedShape? ResolveDirectCore(SchemaDocument doc, SchemaNode node, string inlineName)
    {
        var types = node.Types.Where(t => t != "null").Distinct().ToList();
        if (types.Count > 1)
        {
            Report(doc, D.Info(D.UnsupportedTypeId, node.TypeLocation ?? node.Location, $"A value of several types ({string.Join(", ", types)}) is not supported; use one type, optionally with \"null\"."));
            return null;
        }

        var shape = new ResolvedShape
        {
            Nullable = node.AllowsNull,
            Description = node.Description,
            Format = node.Format,
            Pattern = node.Pattern,
            MinLength = node.MinLength,
            MaxLength = node.MaxLength,
            Minimum = node.Minimum,
            Maximum = node.Maximum,
            MinItems = node.MinItems,
            MaxItems = node.MaxItems,
            UniqueItems = node.UniqueItems,
            ExclusiveMinimum = node.ExclusiveMinimum,
            ExclusiveMaximum = node.ExclusiveMaximum,
            MultipleOf = node.MultipleOf,
            Examples = node.Examples.ToList(),
            Default = node.Default,
            Deprecated = node.Deprecated,
            ReadOnly = node.ReadOnly,
        };

        if (node.Pattern is not null && !IsValidPattern(doc, node))
        {
            return null;
        }

        var type = types.Count == 1 ? types[0] : InferType(node);
        if (node.HasEnum)
        {
            if (type is not "string" and not "")
            {
                Report(doc, D.Info(D.UnsupportedTypeId, node.TypeLocation ?? node.Location, $"Only string enums are supported, not {type} enums."));
                return null;
            }

            var name = _namer.CanonicalName(doc, node.Pointer) ?? inlineName;
            var pending = _namer.Register(doc, node, name);
            if (pending is null)
            {
                return null;
            }

            shape.Shape = Shapes.Enum;
            shape.TypeName = pending.FullName;
            return shape;
        }

        switch (type)
        {
            case "object" when node.HasProperties:
            {
                var pending = _namer.Register(doc, node, _namer.CanonicalName(doc, node.Pointer) ?? inlineName);
                if (pending is null)
                {
                    return null;
                }

                shape.Shape = Shapes.Object;
                shape.TypeName = pending.FullName;
                return shape;
            }

            case "array":
            {
                shape.Shape = Shapes.Array;
                if (node.Items is null)
                {
                    shape.Element = new ResolvedShape { Shape = Shapes.Opaque };
                    return shape;
                }

                var element = Resolve(doc, node.Items, inlineName);
                if (element is null)
                {
                    return null;
                }

                if (element.Shape == Shapes.Array || element.Nullable)
                {
                    Report(doc, D.Info(D.UnsupportedTypeId, node.Items.Location, element.Shape == Shapes.Array
                        ? "Arrays of arrays are not supported."
                        : "Array elements that may be null are not supported."));
                    return null;
                }

                shape.Element = element;
                return shape;
            }

            case "string":
                shape.Shape = Shapes.Scalar;
                shape.ScalarKind = ScalarKinds.String;
                if (node.Format == "date-time")
                {
                    shape.ScalarKind = ScalarKinds.DateTime;
                }
                else if (node.Format is not null && !SchemaKeywords.StringFormats.Contains(node.Format))
                {
                    Report(doc, D.Info(D.UnsupportedFormatId, node.FormatLocation, node.Format, "a string"));
                    shape.Format = null;
                }

                return shape;
            case "number":
            case "integer":
                shape.Shape = Shapes.Scalar;
                shape.ScalarKind = type == "integer" ? ScalarKinds.Integer : node.Format == "decimal" ? ScalarKinds.Decimal : ScalarKinds.Double;
                if (node.Format is not null && (type == "integer" || !SchemaKeywords.NumberFormats.Contains(node.Format)))
                {
                    Report(doc, D.Info(D.UnsupportedFormatId, node.FormatLocation, node.Format, "a " + type));
                }

                shape.Format = null;
                return shape;
            case "boolean":
                shape.Shape = Shapes.Scalar;
                shape.ScalarKind = ScalarKinds.Boolean;
                return shape;
            default:
                // An object without declared properties, or a schema without a type: a shape the docs leave open.
                shape.Shape = Shapes.Opaque;
                shape.Nullable = true;
                if (type == "object" || (types.Count == 0 && node.Types.Contains("null")))
                {
                    // Build() checks the JSON type of the element it is given (an object, or null).
                    shape.OpaqueTypes = type == "object" ? node.AllowsNull ? "object|null" : "object" : "null";
                }

                if (node.Required.Count > 0)
                {
                    Report(doc, D.Unenforced(node.KeywordLocation("required") ?? node.Location, "required",
                        "an object without 'properties' is held as a JsonElement and its members are not checked; declare them under 'properties'"));
                }

                if (node.Types.Count == 0)
                {
                    foreach (var keyword in SchemaKeywords.TypeSpecific.Where(k => k != "const" && node.Has(k)))
                    {
                        Report(doc, D.Unenforced(node.KeywordLocation(keyword), keyword,
                            "the schema has no 'type', so the value may be of any JSON type and is held as a JsonElement; add \"type\""));
                    }
                }

                shape.Format = null;
                return shape;
        }
    }

    private static string InferType(SchemaNode node) =>
        node.HasProperties ? "object" : node.Items is not null ? "array" : node.HasEnum ? "string" : string.Empty;

    private bool IsValidPattern(SchemaDocument doc, SchemaNode node)
    {
        try
        {
            _ = new Regex(node.Pattern!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException ex)
        {
            Report(doc, D.Info(D.InvalidPatternId, node.PatternLocation, node.Pattern!, ex.Message));
            return false;
        }
    }

    private static bool IsNullOnly(SchemaNode s) =>
        s.Ref is null && s.Types.Count == 1 && s.Types[0] == "null" && !s.HasProperties && !s.HasEnum;

    private static bool IsRequiredOnly(SchemaNode s) =>
        s.Ref is null && s.Types.Count == 0 && !s.HasProperties && !s.HasEnum && s.Items is null && s.Required.Count > 0 && s.AnyOf.Count == 0 && s.AllOf.Count == 0;

    private void Report(SchemaDocument doc, DiagnosticInfo info) => _context.Report(doc, info);
}
