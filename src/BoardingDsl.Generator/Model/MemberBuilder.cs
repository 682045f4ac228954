using System;
using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Schema;
using D = BoardingDsl.Generator.Diagnostics.DiagnosticCatalogue;

namespace BoardingDsl.Generator.Model;

/// <summary>
/// Builds the model of one named type: an enum's members (one per distinct string value, each a valid, distinct C# name),
/// or an object's properties (each a valid, distinct C# name and <c>With…</c> method, its shape from
/// <see cref="ShapeResolver"/>), with the checks that need the whole member list (required names and
/// <c>x-ignored-unless-set</c> that name no property). A member that cannot be made is reported and left out.
/// </summary>
internal sealed class MemberBuilder
{
    private readonly ModelContext _context;
    private readonly ShapeResolver _shapes;

    public MemberBuilder(ModelContext context, ShapeResolver shapes)
    {
        _context = context;
        _shapes = shapes;
    }

    /// <summary>Sets <see cref="PendingType.Model"/>; leaves it null (after reporting) when the type cannot be made.</summary>
    public void Build(PendingType type)
    {
        if (type.IsEnum)
        {
            BuildEnum(type);
        }
        else
        {
            BuildObject(type);
        }
    }

    private static string? RootId(PendingType type) => type.Node.Pointer.Length == 0 ? type.Document.Id : null;

    private void BuildEnum(PendingType type)
    {
        var node = type.Node;
        if (node.EnumValues.Count == 0)
        {
            _context.Report(type.Document, D.EnumWithoutValuesAt(node.Location, type.Name));
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
                _context.Report(type.Document, D.NoIdentifierAt(value.Location, value.Value));
                continue;
            }

            if (name == type.Name)
            {
                name += "Value";
            }

            if (names.TryGetValue(name, out var other))
            {
                _context.Report(type.Document, D.NameCollisionAt(value.Location, other, value.Value, name, type.Name));
                continue;
            }

            names[name] = value.Value;
            members.Add(new EnumMemberModel(value.Value, name, value.Description, node.FinalValues.Contains(value.Value)));
        }

        type.Model = new TypeModel(TypeKind.Enum, type.Document.Namespace, type.Name, _context.Options.IsPublic, node.Description ?? node.Title,
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
            var name = Identifiers.ToPascalCase(property.Name);
            if (name.Length == 0)
            {
                _context.Report(type.Document, D.NoIdentifierAt(property.NameLocation, property.Name));
                continue;
            }

            var method = "With" + name;
            if (method == type.Name + GeneratedNames.BuilderSuffix)
            {
                method += "Value"; // a method may not be named like the builder class it is in
            }

            if (name == type.Name || TypeNamer.IsReservedMemberName(name))
            {
                name += "Value";
            }

            if (names.TryGetValue(name, out var other))
            {
                _context.Report(type.Document, D.NameCollisionAt(property.NameLocation, other, property.Name, name, type.Name));
                continue;
            }

            names[name] = property.Name;
            var shape = _shapes.Resolve(type.Document, property.Schema, type.Name + name);
            if (shape is null)
            {
                continue;
            }

            var element = shape.Element;
            var value = element ?? shape;
            properties.Add(new PropertyModel
            {
                JsonName = property.Name,
                Name = name,
                Method = method,
                Description = property.Schema.Description ?? shape.Description,
                Shape = shape.Shape,
                ElementShape = element?.Shape ?? Shape.None,
                ScalarKind = value.ScalarKind,
                TypeName = element?.TypeName ?? shape.TypeName,
                IsRequired = required.Contains(property.Name),
                IsNullable = shape.Nullable,
                // An array's value rules are its elements' (items); the same keywords on the array itself constrain nothing.
                Format = FormatOf(value.Format),
                Pattern = value.Pattern,
                MinLength = Count(value.MinLength),
                MaxLength = Count(value.MaxLength),
                Minimum = value.Minimum,
                Maximum = value.Maximum,
                MinItems = Count(shape.MinItems),
                MaxItems = Count(shape.MaxItems),
                UniqueItems = shape.UniqueItems,
                ExtraRequired = value.ExtraRequired.ToEquatableArray(),
                IgnoredUnlessSet = shape.IgnoredUnlessSet,
                WarnOnDuplicates = shape.WarnOnDuplicates,
                ExclusiveMinimum = value.ExclusiveMinimum,
                ExclusiveMaximum = value.ExclusiveMaximum,
                MultipleOf = value.MultipleOf,
                ConstKind = value.Const?.Kind,
                ConstText = value.Const?.Text,
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
                _context.Report(type.Document, D.UnknownRequiredAt(r.Location, r.Name));
            }
        }

        foreach (var p in properties.Where(p => p.IgnoredUnlessSet is not null))
        {
            if (!properties.Any(o => o.JsonName == p.IgnoredUnlessSet))
            {
                var at = node.Properties.First(s => s.Name == p.JsonName).NameLocation;
                _context.Report(type.Document, D.KeywordWrongTypeAt(at, "x-ignored-unless-set", "the name of a sibling property", "'" + p.IgnoredUnlessSet + "'"));
            }
        }

        type.Model = new TypeModel(TypeKind.Object, type.Document.Namespace, type.Name, _context.Options.IsPublic, node.Description ?? node.Title,
            type.Document.FileName, RootId(type), type.Document.IsUnverified, node.AdditionalProperties != false,
            properties.ToEquatableArray(), EquatableArray<EnumMemberModel>.Empty, null);
    }

    /// <summary>What <c>format</c> makes <c>Build()</c> check on a string (date-time and decimal are types, not checks).</summary>
    private static StringFormat FormatOf(string? format) => format switch
    {
        "uri" => StringFormat.Uri,
        "email" => StringFormat.Email,
        _ => StringFormat.None,
    };

    /// <summary>A length or item count the reader already checked is a whole number from 0 to int.MaxValue (JSON Schema allows <c>2.0</c>).</summary>
    private static int? Count(string? text) => text is null
        ? null
        : (int)decimal.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}
