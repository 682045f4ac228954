using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using BoardingDsl.Generator.Schema;
using D = BoardingDsl.Generator.Diagnostics.DiagnosticCatalogue;

namespace BoardingDsl.Generator.Model;

/// <summary>
/// Follows one schema node to the shape a property holds (<see cref="ResolvedShape"/>): a <c>$ref</c> to its target (in this
/// file or another, with cycles and over-long chains reported), <c>anyOf [X, null]</c> to a nullable X, <c>allOf [X,
/// {"required": [...]}]</c> to X with extra required members, and a direct schema to a scalar, array, enum, object or opaque
/// value; keywords beside <c>$ref</c>/<c>anyOf</c>/<c>allOf</c> add to what the target says. Every schema construct
/// BoardingDsl does not understand is reported here, at its keyword. Enum and object shapes are named through
/// <see cref="TypeNamer"/>; each <c>$ref</c> marks its target reached and records the dependency.
/// </summary>
internal sealed class ShapeResolver
{
    /// <summary>A longer chain of $ref is reported, not followed: each step is a stack frame of the compiler.</summary>
    private const int MaxRefDepth = 64;

    private readonly ModelContext _context;
    private readonly TypeNamer _namer;
    private readonly Reachability _reachability;
    private readonly FailurePropagation _failures;
    private readonly Stack<string> _refStack = new();

    public ShapeResolver(ModelContext context, TypeNamer namer, Reachability reachability, FailurePropagation failures)
    {
        _context = context;
        _namer = namer;
        _reachability = reachability;
        _failures = failures;
    }

    /// <summary>Follows one node to what it is. Returns null (after reporting) when it cannot be understood.</summary>
    public ResolvedShape? Resolve(SchemaDocument doc, SchemaNode node, string inlineName)
    {
        // One of $ref, anyOf, allOf decides what a node is; a second one beside it would be dropped, so it is reported.
        if (node.Ref is not null || node.AnyOf.Count > 0)
        {
            foreach (var dropped in new[] { "anyOf", "allOf" }.Where(k => (k == "allOf" || node.Ref is not null) && node.Has(k)))
            {
                _context.Report(doc, D.Unenforced(node.KeywordLocation(dropped), dropped,
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
            _context.Report(doc, D.EmptyCompositionAt(node.Location));
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
        var target = _context.Set.FindDocument(doc, file);
        if (target is null)
        {
            _context.Report(doc, D.UnresolvedRefAt(node.RefLocation, reference, $"no schema file '{file}' is in the compilation (add it as an AdditionalFile, or check the $id)"));
            return null;
        }

        var targetNode = SchemaSet.FindNode(target, pointer);
        if (targetNode is null)
        {
            _context.Report(doc, D.UnresolvedRefAt(node.RefLocation, reference, $"'{target.FileName}' has nothing at '#{pointer}'"));
            return null;
        }

        var key = target.Path + "#" + targetNode.Pointer;
        if (_refStack.Contains(key) || _refStack.Count >= MaxRefDepth)
        {
            _context.Report(doc, D.RefCycleAt(node.RefLocation, reference));
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
            _context.Report(doc, D.AnyOfFormAt(node.Location));
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
            _context.Report(doc, D.AllOfFormAt(node.Location));
            return null;
        }

        var shape = Resolve(doc, main[0], inlineName);
        if (shape is null)
        {
            return null;
        }

        var target = shape.Shape == Shape.Object ? _context.TypesByName.TryGetValue(shape.TypeName ?? string.Empty, out var t) ? t : null : null;
        // The required-only parts add required members and nothing else: any other rule in them is reported, not dropped.
        foreach (var part in node.AllOf.Where(IsRequiredOnly))
        {
            foreach (var keyword in part.Keywords.Where(k => SchemaKeywords.Supported.Contains(k.Name) && k.Name is not ("required" or "$comment" or "title" or "description" or "$schema" or "$id")))
            {
                _context.Report(doc, D.Unenforced(keyword.Location, keyword.Name, "only 'required' is applied from this allOf part"));
            }
        }

        foreach (var extra in node.AllOf.Where(IsRequiredOnly).SelectMany(s => s.Required))
        {
            if (target is null)
            {
                _context.Report(doc, D.ExtraRequiredOnNonObjectAt(extra.Location));
                return null;
            }

            if (!target.Node.Properties.Any(p => p.Name == extra.Name))
            {
                _context.Report(doc, D.UnknownRequiredAt(extra.Location, extra.Name));
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
        var target = shape.Shape == Shape.Array ? null : shape;
        var ok = target is { Shape: Shape.Scalar } && constant.Kind switch
        {
            "string" => target.ScalarKind == ScalarKind.String,
            "number" => target.ScalarKind is ScalarKind.Decimal or ScalarKind.Double or ScalarKind.Integer,
            "boolean" => target.ScalarKind == ScalarKind.Boolean,
            _ => false,
        };
        if (!ok)
        {
            _context.Report(doc, D.Unenforced(constant.Location, "const", "only a string, number or boolean const on a member of that type is checked"));
            return null;
        }

        return constant;
    }

    private ResolvedShape? ResolveDirectCore(SchemaDocument doc, SchemaNode node, string inlineName)
    {
        var types = node.Types.Where(t => t != "null").Distinct().ToList();
        if (types.Count > 1)
        {
            _context.Report(doc, D.SeveralTypesAt(node.TypeLocation ?? node.Location, string.Join(", ", types)));
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
                _context.Report(doc, D.NonStringEnumTypeAt(node.TypeLocation ?? node.Location, type));
                return null;
            }

            var name = _namer.CanonicalName(doc, node.Pointer) ?? inlineName;
            var pending = _namer.Register(doc, node, name);
            if (pending is null)
            {
                return null;
            }

            shape.Shape = Shape.Enum;
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

                shape.Shape = Shape.Object;
                shape.TypeName = pending.FullName;
                return shape;
            }

            case "array":
            {
                shape.Shape = Shape.Array;
                if (node.Items is null)
                {
                    shape.Element = new ResolvedShape { Shape = Shape.Opaque };
                    return shape;
                }

                var element = Resolve(doc, node.Items, inlineName);
                if (element is null)
                {
                    return null;
                }

                if (element.Shape == Shape.Array || element.Nullable)
                {
                    _context.Report(doc, element.Shape == Shape.Array
                        ? D.ArrayOfArraysAt(node.Items.Location)
                        : D.NullableElementsAt(node.Items.Location));
                    return null;
                }

                shape.Element = element;
                return shape;
            }

            case "string":
                shape.Shape = Shape.Scalar;
                shape.ScalarKind = ScalarKind.String;
                if (node.Format == "date-time")
                {
                    shape.ScalarKind = ScalarKind.DateTime;
                }
                else if (node.Format is not null && !SchemaKeywords.StringFormats.Contains(node.Format))
                {
                    _context.Report(doc, D.UnsupportedFormatAt(node.FormatLocation, node.Format, "a string"));
                    shape.Format = null;
                }

                return shape;
            case "number":
            case "integer":
                shape.Shape = Shape.Scalar;
                shape.ScalarKind = type == "integer" ? ScalarKind.Integer : node.Format == "decimal" ? ScalarKind.Decimal : ScalarKind.Double;
                if (node.Format is not null && (type == "integer" || !SchemaKeywords.NumberFormats.Contains(node.Format)))
                {
                    _context.Report(doc, D.UnsupportedFormatAt(node.FormatLocation, node.Format, "a " + type));
                }

                shape.Format = null;
                return shape;
            case "boolean":
                shape.Shape = Shape.Scalar;
                shape.ScalarKind = ScalarKind.Boolean;
                return shape;
            default:
                // An object without declared properties, or a schema without a type: a shape the docs leave open.
                shape.Shape = Shape.Opaque;
                shape.Nullable = true;
                if (type == "object" || (types.Count == 0 && node.Types.Contains("null")))
                {
                    // Build() checks the JSON type of the element it is given (an object, or null).
                    shape.OpaqueTypes = type == "object" ? node.AllowsNull ? "object|null" : "object" : "null";
                }

                if (node.Required.Count > 0)
                {
                    _context.Report(doc, D.Unenforced(node.KeywordLocation("required") ?? node.Location, "required",
                        "an object without 'properties' is held as a JsonElement and its members are not checked; declare them under 'properties'"));
                }

                if (node.Types.Count == 0)
                {
                    foreach (var keyword in SchemaKeywords.TypeSpecific.Where(k => k != "const" && node.Has(k)))
                    {
                        _context.Report(doc, D.Unenforced(node.KeywordLocation(keyword), keyword,
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
            _context.Report(doc, D.InvalidPatternAt(node.PatternLocation, node.Pattern!, ex.Message));
            return false;
        }
    }

    private static bool IsNullOnly(SchemaNode s) =>
        s.Ref is null && s.Types.Count == 1 && s.Types[0] == "null" && !s.HasProperties && !s.HasEnum;

    private static bool IsRequiredOnly(SchemaNode s) =>
        s.Ref is null && s.Types.Count == 0 && !s.HasProperties && !s.HasEnum && s.Items is null && s.Required.Count > 0 && s.AnyOf.Count == 0 && s.AllOf.Count == 0;
}
