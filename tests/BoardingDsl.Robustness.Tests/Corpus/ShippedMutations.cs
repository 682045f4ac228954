using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using BoardingDsl.Robustness.Tests.Infrastructure;
using BoardingDsl.Robustness.Tests.Json;
using FsCheck;
using FsCheck.Fluent;
using static BoardingDsl.Robustness.Tests.Corpus.Gens;

namespace BoardingDsl.Robustness.Tests.Corpus;

/// <summary>
/// Mutants of the shipped schemas (schemas/): one or two files of a schema's closure (itself and every file it references)
/// get 1–4 random edits — delete, duplicate or rename a member, change a value's type, swap two values, put in a hostile
/// string or a hostile member. Each mutant set gets its own folder, namespace and $id base, so sets do not collide.
/// </summary>
internal static class ShippedMutations
{
    private const string ShippedIdBase = "https://schemas.boardingdsl.example/v1/";

    private static readonly Regex FileReference = new(@"""([a-z0-9-]+\.schema\.json)", RegexOptions.CultureInvariant);

    /// <summary>The shipped schemas, by file name, with their $id base moved into the case's $id space.</summary>
    public static IReadOnlyDictionary<string, string> Shipped { get; } = Directory.GetFiles(RepoPaths.Schemas, "*.schema.json")
        .OrderBy(p => p, StringComparer.Ordinal)
        .ToDictionary(p => Path.GetFileName(p), p => File.ReadAllText(p).Replace(ShippedIdBase, "https://t.example/" + SchemaCase.CaseToken + "/", StringComparison.Ordinal), StringComparer.Ordinal);

    /// <summary>A file and every shipped file it references, transitively.</summary>
    public static IReadOnlyList<string> Closure(string file)
    {
        var result = new List<string>();
        var queue = new Queue<string>(new[] { file });
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            if (result.Contains(next) || !Shipped.ContainsKey(next))
            {
                continue;
            }

            result.Add(next);
            foreach (Match m in FileReference.Matches(Shipped[next]))
            {
                queue.Enqueue(m.Groups[1].Value);
            }
        }

        return result;
    }

    public enum Kind
    {
        Delete,
        Duplicate,
        Rename,
        ChangeType,
        Swap,
        HostileString,
        InsertMember,
    }

    /// <summary>One edit: what, where (indexes taken modulo the candidates) and with what.</summary>
    public sealed record Edit(Kind Kind, int Where, int Other, string Name, JNode Value)
    {
        public override string ToString() => $"{Kind}@{Where}/{Other} '{Name}'";
    }

    private static readonly string[] Keywords = { "type", "properties", "required", "items", "enum", "$ref", "format", "pattern", "anyOf", "allOf", "title", "description", "additionalProperties", "minimum", "maxLength", "x-boarding-endpoint", "operation", "role", "response" };

    private static Gen<string> EditName => Pick(
        (4, HostileSchemaGen.Name()),
        (2, Gen.Elements(Keywords)),
        (1, Gen.Elements(Keywords).Select(k => k.ToUpperInvariant())),
        (1, Gen.Elements(Keywords).Select(k => k.Length > 1 ? k.Substring(1) : k)));

    private static Gen<JNode> EditValue => Pick(
        (3, Str(HostileSchemaGen.Text)),
        (2, Str(HostileSchemaGen.Name())),
        (2, Num("0", "-1", "1.5", "1e400", "5")),
        (1, Const(() => new JBool(true))),
        (1, Const(() => new JNull())),
        (1, Const(() => new JArray())),
        (1, Const(() => new JObject())),
        (1, Str("string", "object", "array", "integer", "strnig", "null")),
        (1, Str("order.schema.json", "missing.schema.json", "#", "#/$defs/X", "address.schema.json#/properties/street")),
        (3, HostileSchemaGen.Node(1)));

    public static Gen<Edit> EditGen { get; } =
        from kind in Gen.Elements(Enum.GetValues<Kind>())
        from at in Gen.Choose(0, 100_000)
        from other in Gen.Choose(0, 100_000)
        from name in EditName
        from value in EditValue
        select new Edit(kind, at, other, name, value);

    /// <summary>A mutant set: a shipped schema's closure with 1–4 edits on it and maybe 1–2 on another file of the set.</summary>
    public static Gen<CaseDraft> Case { get; } = (
        from target in Gen.Elements(Shipped.Keys.ToArray())
        from edits in Between(EditGen, 1, 4)
        from second in Chance(20)
        from secondIndex in Gen.Choose(0, 100)
        from secondEdits in Between(EditGen, 1, 2)
        from indent in Chance(80)
        select Build(target, edits, second ? secondIndex : -1, secondEdits, indent))
        .Where(c => !KnownBugs.Avoid || !KnownBugTriggers.Triggers(c));

    private static CaseDraft Build(string target, List<Edit> edits, int secondIndex, List<Edit> secondEdits, bool indent)
    {
        var closure = Closure(target);
        var second = secondIndex < 0 || closure.Count < 2 ? null : closure[1 + (secondIndex % (closure.Count - 1))];
        var applied = new List<string>();
        var files = closure.Select(name =>
        {
            var root = J.Parse(Shipped[name]);
            var list = name == target ? edits : name == second ? secondEdits : null;
            if (list is not null)
            {
                foreach (var e in list)
                {
                    applied.Add(name + ": " + Apply(root, e));
                }
            }

            return new FileDraft(name, root, indent || list is null);
        }).ToArray();
        return new CaseDraft("mutant of " + target + " [" + string.Join("; ", applied) + "]", files);
    }

    private sealed record Slot(JNode Container, int Index)
    {
        public JNode Value
        {
            get => Container is JObject o ? o.Members[Index].Value : ((JArray)Container).Items[Index];
            set
            {
                if (Container is JObject o)
                {
                    o.Members[Index] = new KeyValuePair<string, JNode>(o.Members[Index].Key, value);
                }
                else
                {
                    ((JArray)Container).Items[Index] = value;
                }
            }
        }
    }

    private static List<Slot> Slots(JNode root)
    {
        var slots = new List<Slot>();
        void Walk(JNode n)
        {
            switch (n)
            {
                case JObject o:
                    for (var i = 0; i < o.Members.Count; i++)
                    {
                        slots.Add(new Slot(o, i));
                        Walk(o.Members[i].Value);
                    }

                    break;
                case JArray a:
                    for (var i = 0; i < a.Items.Count; i++)
                    {
                        slots.Add(new Slot(a, i));
                        Walk(a.Items[i]);
                    }

                    break;
            }
        }

        Walk(root);
        return slots;
    }

    private static bool Contains(JNode outer, JNode inner) =>
        ReferenceEquals(outer, inner) || (outer is JObject o && o.Members.Any(m => Contains(m.Value, inner))) || (outer is JArray a && a.Items.Any(i => Contains(i, inner)));

    /// <summary>Applies one edit to the tree and says what it did.</summary>
    public static string Apply(JNode root, Edit e)
    {
        var slots = Slots(root);
        if (slots.Count == 0)
        {
            return "nothing to edit";
        }

        var slot = slots[e.Where % slots.Count];
        switch (e.Kind)
        {
            case Kind.Delete:
                if (slot.Container is JObject d)
                {
                    var key = d.Members[slot.Index].Key;
                    d.Members.RemoveAt(slot.Index);
                    return "deleted member " + key;
                }

                ((JArray)slot.Container).Items.RemoveAt(slot.Index);
                return "deleted item " + slot.Index;
            case Kind.Duplicate:
                if (slot.Container is JObject dup)
                {
                    dup.Members.Insert(slot.Index + 1, new KeyValuePair<string, JNode>(dup.Members[slot.Index].Key, dup.Members[slot.Index].Value.Clone()));
                    return "duplicated member " + dup.Members[slot.Index].Key;
                }

                ((JArray)slot.Container).Items.Insert(slot.Index + 1, slot.Value.Clone());
                return "duplicated item " + slot.Index;
            case Kind.Rename:
                var members = slots.Where(s => s.Container is JObject).ToList();
                var m = members[e.Where % members.Count];
                var o = (JObject)m.Container;
                var old = o.Members[m.Index].Key;
                o.Members[m.Index] = new KeyValuePair<string, JNode>(e.Name, o.Members[m.Index].Value);
                return $"renamed {old} to {JsonText.Quote(e.Name, asciiOnly: true)}";
            case Kind.ChangeType:
                var before = slot.Value.GetType().Name;
                slot.Value = e.Value.GetType() == slot.Value.GetType() && e.Value is not JObject ? new JArray(new[] { e.Value.Clone() }) : e.Value.Clone();
                return $"changed a {before} to {slot.Value.GetType().Name}";
            case Kind.Swap:
                var other = slots[e.Other % slots.Count];
                if (Contains(slot.Value, other.Value) || Contains(other.Value, slot.Value))
                {
                    return "swap skipped (nested)";
                }

                (slot.Value, other.Value) = (other.Value, slot.Value);
                return "swapped two values";
            case Kind.HostileString:
                var strings = slots.Where(s => s.Value is JString).ToList();
                if (strings.Count == 0)
                {
                    return "no string";
                }

                var target = strings[e.Where % strings.Count];
                target.Value = new JString(e.Name);
                return "string set to " + JsonText.Quote(e.Name, asciiOnly: true);
            default: // InsertMember
                var objects = new List<JObject>();
                if (root is JObject r)
                {
                    objects.Add(r);
                }

                objects.AddRange(slots.Select(s => s.Value).OfType<JObject>());
                var into = objects[e.Where % objects.Count];
                into.Members.Insert(e.Other % (into.Members.Count + 1), new KeyValuePair<string, JNode>(e.Name, e.Value.Clone()));
                return "inserted member " + JsonText.Quote(e.Name, asciiOnly: true);
        }
    }
}
