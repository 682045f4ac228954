using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Diagnostics;
using BoardingDsl.Generator.Json;
using Microsoft.CodeAnalysis.Text;
using D = BoardingDsl.Generator.Diagnostics.DiagnosticCatalogue;

namespace BoardingDsl.Generator.Schema;

/// <summary>Reads one schema file into a <see cref="SchemaDocument"/>, collecting problems with their places.</summary>
internal sealed class SchemaReader
{
    private readonly string _path;
    private readonly SourceText _text;
    private readonly List<DiagnosticInfo> _fatal = new();
    private readonly List<DiagnosticInfo> _issues = new();

    private SchemaReader(string path, string text)
    {
        _path = path;
        _text = SourceText.From(text);
    }

    public static SchemaParseResult Read(SchemaFileText file)
    {
        var text = file.Text ?? string.Empty;
        var reader = new SchemaReader(file.Path, text);
        try
        {
            return reader.ReadDocument(file);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new SchemaParseResult(null, new EquatableArray<DiagnosticInfo>(new[]
            {
                D.InternalErrorAt(reader.At(0, 0), ex.GetType().Name + ": " + ex.Message),
            }));
        }
    }

    private SchemaParseResult ReadDocument(SchemaFileText file)
    {
        JsonNode json;
        try
        {
            json = JsonParser.Parse(_text.ToString());
        }
        catch (JsonParseException ex)
        {
            // Broken JSON is only reported for files that mean to be Boarding schemas; other *.schema.json files are none of ours.
            if (!IsMeantForBoarding(_text.ToString()))
            {
                return new SchemaParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            _fatal.Add(D.InvalidJsonAt(At(ex.Position, 1), ex.Message));
            return new SchemaParseResult(null, _fatal.ToEquatableArray());
        }

        if (json is not JsonObjectNode root)
        {
            if (!IsMeantForBoarding(_text.ToString()))
            {
                return new SchemaParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            _fatal.Add(D.RootNotObjectAt(At(json), json.KindName));
            return new SchemaParseResult(null, _fatal.ToEquatableArray());
        }

        var endpoint = ReadEndpoint(root);
        if (_fatal.Count > 0)
        {
            return new SchemaParseResult(null, _fatal.ToEquatableArray()); // an endpoint that cannot be understood: not generated
        }

        var rootNode = ReadNode(root, string.Empty);
        var defs = new List<NamedSchema>();
        if (root.GetMember("$defs") is { } defsMember)
        {
            if (defsMember.Value is JsonObjectNode defsObject)
            {
                foreach (var def in defsObject.Members)
                {
                    if (def.Value is JsonObjectNode defObject)
                    {
                        defs.Add(new NamedSchema(def.Name, At(def.NameStart, def.NameLength), ReadNode(defObject, "/$defs/" + EscapePointer(def.Name))));
                    }
                    else
                    {
                        _issues.Add(D.KeywordWrongTypeAt(At(def.Value), "$defs/" + def.Name, "an object", def.Value.KindName));
                    }
                }
            }
            else
            {
                _issues.Add(D.KeywordWrongTypeAt(At(defsMember.Value), "$defs", "an object", defsMember.Value.KindName));
            }
        }

        var fileName = System.IO.Path.GetFileName(_path);
        var document = new SchemaDocument(
            _path,
            fileName,
            file.Namespace,
            (root.Get("$id") as JsonStringNode)?.Value,
            (root.Get("title") as JsonStringNode)?.Value,
            rootNode,
            defs.ToEquatableArray(),
            endpoint,
            root.Get("x-unverified") is JsonBooleanNode { Value: true },
            file.IsDefault,
            _issues.ToEquatableArray());
        return new SchemaParseResult(document, _fatal.ToEquatableArray());
    }

    /// <summary>An empty file, or one that names the Boarding endpoint keyword, is meant to be a Boarding schema.</summary>
    private static bool IsMeantForBoarding(string text) =>
        text.Trim().Trim('\uFEFF').Trim().Length == 0 || text.IndexOf("x-boarding-endpoint", StringComparison.Ordinal) >= 0;

    private EndpointInfo? ReadEndpoint(JsonObjectNode root)
    {
        var member = root.GetMember("x-boarding-endpoint");
        if (member is null)
        {
            return null;
        }

        if (member.Value is not JsonObjectNode e)
        {
            _fatal.Add(D.InvalidEndpointAt(At(member.Value), "it must be an object"));
            return null;
        }

        string? Required(string name)
        {
            if (e.Get(name) is JsonStringNode { Value.Length: > 0 } s)
            {
                return s.Value;
            }

            _fatal.Add(D.InvalidEndpointAt(At(e.Get(name) ?? (JsonNode)e), $"'{name}' must be a non-empty string"));
            return null;
        }

        var operation = Required("operation");
        var role = Required("role");
        var method = Required("method");
        var path = Required("path");
        if (role is not null and not "request" and not "response")
        {
            _fatal.Add(D.InvalidEndpointAt(At(e.Get("role")!), "'role' must be \"request\" or \"response\""));
        }

        if (operation is not null && !Identifiers.IsValidIdentifier(operation))
        {
            _fatal.Add(D.InvalidEndpointAt(At(e.Get("operation")!), "'operation' must be a C# identifier"));
        }

        var responses = new List<ResponseInfo>();
        if (e.Get("responses") is JsonObjectNode r)
        {
            foreach (var m in r.Members)
            {
                responses.Add(new ResponseInfo(m.Name, (m.Value as JsonStringNode)?.Value ?? string.Empty));
            }
        }

        var parameters = new List<string>();
        if (e.Get("parameters") is JsonObjectNode p)
        {
            parameters.AddRange(p.Members.Select(m => m.Name));
        }

        if (operation is null || role is null || method is null || path is null)
        {
            return null;
        }

        return new EndpointInfo(
            operation,
            role,
            method.ToUpperInvariant(),
            path,
            responses.ToEquatableArray(),
            (e.Get("response") as JsonStringNode)?.Value,
            (e.Get("x-undocumented") as JsonStringNode)?.Value,
            parameters.ToEquatableArray(),
            At(member.NameStart, member.NameLength));
    }

    private SchemaNode ReadNode(JsonObjectNode o, string pointer)
    {
        var types = new List<string>();
        LocationInfo? typeLocation = null;
        string? reference = null;
        LocationInfo? refLocation = null;
        string? format = null;
        LocationInfo? formatLocation = null;
        string? pattern = null;
        LocationInfo? patternLocation = null;
        var hasEnum = false;
        var enumAllowsNull = false;
        var enumValues = new List<EnumValue>();
        var finalValues = new List<string>();
        var hasProperties = false;
        var properties = new List<SchemaProperty>();
        var required = new List<RequiredName>();
        bool? additional = null;
        SchemaNode? items = null;
        var anyOf = new List<SchemaNode>();
        var allOf = new List<SchemaNode>();
        var emptyComposition = false;
        string? minLength = null, maxLength = null, minimum = null, maximum = null, minItems = null, maxItems = null;
        var unique = false;
        string? ignoredUnless = null;
        var warnDuplicates = false;
        Dictionary<string, string>? enumDescriptions = null;
        string? exclusiveMinimum = null, exclusiveMaximum = null, multipleOf = null, defaultText = null;
        ConstValue? constant = null;
        var examples = new List<string>();
        bool deprecated = false, readOnly = false, writeOnly = false;
        var keywords = new List<KeywordAt>();

        foreach (var m in o.Members)
        {
            var v = m.Value;
            keywords.Add(new KeywordAt(m.Name, At(m.NameStart, m.NameLength)));
            switch (m.Name)
            {
                case "$schema":
                case "$id":
                case "$comment":
                case "title":
                case "description":
                    ExpectString(m);
                    break;
                case "type":
                    typeLocation = At(v);
                    ReadTypes(m, types);
                    break;
                case "$ref":
                    if (ExpectString(m) is { } r)
                    {
                        reference = r;
                        refLocation = At(v);
                    }

                    break;
                case "format":
                    if (ExpectString(m) is { } f)
                    {
                        format = f;
                        formatLocation = At(v);
                    }

                    break;
                case "pattern":
                    if (ExpectString(m) is { } pt)
                    {
                        pattern = pt;
                        patternLocation = At(v);
                    }

                    break;
                case "enum":
                    if (v is JsonArrayNode values)
                    {
                        hasEnum = true;
                        foreach (var item in values.Items)
                        {
                            if (item is JsonStringNode s)
                            {
                                enumValues.Add(new EnumValue(s.Value, null, At(item)));
                            }
                            else if (item is JsonNullNode)
                            {
                                enumAllowsNull = true;
                            }
                            else
                            {
                                _issues.Add(D.NonStringEnumValueAt(At(item), item.KindName));
                            }
                        }
                    }
                    else
                    {
                        WrongType(m, "an array");
                    }

                    break;
                case "x-value-descriptions":
                    if (v is JsonObjectNode descriptions)
                    {
                        enumDescriptions = new Dictionary<string, string>(StringComparer.Ordinal);
                        foreach (var d in descriptions.Members)
                        {
                            if (d.Value is JsonStringNode ds)
                            {
                                enumDescriptions[d.Name] = ds.Value;
                            }
                        }
                    }

                    break;
                case "x-final-values":
                    if (v is JsonArrayNode finals)
                    {
                        finalValues.AddRange(finals.Items.OfType<JsonStringNode>().Select(s => s.Value));
                    }

                    break;
                case "properties":
                    if (v is JsonObjectNode props)
                    {
                        hasProperties = true;
                        foreach (var p in props.Members)
                        {
                            if (p.Value is JsonObjectNode ps)
                            {
                                properties.Add(new SchemaProperty(p.Name, At(p.NameStart, p.NameLength), ReadNode(ps, pointer + "/properties/" + EscapePointer(p.Name))));
                            }
                            else
                            {
                                _issues.Add(D.KeywordWrongTypeAt(At(p.Value), "properties/" + p.Name, "an object (a schema)", p.Value.KindName));
                            }
                        }
                    }
                    else
                    {
                        WrongType(m, "an object");
                    }

                    break;
                case "required":
                    if (v is JsonArrayNode req)
                    {
                        foreach (var item in req.Items)
                        {
                            if (item is JsonStringNode s)
                            {
                                required.Add(new RequiredName(s.Value, At(item)));
                            }
                            else
                            {
                                _issues.Add(D.KeywordWrongTypeAt(At(item), "required", "an array of strings", "an array containing " + item.KindName));
                            }
                        }
                    }
                    else
                    {
                        WrongType(m, "an array of strings");
                    }

                    break;
                case "additionalProperties":
                    if (v is JsonBooleanNode b)
                    {
                        additional = b.Value;
                    }
                    else
                    {
                        WrongType(m, "true or false");
                    }

                    break;
                case "items":
                    if (v is JsonObjectNode io)
                    {
                        items = ReadNode(io, pointer + "/items");
                    }
                    else
                    {
                        WrongType(m, "an object (one schema)");
                    }

                    break;
                case "anyOf":
                case "allOf":
                    if (v is JsonArrayNode list)
                    {
                        emptyComposition |= list.Items.Count == 0;
                        var target = m.Name == "anyOf" ? anyOf : allOf;
                        for (var i = 0; i < list.Items.Count; i++)
                        {
                            if (list.Items[i] is JsonObjectNode so)
                            {
                                target.Add(ReadNode(so, pointer + "/" + m.Name + "/" + i.ToString(CultureInfo.InvariantCulture)));
                            }
                            else
                            {
                                _issues.Add(D.KeywordWrongTypeAt(At(list.Items[i]), m.Name, "an array of schemas", "an array containing " + list.Items[i].KindName));
                            }
                        }
                    }
                    else
                    {
                        WrongType(m, "an array of schemas");
                    }

                    break;
                case "minLength":
                case "maxLength":
                case "minItems":
                case "maxItems":
                    var count = ExpectNumber(m, integer: true);
                    switch (m.Name)
                    {
                        case "minLength": minLength = count; break;
                        case "maxLength": maxLength = count; break;
                        case "minItems": minItems = count; break;
                        default: maxItems = count; break;
                    }

                    break;
                case "minimum":
                    minimum = ExpectNumber(m, integer: false);
                    break;
                case "maximum":
                    maximum = ExpectNumber(m, integer: false);
                    break;
                case "exclusiveMinimum":
                    exclusiveMinimum = ExpectNumber(m, integer: false);
                    break;
                case "exclusiveMaximum":
                    exclusiveMaximum = ExpectNumber(m, integer: false);
                    break;
                case "multipleOf":
                    multipleOf = ExpectNumber(m, integer: false);
                    if (multipleOf is not null && decimal.Parse(multipleOf, CultureInfo.InvariantCulture) <= 0)
                    {
                        WrongType(m, "a number greater than 0", multipleOf);
                        multipleOf = null;
                    }

                    break;
                case "const":
                    constant = v switch
                    {
                        JsonStringNode cs => new ConstValue("string", cs.Value, At(m.NameStart, m.NameLength)),
                        JsonBooleanNode cb => new ConstValue("boolean", cb.Value ? "true" : "false", At(m.NameStart, m.NameLength)),
                        JsonNullNode => new ConstValue("null", "null", At(m.NameStart, m.NameLength)),
                        JsonNumberNode cn when decimal.TryParse(cn.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var cd) =>
                            new ConstValue("number", cd.ToString(CultureInfo.InvariantCulture), At(m.NameStart, m.NameLength)),
                        _ => new ConstValue("other", Raw(v), At(m.NameStart, m.NameLength)),
                    };
                    break;
                case "examples":
                    if (v is JsonArrayNode exampleList)
                    {
                        examples.AddRange(exampleList.Items.Select(Raw));
                    }
                    else
                    {
                        WrongType(m, "an array");
                    }

                    break;
                case "default":
                    defaultText = Raw(v);
                    break;
                case "deprecated":
                case "readOnly":
                case "writeOnly":
                    if (v is JsonBooleanNode flag)
                    {
                        deprecated |= m.Name == "deprecated" && flag.Value;
                        readOnly |= m.Name == "readOnly" && flag.Value;
                        writeOnly |= m.Name == "writeOnly" && flag.Value;
                    }
                    else
                    {
                        WrongType(m, "true or false");
                    }

                    break;
                case "contentMediaType":
                case "contentEncoding":
                    ExpectString(m);
                    break;
                case "contentSchema":
                    break;
                case "uniqueItems":
                    if (v is JsonBooleanNode u)
                    {
                        unique = u.Value;
                    }
                    else
                    {
                        WrongType(m, "true or false");
                    }

                    break;
                case "x-ignored-unless-set":
                    ignoredUnless = ExpectString(m);
                    break;
                case "x-warn-on-duplicates":
                    warnDuplicates = v is JsonBooleanNode { Value: true };
                    break;
                case "$defs":
                    // Read by the document reader; only valid at the root.
                    if (pointer.Length != 0)
                    {
                        _issues.Add(D.UnsupportedKeywordAt(At(m.NameStart, m.NameLength), "$defs (below the root)"));
                    }

                    break;
                default:
                    if (SchemaKeywords.UnenforcedAssertions.Contains(m.Name))
                    {
                        _issues.Add(D.Unenforced(At(m.NameStart, m.NameLength), m.Name, "BoardingDsl does not check this keyword"));
                    }
                    else if (!SchemaKeywords.IsAnnotation(m.Name))
                    {
                        _issues.Add(D.UnsupportedKeywordAt(At(m.NameStart, m.NameLength), m.Name));
                    }

                    break;
            }
        }

        if (enumDescriptions is not null)
        {
            enumValues = enumValues.Select(e => enumDescriptions.TryGetValue(e.Value, out var d) ? e with { Description = d } : e).ToList();
        }

        return new SchemaNode
        {
            Location = At(o),
            Pointer = pointer,
            Types = types.ToEquatableArray(),
            TypeLocation = typeLocation,
            Ref = reference,
            RefLocation = refLocation,
            Title = (o.Get("title") as JsonStringNode)?.Value,
            Description = (o.Get("description") as JsonStringNode)?.Value,
            Format = format,
            FormatLocation = formatLocation,
            Pattern = pattern,
            PatternLocation = patternLocation,
            HasEnum = hasEnum,
            EnumValues = enumValues.ToEquatableArray(),
            EnumAllowsNull = enumAllowsNull,
            FinalValues = finalValues.ToEquatableArray(),
            HasProperties = hasProperties,
            Properties = properties.ToEquatableArray(),
            Required = required.ToEquatableArray(),
            AdditionalProperties = additional,
            Items = items,
            AnyOf = anyOf.ToEquatableArray(),
            AllOf = allOf.ToEquatableArray(),
            MinLength = minLength,
            MaxLength = maxLength,
            Minimum = minimum,
            Maximum = maximum,
            MinItems = minItems,
            MaxItems = maxItems,
            UniqueItems = unique,
            IgnoredUnlessSet = ignoredUnless,
            WarnOnDuplicates = warnDuplicates,
            HasEmptyComposition = emptyComposition,
            ExclusiveMinimum = exclusiveMinimum,
            ExclusiveMaximum = exclusiveMaximum,
            MultipleOf = multipleOf,
            Const = constant,
            Examples = examples.ToEquatableArray(),
            Default = defaultText,
            Deprecated = deprecated,
            ReadOnly = readOnly,
            WriteOnly = writeOnly,
            Keywords = keywords.ToEquatableArray(),
        };
    }

    /// <summary>The JSON text of a value as written in the file (for examples and defaults in the XML docs).</summary>
    private string Raw(JsonNode node) => _text.ToString(new TextSpan(node.Start, node.Length));

    private void ReadTypes(JsonMember m, List<string> types)
    {
        void Add(JsonNode n)
        {
            if (n is JsonStringNode s && SchemaKeywords.TypeNames.Contains(s.Value))
            {
                types.Add(s.Value);
            }
            else if (n is JsonStringNode unknown)
            {
                _issues.Add(D.UnknownTypeAt(At(n), unknown.Value));
            }
            else
            {
                _issues.Add(D.KeywordWrongTypeAt(At(n), "type", "a type name or an array of type names", n.KindName));
            }
        }

        if (m.Value is JsonArrayNode a)
        {
            foreach (var item in a.Items)
            {
                Add(item);
            }
        }
        else
        {
            Add(m.Value);
        }
    }

    private string? ExpectString(JsonMember m)
    {
        if (m.Value is JsonStringNode s)
        {
            return s.Value;
        }

        WrongType(m, "a string");
        return null;
    }

    private string? ExpectNumber(JsonMember m, bool integer)
    {
        var expected = integer ? "a whole number from 0 to 2147483647" : "a number a C# decimal can hold (magnitude below 7.9E+28)";
        if (m.Value is not JsonNumberNode n)
        {
            WrongType(m, integer ? "a non-negative whole number" : "a number");
            return null;
        }

        if (decimal.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) &&
            (!integer || (value >= 0 && value <= int.MaxValue && decimal.Truncate(value) == value)))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        // A number, but not one the bound can hold: say which, rather than "must be a number, not a number".
        WrongType(m, expected, n.Text.Length <= 40 ? n.Text : n.Text.Substring(0, 40) + "…");
        return null;
    }

    private void WrongType(JsonMember m, string expected, string? actual = null) =>
        _issues.Add(D.KeywordWrongTypeAt(At(m.Value), m.Name, expected, actual ?? m.Value.KindName));

    private LocationInfo At(JsonNode node) => At(node.Start, node.Length);

    private LocationInfo At(int start, int length) => LocationInfo.Create(_path, _text, start, length);

    private static string EscapePointer(string name) => name.Replace("~", "~0").Replace("/", "~1");
}
