using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BoardingDsl.Robustness.Tests.Infrastructure;
using BoardingDsl.Robustness.Tests.Json;
using FsCheck;
using FsCheck.Fluent;
using static BoardingDsl.Robustness.Tests.Corpus.Gens;

namespace BoardingDsl.Robustness.Tests.Corpus;

/// <summary>
/// FsCheck generators of random hostile schemas: one to three files per case (Boarding request/response schemas and the
/// parts they use, referencing each other), random shapes of every supported and unsupported kind, hostile names and
/// texts, wrong-typed keywords, and odd ways of writing the JSON. Half the cases are "clean": awkward but valid, so they
/// must generate and the emitted C# is exercised; the others are hostile throughout. While <see cref="KnownBugs.Avoid"/>
/// is on, the pools leave out the triggers of open bugs and <see cref="KnownBugTriggers"/> filters what slips through.
/// </summary>
internal static class HostileSchemaGen
{
    /// <param name="Clean">Only valid constructs (awkward names and shapes, but nothing that should be an error).</param>
    /// <param name="NoNull">No nullable values here (array elements cannot be null).</param>
    /// <param name="NoRef">Not a bare $ref here (the top of a clean $defs entry: a $ref there may be a cycle, BDSL1011).</param>
    private sealed record Ctx(IReadOnlyList<string> Defs, IReadOnlyList<string> Files, string Self, bool Clean, bool NoNull = false, bool NoRef = false);

    private static bool Keep(string name) => !KnownBugs.Avoid || !KnownBugTriggers.IsTriggerName(name);

    private static readonly string[] Names = Hostile.PlainNames.Concat(Hostile.AwkwardNames).Where(Keep).Distinct().ToArray();

    /// <summary>Awkward names that are still valid property names (an identifier can be made).</summary>
    private static readonly string[] CleanNames = Names.Where(n => NameRules.Pascal(n).Length > 0).ToArray();

    private static readonly string[] Titles = Hostile.Titles.Where(Keep).ToArray();

    /// <summary>
    /// The names the generator keeps for itself (EndpointRules' and TypeNamer's reserved type and member names, and the XBuilder/XJson
    /// companions), as titles or $defs keys they are a BDSL1008 by design: not for clean cases.
    /// </summary>
    private static readonly string[] ReservedTypeNames =
        BoardingDsl.Generator.Model.EndpointRules.ReservedTypeNames.Concat(BoardingDsl.Generator.Model.TypeNamer.ReservedMemberNames).ToArray();

    private static bool IsCleanTypeName(string name)
    {
        var p = NameRules.Pascal(name);
        return !ReservedTypeNames.Contains(p) && !p.EndsWith(BoardingDsl.Generator.Common.GeneratedNames.BuilderSuffix, System.StringComparison.Ordinal) && !p.EndsWith(BoardingDsl.Generator.Common.GeneratedNames.EnumJsonSuffix, System.StringComparison.Ordinal) &&
               System.Text.Encoding.UTF8.GetByteCount(name) <= 120; // inline type names join names: a long path is a BDSL1010 by design
    }

    private static readonly string[] CleanTitles = Titles.Where(IsCleanTypeName).ToArray();

    private static readonly string[] Texts = Hostile.Texts;

    private static readonly string[] EnumValues = Hostile.EnumValues.Where(Keep).ToArray();

    private static readonly string[] Numbers = Hostile.Numbers;

    private static readonly string[] Parameters = Hostile.ParameterNames;

    /// <summary>Parameter names that are valid and distinct, for clean cases.</summary>
    private static readonly string[] CleanParameters = { "orderId", "id", "class", "ünï", "x y", "storeId" };

    private static readonly string[] FileNames = Hostile.FileNames;

    /// <summary>File names whose entry method Boarding.&lt;Name&gt;() the generator accepts (not Boarding, ToString, …, nor empty).</summary>
    private static readonly string[] CleanFileNames = FileNames.Where(f => NameRules.Pascal(f.Substring(0, f.Length - ".schema.json".Length)) is { Length: > 0 } n && !ReservedTypeNames.Contains(n)).ToArray();

    private static readonly string[] Operations = Hostile.Operations.Where(Keep).ToArray();

    private static readonly string[] Paths = Hostile.Paths;

    private static readonly string[] DefNames = Hostile.PlainNames.Concat(new[] { "Class", "event", "Ünï", "a b", "1x", "namespace" }).Where(Keep).ToArray();

    private static readonly string[] Units = { "a", "b", "c", "X", "Y", "_", "-", "0", "9", " ", "é", "日", "😀", ".", "$" };

    private static Gen<string> Name(bool clean) => Pick(
        (6, Gen.Elements(Hostile.PlainNames)),
        (4, Gen.Elements(clean ? CleanNames.Where(IsCleanTypeName).ToArray() : Names)),
        (clean ? 0 : 1, Between(Gen.Elements(Units), 1, 10).Select(u => string.Concat(u))));

    public static Gen<string> Name() => Name(clean: false);

    public static Gen<string> Text { get; } = Gen.Elements(Texts);

    /// <summary>A whole case: 1–3 files, written in random styles; filtered of open-bug triggers while those are avoided.</summary>
    public static Gen<CaseDraft> Case { get; } = Gen.Sized(size => CaseOfDepth(1 + (size / 40)))
        .Where(c => !KnownBugs.Avoid || !KnownBugTriggers.Triggers(c));

    private static Gen<CaseDraft> CaseOfDepth(int depth) =>
        from clean in Chance(50)
        from count in Pick((7, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
        from hostileFileName in Chance(10)
        from firstName in Gen.Elements(clean ? CleanFileNames : FileNames)
        let names = Enumerable.Range(0, count).Select(i => i == 0 && hostileFileName ? firstName : "f" + i.ToString(CultureInfo.InvariantCulture) + ".schema.json").ToArray()
        from roots in Gen.CollectToList(names.Select((n, i) => Root(i, names, depth, clean)))
        from styles in Gen.CollectToList(names.Select(_ => Style()))
        from subNamespace in Gen.CollectToList(names.Select((_, i) => Chance(i == 0 ? 0 : 25)))
        select new CaseDraft(
            (clean ? "clean random: " : "hostile random: ") + string.Join(" + ", roots.Select(r => r.Kind)),
            names.Select((n, i) => styles[i] with
            {
                Name = n,
                Root = clean ? DistinctTitle(roots[i].Node, roots.Take(i).Select(r => r.Node)) : roots[i].Node,
                SubNamespace = subNamespace[i] ? "Ns_Sub" : null, // '_' inside: no generated type can be named like it
            }).ToArray()) { MustGenerate = clean };

    /// <summary>Clean cases: two files of a case do not share a title (that is BDSL1008).</summary>
    private static JNode DistinctTitle(JNode root, IEnumerable<JNode> before)
    {
        if (root is JObject o && o.Get("title") is JString t &&
            before.OfType<JObject>().Any(b => b.Get("title") is JString bt && NameRules.Pascal(bt.Value) == NameRules.Pascal(t.Value)))
        {
            o.Members.RemoveAll(m => m.Key == "title");
        }

        return root;
    }

    private static Gen<FileDraft> Style() =>
        from indent in Chance(70)
        from ascii in Chance(20)
        from bom in Chance(3)
        from trailing in Gen.Elements("\n", string.Empty, "\r\n", "  \n\n")
        select new FileDraft(string.Empty, new JNull(), indent, ascii, bom ? "\uFEFF" : string.Empty, trailing);

    private static Gen<(string Kind, JNode Node)> Root(int index, string[] files, int depth, bool clean) =>
        from defs in Between(Gen.Elements(DefNames), 0, 3)
        // Clean cases: a $defs key is a type name, so keys get a per-file suffix (two files' "street" would be BDSL1008).
        let ctx = new Ctx(Unique(clean ? defs.Select(d => d + "_d" + index.ToString(CultureInfo.InvariantCulture)) : defs, clean), files, files[index], clean)
        from kind in index == 0
            ? Pick((12, Gen.Constant("request")), (4, Gen.Constant("response")), (clean ? 0 : 1, Gen.Constant("enum-response")), (clean ? 0 : 1, Gen.Constant("broken-root")))
            : Pick((4, Gen.Constant("request")), (2, Gen.Constant("response")), (6, Gen.Constant("part")), (clean ? 0 : 1, Gen.Constant("ref-root")), (clean ? 0 : 1, Gen.Constant("enum-part")))
        from node in RootNode(kind, index, ctx, depth).Select(Splice)
        select (kind, node);

    private static string[] Unique(IEnumerable<string> names, bool clean) =>
        clean ? names.GroupBy(NameRules.Pascal).Where(g => g.Key.Length > 0).Select(g => g.First()).ToArray() : names.Distinct().ToArray();

    private static Gen<JNode> RootNode(string kind, int index, Ctx ctx, int depth)
    {
        var header = new[]
        {
            Maybe(80, "$schema", Str("https://json-schema.org/draft/2020-12/schema")),
            Maybe(ctx.Clean ? 100 : 90, "$id", Str("https://t.example/" + SchemaCase.CaseToken + "/" + ctx.Self)),
            Maybe(75, "title", Str(Gen.Elements(ctx.Clean ? CleanTitles : Titles))),
            Maybe(70, "description", Str(Text)),
            Maybe(5, "x-doc-note", Pick((3, Str(Text)), (1, Arr(Between(Str(Text), 0, 3))))),
            Maybe(5, "x-unverified", Pick((3, Const(() => new JBool(true))), (1, Str("yes")))),
        };
        var defCtx = ctx with { NoNull = ctx.Clean, NoRef = ctx.Clean };
        var defs = Maybe(ctx.Defs.Count > 0 ? ctx.Clean ? 100 : 95 : ctx.Clean ? 0 : 5, "$defs", Obj(ctx.Defs.Select((d, i) => Always(d, i == 0 && ctx.Clean
            ? Lazy(() => CleanObjectDef(depth - 1, defCtx))
            : Lazy(() => Node(depth - 1, defCtx))))));
        switch (kind)
        {
            case "request":
            case "response":
                return Obj(header
                    .Append(Always("x-boarding-endpoint", Endpoint(kind, index, ctx)))
                    .Append(Maybe(90, "type", Pick((20, Str("object")), (ctx.Clean ? 0 : 1, Str("array")), (ctx.Clean ? 0 : 1, Const(() => J.Arr(J.Str("object"), J.Str("null")))))))
                    .Concat(ObjectMembers(depth, ctx, minProperties: 1))
                    .Append(defs));
            case "enum-response":
                return Obj(header
                    .Append(Always("x-boarding-endpoint", Endpoint("response", index, ctx)))
                    .Concat(EnumMembers(ctx)));
            case "enum-part":
                return Obj(header.Concat(EnumMembers(ctx)));
            case "ref-root":
                return Obj(header.Append(Always("$ref", Str(Gen.Elements(ctx.Files.ToArray())))));
            case "broken-root":
                var notAnObject = Always("x-boarding-endpoint", Pick((1, Str("x")), (1, Const(() => J.Arr()))));
                var partial = Always("x-boarding-endpoint", Obj(
                    Maybe(50, "operation", Str(Gen.Elements(Operations))),
                    Maybe(50, "role", Str("request", "body")),
                    Maybe(50, "method", Str("POST")),
                    Maybe(50, "path", Pick((3, Str("/x")), (1, Num("5"))))));
                return Pick(
                    (2, Obj(header.Append(notAnObject).Concat(ObjectMembers(depth, ctx)))),
                    (2, Obj(header.Append(partial).Concat(ObjectMembers(depth, ctx)))),
                    (1, Const(() => J.Arr(J.Str("x-boarding-endpoint")))),
                    (1, Const(() => new JRaw("{ \"x-boarding-endpoint\": { \"operation\": \"Run\", "))));
            default: // part: any node with a header
                return Obj(header.Append(defs)).SelectMany(h => Lazy(() => ctx.Clean ? Obj(ObjectMembers(depth, ctx, 1).Prepend(Always("type", Str("object")))) : Node(depth, ctx)).Select(n => Merge((JObject)h, Splice(n))));
        }
    }

    private static JNode Merge(JObject header, JNode node)
    {
        var o = (JObject)header.Clone();
        if (node is JObject n)
        {
            foreach (var m in n.Members)
            {
                o.Add(m.Key, m.Value);
            }
        }

        return o;
    }

    private static Gen<JNode> Endpoint(string role, int index, Ctx ctx)
    {
        var unique = "Op" + index.ToString(CultureInfo.InvariantCulture);
        var others = ctx.Files.Where(f => f != ctx.Self).ToArray();
        return Obj(
            Always("operation", ctx.Clean ? Pick((4, Str(unique)), (1, Str(unique + "Ünï"))) : Pick((4, Str(unique)), (2, Str(Gen.Elements(Operations))))),
            Always("role", Pick((20, Str(role)), (ctx.Clean ? 0 : 1, Str("body", "REQUEST", string.Empty)))),
            Always("method", Str(Hostile.Methods.Where(m => !ctx.Clean || m.Length > 0).ToArray())),
            Always("path", Pick((5, Str("/api/x")), (2, Str(Paths.Where(p => !ctx.Clean || p.Length > 0).ToArray())), (ctx.Clean ? 0 : 1, Num("5")))),
            Maybe(85, "responses", ObjOf(Between(Member(Gen.Elements("200", "400", "401", "0200", "abc", "99999999999", "2e2", "-1"), Pick((5, Str(Text)), (1, Num("5")))), 0, 4))),
            Maybe(70, "response", Pick(
                (3, Const(() => new JNull())),
                (others.Length > 0 ? 3 : 0, Str(others.Length > 0 ? others : new[] { "x" })),
                (1, Str(ctx.Self)),
                (ctx.Clean ? 0 : 1, Str("missing.schema.json", "#", string.Empty)))),
            Maybe(role == "response" ? 40 : 5, "parameters", ObjOf(Between(Member(Gen.Elements(ctx.Clean ? CleanParameters : Parameters), Str(Text)), 0, 3)
                .Select(ms => ctx.Clean ? ms.GroupBy(m => m!.Value.Key).Select(g => g.First()).ToList() : ms))),
            Maybe(20, "x-undocumented", Str(Text)));
    }

    /// <summary>The members of an object schema: properties + required (one pseudo-member, see <see cref="Splice"/>), additionalProperties.</summary>
    private static IEnumerable<Gen<KeyValuePair<string, JNode>?>> ObjectMembers(int depth, Ctx ctx, int minProperties = 0)
    {
        var props = Between(Name(ctx.Clean), minProperties, 7).Select(n => Unique(n, ctx.Clean).ToList());
        var inner = ctx with { NoNull = false };
        yield return props.SelectMany(names =>
            from values in Gen.CollectToList(names.Select(_ => Lazy(() => Node(depth - 1, inner))))
            from required in Gen.SubListOf(names.ToArray())
            from unknown in Chance(ctx.Clean ? 0 : 8)
            from wrongRequired in Chance(ctx.Clean ? 0 : 3)
            from wrongProps in Chance(ctx.Clean ? 0 : 2)
            from ignored in Chance(5)
            select (KeyValuePair<string, JNode>?)new KeyValuePair<string, JNode>("\0props", BuildObject(names, values, required, unknown, wrongRequired, wrongProps, ignored && (!ctx.Clean || names.Count > 1))));
        yield return Maybe(40, "additionalProperties", Pick((10, Const(() => new JBool(true))), (10, Const(() => new JBool(false))), (ctx.Clean ? 0 : 1, Const(() => new JObject()))));
    }

    private static JNode BuildObject(List<string> names, List<JNode> values, List<string> required, bool unknown, bool wrongRequired, bool wrongProps, bool ignored)
    {
        var properties = new JObject();
        for (var i = 0; i < names.Count; i++)
        {
            var value = values[i];
            if (ignored && i == 0 && value is JObject vo)
            {
                vo.Add("x-ignored-unless-set", new JString(names.Count > 1 ? names[1] : "nope"));
            }

            properties.Add(names[i], value);
        }

        var req = J.Strs(required.Concat(unknown ? new[] { "notAProperty" } : System.Array.Empty<string>()));
        return J.Obj(
            ("properties", wrongProps ? J.Arr() : properties),
            ("required", wrongRequired ? J.Str(names.FirstOrDefault() ?? "x") : req));
    }

    private static IEnumerable<Gen<KeyValuePair<string, JNode>?>> EnumMembers(Ctx ctx)
    {
        var values = Between(Gen.Elements(EnumValues), 1, 8).Select(v => ctx.Clean
            ? v.GroupBy(NameRules.EnumMember).Where(g => g.Key.Length > 0 && g.Key.Length <= 120).Select(g => g.First()).DefaultIfEmpty("a").ToList()
            : v);
        var nullable = !ctx.NoNull;
        yield return Maybe(ctx.Clean ? 100 : 85, "type", Pick((12, Str("string")), (nullable ? 2 : 0, Const(() => J.Arr(J.Str("string"), J.Str("null")))), (ctx.Clean ? 0 : 1, Str("integer"))));
        yield return Always("enum", Pick(
            (20, values.Select(v => (JNode)J.Strs(v))),
            (ctx.Clean ? 0 : 1, Const(() => J.Arr())),
            (ctx.Clean ? 0 : 1, Const(() => J.Arr(J.Num(1), J.Bool(true), J.Str("a")))),
            (ctx.Clean ? 0 : 2, values.Select(v => (JNode)new JArray(v.Select(x => (JNode)new JString(x)).Append(new JNull())))),
            (ctx.Clean ? 0 : 1, Const(() => new JObject()))));
        yield return Maybe(20, "x-value-descriptions", ObjOf(Between(Member(Gen.Elements(EnumValues), Str(Text)), 0, 4)));
        yield return Maybe(10, "x-final-values", Arr(Between(Str(Gen.Elements(EnumValues)), 0, 3)));
    }

    /// <summary>One hostile schema node, nested up to <paramref name="depth"/> levels (for mutations).</summary>
    public static Gen<JNode> Node(int depth) => Node(depth, new Ctx(System.Array.Empty<string>(), new[] { "f0.schema.json" }, "f0.schema.json", Clean: false));

    /// <summary>Clean cases: the first $defs entry is an object with members p and q, so allOf can require them.</summary>
    private static Gen<JNode> CleanObjectDef(int depth, Ctx ctx) =>
        from p in Node(System.Math.Max(0, depth), ctx with { Defs = System.Array.Empty<string>(), NoNull = false })
        from q in Node(0, ctx with { Defs = System.Array.Empty<string>(), NoNull = false })
        select (JNode)J.Obj(("type", J.Str("object")), ("properties", J.Obj(("p", p), ("q", q))));

    private static Gen<JNode> CleanAllOf(Ctx ctx) =>
        from required in Gen.Elements(new[] { "p" }, new[] { "q" }, new[] { "p", "q" })
        select (JNode)J.Obj(("allOf", J.Arr(J.Obj(("$ref", J.Str("#/$defs/" + System.Uri.EscapeDataString(ctx.Defs[0])))), J.Obj(("required", J.Strs(required))))));

    private static Gen<JNode> Node(int depth, Ctx top)
    {
        var ctx = top with { NoRef = false };
        var c = ctx.Clean;
        var items = ctx with { NoNull = true };
        return Pick(
                (5, StringNode(ctx)),
                (3, Obj(EnumMembers(ctx))),
                (3, NumberNode(ctx)),
                (2, BoolNode(ctx)),
                (depth > 0 ? 4 : 0, Lazy(() => Obj(ObjectMembers(depth, ctx).Prepend(Maybe(c ? 100 : 85, "type", Pick((8, Str("object")), (ctx.NoNull ? 0 : 1, Const(() => J.Arr(J.Str("object"), J.Str("null")))))))))),
                (depth > 0 && !(c && ctx.NoNull) ? 2 : 0, Lazy(() => ArrayNode(depth - 1, items))),
                (top.NoRef ? 0 : 2, Lazy(() => RefNode(ctx))),
                (depth > 0 && !ctx.NoNull && !top.NoRef ? 1 : 0, Lazy(() => AnyOfNode(depth - 1, ctx))),
                (depth > 0 && !c ? 1 : 0, Lazy(() => AllOfNode(depth - 1, ctx))),
                (c && ctx.Defs.Count > 0 && !top.NoRef ? 2 : 0, Lazy(() => CleanAllOf(ctx))),
                (ctx.NoNull ? 0 : 1, OpaqueNode(c)),
                (c ? 0 : 1, WeirdNode()))
            .SelectMany(n => Decorate(n, c))
            .Select(Splice);
    }

    /// <summary>Turns the "\0props" pseudo-member into properties + required.</summary>
    private static JNode Splice(JNode node)
    {
        if (node is not JObject o)
        {
            return node;
        }

        var result = new JObject();
        foreach (var m in o.Members)
        {
            if (m.Key == "\0props" && m.Value is JObject p)
            {
                foreach (var inner in p.Members)
                {
                    result.Add(inner.Key, inner.Value);
                }
            }
            else
            {
                result.Add(m.Key, m.Value);
            }
        }

        return result;
    }

    private static Gen<JNode> Decorate(JNode node, bool clean) =>
        from description in Chance(50)
        from text in Text
        from title in Chance(4)
        from titleText in Gen.Elements(Titles)
        from comment in Chance(4)
        from unknown in Chance(4)
        from keyword in Gen.Elements(clean ? Hostile.CleanUnknownKeywords : Hostile.UnknownKeywords)
        select AddExtras(node, description ? text : null, title ? titleText : null, comment, unknown ? keyword : null);

    private static JNode AddExtras(JNode node, string? description, string? title, bool comment, string? unknown)
    {
        if (node is not JObject o)
        {
            return node;
        }

        if (description is not null)
        {
            o.Add("description", new JString(description));
        }

        if (title is not null)
        {
            o.Add("title", new JString(title));
        }

        if (comment)
        {
            o.Add("$comment", new JString("a comment"));
        }

        if (unknown is not null)
        {
            o.Add(unknown, new JObject());
        }

        return o;
    }

    private static Gen<JNode> Count(bool clean) => Pick((8, Num("0", "1", "2", "5", "10")), (clean ? 0 : 2, Num(Numbers)), (clean ? 0 : 1, Str("2")), (clean ? 0 : 1, Const(() => new JBool(true))));

    private static Gen<JNode> StringNode(Ctx ctx) => Obj(
        Always("type", Pick((6, Str("string")), (ctx.NoNull ? 0 : 1, Const(() => J.Arr(J.Str("string"), J.Str("null")))))),
        Maybe(25, "format", Str(Hostile.Formats)),
        Maybe(20, "pattern", Pick((4, Str(Hostile.ValidPatterns)), (ctx.Clean ? 0 : 1, Str(Hostile.InvalidPatterns)), (ctx.Clean ? 0 : 1, Num("5")))),
        Maybe(15, "minLength", Count(ctx.Clean)),
        Maybe(15, "maxLength", Count(ctx.Clean)));

    private static Gen<JNode> NumberNode(Ctx ctx) => Obj(
        Always("type", Gen.Elements("number", "integer").SelectMany(t => Chance(ctx.NoNull ? 0 : 15).Select(n => n ? (JNode)J.Arr(J.Str(t), J.Str("null")) : J.Str(t)))),
        Maybe(20, "format", Str(Hostile.Formats)),
        Maybe(30, "minimum", Pick((6, Num("0", "1", "-5", "0.5", "100")), (2, Num(ctx.Clean ? CleanNumbers : Numbers)), (ctx.Clean ? 0 : 1, Str("10")))),
        Maybe(30, "maximum", Pick((6, Num("10", "1000", "99.99", "2147483647")), (2, Num(ctx.Clean ? CleanNumbers : Numbers)))));

    /// <summary>Numbers a decimal holds (beyond that, BDSL1007 by design).</summary>
    private static readonly string[] CleanNumbers = Hostile.Numbers.Where(n => decimal.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).ToArray();

    private static Gen<JNode> BoolNode(Ctx ctx) => Obj(
        Always("type", Pick((6, Str("boolean")), (ctx.NoNull ? 0 : 1, Const(() => J.Arr(J.Str("boolean"), J.Str("null")))))),
        Maybe(5, "format", Str(Hostile.Formats)));

    private static Gen<JNode> ArrayNode(int depth, Ctx items) => Obj(
        Always("type", Pick((6, Str("array")), (1, Const(() => J.Arr(J.Str("array"), J.Str("null")))))),
        Maybe(85, "items", Lazy(() => Node(depth, items))),
        Maybe(20, "minItems", Count(items.Clean)),
        Maybe(20, "maxItems", Count(items.Clean)),
        Maybe(20, "uniqueItems", Pick((5, Const(() => new JBool(true))), (items.Clean ? 0 : 1, Str("yes")))),
        Maybe(10, "x-warn-on-duplicates", Const(() => new JBool(true))));

    private static Gen<JNode> RefNode(Ctx ctx)
    {
        var targets = new List<(int, Gen<JNode>)>
        {
            (ctx.Clean ? 0 : 2, Str("#/$defs/Missing", "#/nothing", "missing.schema.json", "#/properties/nope")),
            (1, Str("#", string.Empty)),
        };
        if (ctx.Defs.Count > 0)
        {
            targets.Add((6, Str(ctx.Defs.Select(d => "#/$defs/" + System.Uri.EscapeDataString(d).Replace("%20", " ")).ToArray())));
        }

        var others = ctx.Files.Where(f => f != ctx.Self).ToArray();
        if (others.Length > 0 && !ctx.Clean)
        {
            targets.Add((5, Str(others)));
            targets.Add((1, Str(others.Select(f => f + "#/properties/" + Hostile.PlainNames[0]).ToArray())));
        }

        return Obj(
            Always("$ref", Pick(targets.ToArray())),
            Maybe(ctx.NoNull ? 0 : 15, "type", Const(() => J.Arr(J.Str("object"), J.Str("null")))),
            Maybe(ctx.Clean ? 0 : 5, "pattern", Str(Hostile.InvalidPatterns)),
            Maybe(ctx.Clean ? 0 : 5, "pattern", Str(Hostile.ValidPatterns)),
            Maybe(5, "format", Str("uri", "email", "date-time")),
            Maybe(5, "minimum", Num("1")));
    }

    private static Gen<JNode> AnyOfNode(int depth, Ctx ctx)
    {
        var nullOnly = Const(() => J.Obj(("type", J.Str("null"))));
        var one = Lazy(() => Node(depth, ctx with { NoNull = ctx.Clean }));
        var c = ctx.Clean ? 0 : 1;
        return Obj(Always("anyOf", Pick(
            (10, Gen.CollectToList(new[] { one, nullOnly }).Select(l => (JNode)new JArray(l))),
            (3, Gen.CollectToList(new[] { nullOnly, one }).Select(l => (JNode)new JArray(l))),
            (2 * c, Gen.CollectToList(new[] { one, one }).Select(l => (JNode)new JArray(l))),
            (c, Const(() => J.Arr())),
            (c, one.Select(n => (JNode)J.Arr(n))),
            (c, Const(() => J.Arr(J.Obj(("type", J.Str("null"))), J.Obj(("type", J.Str("null")))))),
            (c, Const(() => new JObject())))));
    }

    private static Gen<JNode> AllOfNode(int depth, Ctx ctx)
    {
        var required = Between(Name(false), 1, 2).Select(n => (JNode)J.Obj(("required", J.Strs(n))));
        return Obj(Always("allOf", Pick(
            (6, Gen.CollectToList(new[] { RefNode(ctx), required }).Select(l => (JNode)new JArray(l))),
            (3, Gen.CollectToList(new[] { Lazy(() => Node(depth, ctx)), required }).Select(l => (JNode)new JArray(l))),
            (2, Gen.CollectToList(new[] { Lazy(() => Node(depth, ctx)), Lazy(() => Node(depth, ctx)) }).Select(l => (JNode)new JArray(l))),
            (1, required.Select(r => (JNode)J.Arr(r))),
            (1, Const(() => J.Arr())),
            (1, Str("x")))));
    }

    private static Gen<JNode> OpaqueNode(bool clean) => Gen.Elements<System.Func<JNode>>(
        () => new JObject(),
        () => J.Obj(("type", J.Str("object"))),
        () => J.Obj(("type", J.Arr(J.Str("object"), J.Str("null")))),
        () => J.Obj(("type", J.Str("null"))),
        () => J.Obj(("type", J.Arr())),
        () => J.Obj(("description", J.Str("anything")))).Select(f => f());

    private static Gen<JNode> WeirdNode() => Gen.Elements<System.Func<JNode>>(
        () => J.Obj(("type", J.Num(5))),
        () => J.Obj(("type", J.Str("strnig"))),
        () => J.Obj(("type", J.Arr(J.Str("string"), J.Str("number")))),
        () => J.Obj(("type", J.Str("object")), ("properties", J.Arr())),
        () => J.Obj(("type", J.Str("object")), ("required", J.Str("x")), ("properties", J.Obj(("x", J.Obj(("type", J.Str("string"))))))),
        () => J.Obj(("enum", new JObject())),
        () => J.Obj(("type", J.Str("string")), ("minLength", J.Num(-1))),
        () => J.Obj(("oneOf", J.Arr(J.Obj(("type", J.Str("string")))))),
        () => J.Obj(("$defs", new JObject())),
        () => J.Obj(("type", J.Str("array")), ("items", J.Arr())),
        () => J.Obj(("type", J.Str("array")), ("items", J.Obj(("type", J.Str("array")), ("items", new JObject())))),
        () => J.Obj(("type", J.Str("array")), ("items", J.Obj(("type", J.Arr(J.Str("string"), J.Str("null")))))),
        () => J.Obj(("additionalProperties", new JObject())),
        () => J.Obj(("type", J.Str("integer")), ("enum", J.Arr(J.Str("a")))),
        () => J.Obj(("type", J.Str("string")), ("format", J.Num(1)), ("pattern", J.Bool(true))),
        () => J.Obj(("properties", J.Obj(("a", J.Num(5))))),
        () => J.Obj(("items", J.Obj(("type", J.Str("string"))))),
        () => J.Obj(("type", J.Str("string")), ("type", J.Str("integer"))),
        () => J.Obj(("$ref", J.Num(5)))).Select(f => f());
}
